namespace CallPing.WebFrontend.Portal.Pages.Account;

/// <summary>The account overview and the password change.</summary>
public sealed class IndexModel(IGrainFactory grains) : AccountPageModel(grains);
