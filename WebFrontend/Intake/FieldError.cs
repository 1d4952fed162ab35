namespace CallPing.WebFrontend.Intake;

/// <summary>One invalid field of a request, named by its path in the request's own format ("payload.summary", "alerts[2].status").</summary>
public sealed record FieldError(string Field, string Message);
