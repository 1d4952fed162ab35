using CallPing.Ari;

namespace CallPing.Grains.Interfaces.Models;

/// <summary>A call and its tries; Result is what it achieved for its alert, once decided.</summary>
public sealed record CallView(string CallId, CallStatus Status, CallOutcome? Outcome, string? Refusal, IReadOnlyList<CallTry> Tries, CallResult? Result = null);
