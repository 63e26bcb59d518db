using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Reception.Tests;

public sealed class MigrationTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_hand_written_migrations_build_exactly_the_schema_of_the_model()
    {
        var difference = await SchemaComparison.CompareMigrationsWithModelAsync<ReceptionDbContext>(
            infrastructure.CreateDatabaseAsync, options => new ReceptionDbContext(options));

        difference.IsEmpty.ShouldBeTrue(difference.ToString());
    }

    [Fact]
    public void The_committed_model_snapshot_is_the_current_model()
    {
        // Otherwise the next `dotnet ef migrations add` would also carry changes nobody asked for.
        SchemaComparison.SnapshotMatchesModel<ReceptionDbContext>(options => new ReceptionDbContext(options)).ShouldBeTrue();
    }
}
