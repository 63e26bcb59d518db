using System.Data.Common;
using System.Text.RegularExpressions;

namespace PropertyPlatform.TestSupport.Servers;

/// <summary>
/// Creates databases on a PostgreSQL server with <c>psql</c>, so the AppHost needs no database driver.
/// Works for our own servers and for an external one given by connection string.
/// </summary>
public static partial class PostgresDatabases
{
    /// <summary>Creates <paramref name="database"/> unless it exists. Safe to call concurrently.</summary>
    public static async Task EnsureExistsAsync(string serverConnectionString, string database, CancellationToken cancellationToken)
    {
        if (!SafeName().IsMatch(database))
        {
            throw new ArgumentException($"'{database}' is not a plain database name (lower-case letters, digits, '_').", nameof(database));
        }

        var exists = await QueryAsync(serverConnectionString, $"SELECT 1 FROM pg_database WHERE datname = '{database}'", cancellationToken);
        if (exists.Trim() == "1")
        {
            return;
        }

        try
        {
            await QueryAsync(serverConnectionString, $"CREATE DATABASE \"{database}\"", cancellationToken);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("already exists", StringComparison.Ordinal))
        {
            // Someone else created it a moment ago.
        }
    }

    /// <summary><paramref name="serverConnectionString"/> with <paramref name="database"/> as its database.</summary>
    public static string WithDatabase(string serverConnectionString, string database)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = serverConnectionString };
        builder.Remove("Initial Catalog");
        builder["Database"] = database;
        return builder.ConnectionString;
    }

    /// <summary>Host and port of a server connection string, e.g. for a reachability check.</summary>
    public static (string Host, int Port) Endpoint(string serverConnectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = serverConnectionString };
        var host = Value(builder, "Host", "Server") ?? "localhost";
        var port = int.TryParse(Value(builder, "Port"), out var parsed) ? parsed : 5432;
        return (host, port);
    }

    private static async Task<string> QueryAsync(string serverConnectionString, string sql, CancellationToken cancellationToken)
    {
        var psql = (PostgresServer.FindBinDirectory() is { } bin ? Path.Combine(bin, "psql") : null) ?? Executables.FindOnPath("psql")
            ?? throw new PlatformStartupException("psql is not installed: run `sudo apt-get install -y postgresql-client`");
        var builder = new DbConnectionStringBuilder { ConnectionString = serverConnectionString };
        var (host, port) = Endpoint(serverConnectionString);
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = host,
            ["PGPORT"] = port.ToString(),
            ["PGUSER"] = Value(builder, "Username", "User ID", "User", "UserName") ?? "postgres",
            ["PGPASSWORD"] = Value(builder, "Password", "PWD"),
            ["PGDATABASE"] = "postgres",
            ["PGCONNECT_TIMEOUT"] = "10",
        };
        var (exitCode, output) = await ChildProcess.RunAsync(
            new ProcessCommand(psql, ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql]) { Environment = environment },
            TimeSpan.FromSeconds(60),
            cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"psql on {host}:{port} failed ({sql}): {output.ReplaceLineEndings(" ")}");
        }

        return output;
    }

    private static string? Value(DbConnectionStringBuilder builder, params string[] keys) =>
        keys.Select(key => builder.TryGetValue(key, out var value) ? value?.ToString() : null).FirstOrDefault(value => value is not null);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SafeName();
}
