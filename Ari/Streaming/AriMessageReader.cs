using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CallPing.Ari.Streaming;

/// <summary>Reads whole text messages off a WebSocket; null means the peer closed it.</summary>
internal sealed class AriMessageReader(WebSocket socket, int maxMessageBytes, ILogger logger)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly MemoryStream _message = new();

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _message.SetLength(0);
            var tooLong = false;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                tooLong |= _message.Length + result.Count > maxMessageBytes;
                if (!tooLong)
                {
                    _message.Write(_buffer, 0, result.Count);
                }
            }
            while (!result.EndOfMessage);

            if (tooLong)
            {
                logger.LogWarning("Skipping an ARI message longer than {Limit} bytes", maxMessageBytes);
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Text)
            {
                return Encoding.UTF8.GetString(_message.GetBuffer(), 0, (int)_message.Length);
            }
        }
    }
}
