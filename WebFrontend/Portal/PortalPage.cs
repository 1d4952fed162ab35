namespace CallPing.WebFrontend.Portal;

/// <summary>Endpoint metadata of a portal page, which gets the portal's content policy instead of the API's.</summary>
public sealed class PortalPage;
