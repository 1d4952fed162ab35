using CallPing.Ari;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>A call and its tries.</summary>
public sealed record CallView(string CallId, CallStatus Status, CallOutcome? Outcome, string? Refusal, IReadOnlyList<CallTry> Tries);
