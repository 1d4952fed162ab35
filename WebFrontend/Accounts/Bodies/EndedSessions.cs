namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>How many other sessions ended.</summary>
public sealed record EndedSessions(int Ended);
