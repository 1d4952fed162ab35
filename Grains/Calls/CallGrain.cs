using System.Text.RegularExpressions;
using CallPing.Ari;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Telemetry;
using CallPing.Runtime;
using CallPing.Runtime.Hosting;

namespace CallPing.Grains.Calls;

/// <summary>
/// One call placed as tries with trunk failover. For an alert it plays the prompt when answered, takes the key
/// (1 acknowledge, 2 pass on, 9 repeat; nothing within the wait = not acknowledged) and tells the alert, once.
/// Every effect on the PBX is an outbox effect pinned to the lease of the silo driving that PBX.
/// </summary>
public sealed partial class CallGrain(
    [PersistentState("call")] IPersistentState<CallState> state,
    IOutbox outbox,
    SiloIdentity silo,
    TimeProvider time) : Grain, ICallGrain, IRemindable
{
    /// <summary>How long after a try's ring timeout the runtime stops waiting for its PBX to report and ends it.</summary>
    public static readonly TimeSpan OutcomeGrace = TimeSpan.FromSeconds(30);

    /// <summary>The longest an answered call may last before the runtime hangs it up.</summary>
    public static readonly TimeSpan MaxAnsweredCall = TimeSpan.FromMinutes(3);

    private const string DeadlineReminder = "try-deadline";
    private const string KeyWaitReminder = "key-wait";

    private CallState Call => state.State;

    private CallTry? Current => Call.Tries.Count == 0 ? null : Call.Tries[^1];

    public async Task<CallView> PlaceAsync(PlaceCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!E164().IsMatch(request.Number))
        {
            throw new ArgumentException($"'{Mask(request.Number)}' is not an E.164 number (+ and 8 to 15 digits).", nameof(request));
        }

        if (request.RingTimeout < TimeSpan.FromSeconds(5) || request.RingTimeout > TimeSpan.FromMinutes(2))
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The ring timeout must be between 5 s and 2 min.");
        }

        if (Call.Status != CallStatus.New)
        {
            return View();
        }

        Call.Number = request.Number;
        Call.RingTimeoutSeconds = (int)request.RingTimeout.TotalSeconds;
        Call.AlertId = request.AlertId;
        Call.Summary = request.Summary;
        await StartNextTryAsync();
        FinishIfOver(null);
        await state.WriteStateAsync();
        return View();
    }

    public async Task<bool> BeginDialAsync(string channelId)
    {
        var index = TryIndex(channelId);
        if (index < 0 || Call.CancelledBecause is not null || Call.Tries[index] is not { DialedAt: null, EndedAt: null } attempt)
        {
            return false;
        }

        Call.Tries[index] = attempt with { DialedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        return true;
    }

    public async Task OnAnsweredAsync(string channelId, DateTimeOffset at)
    {
        var index = TryIndex(channelId);
        if (index >= 0 && Call.Tries[index] is { EndedAt: not null } ended)
        {
            // Answered after we gave the try up (a late originate, a cancelled call): nobody is listening, so hang up.
            HangUp(ended, "try already ended");
            await state.WriteStateAsync();
            return;
        }

        if (index < 0 || Call.Tries[index] is not { AnsweredAt: null } attempt)
        {
            return;
        }

        Call.Tries[index] = attempt with { AnsweredAt = at };
        Call.Status = CallStatus.Answered;
        if (Call.AlertId is not null && Call.Result is null)
        {
            Play(AlertPrompt.Prompt, hangupAfter: false);
        }

        await state.WriteStateAsync();
        await RegisterOrUpdateReminder(DeadlineReminder, MaxAnsweredCall);
        if (Call.AlertId is not null)
        {
            await RegisterOrUpdateReminder(KeyWaitReminder, AlertPrompt.KeyWait);
        }
    }

    public async Task OnKeyAsync(string channelId, string digit)
    {
        if (Current is not { AnsweredAt: not null, EndedAt: null } current || current.ChannelId != channelId || Call.Result is not null || Call.AlertId is null)
        {
            return;
        }

        switch (digit)
        {
            case "1":
                Decide(CallResult.Acknowledged, $"{Mask(Call.Number)} pressed 1");
                Play([AlertPrompt.Acknowledged], hangupAfter: true);
                break;
            case "2":
                Decide(CallResult.PassedOn, $"{Mask(Call.Number)} pressed 2");
                HangUp(current, "passed on");
                break;
            case "9":
                Play(AlertPrompt.Prompt, hangupAfter: false);
                await RegisterOrUpdateReminder(KeyWaitReminder, AlertPrompt.KeyWait);
                break;
            default:
                return;
        }

        await state.WriteStateAsync();
    }

    public async Task CancelAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Call.Status is CallStatus.Ended or CallStatus.NoPbxAvailable || Call.CancelledBecause is not null)
        {
            return;
        }

        Call.CancelledBecause = reason;
        // The alert cancelled this call, so it needs no notice back.
        Call.AlertNotified = true;
        Call.Result ??= CallResult.NotAcknowledged;
        if (Current is { EndedAt: null } current)
        {
            if (current.DialedAt is not null)
            {
                HangUp(current, reason);
            }

            Call.Tries[^1] = current with { EndedAt = time.GetUtcNow(), Outcome = current.AnsweredAt is null ? CallOutcome.Failed : CallOutcome.Answered, Cause = 16, Detail = $"cancelled: {reason}" };
        }

        Call.Status = CallStatus.Ended;
        Call.Outcome = Current?.Outcome;
        await state.WriteStateAsync();
    }

    public async Task OnTryEndedAsync(TryEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var index = TryIndex(ended.ChannelId);
        if (index < 0 || Call.Tries[index].EndedAt is not null)
        {
            return;
        }

        var attempt = Call.Tries[index];
        // A try we saw answered counts as answered, whatever the PBX's last word was.
        var outcome = attempt.AnsweredAt is not null ? CallOutcome.Answered : ended.Outcome;
        Call.Tries[index] = attempt with { EndedAt = ended.At, Outcome = outcome, Cause = ended.Cause, Detail = ended.Detail };
        if (index == Call.Tries.Count - 1)
        {
            if (CallOutcomes.ShouldRetryElsewhere(outcome) && Call.CancelledBecause is null)
            {
                await StartNextTryAsync();
            }
            else
            {
                Call.Status = CallStatus.Ended;
                Call.Outcome = outcome;
            }
        }

        FinishIfOver(ended.Detail);
        await state.WriteStateAsync();
        // Counted once the write stands: a turn re-run after a conflict must not count twice.
        if (Call.Tries.Count == index + 2)
        {
            CallPingMetrics.RecordTrunkFailover(attempt.PbxId);
        }
    }

    public Task<CallView> GetAsync() => Task.FromResult(View());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Current is not { EndedAt: null } open)
        {
            return;
        }

        if (reminderName == KeyWaitReminder)
        {
            if (open.AnsweredAt is not null && Call.Result is null)
            {
                Decide(CallResult.NotAcknowledged, "no key pressed");
                HangUp(open, "no key");
                await state.WriteStateAsync();
            }

            return;
        }

        // The PBX never told us how this try ended (its driver died, events were lost): end it and hang it up.
        HangUp(open, "deadline");
        await OnTryEndedAsync(new TryEnded(open.ChannelId, CallOutcome.NoAnswer, 0, "no outcome from the PBX by the deadline", time.GetUtcNow()));
    }

    private async Task StartNextTryAsync()
    {
        var tried = Call.Tries.Select(t => t.PbxId).ToList();
        var route = await GrainFactory.GetGrain<IPbxRouterGrain>(silo.Id).RouteAsync(new RouteRequest(tried));
        if (!route.Found)
        {
            Call.Status = CallStatus.NoPbxAvailable;
            Call.Refusal = route.Refusal;
            return;
        }

        var callId = GetPrimaryKeyString();
        var channelId = $"{callId}-{Call.Tries.Count + 1}";
        Call.Tries.Add(new CallTry(Call.Tries.Count + 1, channelId, route.PbxId!, route.Provider!, time.GetUtcNow(), null, null, null, null, null, null));
        Call.Status = CallStatus.Dialing;
        outbox.Enqueue(DialCommand.Kind, $"dial:{channelId}",
            new DialCommand(callId, channelId, route.PbxId!, Call.Number, Call.RingTimeoutSeconds), DialCommand.LeaseOf(route.PbxId!));
        await RegisterOrUpdateReminder(DeadlineReminder, TimeSpan.FromSeconds(Call.RingTimeoutSeconds) + OutcomeGrace);
    }

    /// <summary>Once the call is over, a call nobody decided on counts as not acknowledged.</summary>
    private void FinishIfOver(string? detail)
    {
        if (Call.Status == CallStatus.NoPbxAvailable)
        {
            Decide(CallResult.NoPbxAvailable, Call.Refusal);
        }
        else if (Call.Status == CallStatus.Ended)
        {
            Decide(CallResult.NotAcknowledged, detail);
        }
    }

    /// <summary>Records what the call achieved and tells its alert, once.</summary>
    private void Decide(CallResult result, string? detail)
    {
        Call.Result ??= result;
        if (Call.AlertId is { } alertId && !Call.AlertNotified)
        {
            Call.AlertNotified = true;
            outbox.Enqueue(CallEndedNotice.Kind, $"call-ended:{GetPrimaryKeyString()}",
                new CallEndedNotice(alertId, GetPrimaryKeyString(), Call.Result.Value, Call.Outcome ?? Current?.Outcome, detail, time.GetUtcNow()));
        }
    }

    private void Play(IReadOnlyList<string> media, bool hangupAfter)
    {
        var current = Current!;
        Call.PromptPlays++;
        outbox.Enqueue(PlayCommand.Kind, $"play:{current.ChannelId}:{Call.PromptPlays}",
            new PlayCommand(GetPrimaryKeyString(), current.ChannelId, current.PbxId, $"{current.ChannelId}-p{Call.PromptPlays}", media, hangupAfter),
            DialCommand.LeaseOf(current.PbxId));
    }

    private void HangUp(CallTry attempt, string reason) =>
        outbox.Enqueue(HangupCommand.Kind, $"hangup:{attempt.ChannelId}",
            new HangupCommand(GetPrimaryKeyString(), attempt.ChannelId, attempt.PbxId, reason), DialCommand.LeaseOf(attempt.PbxId));

    private int TryIndex(string channelId) => Call.Tries.FindIndex(t => t.ChannelId == channelId);

    private CallView View() => new(GetPrimaryKeyString(), Call.Status, Call.Outcome, Call.Refusal, Call.Tries, Call.Result);

    /// <summary>Numbers never appear in full in messages and logs.</summary>
    public static string Mask(string number) => number.Length <= 4 ? "****" : $"{new string('*', number.Length - 4)}{number[^4..]}";

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
