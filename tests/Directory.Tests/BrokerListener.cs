using System.Collections.Concurrent;
using MassTransit;

namespace PropertyPlatform.Directory.Tests;

/// <summary>
/// A bus of the test's own on the app's virtual host, with a queue bound to <typeparamref name="TMessage"/>:
/// what arrives here really went through RabbitMQ, as another service would receive it.
/// </summary>
public sealed class BrokerListener<TMessage> : IAsyncDisposable
    where TMessage : class
{
    private readonly IBusControl _bus;

    private BrokerListener(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<ConsumeContext<TMessage>> Received { get; } = new();

    /// <summary>Starts listening; messages published before this returns are not seen (no queue was bound yet).</summary>
    public static async Task<BrokerListener<TMessage>> StartAsync(string brokerConnectionString)
    {
        var address = new Uri(brokerConnectionString);
        var credentials = address.UserInfo.Split(':', 2);
        BrokerListener<TMessage>? listener = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address, host =>
            {
                host.Username(Uri.UnescapeDataString(credentials[0]));
                host.Password(Uri.UnescapeDataString(credentials[1]));
            });
            rabbit.ReceiveEndpoint($"test-listener-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<TMessage>(context =>
                {
                    listener!.Received.Enqueue(context);
                    return Task.CompletedTask;
                });
            });
        });
        listener = new BrokerListener<TMessage>(bus);
        await bus.StartAsync(TestContext.Current.CancellationToken);
        return listener;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync(CancellationToken.None);
}
