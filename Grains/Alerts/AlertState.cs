using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Alerts;

/// <summary>Stored state of an alert: what it is, where its escalation stands, and its calls.</summary>
[GenerateSerializer, Alias("callping.AlertState")]
public sealed class AlertState
{
    [Id(0)]
    public string ProjectId { get; set; } = "";

    [Id(1)]
    public string DedupKey { get; set; } = "";

    [Id(2)]
    public string Summary { get; set; } = "";

    [Id(3)]
    public AlertSeverity Severity { get; set; }

    [Id(4)]
    public string? Source { get; set; }

    [Id(5)]
    public string? DetailsJson { get; set; }

    [Id(6)]
    public string Origin { get; set; } = "";

    [Id(7)]
    public AlertStatus Status { get; set; }

    [Id(8)]
    public int Count { get; set; }

    [Id(9)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(10)]
    public DateTimeOffset? AcknowledgedAt { get; set; }

    [Id(11)]
    public string? AcknowledgedBy { get; set; }

    [Id(12)]
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The project's contacts and policy as they were when the alert was triggered.</summary>
    [Id(13)]
    public List<string> Contacts { get; set; } = [];

    [Id(14)]
    public EscalationPolicy Policy { get; set; } = EscalationPolicy.Default;

    /// <summary>Position in the escalation: which pass over the contacts, and which contact.</summary>
    [Id(15)]
    public int Round { get; set; }

    [Id(16)]
    public int ContactIndex { get; set; }

    /// <summary>Times the current person was tried again because no PBX could place the call.</summary>
    [Id(17)]
    public int NoPbxRetries { get; set; }

    /// <summary>Whether the next step calls the same person again (no PBX was available) instead of the next one.</summary>
    [Id(18)]
    public bool RetrySamePerson { get; set; }

    /// <summary>When the next step is due while waiting between calls, so that a new activation re-arms its timer.</summary>
    [Id(19)]
    public DateTimeOffset? NextStepAt { get; set; }

    /// <summary>The call in progress, or null while waiting for the next step.</summary>
    [Id(20)]
    public string? CurrentCallId { get; set; }

    [Id(21)]
    public List<string> CallIds { get; set; } = [];

    /// <summary>What happened to contacts that were skipped (number limit reached).</summary>
    [Id(22)]
    public List<string> Notes { get; set; } = [];

    /// <summary>What its calls say, made from the project's name and voice and the alert's severity and summary when it was triggered.</summary>
    [Id(23)]
    public SpokenPrompts? Prompts { get; set; }

    /// <summary>
    /// The status the project's alert index confirmed, null before it had the alert. Set after the index answers and
    /// stored by the alert's next write: until then a new activation tells the index again, which changes nothing.
    /// </summary>
    [Id(24)]
    public AlertStatus? IndexedStatus { get; set; }

    /// <summary>Audit rows of members' acknowledgements and resolutions, stored with the change and forwarded after it.</summary>
    [Id(25)]
    public List<AuditEntry> PendingAudit { get; set; } = [];
}
