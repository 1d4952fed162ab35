using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Interfaces.Alerts;

/// <summary>One alert as its project's list shows it: what it says, how bad, where it stands, when it came and last changed.</summary>
[GenerateSerializer, Immutable, Alias("callping.AlertListing")]
public sealed record AlertListing(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string Summary,
    [property: Id(2)] AlertSeverity Severity,
    [property: Id(3)] AlertStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset ChangedAt);
