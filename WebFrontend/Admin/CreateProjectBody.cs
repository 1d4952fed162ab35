namespace CallPing.WebFrontend.Admin;

/// <summary>Body of POST /admin/projects; policy fields left out take the default policy's values.</summary>
public sealed record CreateProjectBody(string? Name, IReadOnlyList<string>? Contacts, int? RingTimeoutSeconds = null, int? StepDelaySeconds = null, int? Repeats = null);
