namespace CallPing.WebFrontend.Accounts;

/// <summary>
/// Lets a request through only when its session entered the password within <see cref="Grains.Accounts.AccountPolicy.StepUpWindow"/>;
/// otherwise 403 of type <see cref="AccountProblems.StepUpRequired"/>, which tells the client to ask for the password again.
/// </summary>
public sealed class StepUpFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var now = http.RequestServices.GetRequiredService<AccountClock>().Now;
        if (now - http.User.PasswordEnteredAt() > Grains.Accounts.AccountPolicy.StepUpWindow)
        {
            return AccountProblems.Result(StatusCodes.Status403Forbidden, AccountProblems.StepUpRequired, "Password re-entry required",
                "This operation needs the password entered within the last 5 minutes: POST /api/v1/auth/step-up, then try again.");
        }

        return await next(context);
    }
}
