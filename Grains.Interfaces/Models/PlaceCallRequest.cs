namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// What to call: an E.164 number and how long it may ring. With <paramref name="AlertId"/>, the call plays the alert's
/// prompt when answered, waits for a key and tells the alert how it ended.
/// </summary>
public sealed record PlaceCallRequest(string Number, TimeSpan RingTimeout, string? AlertId = null, string? Summary = null);
