using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.WebFrontend.Orgs;

/// <summary>What an organisation-scoped endpoint applies, after <see cref="Accounts.AccountEndpoints.RequireSession"/> and before any step-up.</summary>
public static class OrgEndpoints
{
    /// <summary>Membership of the organisation owning the route's id with at least <paramref name="minimum"/> (see <see cref="OrgAccessFilter"/>).</summary>
    public static TBuilder RequireOrgRole<TBuilder>(this TBuilder builder, OrgRole minimum) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new OrgAccessFilter(minimum)).ProducesProblem(StatusCodes.Status404NotFound);
}
