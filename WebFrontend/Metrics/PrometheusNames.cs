using System.Text;

namespace CallPing.WebFrontend.Metrics;

/// <summary>OpenTelemetry instrument names and units as Prometheus names: "http.server.request.duration" in s is http_server_request_duration_seconds.</summary>
public static class PrometheusNames
{
    // Curly-brace units ("{alert}") are annotations, not units, and add nothing to a name.
    private static readonly Dictionary<string, string> UnitSuffixes = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["By"] = "bytes",
    };

    /// <summary>A metric name: [a-zA-Z_:][a-zA-Z0-9_:]*, with the unit's suffix unless it is there already.</summary>
    public static string Metric(string instrumentName, string? unit)
    {
        ArgumentNullException.ThrowIfNull(instrumentName);
        var name = Sanitize(instrumentName, allowColon: true);
        if (unit is not null && UnitSuffixes.TryGetValue(unit, out var suffix) && !name.EndsWith($"_{suffix}", StringComparison.Ordinal))
        {
            name = $"{name}_{suffix}";
        }

        return name;
    }

    /// <summary>A counter's name ends in _total.</summary>
    public static string Counter(string instrumentName, string? unit)
    {
        var name = Metric(instrumentName, unit);
        return name.EndsWith("_total", StringComparison.Ordinal) ? name : $"{name}_total";
    }

    /// <summary>
    /// A label name: [a-zA-Z_][a-zA-Z0-9_]* (no colons, unlike metric names), and never starting with "__",
    /// which Prometheus keeps for itself.
    /// </summary>
    public static string Label(string tagName)
    {
        ArgumentNullException.ThrowIfNull(tagName);
        var name = Sanitize(tagName, allowColon: false);
        return name.StartsWith("__", StringComparison.Ordinal) ? $"_{name.TrimStart('_')}" : name;
    }

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var result = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            result.Append('_');
        }

        foreach (var c in name)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        return result.ToString();
    }
}
