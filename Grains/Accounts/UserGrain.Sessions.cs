using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.Grains.Accounts;

/// <summary>The session and challenge bookkeeping of <see cref="UserGrain"/>, and the sweep that drops what expired.</summary>
public sealed partial class UserGrain
{
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await StopSweepingAsync();
            return;
        }

        var now = Now;
        var before = (User.Sessions.Count, User.Challenges.Count, User.SignUps.Count, User.Reset);
        foreach (var key in User.Sessions.Where(s => s.Value.ExpiresAt <= now).Select(s => s.Key).ToList())
        {
            User.Sessions.Remove(key);
        }

        foreach (var key in User.Challenges.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
        {
            User.Challenges.Remove(key);
        }

        User.SignUps.RemoveAll(s => s.ExpiresAt <= now);
        if (User.Reset is { } reset && reset.ExpiresAt <= now)
        {
            User.Reset = null;
        }

        if (before != (User.Sessions.Count, User.Challenges.Count, User.SignUps.Count, User.Reset))
        {
            await state.WriteStateAsync();
        }

        if (User.Sessions.Count == 0 && User.Challenges.Count == 0 && User.SignUps.Count == 0 && User.Reset is null)
        {
            await StopSweepingAsync();
        }
    }

    private SessionTicket NewSession(bool staySignedIn)
    {
        var sessionId = SecretHash.NewSecret();
        var now = Now;
        User.Sessions[SecretHash.Of(sessionId)] = new StoredSession(now, ExpiryOf(now, staySignedIn, lastUse: now), staySignedIn, PasswordEnteredAt: now);
        return new SessionTicket(sessionId, now, now + AccountPolicy.SessionAbsoluteLifetime, staySignedIn);
    }

    private static DateTimeOffset ExpiryOf(DateTimeOffset createdAt, bool staySignedIn, DateTimeOffset lastUse)
    {
        var idle = lastUse + (staySignedIn ? AccountPolicy.StaySignedInLifetime : AccountPolicy.SessionLifetime);
        var absolute = createdAt + AccountPolicy.SessionAbsoluteLifetime;
        return idle < absolute ? idle : absolute;
    }

    private StoredSession? LiveSession(string sessionId) =>
        state.RecordExists && !string.IsNullOrEmpty(sessionId) && User.Sessions.TryGetValue(SecretHash.Of(sessionId), out var session) && session.ExpiresAt > Now
            ? session
            : null;

    private StoredChallenge? LiveChallenge(string challengeId) =>
        state.RecordExists && !string.IsNullOrEmpty(challengeId) && User.Challenges.TryGetValue(SecretHash.Of(challengeId), out var challenge)
            && challenge.ExpiresAt > Now && challenge.WrongAnswers < AccountPolicy.MaxWrongCodes
            ? challenge
            : null;

    /// <summary>A code of a later time step than any accepted before, or an unused recovery code, is used up here.</summary>
    private bool TryUseCode(ChallengeAnswer answer)
    {
        if (answer.MatchedStep is { } step)
        {
            if (step <= User.LastTotpStep)
            {
                return false;
            }

            User.LastTotpStep = step;
            return true;
        }

        var index = answer.RecoveryCodeHash is { } hash ? User.RecoveryCodeHashes.FindIndex(h => SecretHash.Equal(h, hash)) : -1;
        if (index < 0)
        {
            return false;
        }

        User.RecoveryCodeHashes.RemoveAt(index);
        return true;
    }

    /// <summary>Writes the state, and makes sure the sweep reminder will drop what expires in it.</summary>
    private async Task WriteAndSweepLaterAsync()
    {
        await state.WriteStateAsync();
        if (!_sweepRegistered)
        {
            await this.RegisterOrUpdateReminder(SweepReminder, AccountPolicy.SweepPeriod, AccountPolicy.SweepPeriod);
            _sweepRegistered = true;
        }
    }

    private async Task StopSweepingAsync()
    {
        if (await this.GetReminder(SweepReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _sweepRegistered = false;
    }
}
