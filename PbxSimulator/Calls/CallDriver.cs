using CallPing.PbxSimulator.Recording;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.PbxSimulator.Calls;

/// <summary>Plays one phone's script against one channel, in real time.</summary>
internal sealed class CallDriver(CallEngine engine, SimChannel channel, PhoneScript script)
{
    public async Task RunAsync()
    {
        var life = channel.Life.Token;
        try
        {
            // Let the originate's 200 leave first, as Asterisk's dialling thread usually does.
            await Task.Delay(TimeSpan.FromMilliseconds(5), life);
            engine.StartDial(channel);
            switch (script.Behavior)
            {
                case PhoneBehavior.Answers:
                    await AnswerAsync(life);
                    break;
                case PhoneBehavior.RingsWithoutAnswer:
                    engine.Ring(channel);
                    await RingAsync(Timeout.InfiniteTimeSpan, life);
                    break;
                case PhoneBehavior.TrunkSilent:
                    await StaySilentAsync(life);
                    break;
                case PhoneBehavior.Fails:
                    await FailAsync(life);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // Hung up by the client or the PBX went down: the script ends with the channel.
        }
    }

    private async Task AnswerAsync(CancellationToken life)
    {
        engine.Ring(channel);
        if (!await RingAsync(script.RingFor, life))
        {
            return;
        }

        engine.Answer(channel);
        var answeredAt = DateTimeOffset.UtcNow;
        foreach (var key in script.Keys.OrderBy(k => k.After))
        {
            await DelayUntilAsync(answeredAt + key.After, life);
            engine.PressKey(channel, key.Digit);
        }

        if (script.HangUpAfter is { } hangUpAfter)
        {
            await DelayUntilAsync(answeredAt + hangUpAfter, life);
            engine.End(channel, 16, HangupSource.Remote, finalDialStatus: null, techCause: null, hangupRequest: true);
        }
    }

    private async Task FailAsync(CancellationToken life)
    {
        if (script.RingFor > TimeSpan.Zero)
        {
            engine.Ring(channel);
            if (!await RingAsync(script.RingFor, life))
            {
                return;
            }
        }

        var cause = script.Cause;
        engine.End(
            channel,
            cause,
            HangupSource.Remote,
            script.DialStatus ?? HangupCauses.DialStatus(cause),
            script.TechCause ?? HangupCauses.SipStatus(cause),
            hangupRequest: false);
    }

    /// <summary>
    /// A trunk that sends neither 100 nor 180 and gives up with SIP 480 when the ring timeout is over. Asterisk 22 then
    /// raises a hangup request, a final Dial NOANSWER and destroys the channel still Down, as seen on a real one.
    /// </summary>
    private async Task StaySilentAsync(CancellationToken life)
    {
        await Task.Delay(channel.RingTimeout ?? Timeout.InfiniteTimeSpan, life);
        engine.End(channel, 19, HangupSource.Remote, finalDialStatus: "NOANSWER", techCause: HangupCauses.SipStatus(19), hangupRequest: true);
    }

    /// <summary>Waits <paramref name="ringFor"/> (ringing, unless the trunk is silent); false when the originate timeout ran out first (the call is then over).</summary>
    private async Task<bool> RingAsync(TimeSpan ringFor, CancellationToken life)
    {
        var limit = channel.RingTimeout;
        var infinite = ringFor == Timeout.InfiniteTimeSpan;
        if (limit is { } timeout && (infinite || timeout < ringFor))
        {
            await Task.Delay(timeout, life);
            // Asterisk gives up: no final Dial event, just the channel's end.
            engine.End(channel, 19, HangupSource.Timeout, finalDialStatus: null, techCause: HangupCauses.SipStatus(19), hangupRequest: false);
            return false;
        }

        await Task.Delay(ringFor, life);
        return true;
    }

    private static Task DelayUntilAsync(DateTimeOffset due, CancellationToken life)
    {
        var wait = due - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait, life) : Task.CompletedTask;
    }
}
