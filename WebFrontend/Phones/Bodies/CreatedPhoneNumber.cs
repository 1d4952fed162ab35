namespace CallPing.WebFrontend.Phones.Bodies;

/// <summary>A phone number added: its id, to verify it by.</summary>
public sealed record CreatedPhoneNumber(string PhoneNumberId);
