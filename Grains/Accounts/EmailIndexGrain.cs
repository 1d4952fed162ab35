using CallPing.Grains.Interfaces.Accounts;

namespace CallPing.Grains.Accounts;

/// <summary>One address's account. Its calls run one at a time, so two sign-ups of one address cannot both create one.</summary>
public sealed class EmailIndexGrain(
    [PersistentState("emailindex", GrainStorage.Name)] IPersistentState<EmailIndexState> state) : Grain, IEmailIndexGrain
{
    public async Task<SignUpOutcome> SignUpAsync(PendingSignUp signUp)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        if (!state.RecordExists)
        {
            // The account is created before the index points at it: should the index's write fail, the account is
            // one nobody can reach, and the next sign-up makes another.
            var userId = Guid.NewGuid().ToString("N");
            await GrainFactory.GetGrain<IUserGrain>(userId).CreateAsync(this.GetPrimaryKeyString());
            state.State.UserId = userId;
            await state.WriteStateAsync();
        }

        var recorded = await GrainFactory.GetGrain<IUserGrain>(state.State.UserId).AddSignUpAsync(signUp);
        return new SignUpOutcome(state.State.UserId, AlreadyVerified: !recorded);
    }

    public Task<string?> GetUserIdAsync() => Task.FromResult(state.RecordExists ? state.State.UserId : null);
}
