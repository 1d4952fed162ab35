using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>The address normalisation that keys accounts, and the password rules stated in the README.</summary>
public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("Alice@Example.COM", "alice@example.com")]
    [InlineData("  alice@example.com ", "alice@example.com")]
    [InlineData("ａｌｉｃｅ@ｅｘａｍｐｌｅ.com", "alice@example.com")]
    [InlineData("alice@bücher.example", "alice@xn--bcher-kva.example")]
    public void Normalise_SameAddressWrittenDifferently_OneForm(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Normalise(input, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("alice@localhost")]
    [InlineData("al\u202Eice@example.com")]
    [InlineData("al\u200Bice@example.com")]
    [InlineData("alïce@example.com")]
    [InlineData(".alice@example.com")]
    [InlineData("al..ice@example.com")]
    [InlineData("alice@exa_mple.com")]
    public void Normalise_NotAPlainAddress_RefusedWithAReason(string input)
    {
        Assert.Null(EmailAddress.Normalise(input, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("aaaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    [InlineData("Password123!")]
    [InlineData("!!Qwerty2024")]
    [InlineData("iloveyou12345")]
    [InlineData("alice-is-my-name-2024")]
    [InlineData("tab\there-and-more")]
    public void Problem_WeakPassword_Named(string password)
    {
        Assert.NotNull(PasswordRules.Problem(password, "alice@example.com"));
    }

    [Theory]
    [InlineData("Plum-Harbor-Violet-42")]
    [InlineData("correct horse battery staple")]
    [InlineData("ünïcödé-pässwörd-🔑")]
    public void Problem_ReasonablePassword_None(string password)
    {
        Assert.Null(PasswordRules.Problem(password, "alice@example.com"));
    }
}
