namespace CallPing.WebFrontend.Accounts;

/// <summary>What an endpoint group of the portal's API applies: a live session, antiforgery on changes, and step-up where it is destructive.</summary>
public static class AccountEndpoints
{
    /// <summary>The authorization policy of a live session.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A live session, and an antiforgery token on every POST, PUT, PATCH and DELETE.</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(SignedIn).AddEndpointFilter(new AntiforgeryFilter());

    /// <summary>A password entry within the last 5 minutes (on top of <see cref="RequireSession"/>).</summary>
    public static TBuilder RequireStepUp<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new StepUpFilter());
}
