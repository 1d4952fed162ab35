namespace CallPing.PbxSimulator.Recording;

/// <summary>Everything the simulator was asked to do, for tests to assert on. Thread-safe.</summary>
public sealed class CallLog
{
    private readonly Lock _lock = new();
    private readonly List<OriginateRecord> _originates = [];
    private readonly List<HangupRecord> _hangups = [];
    private readonly List<PlaybackRecord> _playbacks = [];
    private readonly List<KeyPressRecord> _keyPresses = [];
    private readonly List<PlaybackStartRecord> _playbackStarts = [];

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

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<PlaybackRecord> Playbacks
    {
        get
        {
            lock (_lock)
            {
                return [.. _playbacks];
            }
        }
    }

    /// <summary>A snapshot, oldest first: when each playback began to play.</summary>
    public IReadOnlyList<PlaybackStartRecord> PlaybackStarts
    {
        get
        {
            lock (_lock)
            {
                return [.. _playbackStarts];
            }
        }
    }

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<KeyPressRecord> KeyPresses
    {
        get
        {
            lock (_lock)
            {
                return [.. _keyPresses];
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

    internal void Add(PlaybackRecord record)
    {
        lock (_lock)
        {
            _playbacks.Add(record);
        }
    }

    internal void Add(KeyPressRecord record)
    {
        lock (_lock)
        {
            _keyPresses.Add(record);
        }
    }

    internal void Add(PlaybackStartRecord record)
    {
        lock (_lock)
        {
            _playbackStarts.Add(record);
        }
    }
}
