using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Complaints.Tests;

public sealed class MigrationTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_hand_written_migrations_build_exactly_the_schema_of_the_model()
    {
        var difference = await SchemaComparison.CompareMigrationsWithModelAsync<ComplaintsDbContext>(
            infrastructure.CreateDatabaseAsync, options => new ComplaintsDbContext(options));

        difference.IsEmpty.ShouldBeTrue(difference.ToString());
    }
}
