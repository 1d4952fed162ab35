using CallPing.Grains.Accounts;
using CallPing.Grains.Calls;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Phones;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Tests.Alerts;
using CallPing.PbxSimulator.Scripting;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Phones;

/// <summary>
/// A member's phone number is verified by a real call through the simulated PBX fleet that plays a 6-digit code, which
/// the test reads from what the PBX was asked to play and types back as its owner would; only verified, active numbers
/// are called by an organisation project's escalation.
/// </summary>
[Collection(EscalationCollection.Name)]
public sealed class PhoneVerificationTests(EscalationCluster cluster) : EscalationTest(cluster)
{
    [Fact]
    public async Task VerificationCall_CalleeKeysInTheCodeItHeard_NumberVerifiedThenThankedAndHungUp()
    {
        var (user, number) = await PersonWithNumberAsync();
        Phone(number, PhoneScript.AnswersAndKeysInTheCode());

        var placed = await User(user).CallToVerifyAsync(NumberIdOf(user));
        var channel = $"{placed.CreatedId}-1";
        await WaitUntilAsync(() => HangupsOf(channel).Count > 0, "the verification call hung up after the code was keyed in");

        var view = Assert.Single(await User(user).GetPhoneNumbersAsync());
        Assert.Equal(PhoneNumberStatus.Verified, view.Status);
        Assert.Equal(6, KeyPressesOn(channel).Count);
        Assert.Equal(CallGrain.CodeAccepted, PlaybacksOn(channel)[^1].Media);
    }

    [Fact]
    public async Task VerificationCall_CalleeKeysInAWrongCode_ToldSoAndStaysOnTheLine_OneWrongTryCounted()
    {
        var (user, number) = await PersonWithNumberAsync();
        Phone(number, AnswersAndPresses(("0", 0.5), ("0", 0.6), ("0", 0.7), ("0", 0.8), ("0", 0.9), ("0", 1.0)));

        var placed = await User(user).CallToVerifyAsync(NumberIdOf(user));
        var channel = $"{placed.CreatedId}-1";
        await WaitUntilAsync(() => PlaybacksOn(channel).Any(p => p.Media.SequenceEqual(CallGrain.CodeRefused)), "the wrong code answered");

        // 000000 is the code one time in a million: the test would then see the number verified.
        var view = Assert.Single(await User(user).GetPhoneNumbersAsync());
        Assert.Equal((PhoneNumberStatus.Unverified, 1), (view.Status, view.WrongCodes));
        Assert.Empty(HangupsOf(channel));
    }

    [Fact]
    public async Task VerificationCall_PlaysTheCode_RightCodeTypedInVerifiesTheNumber()
    {
        var (user, number) = await PersonWithNumberAsync();
        Phone(number, AnswersAndPresses());

        var code = await CallToVerifyAsync(user, number);
        var answer = await User(user).VerifyPhoneNumberAsync(NumberIdOf(user), code);

        Assert.Equal(OrgOutcome.Done, answer.Outcome);
        var view = Assert.Single(await User(user).GetPhoneNumbersAsync());
        Assert.Equal(PhoneNumberStatus.Verified, view.Status);
        Assert.Equal(new CallableNumber(number, null), await User(user).GetCallableNumberAsync(view.PhoneNumberId));
    }

    [Fact]
    public async Task ThreeWrongCodes_CodeVoid_EvenTheRightCodeThenFails()
    {
        var (user, number) = await PersonWithNumberAsync();
        Phone(number, AnswersAndPresses());
        var code = await CallToVerifyAsync(user, number);
        var wrong = $"{(code[0] - '0' + 1) % 10}{code[1..]}";

        var answers = new List<OrgAnswer>();
        for (var i = 0; i < UserGrain.MaxWrongCodes; i++)
        {
            answers.Add(await User(user).VerifyPhoneNumberAsync(NumberIdOf(user), wrong));
        }

        var afterVoid = await User(user).VerifyPhoneNumberAsync(NumberIdOf(user), code);

        Assert.All(answers, a => Assert.Equal(OrgOutcome.Conflict, a.Outcome));
        Assert.Equal(["Wrong code; 2 tries left.", "Wrong code; 1 tries left."], answers.Take(2).Select(a => a.Reason));
        Assert.Contains("void", answers[2].Reason, StringComparison.Ordinal);
        Assert.Equal(OrgOutcome.Conflict, afterVoid.Outcome);
        var view = Assert.Single(await User(user).GetPhoneNumbersAsync());
        Assert.Equal(PhoneNumberStatus.Void, view.Status);
        Assert.Equal("is not verified", (await User(user).GetCallableNumberAsync(view.PhoneNumberId)).SkipReason![^15..]);
    }

