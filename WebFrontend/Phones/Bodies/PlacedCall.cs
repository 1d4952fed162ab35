namespace CallPing.WebFrontend.Phones.Bodies;

/// <summary>A call placed to a phone number (a verification or test call).</summary>
public sealed record PlacedCall(string CallId);
