namespace CallPing.WebFrontend.Admin;

/// <summary>Lets a request through to an admin endpoint only with <c>Authorization: Bearer &lt;admin token&gt;</c>.</summary>
public sealed class AdminTokenFilter(AdminToken token) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && token.Matches(header[Scheme.Length..].Trim()))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            detail: "The admin endpoints need Authorization: Bearer <admin token> (Admin:Token, or the admin-token file in the data folder).",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin token missing or wrong");
    }
}
