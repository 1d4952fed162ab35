namespace CallPing.Grains.Pbx.Fleet;

/// <summary>One configured PBX ("Pbx:Fleet:0:Id", ...). Give the password through an environment variable.</summary>
public sealed class PbxEndpointOptions
{
    public string Id { get; set; } = "";

    /// <summary>The trunk provider behind this PBX; a failed try is placed again on another provider.</summary>
    public string Provider { get; set; } = "";

    /// <summary>ARI base URL, e.g. http://pbx-1:8088/ (the client adds "ari/...").</summary>
    public string AriBaseUrl { get; set; } = "";

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The Stasis application name CallPing registers on this PBX.</summary>
    public string App { get; set; } = "callping";

    /// <summary>Dial string with a {number} placeholder, e.g. PJSIP/{number}@trunk-a.</summary>
    public string DialEndpoint { get; set; } = "";
}
