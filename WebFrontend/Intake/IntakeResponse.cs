using CallPing.Grains.Interfaces.Models;

namespace CallPing.WebFrontend.Intake;

/// <summary>
/// What intake answers for one event once it is durably stored: the alert it went to (null when an acknowledge or
/// resolve found no open alert), its dedup key (made up for a trigger without one), status and repeat count.
/// </summary>
public sealed record IntakeResponse(string? AlertId, string DedupKey, AlertStatus? Status, int Count, bool Created)
{
    public static IntakeResponse From(IntakeResult result) => new(result.AlertId, result.DedupKey, result.Status, result.Count, result.Created);
}
