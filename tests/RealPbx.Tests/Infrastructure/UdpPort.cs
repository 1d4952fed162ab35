using System.Net;
using System.Net.Sockets;

namespace CallPing.RealPbx.Tests.Infrastructure;

public static class UdpPort
{
    /// <summary>A UDP port on 127.0.0.1 that was free a moment ago, with the port two above it free too (sipp's RTP takes both).</summary>
    public static int Next()
    {
        while (true)
        {
            using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
            try
            {
                using var above = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 2));
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
