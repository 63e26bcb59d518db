namespace PropertyPlatform.Directory.SignIn;

/// <summary>Sign-in settings, bound from the <c>Directory</c> section (e.g. <c>Directory__Lockout__MaxFailedAttempts</c>).</summary>
public sealed class SignInOptions
{
    public const string SectionName = "Directory";

    public TokenSettings Tokens { get; set; } = new();

    public SigningKeySettings SigningKeys { get; set; } = new();

    public LockoutSettings Lockout { get; set; } = new();

    public BootstrapSettings Bootstrap { get; set; } = new();

    public sealed class TokenSettings
    {
        public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>How long a refresh token may wait to be used; each use issues a new one.</summary>
        public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
    }

    public sealed class SigningKeySettings
    {
        /// <summary>How long one key signs before the next one takes over.</summary>
        public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

        /// <summary>
        /// How long a new key is published before it signs, so every cache of the key set has it by then.
        /// Longer than the services' <c>Auth:JwksRefreshInterval</c>.
        /// </summary>
        public TimeSpan PublishLead { get; set; } = TimeSpan.FromHours(1);
    }

    public sealed class LockoutSettings
    {
        public int MaxFailedAttempts { get; set; } = 5;

        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
    }

    public sealed class BootstrapSettings
    {
        /// <summary>When set and no account exists yet, an administrator account is created with this password at start-up.</summary>
        public string? AdminPassword { get; set; }

        public string AdminUserName { get; set; } = "admin";
    }
}
