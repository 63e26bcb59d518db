using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PropertyPlatform.Complaints.Infrastructure.Migrations;

/// <summary>Similar complaints linked together and proposed as hot (热点投诉).</summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration("20261206120000_HotProposals")]
public sealed class HotProposals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("similar_group_id", "complaints", type: "uuid", nullable: true);
        migrationBuilder.AddColumn<bool>("hot_proposed", "complaints", type: "boolean", nullable: false, defaultValue: false);
        migrationBuilder.Sql("ALTER TABLE complaints ALTER COLUMN hot_proposed DROP DEFAULT;");
        migrationBuilder.CreateIndex("ix_complaints_similar_group_id", "complaints", "similar_group_id", filter: "similar_group_id IS NOT NULL");
    }
}
