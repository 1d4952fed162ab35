using System.Security.Cryptography;
using System.Text;

namespace CallPing.WebFrontend.Intake;

/// <summary>Length and shape rules for the text fields of an alert, shared by every intake format.</summary>
public static class IntakeText
{
    /// <summary>PagerDuty's limit for a summary; Alertmanager and Grafana truncate to it before sending.</summary>
    public const int MaxSummaryLength = 1024;

    public const int MaxDedupKeyLength = 255;

    public const int MaxSourceLength = 1024;

    /// <summary>
    /// Length in Unicode scalar values, the way PagerDuty, Alertmanager and Grafana count, so that a summary they cut at
    /// 1024 characters is never refused here for holding emoji (two UTF-16 units each).
    /// </summary>
    public static int LengthOf(string text)
    {
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    /// <summary>The first <paramref name="maxLength"/> scalar values of <paramref name="text"/>, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        var builder = new StringBuilder();
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count++ == maxLength)
            {
                return builder.ToString();
            }

            builder.Append(rune.ToString());
        }

        return text;
    }

    /// <summary>A dedup key ends up in grain keys and logs, so control characters (line breaks included) are refused.</summary>
    public static bool HasControlCharacters(string text) => text.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') >= 0 || text.Contains('\u007f');

    /// <summary>A dedup key for a trigger that came without one: 32 random hex digits.</summary>
    public static string NewDedupKey() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>The first non-blank of the candidates, or null.</summary>
    public static string? FirstNonBlank(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    /// <summary>Checks an optional dedup key; null when it is fine.</summary>
    public static string? DedupKeyProblem(string dedupKey) =>
        dedupKey.Length == 0 ? "must not be empty"
        : LengthOf(dedupKey) > MaxDedupKeyLength ? $"must be at most {MaxDedupKeyLength} characters"
        : HasControlCharacters(dedupKey) ? "must not contain control characters"
        : null;
}
