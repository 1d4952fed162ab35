namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>A TOTP enrolment: the secret as text, its otpauth URI and that URI as a QR code (SVG); confirm with a first code.</summary>
public sealed record TotpEnrolment(string Secret, string OtpauthUri, string QrSvg);
