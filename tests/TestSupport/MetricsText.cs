using System.Globalization;

namespace CallPing.TestSupport;

/// <summary>
/// Reads Prometheus' text format as /metrics serves it. Series are matched by name and by the labels a test cares
/// about, in any order, because exporters add labels of their own (OpenTelemetry's otel_scope_name, for one).
/// </summary>
public static class MetricsText
{
    /// <summary>The sum of every series called <paramref name="name"/> that carries all of <paramref name="labels"/>.</summary>
    public static double Sum(string text, string name, params (string Name, string Value)[] labels) =>
        text.Split('\n')
            .Where(line => Carries(line, name, labels))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    /// <summary>Whether a series called <paramref name="name"/> with all of <paramref name="labels"/> exists.</summary>
    public static bool Has(string text, string name, params (string Name, string Value)[] labels) =>
        text.Split('\n').Any(line => Carries(line, name, labels));

    private static bool Carries(string line, string name, (string Name, string Value)[] labels)
    {
        if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not ('{' or ' '))
        {
            return false;
        }

        var close = line.LastIndexOf('}');
        var labelText = line[name.Length] == '{' && close > name.Length ? line[name.Length..(close + 1)] : "";
        return labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal));
    }
}
