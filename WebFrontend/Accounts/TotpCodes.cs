using OtpNet;
using QRCoder;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// RFC 6238 TOTP as authenticator apps use it: SHA-1, 30 s steps, 6 digits, one step of drift either way, with
/// Otp.NET; and the enrolment QR code, rendered here with QRCoder as SVG, never by a third-party service.
/// </summary>
public sealed class TotpCodes(AccountClock clock)
{
    public const int Digits = 6;

    public const int StepSeconds = 30;

    private static readonly VerificationWindow OneStepDrift = new(previous: 1, future: 1);

    /// <summary>A new 160-bit secret, base32 as apps take it.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The time step a code matched within one step of now; null when it matched none or is not 6 digits.</summary>
    public long? MatchedStep(string base32Secret, string? code)
    {
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Secret), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(clock.Now.UtcDateTime, code, out var step, OneStepDrift) ? step : null;
    }

    /// <summary>The otpauth:// URI an authenticator app reads from the QR code.</summary>
    public static string ProvisioningUri(string base32Secret, string email) =>
        $"otpauth://totp/CallPing:{Uri.EscapeDataString(email)}?secret={base32Secret}&issuer=CallPing&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>The QR code of a provisioning URI as an SVG document.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
