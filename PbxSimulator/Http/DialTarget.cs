namespace CallPing.PbxSimulator.Http;

/// <summary>A dialable endpoint "PJSIP/{number}@{trunk}"; anything else fails allocation, as on Asterisk.</summary>
internal sealed record DialTarget(string Number, string DialString)
{
    public static DialTarget? Parse(string endpoint, string trunk)
    {
        var slash = endpoint.IndexOf('/');
        if (slash <= 0 || !endpoint[..slash].Equals("PJSIP", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var resource = endpoint[(slash + 1)..];
        var at = resource.IndexOf('@');
        if (at <= 0 || resource[(at + 1)..] != trunk)
        {
            return null;
        }

        return new DialTarget(resource[..at], resource);
    }
}
