namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// What a new password must be (stated in the README): 10 to 128 characters, no control characters, not one
/// character repeated, not a run of keyboard or alphabet neighbours, not built on the most common breached passwords
/// or on the account's own address.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 10;

    public const int MaxLength = 128;

    // The roots of the most common passwords in public breach lists; a password that is one of them with digits or
    // symbols around it is as weak as the root.
    private static readonly string[] BreachedRoots =
    [
        "password", "passw0rd", "qwerty", "qwertz", "azerty", "123456", "abc123", "letmein", "welcome", "admin", "iloveyou",
        "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master", "shadow", "superman", "trustno1",
        "starwars", "whatever", "changeme", "secret", "login", "callping", "asdfgh", "zxcvbn", "111111", "000000",
    ];

    private static readonly string[] Runs = ["0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyzabcdefghij", "qwertyuiopasdfghjklzxcvbnm"];

    /// <summary>Null when the password may be used; otherwise why not.</summary>
    public static string? Problem(string? password, string normalisedEmail)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"A password has at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"A password has at most {MaxLength} characters.";
        }

        if (password.Any(char.IsControl))
        {
            return "A password cannot contain control characters.";
        }

        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() <= 2)
        {
            return "A password needs more than one or two different characters.";
        }

        var core = lower.Trim("0123456789!@#$%^&*()_+-=.,;:?~ ".ToCharArray());
        if (core.Length < 6 || Runs.Any(r => r.Contains(lower, StringComparison.Ordinal) || Reverse(r).Contains(lower, StringComparison.Ordinal)))
        {
            return "A password cannot be a run of neighbouring keys, letters or digits.";
        }

        if (BreachedRoots.Any(root => core == root || core.Replace(root, "", StringComparison.Ordinal).Length < 4))
        {
            return "This password is built on one of the most common breached passwords.";
        }

        var local = normalisedEmail.Split('@')[0];
        if (local.Length >= 3 && lower.Contains(local, StringComparison.Ordinal))
        {
            return "A password cannot contain the e-mail address.";
        }

        return null;
    }

    private static string Reverse(string text) => new([.. text.Reverse()]);
}
