using CallPing.Grains.Interfaces.Phones;

namespace CallPing.Grains.Accounts;

/// <summary>
/// A phone number as stored with its account: the number, its verification (the SHA-256 of the code last played, never
/// the code), whether escalations may call it, and the calls placed to it (verification and test calls share a count).
/// </summary>
[GenerateSerializer, Alias("callping.StoredPhoneNumber")]
public sealed record StoredPhoneNumber(
    [property: Id(0)] string PhoneNumberId,
    [property: Id(1)] string Number,
    [property: Id(2)] string Label,
    [property: Id(3)] DateTimeOffset CreatedAt)
{
    [Id(4)]
    public PhoneNumberStatus Status { get; init; }

    [Id(5)]
    public bool Active { get; init; } = true;

    [Id(6)]
    public DateTimeOffset? VerifiedAt { get; init; }

    [Id(7)]
    public string? CodeHash { get; init; }

    [Id(8)]
    public DateTimeOffset? CodeExpiresAt { get; init; }

    [Id(9)]
    public int WrongCodes { get; init; }

    [Id(10)]
    public int CallsPlaced { get; init; }

    [Id(11)]
    public string? LastTestCallId { get; init; }
}
