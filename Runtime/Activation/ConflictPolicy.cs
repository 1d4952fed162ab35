namespace CallPing.Runtime.Activation;

/// <summary>
/// When a call whose state write lost an ETag race runs again: at least <paramref name="MinTries"/> times, and beyond
/// that while half the call timeout is left, so that a process starved by another writing the same grain flat out
/// still gets its turn before its caller gives up.
/// </summary>
internal sealed record ConflictPolicy(int MinTries, TimeSpan Budget)
{
    public bool MayRetry(int attempt, TimeSpan elapsed) => attempt < MinTries || elapsed < Budget;
}
