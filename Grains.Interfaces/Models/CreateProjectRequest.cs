namespace CallPing.Grains.Interfaces.Models;

/// <summary>A new project with its on-call contacts (E.164 numbers, called in this order) and policy (defaults when null).</summary>
[GenerateSerializer, Immutable, Alias("callping.CreateProjectRequest")]
public sealed record CreateProjectRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Contacts,
    [property: Id(2)] EscalationPolicy? Policy = null);
