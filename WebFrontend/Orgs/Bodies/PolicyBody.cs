namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>A project's escalation policy: contacts in call order (a member and one of their phone numbers), timings in seconds, repeats.</summary>
public sealed record PolicyBody(IReadOnlyList<PolicyContactBody?>? Contacts, int? RingTimeoutSeconds, int? StepDelaySeconds, int? Repeats);
