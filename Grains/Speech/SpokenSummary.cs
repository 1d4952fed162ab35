using System.Text.RegularExpressions;

namespace CallPing.Grains.Speech;

/// <summary>
/// An alert's summary as a person should hear it: monitoring writes for screens (URLs, ports, hex ids, label syntax,
/// identifiers in camel case), which a voice reads out character by character. What carries no meaning when heard is
/// dropped or shortened, and the rest is cut to about 20 seconds of speech.
/// </summary>
public static partial class SpokenSummary
{
    /// <summary>About 20 seconds at 160 words a minute.</summary>
    public const int MaxWords = 50;

    public const int MaxCharacters = 300;

    public static string Clean(string summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = Status().Replace(summary, " ");
        text = Url().Replace(text, m => m.Groups["host"].Value);
        text = Port().Replace(text, "${host}");
        text = Uuid().Replace(text, " ");
        text = HexId().Replace(text, " ");
        text = LabelName().Replace(text, " ");
        text = Markup().Replace(text, " ");
        text = CamelCase().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim(' ', ',', ';', ':', '-', '|');
        text = LoosePunctuation().Replace(text, "$1");
        return Shorten(text);
    }

    private static string Shorten(string text)
    {
        var words = text.Split(' ');
        var kept = string.Join(' ', words.Take(MaxWords));
        if (kept.Length > MaxCharacters)
        {
            var cut = kept.LastIndexOf(' ', MaxCharacters);
            kept = kept[..(cut > 0 ? cut : MaxCharacters)];
        }

        // The prompt puts its own full stop after the summary.
        return kept.TrimEnd(' ', ',', ';', ':', '-', '.');
    }

    /// <summary>Alertmanager's and Grafana's "[FIRING:2]", "[RESOLVED]".</summary>
    [GeneratedRegex(@"\[(?:FIRING|RESOLVED)(?::\d+)?\]", RegexOptions.IgnoreCase)]
    private static partial Regex Status();

    /// <summary>A URL is said as its host: "https://db-1.example.org:8443/x?y" is "db-1.example.org".</summary>
    [GeneratedRegex(@"\b(?:[a-z][a-z0-9+.-]*://|www\.)(?:[^\s/@]*@)?(?:www\.)?(?<host>[^\s/:?#""'<>()\[\]]+)[^\s""'<>()\[\]]*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    /// <summary>"10.0.0.7:9100", "node-1:9100": the port is noise.</summary>
    [GeneratedRegex(@"\b(?<host>\d{1,3}(?:\.\d{1,3}){3}|[a-z][a-z0-9.-]*):\d{2,5}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Port();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid();

    /// <summary>Eight or more hex digits with both digits and letters in them: fingerprints, trace and commit ids.</summary>
    [GeneratedRegex(@"\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex HexId();

    /// <summary>The name and operator of "instance=x", "job = node", "severity=~critical": the value is what matters.</summary>
    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\s*(?:=~|!=|!~|=)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LabelName();

    [GeneratedRegex(@"[_{}\[\]()<>""`*#|\\]")]
    private static partial Regex Markup();

    /// <summary>"InstanceDown" is two words; "CPU" and "KubePodCrashLooping" read better split at each lower-to-upper step.</summary>
    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>A comma or colon left alone by what was dropped ("failure , zone") joins its word again.</summary>
    [GeneratedRegex(@" ([,;:.])")]
    private static partial Regex LoosePunctuation();
}
