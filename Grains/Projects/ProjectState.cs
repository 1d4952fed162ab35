using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Projects;

/// <summary>Stored state of a project. API keys are kept as hashes only.</summary>
[GenerateSerializer, Alias("callping.ProjectState")]
public sealed class ProjectState
{
    [Id(0)]
    public string Name { get; set; } = "";

    /// <summary>E.164 numbers in call order.</summary>
    [Id(1)]
    public List<string> Contacts { get; set; } = [];

    [Id(2)]
    public EscalationPolicy Policy { get; set; } = EscalationPolicy.Default;

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public List<StoredApiKey> ApiKeys { get; set; } = [];

    /// <summary>The voice and speed of its calls; null means <see cref="ProjectSpeech.Default"/>.</summary>
    [Id(5)]
    public ProjectSpeech? Speech { get; set; }

    /// <summary>The organisation of the project; null for a project the operator seeded through the admin API.</summary>
    [Id(6)]
    public string? OrgId { get; set; }

    /// <summary>An organisation project's contacts: members' phone numbers, in call order.</summary>
    [Id(7)]
    public List<PolicyContact> PolicyContacts { get; set; } = [];

    /// <summary>Audit entries of key changes stored here and not yet known to be in the organisation's log.</summary>
    [Id(8)]
    public List<AuditEntry> PendingAudit { get; set; } = [];
}
