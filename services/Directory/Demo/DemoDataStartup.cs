using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyPlatform.Directory.Infrastructure;

namespace PropertyPlatform.Directory.Demo;

/// <summary>
/// In demo mode, loads the demo property at start-up (after the migrations) when the database has no property
/// at all; a database someone already works in is left alone.
/// </summary>
public sealed partial class DemoDataStartup(IServiceScopeFactory scopes, IOptions<DemoOptions> options, ILogger<DemoDataStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        if (await db.Properties.AnyAsync(cancellationToken))
        {
            LogSkipped(logger);
            return;
        }

        var result = await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(cancellationToken);
        if (result.Loaded)
        {
            LogLoaded(logger, result.PropertyName, result.Buildings, result.Units, result.Occupants, result.Occupancies, result.Staff,
                string.Join(", ", result.Accounts));
        }
        if (result.AccountsAlreadyTaken.Count > 0)
        {
            LogTaken(logger, string.Join(", ", result.AccountsAlreadyTaken));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: the database already has properties; no demo data loaded")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo mode: loaded {Property} with {Buildings} buildings, {Units} units, {Occupants} occupants, {Occupancies} occupancies, {Staff} staff; accounts {Accounts}")]
    private static partial void LogLoaded(ILogger logger, string property, int buildings, int units, int occupants, int occupancies, int staff, string accounts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo mode: user names {UserNames} were already taken; those accounts keep their own passwords")]
    private static partial void LogTaken(ILogger logger, string userNames);
}
