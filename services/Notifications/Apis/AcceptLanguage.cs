using Microsoft.Net.Http.Headers;
using PropertyPlatform.Notifications.Domain;

namespace PropertyPlatform.Notifications.Apis;

public static class AcceptLanguage
{
    /// <summary>
    /// The client's most preferred language that messages are written in (highest q first, q=0 means "not
    /// this one"); Chinese when the header is missing or names none of them.
    /// </summary>
    public static Language Preferred(IEnumerable<StringWithQualityHeaderValue> acceptLanguage) =>
        acceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1) // a stable sort: equal weights keep the client's order
            .Select(l => Languages.FromTag(l.Value.Value))
            .FirstOrDefault(l => l is not null) ?? Languages.Default;
}
