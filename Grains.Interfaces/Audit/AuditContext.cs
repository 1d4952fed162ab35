namespace CallPing.Grains.Interfaces.Audit;

/// <summary>Who asked for a change and from which IP address: what an audit row records of the request.</summary>
[GenerateSerializer, Immutable, Alias("callping.AuditContext")]
public sealed record AuditContext(
    [property: Id(0)] string ActorUserId,
    [property: Id(1)] string Ip)
{
    /// <summary>The actor of a change made with the operator's admin token, who is no user.</summary>
    public const string Operator = "operator";
}
