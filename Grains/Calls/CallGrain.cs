using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Grains.Interfaces.Speech;
using CallPing.Grains.Speech;
using CallPing.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CallPing.Grains.Calls;

/// <summary>
/// One call placed as tries with trunk failover. For an alert it plays the prompt when answered, takes the key
/// (1 acknowledge, 2 pass on, 9 repeat; nothing within the wait = not acknowledged) and tells the alert, once.
/// A try is stored with its deterministic channel id before its PBX is asked to originate it, and never originated
/// again: after a crash a try whose channel the PBX no longer has ends as unknown and the call goes on with a new try.
/// </summary>
public sealed partial class CallGrain(
    [PersistentState("call", GrainStorage.Name)] IPersistentState<CallState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    MediaUrls mediaUrls) : Grain, ICallGrain, IRemindable
{
    /// <summary>How long after a try's ring timeout the call stops waiting for its PBX to report and ends it.</summary>
    public static readonly TimeSpan OutcomeGrace = TimeSpan.FromSeconds(30);

    /// <summary>The longest an answered call may last before CallPing hangs it up.</summary>
    public static readonly TimeSpan MaxAnsweredCall = TimeSpan.FromMinutes(3);

    /// <summary>Brings an unfinished call back after a crash (its timers lived in memory): the reminder service's minimum period.</summary>
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMinutes(1);

    private const string WatchdogReminder = "watchdog";

    private IGrainTimer? _deadline;
    private IGrainTimer? _keyWait;

    private CallState Call => state.State;

    private CallTry? Current => Call.Tries.Count == 0 ? null : Call.Tries[^1];

    /// <summary>
    /// Whether the call keeps a watchdog reminder of its own. An alert's call does not: its alert's watchdog asks for it
    /// each minute while the alert calls, which activates it again after a crash. That spares two reminder writes on
    /// every alert's first call; a test or verification call has no alert, so it keeps its own.
    /// </summary>
    private bool OwnWatchdog => Call.AlertId is null;

    private string CallId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is { EndedAt: null })
        {
            // A new activation of a call in progress: the earlier one may have died between storing a try and dialling
            // it, or while a key press was on its way. Look at the try again right after activation.
            this.RegisterGrainTimer(_ => ResumeAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public async Task<CallView> PlaceAsync(PlaceCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PhoneNumber.Parse(request.Number, nameof(request));

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
        Call.Prompts = request.Prompts;
        Call.Play = request.AlertId is null ? [.. request.Play ?? []] : [];
        Call.Code = request.AlertId is null ? request.Code : null;
        if (OwnWatchdog)
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromSeconds(Call.RingTimeoutSeconds) + OutcomeGrace, WatchdogPeriod);
        }

        await StartNextTryAsync();
        return View();
    }

    public async Task OnAnsweredAsync(string channelId)
    {
        var index = TryIndex(channelId);
        if (index >= 0 && Call.Tries[index] is { EndedAt: not null } ended)
        {
            // Answered after we gave the try up (a late originate, a cancelled call): nobody is listening, so hang up.
            await HangUpAsync(ended);
            return;
        }

        if (index < 0 || Call.Tries[index] is not { AnsweredAt: null } attempt)
        {
            return;
        }

        // The grain's clock, not the PBX's event timestamp: the answered call's deadline is measured from AnsweredAt on the
        // grain's clock, so a PBX clock off by minutes would hang the call up at once.
        Call.Tries[index] = attempt with { AnsweredAt = time.GetUtcNow() };
        Call.Status = CallStatus.Answered;
        var prompt = Call.AlertId is not null && Call.Result is null;
        if (prompt || Call.Code is not null)
        {
            Call.KeyWaitUntil = time.GetUtcNow() + (prompt ? AlertPrompt.KeyWait : KeyedCodeWait);
        }

        await state.WriteStateAsync();
        ArmDeadline();
        if (prompt)
        {
            ArmKeyWait();
            await PlayAlertAsync();
            return;
        }

        if (Call.Code is not null)
        {
            ArmKeyWait();
        }

        if (Call.Play.Count > 0 && Call.PromptPlays == 0)
        {
            await PlayAsync(Call.Play, hangupAfter: Call.Code is null);
        }
    }

    public async Task OnEventsResumedAsync(string channelId)
    {
        if (Current is { AnsweredAt: not null, EndedAt: null } current && current.ChannelId == channelId && Call.AlertId is not null && Call.Result is null)
        {
            await AskAgainAsync();
        }
    }

    public async Task OnKeyAsync(string channelId, string digit)
    {
        if (Current is not { AnsweredAt: not null, EndedAt: null } current || current.ChannelId != channelId || Call.Result is not null)
        {
            return;
        }

        if (Call.Code is { } code)
        {
            await OnCodeKeyAsync(code, digit);
            return;
        }

        if (Call.AlertId is null)
        {
            return;
        }

        switch (digit)
        {
            case AlertPrompt.AcknowledgeKey:
                Decide(CallResult.Acknowledged, $"{Mask(Call.Number)} pressed {digit}");
                await state.WriteStateAsync();
                await NotifyAlertAsync();
                await PlayAsync(await MediaOfAsync("acknowledged", Call.Prompts?.Acknowledged, AlertPrompt.FallbackAcknowledged), hangupAfter: true);
                break;
            case AlertPrompt.PassOnKey:
                Decide(CallResult.PassedOn, $"{Mask(Call.Number)} pressed {digit}");
                await state.WriteStateAsync();
                await NotifyAlertAsync();
                await PlayAsync(await MediaOfAsync("passed-on", Call.Prompts?.PassedOn, AlertPrompt.FallbackPassedOn), hangupAfter: true);
                break;
            case AlertPrompt.RepeatKey:
                await AskAgainAsync();
                break;
        }
    }

    public async Task OnPlaybackFailedAsync(string channelId, string playbackId)
    {
        if (Current is not { AnsweredAt: not null, EndedAt: null } current || current.ChannelId != channelId || playbackId != Call.SpokenAlertPlayback)
        {
            return;
        }

        // The PBX could not fetch or play the spoken alert: it says what it can with its own sounds, and the keys still work.
        Call.Tries[^1] = current with { SpeechFailed = true };
        Call.SpokenAlertPlayback = null;
        await state.WriteStateAsync();
        if (Call.Result is null)
        {
            await PlayAsync(AlertPrompt.FallbackAlert, hangupAfter: false);
        }
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
        var live = Current is { EndedAt: null, DialedAt: not null } current ? current : null;
        if (Current is { EndedAt: null } open)
        {
            Call.Tries[^1] = open with { EndedAt = time.GetUtcNow(), Outcome = open.AnsweredAt is null ? CallOutcome.Failed : CallOutcome.Answered, Cause = 16, Detail = $"cancelled: {reason}" };
        }

        Call.Status = CallStatus.Ended;
        Call.Outcome = Current?.Outcome;
        await state.WriteStateAsync();
        await FinishAsync();
        if (live is not null)
        {
            await HangUpAsync(live);
        }
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
        if (index != Call.Tries.Count - 1)
        {
            await state.WriteStateAsync();
            return;
        }

        if (CallOutcomes.ShouldRetryElsewhere(outcome) && Call.CancelledBecause is null)
        {
            CallPingMetrics.RecordTrunkFailover(attempt.PbxId);
            await StartNextTryAsync();
            return;
        }

        Call.Status = CallStatus.Ended;
        Call.Outcome = outcome;
        Decide(CallResult.NotAcknowledged, ended.Detail);
        await state.WriteStateAsync();
        await FinishAsync();
        await NotifyAlertAsync();
    }

    public Task<CallView> GetAsync() => Task.FromResult(View());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The activation that took this tick re-armed the call's timers (OnActivateAsync); a finished call needs no watchdog.
        // (An alert's call stored before its alert's watchdog took over may still have one: it ends here the same way.)
        if (Call.Status is CallStatus.Ended or CallStatus.NoPbxAvailable or CallStatus.New)
        {
            await NotifyAlertAsync();
            await StopWatchdogAsync();
        }
    }

    /// <summary>Routes the next try and stores it with its channel id, then dials it; a try the PBX refuses fails over at once.</summary>
    private async Task StartNextTryAsync()
    {
        while (true)
        {
            var tried = Call.Tries.Select(t => t.PbxId).ToList();
            var route = await GrainFactory.GetGrain<IPbxRouterGrain>(IPbxRouterGrain.Key).RouteAsync(new RouteRequest(tried));
            if (!route.Found)
            {
                Call.Status = CallStatus.NoPbxAvailable;
                Call.Refusal = route.Refusal;
                Decide(CallResult.NoPbxAvailable, route.Refusal);
                await state.WriteStateAsync();
                await FinishAsync();
                await NotifyAlertAsync();
                return;
            }

            var channelId = $"{CallId}-{Call.Tries.Count + 1}";
            var now = time.GetUtcNow();
            Call.Tries.Add(new CallTry(Call.Tries.Count + 1, channelId, route.PbxId!, route.Provider!, now, now, null, null, null, null, null));
            Call.Status = CallStatus.Dialing;
            // Stored before the originate: this channel id is never asked for again, whatever happens next.
            await state.WriteStateAsync();
            ArmDeadline();
            var dialed = await DialAsync(route.PbxId!, channelId);
            if (dialed.Placed)
            {
                return;
            }

            var failed = Call.Tries[^1];
            Call.Tries[^1] = failed with { EndedAt = time.GetUtcNow(), Outcome = CallOutcome.TrunkFailure, Cause = 0, Detail = dialed.Error };
            CallPingMetrics.RecordTrunkFailover(failed.PbxId);
        }
    }

    private async Task<DialResult> DialAsync(string pbxId, string channelId)
    {
        try
        {
            return await GrainFactory.GetGrain<IPbxGrain>(pbxId).DialAsync(new DialCommand(CallId, channelId, Call.Number, Call.RingTimeoutSeconds, time.GetUtcNow()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return DialResult.Failed($"{pbxId} could not be asked to dial: {e.Message}");
        }
    }

    /// <summary>After a new activation: a try its PBX no longer has ended unseen; a live answered one asks for the key again.</summary>
    private async Task ResumeAsync()
    {
        if (Current is not { EndedAt: null } open)
        {
            return;
        }

        ArmDeadline();
        bool live;
        try
        {
            live = await GrainFactory.GetGrain<IPbxGrain>(open.PbxId).IsLiveAsync(open.ChannelId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The PBX cannot say now; the deadline timer ends the try if nothing is heard from it.
            return;
        }

        if (!live)
        {
            await OnTryEndedAsync(new TryEnded(open.ChannelId, CallOutcome.Unknown, 0, $"{open.PbxId} no longer has the channel; its end was not seen", time.GetUtcNow()));
        }
        else if (open.AnsweredAt is not null && Call.AlertId is not null && Call.Result is null)
        {
            await AskAgainAsync();
        }
    }

    /// <summary>Plays the prompt again and restarts the wait for a key.</summary>
    private async Task AskAgainAsync()
    {
        Call.KeyWaitUntil = time.GetUtcNow() + AlertPrompt.KeyWait;
        await state.WriteStateAsync();
        ArmKeyWait();
        await PlayAlertAsync();
    }

    private void ArmDeadline()
    {
        if (Current is not { EndedAt: null } open)
        {
            return;
        }

        var deadline = open.AnsweredAt is { } answered ? answered + MaxAnsweredCall : open.RoutedAt + TimeSpan.FromSeconds(Call.RingTimeoutSeconds) + OutcomeGrace;
        _deadline?.Dispose();
        _deadline = this.RegisterGrainTimer(_ => DeadlinePassedAsync(open.ChannelId), NotNegative(deadline - time.GetUtcNow()), Timeout.InfiniteTimeSpan);
        if (open.AnsweredAt is not null && Call.KeyWaitUntil is not null && Call.Result is null)
        {
            ArmKeyWait();
        }
    }

    private void ArmKeyWait()
    {
        _keyWait?.Dispose();
        _keyWait = this.RegisterGrainTimer(_ => KeyWaitPassedAsync(), NotNegative(Call.KeyWaitUntil!.Value - time.GetUtcNow()), Timeout.InfiniteTimeSpan);
    }

    private async Task KeyWaitPassedAsync()
    {
        if (Current is { AnsweredAt: not null, EndedAt: null } open && Call.Result is null && Call.KeyWaitUntil <= time.GetUtcNow())
        {
            Decide(CallResult.NotAcknowledged, "no key pressed");
            await state.WriteStateAsync();
            await NotifyAlertAsync();
            await HangUpAsync(open);
        }
    }

    /// <summary>The PBX never told us how this try ended (its connection died, events were lost): end it and hang it up.</summary>
    private async Task DeadlinePassedAsync(string channelId)
    {
        if (Current is { EndedAt: null } open && open.ChannelId == channelId)
        {
            await HangUpAsync(open);
            await OnTryEndedAsync(new TryEnded(open.ChannelId, CallOutcome.NoAnswer, 0, "no outcome from the PBX by the deadline", time.GetUtcNow()));
        }
    }

    /// <summary>Records what the call achieved, once; the alert is told after the write (<see cref="NotifyAlertAsync"/>).</summary>
    private void Decide(CallResult result, string? detail)
    {
        Call.Result ??= result;
        Call.ResultDetail ??= detail;
    }

    /// <summary>Tells the alert how the call went, once the result is stored. One-way: a lost notice is found by the alert's watchdog.</summary>
    private async Task NotifyAlertAsync()
    {
        if (Call.AlertId is not { } alertId || Call.Result is not { } result || Call.AlertNotified)
        {
            return;
        }

        Call.AlertNotified = true;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAlertGrain>(alertId).OnCallEndedAsync(
            new CallEndedNotice(alertId, CallId, result, Call.Outcome ?? Current?.Outcome, Call.ResultDetail, time.GetUtcNow()));
    }

    private async Task FinishAsync()
    {
        _deadline?.Dispose();
        _keyWait?.Dispose();
        if (OwnWatchdog)
        {
            await StopWatchdogAsync();
        }
    }

    private async Task StopWatchdogAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The spoken alert with its menu, or the PBX's core sounds when it cannot be spoken.</summary>
    private async Task PlayAlertAsync()
    {
        var media = await MediaOfAsync("alert", Call.Prompts?.Alert, AlertPrompt.FallbackAlert);
        await PlayAsync(media, hangupAfter: false, spokenAlert: media != AlertPrompt.FallbackAlert);
    }

    /// <summary>
    /// The URL of a spoken prompt, its rendering asked for first (quick: it renders off the speech grain's turn, and a
    /// PBX fetch waits for it), or <paramref name="fallback"/> when there is nothing to speak, no media URL is configured,
    /// or the PBX failed to play this try's speech before.
    /// </summary>
    private async Task<IReadOnlyList<string>> MediaOfAsync(string purpose, SpeechRequest? speech, IReadOnlyList<string> fallback)
    {
        if (speech is null || !mediaUrls.Enabled || Current is { SpeechFailed: true })
        {
            return fallback;
        }

        try
        {
            await GrainFactory.GetGrain<ISpeechGrain>(SpeechKey.Of(speech)).PrepareAsync(speech);
            return [$"sound:{await mediaUrls.UrlOfAsync(purpose, speech, time.GetUtcNow())}"];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return fallback;
        }
    }

    private async Task PlayAsync(IReadOnlyList<string> media, bool hangupAfter, bool spokenAlert = false)
    {
        var current = Current!;
        var playing = Call.PromptPlays > 0 ? PlaybackId(current, Call.PromptPlays) : null;
        Call.PromptPlays++;
        Call.SpokenAlertPlayback = spokenAlert ? PlaybackId(current, Call.PromptPlays) : null;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IPbxGrain>(current.PbxId).PlayAsync(new PlayCommand(current.ChannelId, PlaybackId(current, Call.PromptPlays), media, hangupAfter, playing));
    }

    /// <summary>The id of the try's n-th playback (counted over the whole call: a try's first is not always 1).</summary>
    private static string PlaybackId(CallTry attempt, int n) => $"{attempt.ChannelId}-p{n}";

    private Task HangUpAsync(CallTry attempt) => GrainFactory.GetGrain<IPbxGrain>(attempt.PbxId).HangUpAsync(attempt.ChannelId);

    private int TryIndex(string channelId) => Call.Tries.FindIndex(t => t.ChannelId == channelId);

    private CallView View() => new(CallId, Call.Status, Call.Outcome, Call.Refusal, Call.Tries, Call.Result);

    private static TimeSpan NotNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    /// <summary>Numbers never appear in full in messages and logs.</summary>
    public static string Mask(string number) => PhoneNumber.Mask(number);
}
