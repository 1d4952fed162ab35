namespace CallPing.Grains;

/// <summary>The grain storage CallPing grains keep their state in; each grain type names its own state.</summary>
public static class GrainStorage
{
    public const string Name = "callping";

    /// <summary>
    /// The same storage, for the state on an accepted alert's way to its first dial (a number's call reservations, a
    /// call, a PBX's live channels): on a store with a single writer (SQLite) its statements go ahead of those waiting,
    /// so that a storm's newcomers do not hold up the calls of the alerts already accepted. Rows do not name their
    /// storage, so a state can move between the two.
    /// </summary>
    public const string Urgent = "callping-urgent";
}
