namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>One contact of a policy: a member's user id and the id of one of their phone numbers.</summary>
public sealed record PolicyContactBody(string? UserId, string? PhoneNumberId);
