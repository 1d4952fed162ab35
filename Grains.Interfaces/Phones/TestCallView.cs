using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Interfaces.Phones;

/// <summary>How a phone number's last test call went: in progress until Status is Ended (or NoPbxAvailable).</summary>
[GenerateSerializer, Immutable, Alias("callping.TestCallView")]
public sealed record TestCallView(
    [property: Id(0)] string CallId,
    [property: Id(1)] CallStatus Status,
    [property: Id(2)] CallOutcome? Outcome,
    [property: Id(3)] string? Detail);
