using CallPing.Grains.Interfaces.Audit;

namespace CallPing.Grains.Orgs;

/// <summary>Stored state of an organisation. A deleted one keeps its record, marked, so that its id is never reused.</summary>
[GenerateSerializer, Alias("callping.OrgState")]
public sealed class OrgState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public bool Deleted { get; set; }

    /// <summary>By user id.</summary>
    [Id(3)]
    public Dictionary<string, StoredMember> Members { get; set; } = [];

    [Id(4)]
    public List<StoredInvitation> Invitations { get; set; } = [];

    [Id(5)]
    public List<string> ProjectIds { get; set; } = [];

    /// <summary>Audit entries of changes stored here and not yet known to be in the log; each also names the effect still to run elsewhere.</summary>
    [Id(6)]
    public List<AuditEntry> PendingAudit { get; set; } = [];
}
