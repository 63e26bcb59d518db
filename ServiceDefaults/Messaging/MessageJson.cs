using System.Text.Json;

namespace PropertyPlatform.ServiceDefaults.Messaging;

/// <summary>How events are stored in the outbox: the platform's JSON conventions, so rows read well in psql.</summary>
internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }
}
