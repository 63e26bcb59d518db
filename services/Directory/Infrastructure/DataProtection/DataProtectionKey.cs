namespace PropertyPlatform.Directory.Infrastructure.DataProtection;

/// <summary>One key of Directory's data-protection key ring, as the XML ASP.NET Core Data Protection writes.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
