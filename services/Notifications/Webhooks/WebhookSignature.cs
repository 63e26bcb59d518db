using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PropertyPlatform.Notifications.Webhooks;

/// <summary>
/// The signature header of a webhook request: <c>X-PropertyPlatform-Signature: t=1765065600,v1=5257a8…</c>, where
/// <c>v1</c> is the hex HMAC-SHA256, keyed with the subscription's secret, of <c>{t}.{body}</c>. The timestamp in the
/// signed text lets a receiver refuse old requests replayed by someone else.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-PropertyPlatform-Signature";
    public const string EventTypeHeader = "X-PropertyPlatform-Event";
    public const string DeliveryHeader = "X-PropertyPlatform-Delivery";

    public static string Sign(string secret, DateTimeOffset timestamp, string body)
    {
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A new secret: 32 random bytes, shown to the administrator once.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
