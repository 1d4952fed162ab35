using System.Net.Sockets;
using System.Text;

namespace CallPing.WebFrontend.Tests.Infrastructure;

/// <summary>
/// HTTP/1.1 written by hand over a TcpClient, so that a body can be framed wrongly in ways HttpClient never sends.
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The server's answer: its status and content type, or a null status when it closed without answering.</summary>
    public sealed record Answer(int? Status, string? ContentType, string Text);

    public static async Task<Answer> PostAsync(Uri server, string path, IReadOnlyDictionary<string, string> headers, string json, BrokenBody fault)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var body = Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        head.Append(fault == BrokenBody.ContentLengthCutShort ? $"Content-Length: {body.Length + 10}\r\n" : "Transfer-Encoding: chunked\r\n");
        head.Append("\r\n");
        var announced = fault == BrokenBody.ChunkShorterThanAnnounced ? body.Length + 10 : body.Length;
        if (fault != BrokenBody.ContentLengthCutShort)
        {
            head.Append($"{announced:x}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        if (fault == BrokenBody.MalformedChunkSize)
        {
            await stream.WriteAsync("\r\nzz\r\n"u8.ToArray());
        }
        else
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }

        return Parse(await ReadToEndAsync(stream));
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Reset by the server, or left open past the timeout: what arrived before still counts.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static Answer Parse(string text)
    {
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
        {
            return new Answer(null, null, text);
        }

        var status = int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var contentType = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?["Content-Type:".Length..].Trim();
        return new Answer(status, contentType, text);
    }
}
