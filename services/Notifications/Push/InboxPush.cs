using Microsoft.AspNetCore.SignalR;
using PropertyPlatform.Notifications.Apis;
using PropertyPlatform.Notifications.Domain;

namespace PropertyPlatform.Notifications.Push;

/// <summary>Sends new inbox entries to the connections of those who may read them (<see cref="InboxGroups"/>).</summary>
public sealed partial class InboxPush(IHubContext<InboxHub> hub, ILogger<InboxPush> logger)
{
    /// <summary>
    /// Best effort, after the entries are committed: a failed push is logged, never retried, since the entry is in the
    /// inbox and a client reads it there when it (re)connects or refreshes.
    /// </summary>
    public async Task PushAsync(IEnumerable<InboxEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                try
                {
                    await hub.Clients.Groups(InboxGroups.Receiving(entry, language))
                        .SendAsync(InboxHub.EntryMethod, InboxEntryView.From(entry, language), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPushFailed(logger, e, entry.Id);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox entry {EntryId} could not be pushed live; it stays in the inbox")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid entryId);
}
