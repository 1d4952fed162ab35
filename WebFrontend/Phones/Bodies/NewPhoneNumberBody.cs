namespace CallPing.WebFrontend.Phones.Bodies;

/// <summary>A phone number to add: E.164 ("+4915112345678") and a label ("mobile").</summary>
public sealed record NewPhoneNumberBody(string? Number, string? Label);
