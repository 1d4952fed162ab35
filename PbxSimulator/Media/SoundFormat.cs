namespace CallPing.PbxSimulator.Media;

/// <summary>
/// A file format Asterisk can play a fetched file as, and how res_http_media_cache picks it: the Content-Type first
/// (compared whole, then without its parameters, ignoring case), else the URL path's extension (case matters).
/// Only format_wav's two formats are modelled; a file Asterisk would take as anything else does not play here.
/// </summary>
internal sealed record SoundFormat(string Extension, int SampleRate, IReadOnlyList<string> MimeTypes)
{
    public static readonly SoundFormat Wav = new("wav", 8000, ["audio/wav", "audio/x-wav", "audio/x-wav;codec=pcm;bit=16;rate=8000"]);

    public static readonly SoundFormat Wav16 = new("wav16", 16000, ["audio/x-wav;codec=pcm;bit=16;rate=16000"]);

    private static readonly SoundFormat[] Known = [Wav, Wav16];

    /// <summary>The format a fetched file is stored as; null when neither its Content-Type nor its URL names one.</summary>
    public static SoundFormat? Of(string? contentType, Uri url) =>
        (contentType is null ? null : ByMimeType(contentType) ?? ByMimeType(contentType.Split(';')[0].TrimEnd(' ', '\t')))
        ?? ByPath(url.AbsolutePath);

    private static SoundFormat? ByMimeType(string mimeType) =>
        Known.FirstOrDefault(f => f.MimeTypes.Contains(mimeType, StringComparer.OrdinalIgnoreCase));

    private static SoundFormat? ByPath(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? null : Known.FirstOrDefault(f => string.Equals(f.Extension, path[(dot + 1)..], StringComparison.Ordinal));
    }
}
