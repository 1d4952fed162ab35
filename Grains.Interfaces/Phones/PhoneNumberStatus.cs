using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Phones;

/// <summary>Where a phone number's verification stands.</summary>
[GenerateSerializer, Alias("callping.PhoneNumberStatus")]
[JsonConverter(typeof(JsonStringEnumConverter<PhoneNumberStatus>))]
public enum PhoneNumberStatus
{
    /// <summary>Added, not verified yet; a verification call may be pending.</summary>
    Unverified = 0,

    /// <summary>Its owner typed the code a verification call played: it may be called for alerts.</summary>
    Verified = 1,

    /// <summary>Three wrong codes were typed: the code is void and a new verification call is needed.</summary>
    Void = 2,
}
