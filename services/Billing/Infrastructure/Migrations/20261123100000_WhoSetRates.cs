using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Billing.Infrastructure.Migrations;

/// <summary>Who set each rate, from the caller's access token; empty for earlier rates.</summary>
[DbContext(typeof(BillingDbContext))]
[Migration("20261123100000_WhoSetRates")]
public sealed class WhoSetRates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("set_by_id", "fee_rates", type: "uuid", nullable: true);
        migrationBuilder.AddColumn<string>("set_by_name", "fee_rates", type: "character varying(100)", maxLength: 100, nullable: true);
    }
}
