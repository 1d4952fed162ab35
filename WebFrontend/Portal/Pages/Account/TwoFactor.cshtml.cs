namespace CallPing.WebFrontend.Portal.Pages.Account;

/// <summary>TOTP enrolment (QR code, first code, recovery codes) and turning it off.</summary>
public sealed class TwoFactorModel(IGrainFactory grains) : AccountPageModel(grains);
