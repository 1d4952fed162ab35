namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>A name for an organisation or a project.</summary>
public sealed record NameBody(string? Name);
