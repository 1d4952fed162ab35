namespace CallPing.WebFrontend.Phones.Bodies;

/// <summary>Whether escalations may call the number.</summary>
public sealed record ActiveBody(bool? Active);
