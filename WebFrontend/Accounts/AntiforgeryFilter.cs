using Microsoft.AspNetCore.Antiforgery;

namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// Refuses a state-changing request (POST, PUT, PATCH, DELETE) of a signed-in session without a valid antiforgery
/// token (X-CSRF-Token header, or the form field), with 403 before the handler runs, so nothing changes. The token is
/// bound to the user and the session (<see cref="SessionAntiforgeryData"/>).
/// </summary>
public sealed class AntiforgeryFilter : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-Token";

    public const string CookieName = "__Host-callping-csrf";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            return await next(context);
        }

        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return AccountProblems.Result(StatusCodes.Status403Forbidden, AccountProblems.CsrfTokenInvalid, "Antiforgery token missing or wrong",
                $"Send the token of GET /api/v1/auth/csrf in the {HeaderName} header.");
        }

        return await next(context);
    }
}
