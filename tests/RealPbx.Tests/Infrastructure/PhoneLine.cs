namespace CallPing.RealPbx.Tests.Infrastructure;

/// <summary>
/// A phone number of the tests and what answers it behind each of the two PBXes: a scenario of Phones/ (its file
/// name without .xml) and the length of that scenario's &lt;pause/&gt; (ringing before an answer, or silence).
/// </summary>
public sealed record PhoneLine(string Number, string OnPbx1, string OnPbx2, TimeSpan Pause = default)
{
    /// <summary>The same phone behind both PBXes.</summary>
    public static PhoneLine Everywhere(string number, string scenario, TimeSpan pause = default) => new(number, scenario, scenario, pause);

    public string On(string pbxId) => pbxId == RealPbxRig.Pbx1 ? OnPbx1 : OnPbx2;
}
