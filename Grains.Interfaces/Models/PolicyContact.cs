namespace CallPing.Grains.Interfaces.Models;

/// <summary>One step of an organisation project's escalation: a member and the id of one of their phone numbers.</summary>
[GenerateSerializer, Immutable, Alias("callping.PolicyContact")]
public sealed record PolicyContact(
    [property: Id(0)] string UserId,
    [property: Id(1)] string PhoneNumberId);
