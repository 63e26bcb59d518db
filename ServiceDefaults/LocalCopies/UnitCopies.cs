using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>
/// The local copy of units in one piece: the model (<see cref="ApplyUnitCopies"/>), the consumers that keep
/// it (<see cref="AddUnitCopies{TDbContext}"/>) and the table in the initial migration (<see cref="CreateUnitCopies"/>).
/// </summary>
public static class UnitCopies
{
    /// <summary>Adds <see cref="UnitCopy"/> (table <c>units</c>) to the model; call after <c>base.OnModelCreating</c>.</summary>
    public static ModelBuilder ApplyUnitCopies(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new UnitCopyConfiguration());

    /// <summary>
    /// Consumes Directory's unit events into <typeparamref name="TDbContext"/>'s copy (queues <c>&lt;service&gt;-unit-registered</c>,
    /// <c>&lt;service&gt;-unit-changed</c>), and fills the copy from Directory's unit feed at start when it is empty or behind.
    /// </summary>
    public static IBusRegistrationConfigurator AddUnitCopies<TDbContext>(this IBusRegistrationConfigurator bus)
        where TDbContext : ServiceDbContext, IHasUnitCopies
    {
        bus.AddConsumer<UnitRegisteredConsumer<TDbContext>>();
        bus.AddConsumer<UnitChangedConsumer<TDbContext>>();
        bus.AddLocalCopyFill<UnitCopyFeed<TDbContext>, UnitRecord>();
        return bus;
    }

    /// <summary>The <c>units</c> table of <see cref="UnitCopyConfiguration"/>, for a service's initial migration.</summary>
    public static void CreateUnitCopies(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "units",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                building_id = table.Column<Guid>(type: "uuid", nullable: false),
                building_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                floor = table.Column<int>(type: "integer", nullable: false),
                type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                chargeable_area = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_units", x => x.id));
        migrationBuilder.CreateIndex("ix_units_property_id", "units", "property_id");
    }

    /// <summary>
    /// The <c>version</c> column of <see cref="UnitCopy.Version"/>, for a service's migration after the initial one.
    /// Existing copies get none: they are read again from Directory's feed once.
    /// </summary>
    public static void AddUnitCopyVersions(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTimeOffset>(name: "version", table: "units", type: "timestamp with time zone", nullable: true);
}
