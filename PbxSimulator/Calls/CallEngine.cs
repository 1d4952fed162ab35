using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Events;
using CallPing.PbxSimulator.Recording;

namespace CallPing.PbxSimulator.Calls;

/// <summary>
/// Moves channels through their life and raises the ARI events for each step, in Asterisk's order.
/// Every step runs under the channel's lock so that the events of one channel never interleave.
/// </summary>
internal sealed class CallEngine(ChannelRegistry channels, EventHub hub, CallLog log)
{
    public ChannelRegistry Channels => channels;

    public EventHub Hub => hub;

    /// <summary>The first Dial event, dialstatus "".</summary>
    public void StartDial(SimChannel channel)
    {
        lock (channel.Gate)
        {
            if (!channel.Ended)
            {
                channel.DialStarted = true;
                RaiseDial(channel, "");
            }
        }
    }

    public void Ring(SimChannel channel)
    {
        lock (channel.Gate)
        {
            if (!channel.Ended)
            {
                ChangeState(channel, "Ringing");
                RaiseDial(channel, "RINGING");
            }
        }
    }

    /// <summary>The callee picks up: the channel enters Stasis, or is hung up at once when no socket is there to take it.</summary>
    public void Answer(SimChannel channel)
    {
        lock (channel.Gate)
        {
            if (channel.Ended)
            {
                return;
            }

            RaiseDial(channel, "ANSWER");
            ChangeState(channel, "Up");
            if (!hub.IsConnected(channel.App))
            {
                End(channel, 16, HangupSource.NoApplication, finalDialStatus: null, techCause: null, hangupRequest: true);
                return;
            }

            channel.InStasis = true;
            var args = new JsonArray([.. channel.Args.Select(a => JsonValue.Create(a))]);
            Raise(channel, "StasisStart", new JsonObject { ["args"] = args });
        }
    }

    /// <summary>A key released; ARI reports it only while the channel is in the application.</summary>
    public void PressKey(SimChannel channel, string digit)
    {
        lock (channel.Gate)
        {
            if (!channel.Ended && channel.InStasis)
            {
                log.Add(new KeyPressRecord(channel.Id, digit, hub.IsConnected(channel.App), DateTimeOffset.UtcNow));
                Raise(channel, "ChannelDtmfReceived", new JsonObject { ["digit"] = digit, ["duration_ms"] = 120 });
            }
        }
    }

    /// <summary>Ends the channel once; later calls return false.</summary>
    public bool End(SimChannel channel, int cause, HangupSource source, string? finalDialStatus, int? techCause, bool hangupRequest)
    {
        lock (channel.Gate)
        {
            if (channel.Ended)
            {
                return false;
            }

            channel.Ended = true;
            if (finalDialStatus is not null)
            {
                RaiseDial(channel, finalDialStatus);
            }

            if (hangupRequest)
            {
                Raise(channel, "ChannelHangupRequest", new JsonObject { ["cause"] = cause });
            }

            if (channel.InStasis)
            {
                RaiseVarsets(channel);
            }

            var destroyed = new JsonObject { ["cause"] = cause, ["cause_txt"] = HangupCauses.Text(cause) };
            if (techCause is { } sip)
            {
                destroyed["tech_cause"] = sip;
            }

            Raise(channel, "ChannelDestroyed", destroyed);
            if (channel.InStasis)
            {
                Raise(channel, "StasisEnd", []);
            }

            channels.Remove(channel);
            log.Add(new HangupRecord(channel.Id, channel.Number, cause, HangupCauses.Text(cause), source, channel.InStasis, DateTimeOffset.UtcNow));
            channel.Life.Cancel();
            return true;
        }
    }

    /// <summary>DELETE from a client: a call still ringing is cancelled, an answered one cleared.</summary>
    public bool HangUpByClient(SimChannel channel, int cause)
    {
        string? dialStatus;
        lock (channel.Gate)
        {
            dialStatus = channel.DialStarted && !channel.InStasis && channel.State != "Up" ? "CANCEL" : null;
        }

        return End(channel, cause, HangupSource.Client, dialStatus, techCause: null, hangupRequest: true);
    }

    /// <summary>The PBX died: channels vanish without events (there is no socket left to carry them).</summary>
    public void CrashAll()
    {
        foreach (var channel in channels.All())
        {
            End(channel, 38, HangupSource.PbxDown, finalDialStatus: null, techCause: null, hangupRequest: false);
        }
    }

    /// <summary>
    /// The channel variables Asterisk sets as an answered call ends (chan_pjsip's RTP statistics, Stasis' result), each
    /// a ChannelVarset event to the app: about seven per answered call, none of which CallPing needs.
    /// </summary>
    private void RaiseVarsets(SimChannel channel)
    {
        foreach (var (variable, value) in (ReadOnlySpan<(string, string)>)[
            ("RTPAUDIOQOS", "ssrc=1492063725;themssrc=3401478611;lp=0;rxjitter=0.000000;rxcount=250;txjitter=0.000000;txcount=250;rlp=0;rtt=0.000000"),
            ("RTPAUDIOQOSJITTER", "minrxjitter=0.000000;maxrxjitter=0.000000;avgrxjitter=0.000000;stdevrxjitter=0.000000"),
            ("RTPAUDIOQOSLOSS", "minrxlost=0.000000;maxrxlost=0.000000;avgrxlost=0.000000;stdevrxlost=0.000000"),
            ("RTPAUDIOQOSRTT", "minrtt=0.000000;maxrtt=0.000000;avgrtt=0.000000;stdevrtt=0.000000"),
            ("RTPAUDIOQOSMES", "minrxmes=100.000000;maxrxmes=100.000000;avgrxmes=100.000000;stdevrxmes=0.000000"),
            ("RTPAUDIOQOSBRIDGED", ""),
            ("STASISSTATUS", "SUCCESS"),
        ])
        {
            Raise(channel, "ChannelVarset", new JsonObject { ["variable"] = variable, ["value"] = value });
        }
    }

    private void ChangeState(SimChannel channel, string state)
    {
        channel.State = state;
        Raise(channel, "ChannelStateChange", []);
    }

    private void RaiseDial(SimChannel channel, string dialStatus) =>
        hub.Raise(channel.App, new JsonObject
        {
            ["type"] = "Dial",
            ["peer"] = channel.ToJson(),
            ["dialstring"] = channel.DialString,
            ["dialstatus"] = dialStatus,
        });

    private void Raise(SimChannel channel, string type, JsonObject fields)
    {
        var body = new JsonObject { ["type"] = type };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            body[name] = value;
        }

        body["channel"] = channel.ToJson();
        hub.Raise(channel.App, body);
    }
}
