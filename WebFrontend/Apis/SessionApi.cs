using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Accounts.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>What a signed-in session does with itself: its antiforgery token, logout, logout everywhere, step-up, password change.</summary>
public static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var session = endpoints.MapGroup(AuthApi.Prefix).WithTags("Accounts").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        session.MapGet("/csrf", Csrf).Produces<CsrfAnswer>()
            .WithName("GetCsrfToken").WithSummary("The antiforgery token of this session, for the X-CSRF-Token header of every POST, PUT, PATCH and DELETE.");
        session.MapPost("/logout", LogoutAsync).Produces(StatusCodes.Status204NoContent)
            .WithName("Logout").WithSummary("Ends this session.");
        session.MapPost("/logout-everywhere", LogoutEverywhereAsync).Produces<EndedSessions>()
            .WithName("LogoutEverywhere").WithSummary("Ends every other session of this account, on every web node at once.");
        session.MapPost("/step-up", StepUpAsync).RequireRateLimiting(AccountLimits.Login)
            .Accepts<PasswordBody>("application/json").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .WithName("StepUp").WithSummary("Re-enters the password, for the operations that need one within the last 5 minutes.");
        session.MapPost("/password", ChangePasswordAsync).RequireStepUp()
            .Accepts<NewPasswordBody>("application/json").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .WithName("ChangePassword").WithSummary("Sets a new password (needs a step-up); every other session ends.");
        return endpoints;
    }

    private static Ok<CsrfAnswer> Csrf(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new CsrfAnswer(antiforgery.GetAndStoreTokens(context).RequestToken!, AntiforgeryFilter.HeaderName));

    private static async Task<NoContent> LogoutAsync(HttpContext context, [AsParameters] AccountServices accounts)
    {
        await accounts.User(context.User.UserId()).EndSessionAsync(context.User.SessionId());
        SessionCookie.Delete(context.Response);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EndedSessions>> LogoutEverywhereAsync(HttpContext context, [AsParameters] AccountServices accounts) =>
        TypedResults.Ok(new EndedSessions(await accounts.User(context.User.UserId()).EndOtherSessionsAsync(context.User.SessionId())));

    private static async Task<IResult> StepUpAsync(HttpContext context, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<PasswordBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Password is not { Length: > 0 and <= PasswordRules.MaxLength } password)
        {
            return AccountJson.Invalid("password", $"A password of 1 to {PasswordRules.MaxLength} characters is required.");
        }

        var userId = context.User.UserId();
        if (accounts.Limits.TryAcquire(AccountLimits.Login, userId) is { } wait)
        {
            return AccountProblems.TooMany(context, wait);
        }

        var user = accounts.User(userId);
        var credentials = await user.GetCredentialsAsync();
        if (!accounts.Passwords.Matches(credentials?.PasswordHash, password) || !await user.StepUpAsync(context.User.SessionId()))
        {
            return AccountProblems.Result(StatusCodes.Status403Forbidden, AccountProblems.StepUpRequired, "Wrong password", "The password is wrong.");
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext context, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<NewPasswordBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var user = accounts.User(context.User.UserId());
        var email = (await user.GetProfileAsync())!.Email;
        if (PasswordRules.Problem(body!.NewPassword, email) is { } passwordError)
        {
            return AccountJson.Invalid("newPassword", passwordError);
        }

        await user.ChangePasswordAsync(context.User.SessionId(), accounts.Passwords.Hash(body.NewPassword!));
        return TypedResults.NoContent();
    }
}
