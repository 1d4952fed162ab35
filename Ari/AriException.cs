using System.Net;

namespace CallPing.Ari;

/// <summary>ARI answered, and the answer was an error (4xx/5xx): the PBX is up but refused the request.</summary>
public sealed class AriException(HttpStatusCode statusCode, string message)
    : Exception($"ARI {(int)statusCode}: {message}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The text ARI gave in its "message" or "error" field.</summary>
    public string AriMessage { get; } = message;
}
