using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure.DataProtection;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.SignIn;

internal static class SignInExtensions
{
    /// <summary>Accounts, tokens and signing keys; Directory checks tokens itself with its own keys.</summary>
    public static void AddSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInOptions>()
            .Bind(builder.Configuration.GetSection(SignInOptions.SectionName))
            .Validate(o => o.SigningKeys.PublishLead < o.SigningKeys.RotationInterval, "Directory:SigningKeys:PublishLead must be shorter than RotationInterval.")
            .Validate(o => o.Lockout.MaxFailedAttempts > 0, "Directory:Lockout:MaxFailedAttempts must be positive.")
            .ValidateOnStart();

        // The signing keys' private parts are encrypted with Directory's one Data Protection setup (see DataProtectionSetup).
        builder.AddDirectoryDataProtection();

        builder.Services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddHostedService<SigningKeyRotationService>();
        builder.Services.AddScoped<TokenService>();
        builder.Services.AddScoped<TokenContents>();
        builder.Services.AddScoped<AccountRegistration>();
        builder.Services.AddHostedService<AdminBootstrap>();

        builder.Services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, LocalSigningKeys>();
        builder.AddPlatformAuthentication();

        // Other services read the feeds their local copies are filled from with a service token.
        if (builder.Configuration[ServiceTokens.SecretKey] is { Length: > 0 and < ServiceTokens.MinimumSecretLength })
        {
            throw new InvalidOperationException($"{ServiceTokens.SecretKey} must have at least {ServiceTokens.MinimumSecretLength} characters.");
        }
        builder.Services.AddScoped<ServiceTokenIssuer>();
        builder.AddServiceTokenAuthentication();
    }
}
