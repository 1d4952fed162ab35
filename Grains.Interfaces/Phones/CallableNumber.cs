namespace CallPing.Grains.Interfaces.Phones;

/// <summary>What an escalation may dial for a member's phone number: the number, or why it is skipped.</summary>
[GenerateSerializer, Immutable, Alias("callping.CallableNumber")]
public sealed record CallableNumber(
    [property: Id(0)] string? Number,
    [property: Id(1)] string? SkipReason);
