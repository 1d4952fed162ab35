using CallPing.Ari;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>How one call try on a PBX ended.</summary>
public sealed record PbxCallResult(DateTimeOffset At, CallOutcome Outcome, int Cause, string? Detail);
