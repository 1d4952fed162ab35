namespace CallPing.Grains.Interfaces.Models;

/// <summary>A call and its tries; Result is what it achieved for its alert, once decided.</summary>
[GenerateSerializer, Immutable, Alias("callping.CallView")]
public sealed record CallView(
    [property: Id(0)] string CallId,
    [property: Id(1)] CallStatus Status,
    [property: Id(2)] CallOutcome? Outcome,
    [property: Id(3)] string? Refusal,
    [property: Id(4)] IReadOnlyList<CallTry> Tries,
    [property: Id(5)] CallResult? Result = null);
