using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Projects;

/// <summary>Stored state of a project. API keys are kept as hashes only.</summary>
public sealed class ProjectState
{
    public string Name { get; set; } = "";

    /// <summary>E.164 numbers in call order.</summary>
    public List<string> Contacts { get; set; } = [];

    public EscalationPolicy Policy { get; set; } = EscalationPolicy.Default;

    public DateTimeOffset CreatedAt { get; set; }

    public List<StoredApiKey> ApiKeys { get; set; } = [];
}
