using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.Grains.Calls;

/// <summary>A verification call: the callee keys in the code it heard, and the number's owner checks it.</summary>
public sealed partial class CallGrain
{
    /// <summary>How long a verification call stays on the line for the code after it is answered.</summary>
    public static readonly TimeSpan KeyedCodeWait = TimeSpan.FromSeconds(60);

    /// <summary>Asterisk's core sounds, which every PBX has: "thank you" for the right code, "that is incorrect" for a wrong one.</summary>
    public static readonly IReadOnlyList<string> CodeAccepted = ["sound:auth-thankyou"];

    public static readonly IReadOnlyList<string> CodeRefused = ["sound:auth-incorrect"];

    /// <summary>The digits keyed in since the last complete code; in memory, as a new activation's callee simply keys again.</summary>
    private string _keyedDigits = "";

    private async Task OnCodeKeyAsync(KeyedCode code, string digit)
    {
        if (digit is not [>= '0' and <= '9'])
        {
            // * or # starts the code again, as phone menus do.
            _keyedDigits = "";
            return;
        }

        _keyedDigits += digit;
        if (_keyedDigits.Length < code.Length)
        {
            return;
        }

        var keyed = _keyedDigits;
        _keyedDigits = "";
        var answer = await GrainFactory.GetGrain<IUserGrain>(code.UserId).VerifyPhoneNumberAsync(code.PhoneNumberId, keyed);
        if (answer.Outcome == OrgOutcome.Done)
        {
            Decide(CallResult.Acknowledged, $"{Mask(Call.Number)} keyed in the right code");
            await PlayAsync(CodeAccepted, hangupAfter: true);
            return;
        }

        // Wrong: the callee may try again until the owner voids the code or the wait passes.
        await PlayAsync(CodeRefused, hangupAfter: false);
    }
}
