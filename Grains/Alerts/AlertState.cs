using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Alerts;

/// <summary>Stored state of an alert: what it is, where its escalation stands, and its calls.</summary>
public sealed class AlertState
{
    public string ProjectId { get; set; } = "";

    public string DedupKey { get; set; } = "";

    public string Summary { get; set; } = "";

    public AlertSeverity Severity { get; set; }

    public string? Source { get; set; }

    public string? DetailsJson { get; set; }

    public string Origin { get; set; } = "";

    public AlertStatus Status { get; set; }

    public int Count { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The project's contacts and policy as they were when the alert was triggered.</summary>
    public List<string> Contacts { get; set; } = [];

    public EscalationPolicy Policy { get; set; } = EscalationPolicy.Default;

    /// <summary>Position in the escalation: which pass over the contacts, and which contact.</summary>
    public int Round { get; set; }

    public int ContactIndex { get; set; }

    /// <summary>Times the current person was tried again because no PBX could place the call.</summary>
    public int NoPbxRetries { get; set; }

    /// <summary>Whether the next step calls the same person again (no PBX was available) instead of the next one.</summary>
    public bool RetrySamePerson { get; set; }

    /// <summary>The call in progress, or null while waiting for the next step.</summary>
    public string? CurrentCallId { get; set; }

    public List<string> CallIds { get; set; } = [];

    /// <summary>What happened to contacts that were skipped (number limit reached).</summary>
    public List<string> Notes { get; set; } = [];
}
