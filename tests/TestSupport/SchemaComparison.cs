using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PropertyPlatform.TestSupport;

/// <summary>
/// Proves that a service's hand-written migrations build exactly the schema its EF model describes:
/// one database is migrated, another is created straight from the model, and their catalogues must match —
/// tables, columns (type, length, precision, nullability, default, identity), indexes and constraints.
/// </summary>
public static class SchemaComparison
{
    public static async Task<SchemaDifference> CompareMigrationsWithModelAsync<TDbContext>(
        Func<string, Task<string>> createDatabase, Func<DbContextOptions<TDbContext>, TDbContext> createContext)
        where TDbContext : DbContext
    {
        var migrated = await createDatabase("migrated");
        await using (var db = createContext(Options<TDbContext>(migrated)))
        {
            await db.Database.MigrateAsync();
        }

        var fromModel = await createDatabase("model");
        await using (var db = createContext(Options<TDbContext>(fromModel)))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var migratedSchema = await DescribeAsync(migrated);
        var modelSchema = await DescribeAsync(fromModel);
        return new SchemaDifference(
            OnlyInMigrations: migratedSchema.Except(modelSchema).ToList(),
            OnlyInModel: modelSchema.Except(migratedSchema).ToList());
    }

    /// <summary>
    /// Whether the committed model snapshot is the current model, so that <c>dotnet ef migrations add</c> on an
    /// unchanged model would write an empty migration. Reads no database.
    /// </summary>
    public static bool SnapshotMatchesModel<TDbContext>(Func<DbContextOptions<TDbContext>, TDbContext> createContext)
        where TDbContext : DbContext
    {
        using var db = createContext(Options<TDbContext>("Host=unused"));
        return !db.Database.HasPendingModelChanges();
    }

    private static DbContextOptions<TDbContext> Options<TDbContext>(string connectionString) where TDbContext : DbContext =>
        new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options;

    /// <summary>The public schema as sorted lines of text, without EF's migrations history table.</summary>
    public static async Task<IReadOnlyList<string>> DescribeAsync(string connectionString)
    {
        const string catalogue = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                   || coalesce('(' || character_maximum_length || ')', '')
                   || coalesce(' precision ' || numeric_precision || ',' || numeric_scale, '')
                   || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-')
                   || ' identity=' || coalesce(identity_generation, '-')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__ef_migrations_history'
            UNION ALL
            SELECT 'index ' || indexdef
            FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history'
            UNION ALL
            SELECT 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.connamespace = 'public'::regnamespace AND c.conrelid::regclass::text <> '__ef_migrations_history'
            """;
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(catalogue, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

/// <summary>What the migrations and the model disagree on; both empty when they match.</summary>
public sealed record SchemaDifference(IReadOnlyList<string> OnlyInMigrations, IReadOnlyList<string> OnlyInModel)
{
    public bool IsEmpty => OnlyInMigrations.Count == 0 && OnlyInModel.Count == 0;

    public override string ToString() =>
        $"Only in the migrated schema:\n  {string.Join("\n  ", OnlyInMigrations)}\nOnly in the model's schema:\n  {string.Join("\n  ", OnlyInModel)}";
}
