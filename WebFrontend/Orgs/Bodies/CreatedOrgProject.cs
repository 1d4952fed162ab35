namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>A project made in an organisation.</summary>
public sealed record CreatedOrgProject(string ProjectId, string Name);