    [Fact]
    public async Task Escalation_UnverifiedAndInactiveNumbersSkippedWithANote_VerifiedActiveNumberCalled()
    {
        var (verified, verifiedNumber) = await PersonWithNumberAsync();
        var (unverified, unverifiedNumber) = await PersonWithNumberAsync();
        var (inactive, inactiveNumber) = await PersonWithNumberAsync();
        Phone(verifiedNumber, AnswersAndPresses());
        Phone(inactiveNumber, AnswersAndPresses());
        await User(verified).VerifyPhoneNumberAsync(NumberIdOf(verified), await CallToVerifyAsync(verified, verifiedNumber));
        await User(inactive).VerifyPhoneNumberAsync(NumberIdOf(inactive), await CallToVerifyAsync(inactive, inactiveNumber));
        await User(inactive).SetPhoneNumberActiveAsync(NumberIdOf(inactive), active: false, new AuditContext(inactive, "127.0.0.1"));
        Phone(verifiedNumber, AnswersAndPresses(("1", 0.5)));
        var projectId = $"p-{Guid.NewGuid():N}";
        var project = Silo.Grains.GetGrain<IProjectGrain>(projectId);
        await project.CreateInOrgAsync($"o-{Guid.NewGuid():N}", "Web shop");
        await project.SetPolicyAsync(Policy, [new(unverified, NumberIdOf(unverified)), new(inactive, NumberIdOf(inactive)), new(verified, NumberIdOf(verified))]);

        var alertId = await TriggerAsync(projectId);
        var alert = await StatusReachesAsync(alertId, AlertStatus.Acknowledged);

        Assert.Equal([$"skipped contact 1: {Masked(unverifiedNumber)} is not verified", $"skipped contact 2: {Masked(inactiveNumber)} is inactive"], alert.Notes);
        // Beside their verification calls, only the verified active number was dialled.
        Assert.Equal(2, Dialled(verifiedNumber).Count);
        Assert.Empty(Dialled(unverifiedNumber));
        Assert.Single(Dialled(inactiveNumber));
    }

    [Fact]
    public async Task TestCall_VerifiedNumberAnswers_OutcomeReportedAnswered()
    {
        var (user, number) = await PersonWithNumberAsync();
        Phone(number, AnswersAndPresses());
        await User(user).VerifyPhoneNumberAsync(NumberIdOf(user), await CallToVerifyAsync(user, number));

        var placed = await User(user).PlaceTestCallAsync(NumberIdOf(user));
        var ended = await Eventually.ReachesAsync(() => User(user).GetTestCallAsync(NumberIdOf(user)), c => c?.Status == CallStatus.Ended, Within, "the test call ended");

        Assert.Equal(placed.CreatedId, ended!.CallId);
        Assert.Equal(CallOutcome.Answered, ended.Outcome);
        Assert.Contains(PlaybacksOn($"{placed.CreatedId}-1"), p => p.Media.SequenceEqual(UserGrain.TestCallMedia));
    }

    [Fact]
    public async Task TestCall_UnverifiedNumber_RefusedAndNotDialled()
    {
        var (user, number) = await PersonWithNumberAsync();

        var answer = await User(user).PlaceTestCallAsync(NumberIdOf(user));

        Assert.Equal(OrgOutcome.Conflict, answer.Outcome);
        Assert.Empty(Dialled(number));
    }

    [Fact]
    public async Task PortalCalls_SixthToANumberWithinAnHour_RefusedWithItsWaitWhoeverAsks_AlertCallsUnaffected()
    {
        var (first, number) = await PersonWithNumberAsync();
        Phone(number, PhoneScript.Busy());
        var stranger = Guid.NewGuid().ToString("N");
        await User(stranger).CreateAsync($"u{stranger}@example.test");
        _numberIds[stranger] = (await User(stranger).AddPhoneNumberAsync(number, "someone else's")).CreatedId!;

        var allowed = new List<OrgAnswer>();
        for (var i = 0; i < 5; i++)
        {
            allowed.Add(await User(i % 2 == 0 ? first : stranger).CallToVerifyAsync(NumberIdOf(i % 2 == 0 ? first : stranger)));
        }

        await DialledReachesAsync(number, 5);
        var refused = await User(stranger).CallToVerifyAsync(NumberIdOf(stranger));
        var alertCallReserved = await (await Silo.NumberGrainAsync(number)).TryReserveCallAsync($"alert-{Guid.NewGuid():N}");
        Silo.Time.Advance(TimeSpan.FromHours(1));
        var afterAnHour = await User(stranger).CallToVerifyAsync(NumberIdOf(stranger));

        Assert.All(allowed, a => Assert.Equal(OrgOutcome.Done, a.Outcome));
        Assert.Equal(OrgOutcome.TooSoon, refused.Outcome);
        Assert.InRange(refused.RetryAfterSeconds!.Value, 3500, 3600);
        Assert.Contains("verification and test calls", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(number[^6..], refused.Reason, StringComparison.Ordinal);
        Assert.True(alertCallReserved);
        Assert.Equal(OrgOutcome.Done, afterAnHour.Outcome);
        await DialledReachesAsync(number, 6);
    }

    private IUserGrain User(string userId) => Silo.Grains.GetGrain<IUserGrain>(userId);

    private string NumberIdOf(string userId) => _numberIds[userId];

    private readonly Dictionary<string, string> _numberIds = [];

    /// <summary>A new account with one phone number, unverified.</summary>
    private async Task<(string UserId, string Number)> PersonWithNumberAsync()
    {
        var userId = Guid.NewGuid().ToString("N");
        var number = NewNumber();
        await User(userId).CreateAsync($"u{userId}@example.test");
        var added = await User(userId).AddPhoneNumberAsync(number, "mobile");
        _numberIds[userId] = added.CreatedId!;
        return (userId, number);
    }

    /// <summary>Asks for a verification call and returns the code the PBX was asked to play, as the person would hear it.</summary>
    private async Task<string> CallToVerifyAsync(string userId, string number)
    {
        var placed = await User(userId).CallToVerifyAsync(NumberIdOf(userId));
        Assert.Equal(OrgOutcome.Done, placed.Outcome);
        var channel = $"{placed.CreatedId}-1";
        await WaitUntilAsync(() => PlaybacksOn(channel).Count > 0, $"the verification call to {Masked(number)} playing");
        var media = Assert.Single(PlaybacksOn(channel)).Media;
        Assert.Equal(3, media.Count);
        Assert.Matches("^digits:[0-9]{6}$", media[0]);
        Assert.Equal(media[0], media[2]);
        return media[0]["digits:".Length..];
    }
}
