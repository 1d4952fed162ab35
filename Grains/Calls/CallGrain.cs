using System.Text.RegularExpressions;
using CallPing.Ari;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;
using CallPing.Runtime;
using CallPing.Runtime.Hosting;

namespace CallPing.Grains.Calls;

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

    private CallState Call => state.State;

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
        await StartNextTryAsync();
        await state.WriteStateAsync();
        return View();
    }

    public async Task<bool> BeginDialAsync(string channelId)
    {
        var index = TryIndex(channelId);
        if (index < 0 || Call.Tries[index] is not { DialedAt: null, EndedAt: null } attempt)
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
        if (index < 0 || Call.Tries[index] is not { AnsweredAt: null, EndedAt: null } attempt)
        {
            return;
        }

        Call.Tries[index] = attempt with { AnsweredAt = at };
        Call.Status = CallStatus.Answered;
        await state.WriteStateAsync();
        await RegisterOrUpdateReminder(DeadlineReminder, MaxAnsweredCall);
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
            if (CallOutcomes.ShouldRetryElsewhere(outcome))
            {
                await StartNextTryAsync();
            }
            else
            {
                Call.Status = CallStatus.Ended;
                Call.Outcome = outcome;
            }
        }

        await state.WriteStateAsync();
    }

    public Task<CallView> GetAsync() => Task.FromResult(View());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Call.Tries.Count == 0 || Call.Tries[^1] is not { EndedAt: null } open)
        {
            return;
        }

        // The PBX never told us how this try ended (its driver died, events were lost): end it and hang it up.
        outbox.Enqueue(HangupCommand.Kind, $"hangup:{open.ChannelId}",
            new HangupCommand(GetPrimaryKeyString(), open.ChannelId, open.PbxId, "deadline"), DialCommand.LeaseOf(open.PbxId));
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

    private int TryIndex(string channelId) => Call.Tries.FindIndex(t => t.ChannelId == channelId);

    private CallView View() => new(GetPrimaryKeyString(), Call.Status, Call.Outcome, Call.Refusal, Call.Tries);

    /// <summary>Numbers never appear in full in messages and logs.</summary>
    public static string Mask(string number) => number.Length <= 4 ? "****" : $"{new string('*', number.Length - 4)}{number[^4..]}";

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
