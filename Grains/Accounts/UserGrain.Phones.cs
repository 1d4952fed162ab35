using System.Globalization;
using System.Security.Cryptography;
using CallPing.Grains.Audit;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Calls;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Phones;

namespace CallPing.Grains.Accounts;

/// <summary>
/// The phone numbers of <see cref="UserGrain"/>: each is verified by a call through the PBX fleet that plays a
/// 6-digit code, which its owner keys in on the call or types into the portal; only a verified, active number is called
/// by escalations.
/// </summary>
public sealed partial class UserGrain
{
    public const int MaxPhoneNumbers = 10;

    public const int MaxWrongCodes = 3;

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long a verification or test call rings before it counts as not answered.</summary>
    public static readonly TimeSpan PhoneCallRingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What a test call plays: a sound of Asterisk's core sounds, which every PBX has, so that a test call does not depend
    /// on CallPing's own prompts being installed.
    /// </summary>
    public static readonly IReadOnlyList<string> TestCallMedia = ["sound:hello-world"];

    public async Task<OrgAnswer> AddPhoneNumberAsync(string number, string label)
    {
        var phone = PhoneNumber.Parse(number, "number");
        var validLabel = DisplayName.Validate(label, "label");
        EnsureExists();
        if (User.PhoneNumbers.Any(p => p.Number == phone.E164))
        {
            return OrgAnswer.Conflict($"{phone.Masked} is one of your numbers already.");
        }

        if (User.PhoneNumbers.Count >= MaxPhoneNumbers)
        {
            return OrgAnswer.Conflict($"A person may have at most {MaxPhoneNumbers} phone numbers.");
        }

        var id = Guid.NewGuid().ToString("N");
        User.PhoneNumbers.Add(new StoredPhoneNumber(id, phone.E164, validLabel, Now));
        await state.WriteStateAsync();
        return new OrgAnswer(OrgOutcome.Done, CreatedId: id);
    }

    public Task<IReadOnlyList<PhoneNumberView>> GetPhoneNumbersAsync() =>
        Task.FromResult<IReadOnlyList<PhoneNumberView>>(state.RecordExists ? [.. User.PhoneNumbers.Select(ViewOf)] : []);

