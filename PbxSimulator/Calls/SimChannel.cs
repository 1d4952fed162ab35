using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.PbxSimulator.Calls;

/// <summary>One live simulated channel. Mutable state is guarded by <see cref="Gate"/>.</summary>
internal sealed class SimChannel
{
    public required string Id { get; init; }

    /// <summary>"PJSIP/trunk-a-00000001" style.</summary>
    public required string Name { get; init; }

    public required string Number { get; init; }

    /// <summary>The endpoint's resource, e.g. "+15550100@trunk-a".</summary>
    public required string DialString { get; init; }

    public required string App { get; init; }

    public required IReadOnlyList<string> Args { get; init; }

    public required string CallerName { get; init; }

    public required string CallerNumber { get; init; }

    /// <summary>How long it may ring; null = no limit (timeout=-1).</summary>
    public required TimeSpan? RingTimeout { get; init; }

    public DateTimeOffset CreationTime { get; } = DateTimeOffset.UtcNow;

    public Lock Gate { get; } = new();

    /// <summary>Cancelled when the channel ends, which stops its script and playbacks.</summary>
    public CancellationTokenSource Life { get; } = new();

    public string State { get; set; } = "Down";

    public bool DialStarted { get; set; }

    public bool InStasis { get; set; }

    public bool Ended { get; set; }

    /// <summary>The phone's script, for what it does in answer to what it hears.</summary>
    public PhoneScript Script { get; init; } = PhoneScript.Default;

    /// <summary>Whether the phone has keyed in the digits it heard (it does so once).</summary>
    public bool KeyedInDigits { get; set; }

    /// <summary>Completes when the last playback asked for on this channel is over: the next one plays after it.</summary>
    public Task PlaybackQueue { get; set; } = Task.CompletedTask;

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["state"] = State,
        ["protocol_id"] = "",
        ["caller"] = new JsonObject { ["name"] = CallerName, ["number"] = CallerNumber },
        ["connected"] = new JsonObject { ["name"] = "", ["number"] = State == "Up" ? Number : "" },
        ["accountcode"] = "",
        ["dialplan"] = new JsonObject
        {
            ["context"] = "default",
            ["exten"] = "s",
            ["priority"] = 1,
            // An originated channel runs AppDial2 while it rings; only an answered one is in Stasis.
            ["app_name"] = InStasis ? "Stasis" : DialStarted ? "AppDial2" : "",
            ["app_data"] = InStasis ? string.Join(',', [App, .. Args]) : DialStarted ? "(Outgoing Line)" : "",
        },
        ["creationtime"] = AriTime.Format(CreationTime),
        ["language"] = "en",
    };
}
