using System.Globalization;
using System.Text;

namespace CallPing.WebFrontend.Metrics;

/// <summary>The escaping and number formats of the Prometheus text exposition format, version 0.0.4.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>HELP text escapes backslash and line feed.</summary>
    public static string EscapeHelp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
    }

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);
    }

    /// <summary>Go's float syntax: invariant digits, +Inf, -Inf, NaN.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The label pairs of one series, sorted by name, as they go between the braces: a="1",b="x".
    /// A tag whose sanitized name repeats an earlier one is dropped, since a series cannot carry a label twice.
    /// </summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }

        var pairs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            pairs.TryAdd(PrometheusNames.Label(key), EscapeLabelValue(ValueText(value)));
        }

        var result = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            result.Append(result.Length == 0 ? "" : ",").Append(name).Append("=\"").Append(value).Append('"');
        }

        return result.ToString();
    }

    /// <summary>One sample line: name{labels} value, with <paramref name="extraLabel"/> (a histogram's le) after the others.</summary>
    public static void AppendSample(StringBuilder output, string name, string labels, double value, string? extraLabel = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append(name);
        if (labels.Length > 0 || extraLabel is not null)
        {
            output.Append('{').Append(labels);
            if (extraLabel is not null)
            {
                output.Append(labels.Length > 0 ? "," : "").Append(extraLabel);
            }

            output.Append('}');
        }

        output.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string ValueText(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
