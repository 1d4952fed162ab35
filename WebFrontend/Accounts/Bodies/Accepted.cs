namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>A request taken; what happens next is said without telling whether the address has an account.</summary>
public sealed record Accepted(string Message);
