using System.Globalization;
using System.Text;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// An e-mail address in its one normalised form, the key of its account: NFKC, lower case, the domain in its ASCII
/// (punycode) form. Invisible and direction-changing characters are refused, so that two addresses that look alike
/// cannot be two accounts.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    private const string LocalPartSymbols = ".!#$%&'*+/=?^_`{|}~-";

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The normalised address, or null with why it is not one.</summary>
    public static string? Normalise(string? input, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "An e-mail address is required.";
            return null;
        }

        if (input.Length > MaxLength)
        {
            error = $"An e-mail address has at most {MaxLength} characters.";
            return null;
        }

        if (!input.IsNormalized(NormalizationForm.FormKC) && !IsWellFormed(input))
        {
            error = "The e-mail address contains invalid characters.";
            return null;
        }

        var text = input.Trim().Normalize(NormalizationForm.FormKC);
        if (text.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
        {
            error = "The e-mail address contains invisible or control characters.";
            return null;
        }

        var at = text.LastIndexOf('@');
        var local = at > 0 ? text[..at] : "";
        var domain = at > 0 ? text[(at + 1)..] : "";
        if (local.Length is 0 or > 64 || local.Any(c => !(char.IsAsciiLetterOrDigit(c) || LocalPartSymbols.Contains(c)))
            || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            error = "The part of the e-mail address before the @ is not valid (letters, digits and . ! # $ % & ' * + / = ? ^ _ ` { | } ~ - only).";
            return null;
        }

        string asciiDomain;
        try
        {
            asciiDomain = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = "The domain of the e-mail address is not valid.";
            return null;
        }

        if (!asciiDomain.Contains('.', StringComparison.Ordinal) || asciiDomain.EndsWith('.'))
        {
            error = "The domain of the e-mail address is not valid.";
            return null;
        }

        var normalised = $"{local.ToLowerInvariant()}@{asciiDomain}";
        if (normalised.Length > MaxLength)
        {
            error = $"An e-mail address has at most {MaxLength} characters.";
            return null;
        }

        return normalised;
    }

    // Lone surrogates make Normalize throw; they are refused as invalid characters instead.
    private static bool IsWellFormed(string input)
    {
        try
        {
            _ = input.Normalize(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
