namespace CallPing.Grains.Interfaces.Phones;

/// <summary>One of a person's phone numbers as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("callping.PhoneNumberView")]
public sealed record PhoneNumberView(
    [property: Id(0)] string PhoneNumberId,
    [property: Id(1)] string Number,
    [property: Id(2)] string Label,
    [property: Id(3)] PhoneNumberStatus Status,
    [property: Id(4)] bool Active,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? VerifiedAt,
    [property: Id(7)] int WrongCodes);
