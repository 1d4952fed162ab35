namespace CallPing.WebFrontend.Tests.Infrastructure;

/// <summary>How a request body's framing is broken after a complete, valid JSON document was sent.</summary>
public enum BrokenBody
{
    /// <summary>Chunked: the document in one chunk, then a chunk size that is not hexadecimal.</summary>
    MalformedChunkSize,

    /// <summary>Chunked: a chunk announced longer than the document it carries, then the client half-closes.</summary>
    ChunkShorterThanAnnounced,

    /// <summary>Content-Length longer than the document sent, then the client half-closes.</summary>
    ContentLengthCutShort,
}
