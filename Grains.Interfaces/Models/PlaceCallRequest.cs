namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// What to call: an E.164 number and how long it may ring. With <paramref name="AlertId"/>, the call plays the alert's
/// prompt when answered (<paramref name="Prompts"/> spoken, or the PBX's core sounds without them), waits for a key and
/// tells the alert how it ended. Without one, a call with <paramref name="Play"/> plays those media when answered and
/// hangs up after them (a test call); with <paramref name="Code"/> too, it stays on the line for the callee to key the
/// code in (a phone number's verification call).
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.PlaceCallRequest")]
public sealed record PlaceCallRequest(
    [property: Id(0)] string Number,
    [property: Id(1)] TimeSpan RingTimeout,
    [property: Id(2)] string? AlertId = null,
    [property: Id(3)] string? Summary = null,
    [property: Id(4)] SpokenPrompts? Prompts = null,
    [property: Id(5)] IReadOnlyList<string>? Play = null,
    [property: Id(6)] KeyedCode? Code = null);
