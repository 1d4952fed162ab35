using CallPing.Grains.Interfaces.Models;

namespace CallPing.WebFrontend.Intake;

/// <summary>What a payload mapper made of a request: the events to submit, or the fields at fault (then nothing is submitted).</summary>
public sealed record IntakeMapping(IReadOnlyList<AlertEvent> Events, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static IntakeMapping Of(params AlertEvent[] events) => new(events, []);

    public static IntakeMapping Invalid(IReadOnlyList<FieldError> errors) => new([], errors);
}
