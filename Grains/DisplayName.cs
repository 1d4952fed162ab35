namespace CallPing.Grains;

/// <summary>
/// What a name people give (an organisation's, a project's) may be: 1 to 100 characters after trimming, without control
/// characters and without &lt; or &gt;, so that no page or e-mail that shows it can take it for markup.
/// </summary>
public static class DisplayName
{
    public const int MaxLength = 100;

    /// <summary>The trimmed name; an <see cref="ArgumentException"/> whose ParamName is <paramref name="field"/> otherwise.</summary>
    public static string Validate(string? name, string field)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 1 or > MaxLength)
        {
            throw new ArgumentException($"The name must be 1 to {MaxLength} characters (got {trimmed.Length} after trimming).", field);
        }

        if (trimmed.Any(IsForbidden))
        {
            throw new ArgumentException("The name may not contain control characters, '<' or '>'.", field);
        }

        return trimmed;
    }

    /// <summary>A character no name or label may hold: a control character, or one that markup could take for its own.</summary>
    public static bool IsForbidden(char c) => char.IsControl(c) || c is '<' or '>';
}
