namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>
/// The Asterisk the tier runs, as build-asterisk.sh prints it (test.sh exports its lines): the binary, its modules,
/// its shared libraries and its data folder. Nothing of CallPing's is installed on it: CallPing speaks its prompts
/// and the PBX fetches them by URL.
/// </summary>
public sealed record AsteriskInstall(string Binary, string Modules, string Libraries, string Data)
{
    public const string Sipp = "/usr/bin/sipp";

    private static readonly (AsteriskInstall? Install, string? Missing) Lookup = Find();

    /// <summary>The install, or null when the tier cannot run (<see cref="Missing"/> says why).</summary>
    public static AsteriskInstall? Found => Lookup.Install;

    /// <summary>Why the tier does not run here, or null when it does.</summary>
    public static string? Missing => Lookup.Missing;

    private static (AsteriskInstall?, string?) Find()
    {
        var binary = Environment.GetEnvironmentVariable("CALLPING_ASTERISK_BIN");
        if (string.IsNullOrEmpty(binary))
        {
            return (null, "no Asterisk: CALLPING_ASTERISK_BIN is not set (./test.sh sets it when it finds Asterisk sources or ASTERISK_BIN; see tests/RealPbx.Tests/README.md)");
        }

        var install = new AsteriskInstall(binary, Variable("CALLPING_ASTERISK_MODULES"), Variable("CALLPING_ASTERISK_LIB"), Variable("CALLPING_ASTERISK_DATA"));
        var missing = !File.Exists(install.Binary) ? $"CALLPING_ASTERISK_BIN={install.Binary} does not exist"
            : !File.Exists(Path.Combine(install.Modules, "res_ari.so")) ? $"no res_ari.so in CALLPING_ASTERISK_MODULES={install.Modules}"
            : !File.Exists(Path.Combine(install.Modules, "res_http_media_cache.so")) ? $"no res_http_media_cache.so in CALLPING_ASTERISK_MODULES={install.Modules} (CallPing's prompts are media by URL)"
            : !File.Exists(Sipp) ? $"no {Sipp} (Debian package sip-tester)"
            : null;
        return (missing is null ? install : null, missing);
    }

    private static string Variable(string name) => Environment.GetEnvironmentVariable(name) ?? "";
}
