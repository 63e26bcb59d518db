using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Data;

namespace PropertyPlatform.Directory.SignIn;

/// <summary>
/// The first administrator: with <c>Directory:Bootstrap:AdminPassword</c> set and no account at all, creates
/// <c>admin</c> (scoped to every property) at start-up, after the migrations. Otherwise does nothing.
/// </summary>
public sealed partial class AdminBootstrap(IServiceScopeFactory scopes, IOptions<SignInOptions> options, ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.Bootstrap;
        if (string.IsNullOrEmpty(bootstrap.AdminPassword))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        try
        {
            var account = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync(
                new NewAccount(bootstrap.AdminUserName, bootstrap.AdminPassword, Guid.CreateVersion7(), "Administrator", [Roles.Admin], AccountScope.Everything),
                cancellationToken);
            LogCreated(logger, account.UserName);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another replica created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap administrator account '{UserName}' created")]
    private static partial void LogCreated(ILogger logger, string userName);
}
