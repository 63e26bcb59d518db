using System.Collections.Concurrent;
using PropertyPlatform.Notifications.Contacts;

namespace PropertyPlatform.Notifications.Channels;

/// <summary>An SMS gateway; a real one (a carrier's API) replaces <see cref="DevelopmentSmsProvider"/> in production.</summary>
public interface ISmsProvider
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken);
}

/// <summary>Sends nothing: records each message (for development and tests) and logs it with the number masked.</summary>
public sealed partial class DevelopmentSmsProvider(ILogger<DevelopmentSmsProvider> logger) : ISmsProvider
{
    private readonly ConcurrentQueue<SentSms> _sent = new();

    public IReadOnlyCollection<SentSms> Sent => _sent;

    public Task SendAsync(string phone, string text, CancellationToken cancellationToken)
    {
        _sent.Enqueue(new SentSms(phone, text));
        LogRecorded(logger, ContactProtector.MaskPhone(phone), text.Length);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development SMS to {Phone} recorded ({Length} characters); nothing was sent")]
    private static partial void LogRecorded(ILogger logger, string phone, int length);
}

public sealed record SentSms(string Phone, string Text);
