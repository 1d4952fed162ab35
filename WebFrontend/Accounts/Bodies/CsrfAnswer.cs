namespace CallPing.WebFrontend.Accounts.Bodies;

/// <summary>The antiforgery token of this session, to send in the header named.</summary>
public sealed record CsrfAnswer(string Token, string HeaderName);
