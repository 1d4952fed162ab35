using System.ComponentModel.DataAnnotations;

namespace CallPing.WebFrontend.Accounts;

/// <summary>Accounts and sessions (configuration section "Accounts").</summary>
public sealed class AccountOptions : IValidatableObject
{
    public const string Section = "Accounts";

    /// <summary>Where people reach CallPing: the links in e-mails start with it.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>
    /// The session signing secret, base64 of at least 32 bytes. When unset, one is generated once and kept in the
    /// store, shared by every web process.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>Requests a minute from one IP address to each of login, sign-up, TOTP and password reset.</summary>
    [Range(1, 1_000_000)]
    public int IpPermitsPerMinute { get; set; } = 30;

    /// <summary>Requests a minute for one account (e-mail address, or login challenge's account) to each of them.</summary>
    [Range(1, 1_000_000)]
    public int AccountPermitsPerMinute { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("Accounts:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }

        if (SigningSecret is not null && SigningKeyBytes() is null)
        {
            yield return new ValidationResult("Accounts:SigningSecret must be base64 of at least 32 bytes.", [nameof(SigningSecret)]);
        }
    }

    /// <summary>The configured signing secret's bytes; null when unset or invalid.</summary>
    public byte[]? SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningSecret))
        {
            return null;
        }

        var buffer = new byte[SigningSecret.Length];
        return Convert.TryFromBase64String(SigningSecret, buffer, out var length) && length >= 32 ? buffer[..length] : null;
    }

    /// <summary>An absolute link to a page of the portal with a token in its query.</summary>
    public Uri LinkTo(string page, string token) => new(PublicBaseUrl, $"{page}?token={Uri.EscapeDataString(token)}");
}
