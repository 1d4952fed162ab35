namespace CallPing.Grains.Interfaces.Models;

/// <summary>What to call: an E.164 number, and how long it may ring.</summary>
public sealed record PlaceCallRequest(string Number, TimeSpan RingTimeout);
