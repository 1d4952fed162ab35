using System.Net;
using System.Net.Sockets;

namespace CallPing.TestSupport;

public static class FreePort
{
    // Below Linux's ephemeral range (32768 and up by default): a port the kernel hands to a listener on port 0 comes from
    // that range, and any outgoing connection of a busy test run could take it before the test binds it again.
    private const int First = 20_000;
    private const int Count = 12_000;

    // Each test process starts at its own place in the range, so that parallel processes rarely hand out the same port.
    private static int _next = Random.Shared.Next(Count);

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago, never the same one twice in a process.</summary>
    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free TCP port on 127.0.0.1 from {First} to {First + Count - 1}.");
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
