namespace CallPing.WebFrontend.Intake;

/// <summary>The answer to a webhook that carried several alerts: one result per alert, in the order they came.</summary>
public sealed record IntakeBatchResponse(IReadOnlyList<IntakeResponse> Results);
