namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>The outcome of an organisation change, with a sentence saying why when it was refused, and the id it made.</summary>
[GenerateSerializer, Immutable, Alias("callping.OrgAnswer")]
public sealed record OrgAnswer(
    [property: Id(0)] OrgOutcome Outcome,
    [property: Id(1)] string? Reason = null,
    [property: Id(2)] string? CreatedId = null,
    [property: Id(3)] int? RetryAfterSeconds = null)
{
    public static OrgAnswer Done { get; } = new(OrgOutcome.Done);

    public static OrgAnswer NotFound { get; } = new(OrgOutcome.NotFound);

    public static OrgAnswer Forbidden(string reason) => new(OrgOutcome.Forbidden, reason);

    public static OrgAnswer Conflict(string reason) => new(OrgOutcome.Conflict, reason);

    public static OrgAnswer TooSoon(string reason, TimeSpan wait) => new(OrgOutcome.TooSoon, reason, RetryAfterSeconds: (int)Math.Ceiling(wait.TotalSeconds));
}
