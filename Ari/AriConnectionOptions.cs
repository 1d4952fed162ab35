namespace CallPing.Ari;

/// <summary>How to reach one PBX over ARI.</summary>
/// <param name="BaseUrl">The Asterisk HTTP server, e.g. http://pbx-1:8088/ (without /ari).</param>
/// <param name="User">ARI user from ari.conf.</param>
/// <param name="Password">That user's password.</param>
/// <param name="App">Stasis application name the event stream registers and originates into.</param>
public sealed record AriConnectionOptions(Uri BaseUrl, string User, string Password, string App)
{
    /// <summary>How long one REST request may take before the PBX counts as unavailable.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The URL of a REST resource, e.g. "channels/abc" -> http://host:8088/ari/channels/abc.</summary>
    internal Uri ResourceUrl(string relative)
    {
        var root = BaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/ari/{relative}");
    }

    /// <summary>Hides the password so that options can be logged.</summary>
    public override string ToString() => $"{User}@{BaseUrl} app={App}";
}
