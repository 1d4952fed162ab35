using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// A phone number in E.164 form (+, then 8 to 15 digits, the first not 0): the only form CallPing dials or stores.
/// Anything else is refused rather than guessed at. Numbers appear only masked in messages and logs.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.PhoneNumber")]
public sealed partial record PhoneNumber
{
    public const string Rule = "an E.164 number: + and 8 to 15 digits, the first not 0, nothing else (no spaces or dashes)";

    private PhoneNumber(string e164) => E164 = e164;

    [Id(0)]
    public string E164 { get; }

    /// <summary>The number with all but its last four digits hidden ("********0123").</summary>
    public string Masked => Mask(E164);

    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>The number, or an <see cref="ArgumentException"/> naming <paramref name="field"/> whose message says the rule.</summary>
    public static PhoneNumber Parse(string? text, string field) =>
        TryParse(text, out var number) ? number : throw new ArgumentException($"'{Mask(text ?? "")}' is not {Rule}.", field);

    public static bool TryParse(string? text, [NotNullWhen(true)] out PhoneNumber? number)
    {
        number = IsValid(text) ? new PhoneNumber(text) : null;
        return number is not null;
    }

    /// <summary>Hides all but the last four characters of any text given as a number, valid or not (and all of a short one).</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var shown = number.Length > 64 ? number[..64] : number;
        return shown.Length <= 4 ? "****" : $"{new string('*', shown.Length - 4)}{shown[^4..]}";
    }

    public override string ToString() => Masked;

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex Pattern();
}
