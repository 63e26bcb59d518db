using Microsoft.AspNetCore.SignalR;
using PropertyPlatform.Notifications.Apis;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Notifications.Push;

/// <summary>
/// Live inbox (<c>/hub</c>, through the gateway <c>/api/notifications/hub</c>): the server calls
/// <see cref="ListeningMethod"/> once the connection is set up, then <see cref="EntryMethod"/> with each new entry the caller may read, as <see cref="InboxEntryView"/> in the
/// connection's language (<c>?lang=en</c>, else <c>Accept-Language</c>, else Chinese). Clients call nothing; the
/// groups are fixed when the connection opens, and the connection closes when its access token expires, so a client
/// reconnects with a fresh token (and the roles and properties it carries).
/// </summary>
public sealed class InboxHub : Hub
{
    /// <summary>The client method that receives a new entry.</summary>
    public const string EntryMethod = "inboxEntry";

    /// <summary>
    /// Called once the connection hears new entries: the moment for a client to read the inbox again, so nothing made
    /// while it was away (or connecting) is missed.
    /// </summary>
    public const string ListeningMethod = "listening";

    public override async Task OnConnectedAsync()
    {
        var caller = Caller.From(Context.User!);
        foreach (var group in InboxGroups.Listening(caller, LanguageOf(Context.GetHttpContext())))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }
        await base.OnConnectedAsync();
        await Clients.Caller.SendAsync(ListeningMethod, Context.ConnectionAborted);
    }

    /// <summary>A browser cannot set headers on a WebSocket, so the console names its language in the query.</summary>
    private static Language LanguageOf(HttpContext? http)
    {
        if (http is null)
        {
            return Languages.Default;
        }
        return Languages.FromTag(http.Request.Query["lang"].ToString())
            ?? AcceptLanguage.Preferred(http.Request.GetTypedHeaders().AcceptLanguage);
    }
}
