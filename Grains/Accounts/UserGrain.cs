using Microsoft.Extensions.DependencyInjection;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Projects;

namespace CallPing.Grains.Accounts;

/// <summary>One account: its sign-ups, password, sessions, TOTP challenges and recovery codes (see <see cref="IUserGrain"/>).</summary>
public sealed partial class UserGrain(
    [PersistentState("user", GrainStorage.Name)] IPersistentState<UserState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    NumberKeys numberKeys) : Grain, IUserGrain, IRemindable
{
    public const string SweepReminder = "account-sweep";

    private bool _sweepRegistered;

    private UserState User => state.State;

    private DateTimeOffset Now => time.GetUtcNow();

    private bool CanLogIn => state.RecordExists && User.EmailVerified && User.PasswordHash.Length > 0;

    public async Task CreateAsync(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (state.RecordExists)
        {
            return;
        }

        User.Email = email;
        User.CreatedAt = Now;
        await state.WriteStateAsync();
    }

    public async Task<bool> AddSignUpAsync(PendingSignUp signUp)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        EnsureExists();
        if (User.EmailVerified)
        {
            return false;
        }

        User.SignUps.RemoveAll(s => s.ExpiresAt <= Now);
        User.SignUps.Add(signUp);
        if (User.SignUps.Count > AccountPolicy.MaxPendingSignUps)
        {
            User.SignUps.RemoveAt(0);
        }

        await WriteAndSweepLaterAsync();
        return true;
    }

    public async Task<bool> VerifyEmailAsync(string tokenHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        if (!state.RecordExists || User.SignUps.Find(s => SecretHash.Equal(s.TokenHash, tokenHash) && s.ExpiresAt > Now) is not { } signUp)
        {
            return false;
        }

        User.EmailVerified = true;
        User.PasswordHash = signUp.PasswordHash;
        User.SignUps.Clear();
        User.Sessions.Clear();
        User.Challenges.Clear();
        await state.WriteStateAsync();
        return true;
    }

    public Task<UserCredentials?> GetCredentialsAsync() =>
        Task.FromResult(CanLogIn ? new UserCredentials(User.PasswordHash, User.TotpSecret is not null) : null);

    public async Task<SessionTicket> StartSessionAsync(bool staySignedIn)
    {
        EnsureCanLogIn();
        if (User.TotpSecret is not null)
        {
            throw new InvalidOperationException("This account has TOTP on: a session starts through a challenge.");
        }

        var ticket = NewSession(staySignedIn);
        await WriteAndSweepLaterAsync();
        return ticket;
    }

    public async Task<string> StartChallengeAsync(bool staySignedIn)
    {
        EnsureCanLogIn();
        var challengeId = SecretHash.NewSecret();
        User.Challenges[SecretHash.Of(challengeId)] = new StoredChallenge(Now + AccountPolicy.ChallengeLifetime, staySignedIn, WrongAnswers: 0);
        await WriteAndSweepLaterAsync();
        return challengeId;
    }

    public Task<string?> GetChallengeSecretAsync(string challengeId) =>
        Task.FromResult(LiveChallenge(challengeId) is not null ? User.TotpSecret : null);

    public async Task<ChallengeOutcome> AnswerChallengeAsync(string challengeId, ChallengeAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (LiveChallenge(challengeId) is not { } challenge || User.TotpSecret is null)
        {
            return new ChallengeOutcome(null, Void: true);
        }

        var key = SecretHash.Of(challengeId);
        if (!TryUseCode(answer))
        {
            var wrong = challenge.WrongAnswers + 1;
            User.Challenges[key] = challenge with { WrongAnswers = wrong };
            await state.WriteStateAsync();
            return new ChallengeOutcome(null, Void: wrong >= AccountPolicy.MaxWrongCodes);
        }

        User.Challenges.Remove(key);
        var ticket = NewSession(challenge.StaySignedIn);
        await WriteAndSweepLaterAsync();
        return new ChallengeOutcome(ticket, Void: false);
    }

    public async Task<SessionView?> GetSessionAsync(string sessionId)
    {
        if (LiveSession(sessionId) is not { } session)
        {
            return null;
        }

        var renewed = ExpiryOf(session.CreatedAt, session.StaySignedIn, lastUse: Now);
        if (renewed - session.ExpiresAt >= AccountPolicy.SessionRenewalStep)
        {
            session = session with { ExpiresAt = renewed };
            User.Sessions[SecretHash.Of(sessionId)] = session;
            await state.WriteStateAsync();
        }

        return new SessionView(sessionId, session.CreatedAt, session.ExpiresAt, session.PasswordEnteredAt);
    }

    public async Task EndSessionAsync(string sessionId)
    {
        if (state.RecordExists && User.Sessions.Remove(SecretHash.Of(sessionId)))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<SessionSummary>> GetSessionsAsync(string currentSessionId)
    {
        var current = SecretHash.Of(currentSessionId);
        IReadOnlyList<SessionSummary> sessions = state.RecordExists
            ? [.. User.Sessions.Where(s => s.Value.ExpiresAt > Now).OrderByDescending(s => s.Value.CreatedAt)
                .Select(s => new SessionSummary(s.Value.CreatedAt, s.Value.ExpiresAt, s.Value.StaySignedIn, s.Key == current))]
            : [];
        return Task.FromResult(sessions);
    }

    public async Task<int> EndOtherSessionsAsync(string sessionId)
    {
        if (!state.RecordExists)
        {
            return 0;
        }

        var keep = SecretHash.Of(sessionId);
        var ended = User.Sessions.Keys.Where(k => k != keep).ToList();
        ended.ForEach(k => User.Sessions.Remove(k));
        if (ended.Count > 0)
        {
            await state.WriteStateAsync();
        }

        return ended.Count;
    }

    public async Task<bool> StepUpAsync(string sessionId)
    {
        if (LiveSession(sessionId) is not { } session)
        {
            return false;
        }

        User.Sessions[SecretHash.Of(sessionId)] = session with { PasswordEnteredAt = Now };
        await state.WriteStateAsync();
        return true;
    }

    public async Task ChangePasswordAsync(string sessionId, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        EnsureCanLogIn();
        var keep = SecretHash.Of(sessionId);
        foreach (var key in User.Sessions.Keys.Where(k => k != keep).ToList())
        {
            User.Sessions.Remove(key);
        }

        User.PasswordHash = passwordHash;
        User.Reset = null;
        await state.WriteStateAsync();
    }

    public async Task<bool> AddResetAsync(string tokenHash, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        if (!CanLogIn)
        {
            return false;
        }

        User.Reset = new StoredLink(tokenHash, expiresAt);
        await WriteAndSweepLaterAsync();
        return true;
    }

    public async Task<bool> ResetPasswordAsync(string tokenHash, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (!CanLogIn || User.Reset is not { } reset || reset.ExpiresAt <= Now || !SecretHash.Equal(reset.TokenHash, tokenHash))
        {
            return false;
        }

        User.PasswordHash = passwordHash;
        User.Reset = null;
        User.Sessions.Clear();
        User.Challenges.Clear();
        await state.WriteStateAsync();
        return true;
    }

    public async Task BeginTotpAsync(string protectedSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedSecret);
        EnsureCanLogIn();
        if (User.TotpSecret is not null)
        {
            throw new InvalidOperationException("TOTP is on already; turn it off first.");
        }

        User.PendingTotpSecret = protectedSecret;
        await state.WriteStateAsync();
    }

    public Task<string?> GetPendingTotpSecretAsync() => Task.FromResult(state.RecordExists ? User.PendingTotpSecret : null);

    public async Task<bool> ConfirmTotpAsync(long timeStep, IReadOnlyList<string> recoveryCodeHashes)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodeHashes);
        if (!CanLogIn || User.PendingTotpSecret is null || timeStep <= User.LastTotpStep)
        {
            return false;
        }

        User.TotpSecret = User.PendingTotpSecret;
        User.PendingTotpSecret = null;
        User.LastTotpStep = timeStep;
        User.RecoveryCodeHashes = [.. recoveryCodeHashes];
        await state.WriteStateAsync();
        return true;
    }

    public async Task DisableTotpAsync()
    {
        EnsureCanLogIn();
        User.TotpSecret = null;
        User.PendingTotpSecret = null;
        User.RecoveryCodeHashes = [];
        User.Challenges.Clear();
        await state.WriteStateAsync();
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(state.RecordExists
        ? new UserProfile(this.GetPrimaryKeyString(), User.Email, User.EmailVerified, User.TotpSecret is not null,
            User.RecoveryCodeHashes.Count, User.Sessions.Values.Count(s => s.ExpiresAt > Now), User.CreatedAt)
        : null);

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new InvalidOperationException($"There is no account {this.GetPrimaryKeyString()}.");
        }
    }

    private void EnsureCanLogIn()
    {
        if (!CanLogIn)
        {
            throw new InvalidOperationException($"Account {this.GetPrimaryKeyString()} has no verified address and password.");
        }
    }
}