    public async Task<OrgAnswer> CallToVerifyAsync(string phoneNumberId)
    {
        if (PhoneIndex(phoneNumberId) is not (>= 0 and var index))
        {
            return OrgAnswer.NotFound;
        }

        var phone = User.PhoneNumbers[index];
        if (phone.Status == PhoneNumberStatus.Verified)
        {
            return OrgAnswer.Conflict("The number is verified already.");
        }

        var callId = CallIdOf(phone);
        if (await PortalCallRefusedAsync(phone, callId) is { } tooSoon)
        {
            return tooSoon;
        }

        var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        // The code is stored (as its hash) before the call plays it, so a code heard on the phone is always one that works.
        User.PhoneNumbers[index] = phone with
        {
            Status = PhoneNumberStatus.Unverified,
            CodeHash = SecretHash.Of(code),
            CodeExpiresAt = Now + CodeLifetime,
            WrongCodes = 0,
            CallsPlaced = phone.CallsPlaced + 1,
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICallGrain>(callId).PlaceAsync(new PlaceCallRequest(phone.Number, PhoneCallRingTimeout,
            Play: VerificationMedia(code), Code: new KeyedCode(this.GetPrimaryKeyString(), phone.PhoneNumberId, code.Length)));
        return new OrgAnswer(OrgOutcome.Done, CreatedId: callId);
    }

    public async Task<OrgAnswer> VerifyPhoneNumberAsync(string phoneNumberId, string code)
    {
        if (PhoneIndex(phoneNumberId) is not (>= 0 and var index))
        {
            return OrgAnswer.NotFound;
        }

        var phone = User.PhoneNumbers[index];
        if (phone.Status == PhoneNumberStatus.Verified)
        {
            return OrgAnswer.Done;
        }

        if (phone.CodeHash is null || phone.CodeExpiresAt <= Now)
        {
            return OrgAnswer.Conflict(phone.Status == PhoneNumberStatus.Void
                ? $"The code is void after {MaxWrongCodes} wrong tries: ask for a new verification call."
                : "No code is pending for this number (or it expired): ask for a verification call.");
        }

        if (SecretHash.Equal(phone.CodeHash, SecretHash.Of(code ?? "")))
        {
            User.PhoneNumbers[index] = phone with { Status = PhoneNumberStatus.Verified, VerifiedAt = Now, CodeHash = null, CodeExpiresAt = null, WrongCodes = 0 };
            await state.WriteStateAsync();
            return OrgAnswer.Done;
        }

        var wrong = phone.WrongCodes + 1;
        var voided = wrong >= MaxWrongCodes;
        User.PhoneNumbers[index] = voided
            ? phone with { Status = PhoneNumberStatus.Void, WrongCodes = wrong, CodeHash = null, CodeExpiresAt = null }
            : phone with { WrongCodes = wrong };
        await state.WriteStateAsync();
        return OrgAnswer.Conflict(voided
            ? $"Wrong code. That was the {MaxWrongCodes}rd wrong try: the code is void, ask for a new verification call."
            : $"Wrong code; {MaxWrongCodes - wrong} tries left.");
    }

    public async Task<OrgAnswer> SetPhoneNumberActiveAsync(string phoneNumberId, bool active, AuditContext by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (PhoneIndex(phoneNumberId) is not (>= 0 and var index))
        {
            return OrgAnswer.NotFound;
        }

        var phone = User.PhoneNumbers[index];
        if (phone.Active == active)
        {
            return OrgAnswer.Done;
        }

        User.PhoneNumbers[index] = phone with { Active = active };
        // Every organisation of the person may call the number, so each one's log has the row.
        foreach (var orgId in User.OrgIds)
        {
            User.PendingAudit.Add(AuditOutbox.Entry(orgId, by, AuditActions.PhoneNumberToggle, phoneNumberId, Now, active ? "active" : "inactive"));
        }

        await state.WriteStateAsync();
        await AuditOutbox.ForwardAsync(GrainFactory, User.PendingAudit);
        return OrgAnswer.Done;
    }

    public async Task<OrgAnswer> PlaceTestCallAsync(string phoneNumberId)
    {
        if (PhoneIndex(phoneNumberId) is not (>= 0 and var index))
        {
            return OrgAnswer.NotFound;
        }

        var phone = User.PhoneNumbers[index];
        if (phone.Status != PhoneNumberStatus.Verified)
        {
            return OrgAnswer.Conflict("Only a verified number can have a test call.");
        }

        var callId = CallIdOf(phone);
        if (await PortalCallRefusedAsync(phone, callId) is { } tooSoon)
        {
            return tooSoon;
        }

        User.PhoneNumbers[index] = phone with { CallsPlaced = phone.CallsPlaced + 1, LastTestCallId = callId };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICallGrain>(callId).PlaceAsync(new PlaceCallRequest(phone.Number, PhoneCallRingTimeout, Play: TestCallMedia));
        return new OrgAnswer(OrgOutcome.Done, CreatedId: callId);
    }

    public async Task<TestCallView?> GetTestCallAsync(string phoneNumberId)
    {
        if (PhoneIndex(phoneNumberId) is not (>= 0 and var index) || User.PhoneNumbers[index].LastTestCallId is not { } callId)
        {
            return null;
        }

        var call = await GrainFactory.GetGrain<ICallGrain>(callId).GetAsync();
        return new TestCallView(callId, call.Status, call.Outcome, call.Refusal ?? (call.Tries.Count > 0 ? call.Tries[^1].Detail : null));
    }

    public Task<CallableNumber> GetCallableNumberAsync(string phoneNumberId)
    {
        var index = PhoneIndex(phoneNumberId);
        return Task.FromResult(index < 0
            ? new CallableNumber(null, "the number no longer exists")
            : User.PhoneNumbers[index] switch
            {
                { Status: not PhoneNumberStatus.Verified } => new CallableNumber(null, $"{PhoneNumber.Mask(User.PhoneNumbers[index].Number)} is not verified"),
                { Active: false } phone => new CallableNumber(null, $"{PhoneNumber.Mask(phone.Number)} is inactive"),
                var phone => new CallableNumber(phone.Number, null),
            });
    }

    /// <summary>The code twice, a second of silence between: digits: media are Asterisk's core sounds, on every PBX.</summary>
    public static IReadOnlyList<string> VerificationMedia(string code) => [$"digits:{code}", "sound:silence/1", $"digits:{code}"];

    /// <summary>The number's limit on portal calls, shared by everyone who has it among their numbers; null when this call may go.</summary>
    private async Task<OrgAnswer?> PortalCallRefusedAsync(StoredPhoneNumber phone, string callId) =>
        await (await numberKeys.GrainOfAsync(phone.Number)).TryReservePortalCallAsync(callId) is { } wait
            ? OrgAnswer.TooSoon($"{PhoneNumber.Mask(phone.Number)} had as many verification and test calls as it may have " +
                $"for now; the next one can be asked for in {Math.Ceiling(wait.TotalMinutes):0} min.", wait)
            : null;

    /// <summary>The id of the next call to a number: "{phoneNumberId}-{n}", the shape the PBX link takes call ids in.</summary>
    private static string CallIdOf(StoredPhoneNumber phone) => $"phone{phone.PhoneNumberId}-{phone.CallsPlaced + 1}";

    private int PhoneIndex(string phoneNumberId) =>
        state.RecordExists ? User.PhoneNumbers.FindIndex(p => p.PhoneNumberId == phoneNumberId) : -1;

    private static PhoneNumberView ViewOf(StoredPhoneNumber phone) =>
        new(phone.PhoneNumberId, phone.Number, phone.Label, phone.Status, phone.Active, phone.CreatedAt, phone.VerifiedAt, phone.WrongCodes);
}
