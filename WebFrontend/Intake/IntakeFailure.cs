namespace CallPing.WebFrontend.Intake;

/// <summary>Why intake refused a request: the HTTP status, the field at fault (a JSON path such as "alerts[0].status") and a sentence.</summary>
public sealed record IntakeFailure(int Status, string? Field, string Detail)
{
    /// <summary>When a rate-limited client may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static IntakeFailure BadField(string field, string detail) => new(StatusCodes.Status400BadRequest, field, detail);
}
