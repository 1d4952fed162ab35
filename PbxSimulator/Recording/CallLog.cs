namespace CallPing.PbxSimulator.Recording;

/// <summary>Everything the simulator was asked to do, for tests to assert on. Thread-safe.</summary>
public sealed class CallLog
{
    private readonly Lock _lock = new();
    private readonly List<OriginateRecord> _originates = [];
    private readonly List<HangupRecord> _hangups = [];

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<OriginateRecord> Originates
    {
        get
        {
            lock (_lock)
            {
                return [.. _originates];
            }
        }
    }

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<HangupRecord> Hangups
    {
        get
        {
            lock (_lock)
            {
                return [.. _hangups];
            }
        }
    }

    internal void Add(OriginateRecord record)
    {
        lock (_lock)
        {
            _originates.Add(record);
        }
    }

    internal void Add(HangupRecord record)
    {
        lock (_lock)
        {
            _hangups.Add(record);
        }
    }
}
