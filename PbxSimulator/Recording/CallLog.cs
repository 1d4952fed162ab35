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
    private readonly List<PlaybackFinishRecord> _playbackFinishes = [];
    private readonly List<MediaFetchRecord> _mediaFetches = [];

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

    /// <summary>A snapshot, oldest first: how each playback ended.</summary>
    public IReadOnlyList<PlaybackFinishRecord> PlaybackFinishes
    {
        get
        {
            lock (_lock)
            {
                return [.. _playbackFinishes];
            }
        }
    }

    /// <summary>How many playbacks ended "failed", as Asterisk reports a medium it could not fetch or play.</summary>
    public int FailedPlaybacks
    {
        get
        {
            lock (_lock)
            {
                return _playbackFinishes.Count(f => f.State == "failed");
            }
        }
    }

    /// <summary>A snapshot, oldest first: every HTTP request made for media by URL.</summary>
    public IReadOnlyList<MediaFetchRecord> MediaFetches
    {
        get
        {
            lock (_lock)
            {
                return [.. _mediaFetches];
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

    internal void Add(PlaybackFinishRecord record)
    {
        lock (_lock)
        {
            _playbackFinishes.Add(record);
        }
    }

    internal void Add(MediaFetchRecord record)
    {
        lock (_lock)
        {
            _mediaFetches.Add(record);
        }
    }
}
