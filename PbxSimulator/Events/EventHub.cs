using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;

namespace CallPing.PbxSimulator.Events;

/// <summary>
/// Which socket each Stasis application is connected through. One socket per app: a newer one wins
/// and the older is told ApplicationReplaced. Events for an app with no socket are dropped.
/// </summary>
internal sealed class EventHub(SimulatorOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, EventSocket> _active = [];
    private readonly HashSet<string> _registered = [];
    private readonly List<EventSocket> _all = [];

    public void Register(EventSocket socket)
    {
        lock (_lock)
        {
            _all.Add(socket);
            foreach (var app in socket.Apps)
            {
                if (_active.TryGetValue(app, out var older) && older != socket)
                {
                    older.Enqueue(Envelope(app, new JsonObject { ["type"] = "ApplicationReplaced" }));
                }

                _active[app] = socket;
                _registered.Add(app);
            }
        }
    }

    public void Unregister(EventSocket socket)
    {
        lock (_lock)
        {
            _all.Remove(socket);
            foreach (var app in socket.Apps)
            {
                if (_active.TryGetValue(app, out var current) && current == socket)
                {
                    _active.Remove(app);
                }
            }
        }
    }

    public bool IsConnected(string app)
    {
        lock (_lock)
        {
            return _active.ContainsKey(app);
        }
    }

    /// <summary>Registered once since the PBX started; it stays known (with its channels) after its socket drops.</summary>
    public bool IsRegistered(string app)
    {
        lock (_lock)
        {
            return _registered.Contains(app);
        }
    }

    public IReadOnlyList<string> RegisteredApps()
    {
        lock (_lock)
        {
            return [.. _registered.Order()];
        }
    }

    /// <summary>Sends an event to the app's socket; the envelope (timestamp, application, asterisk_id) is added here.</summary>
    public void Raise(string app, JsonObject body)
    {
        lock (_lock)
        {
            if (_active.TryGetValue(app, out var socket))
            {
                socket.Enqueue(Envelope(app, body));
            }
        }
    }

    /// <summary>Sends text as is, to check that clients survive garbage.</summary>
    public bool RaiseRaw(string app, string text)
    {
        lock (_lock)
        {
            if (_active.TryGetValue(app, out var socket))
            {
                socket.Enqueue(text);
                return true;
            }

            return false;
        }
    }

    /// <summary>Drops every socket; with <paramref name="forget"/> the apps are unknown afterwards, as after a restart.</summary>
    public int AbortAll(bool forget)
    {
        List<EventSocket> sockets;
        lock (_lock)
        {
            sockets = [.. _all];
            _active.Clear();
            if (forget)
            {
                _registered.Clear();
            }
        }

        foreach (var socket in sockets)
        {
            socket.Abort();
        }

        return sockets.Count;
    }

    private string Envelope(string app, JsonObject body)
    {
        body["timestamp"] = AriTime.Now();
        body["asterisk_id"] = options.AsteriskId;
        body["application"] = app;
        return AriJsonText.Write(body);
    }
}
