namespace CallPing.WebFrontend.Admin;

/// <summary>Answer of POST /admin/projects: contacts masked; <see cref="ApiKey"/> is shown this once and cannot be read again.</summary>
public sealed record CreatedProject(string ProjectId, string Name, IReadOnlyList<string> Contacts, string ApiKey, string KeyPrefix);
