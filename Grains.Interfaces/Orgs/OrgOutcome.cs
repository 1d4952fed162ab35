namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>How an organisation change ended; anything but Done changed nothing.</summary>
[GenerateSerializer, Alias("callping.OrgOutcome")]
public enum OrgOutcome
{
    Done = 0,

    /// <summary>No such organisation, member, invitation or project, or the actor is no member: ids do not leak.</summary>
    NotFound = 1,

    /// <summary>The actor is a member whose role is too small for this.</summary>
    Forbidden = 2,

    /// <summary>The change breaks a rule of the organisation (the last owner cannot go, a member is one already).</summary>
    Conflict = 3,

    /// <summary>Asked again too soon (a limit protects someone): <see cref="OrgAnswer.RetryAfterSeconds"/> says when it may be asked again.</summary>
    TooSoon = 4,
}
