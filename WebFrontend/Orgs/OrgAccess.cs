using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Accounts;

namespace CallPing.WebFrontend.Orgs;

/// <summary>The organisation a request's ids belong to and the signed-in person's role in it, as <see cref="OrgAccessFilter"/> found them.</summary>
public sealed record OrgAccess(string OrgId, OrgRole Role)
{
    private const string ItemKey = "callping.org-access";

    /// <summary>The access the filter found for this request.</summary>
    public static OrgAccess Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as OrgAccess ?? throw new InvalidOperationException("The endpoint has no RequireOrgRole filter.");
    }

    /// <summary>The access the filter found, or null when it did not run (an endpoint served by an API key too).</summary>
    public static OrgAccess? Find(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as OrgAccess;
    }

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>Who asks and from where, for the audit row of a change.</summary>
    public static AuditContext AuditOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AuditContext(context.User.UserId(), context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
