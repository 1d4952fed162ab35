namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>An e-mail address (password reset request).</summary>
public sealed record EmailBody(string? Email);
