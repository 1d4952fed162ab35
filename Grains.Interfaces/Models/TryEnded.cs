using CallPing.Ari;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>How a try ended, as its PBX reported it (or as the runtime concluded when the PBX could not tell).</summary>
public sealed record TryEnded(string ChannelId, CallOutcome Outcome, int Cause, string? Detail, DateTimeOffset At);
