using System.Net;
using System.Net.Sockets;

namespace PropertyPlatform.TestSupport.Servers;

/// <summary>Picks loopback TCP ports for the processes we start.</summary>
public static class Ports
{
    // Ports handed out by this process: the OS may offer a just-released port again, which would
    // give two of our own processes the same one.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port nothing listens on right now, found by letting the OS pick one.</summary>
    public static int Free()
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary><paramref name="preferred"/> when it is free, so addresses stay the same from run to run; else any free port.</summary>
    public static int PreferredOrFree(int preferred) => TryReserve(preferred) ? preferred : Free();

    /// <summary>True when <paramref name="port"/> is free on 127.0.0.1 and not yet handed out; it is then handed out.</summary>
    public static bool TryReserve(int port)
    {
        lock (HandedOut)
        {
            if (HandedOut.Contains(port) || !IsFree(port))
            {
                return false;
            }

            HandedOut.Add(port);
            return true;
        }
    }

    /// <summary>True when something accepts TCP connections on <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static async Task<bool> IsListeningAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until <paramref name="host"/>:<paramref name="port"/> accepts connections; throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilListeningAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await IsListeningAsync(host, port, cancellationToken))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"nothing accepts connections on {host}:{port} after {timeout.TotalSeconds:0}s");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
