namespace CallPing.WebFrontend.Orgs.Bodies;

/// <summary>The label of a new API key, which tells people what uses it ("alertmanager", "grafana").</summary>
public sealed record LabelBody(string? Label);
