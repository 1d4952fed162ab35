namespace CallPing.Grains.Interfaces.Alerts;

/// <summary>A page of a project's alerts, newest first; <see cref="NextPage"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("callping.AlertPage")]
public sealed record AlertPage(
    [property: Id(0)] IReadOnlyList<AlertListing> Alerts,
    [property: Id(1)] int Page,
    [property: Id(2)] int? NextPage);
