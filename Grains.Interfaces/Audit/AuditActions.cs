namespace CallPing.Grains.Interfaces.Audit;

/// <summary>The actions an audit row names. The target of each is said beside it.</summary>
public static class AuditActions
{
    /// <summary>A person made the organisation their current one. Target: the user.</summary>
    public const string OrgSwitch = "org.switch";

    /// <summary>The organisation was deleted. Target: the organisation.</summary>
    public const string OrgDelete = "org.delete";

    /// <summary>An invitation was sent. Target: the invited address; detail: the role.</summary>
    public const string MemberInvite = "member.invite";

    /// <summary>A person joined by an invitation. Target: the user; detail: the role.</summary>
    public const string MemberJoin = "member.join";

    /// <summary>A member left. Target: the user.</summary>
    public const string MemberLeave = "member.leave";

    /// <summary>A member was removed. Target: the user removed.</summary>
    public const string MemberRemove = "member.remove";

    /// <summary>A member's role changed. Target: the user; detail: "old -> new".</summary>
    public const string MemberRoleChange = "member.role-change";

    /// <summary>A project was created. Target: the project; detail: its name.</summary>
    public const string ProjectCreate = "project.create";

    /// <summary>A project was deleted. Target: the project.</summary>
    public const string ProjectDelete = "project.delete";

    /// <summary>A member turned one of their phone numbers on or off. Target: the phone number id; detail: "active" or "inactive".</summary>
    public const string PhoneNumberToggle = "phone-number.toggle";

    /// <summary>An API key was issued. Target: the key id; detail: the project.</summary>
    public const string ApiKeyCreate = "api-key.create";

    /// <summary>An API key was revoked. Target: the key id; detail: the project.</summary>
    public const string ApiKeyRevoke = "api-key.revoke";

    /// <summary>A member acknowledged an alert from the portal. Target: the alert; detail: its project.</summary>
    public const string AlertAcknowledge = "alert.acknowledge";

    /// <summary>A member sent a test alert from the portal. Target: the alert; detail: its project.</summary>
    public const string AlertTest = "alert.test";

    /// <summary>A member resolved an alert from the portal. Target: the alert; detail: its project.</summary>
    public const string AlertResolve = "alert.resolve";

    /// <summary>The kinds an audit log is filtered by: the part of an action before its dot.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["org", "member", "project", "phone-number", "api-key", "alert"];

    /// <summary>Whether the action is of the kind; every action is of no kind (null).</summary>
    public static bool IsOfKind(string action, string? kind) =>
        kind is null || (action ?? throw new ArgumentNullException(nameof(action))).StartsWith(kind + ".", StringComparison.Ordinal);
}
