namespace CallPing.Grains.Interfaces.Models;

/// <summary>
/// A code the callee may key in on the call itself (a phone number's verification code): every <paramref name="Length"/>
/// digits pressed after the call's media are checked as the code of this person's number.
/// </summary>
[GenerateSerializer, Immutable, Alias("callping.KeyedCode")]
public sealed record KeyedCode([property: Id(0)] string UserId, [property: Id(1)] string PhoneNumberId, [property: Id(2)] int Length);
