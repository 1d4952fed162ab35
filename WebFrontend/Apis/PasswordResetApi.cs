using CallPing.Grains.Accounts;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Accounts.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>Password reset by a link e-mailed to the account's verified address, the only way back into an account.</summary>
public static class PasswordResetApi
{
    public static IEndpointRouteBuilder MapPasswordResetApi(this IEndpointRouteBuilder endpoints)
    {
        var reset = endpoints.MapGroup(AuthApi.Prefix).WithTags("Accounts").RequireRateLimiting(AccountLimits.Reset)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        reset.MapPost("/forgot-password", ForgotPasswordAsync)
            .Accepts<EmailBody>("application/json").Produces<Accepted>(StatusCodes.Status202Accepted)
            .WithName("ForgotPassword").WithSummary("E-mails a reset link, good for one use within an hour, when the address has a verified account.");
        reset.MapPost("/reset-password", ResetPasswordAsync)
            .Accepts<ResetBody>("application/json").Produces(StatusCodes.Status204NoContent)
            .WithName("ResetPassword").WithSummary("Sets a new password with a reset link's token; every session of the account ends.");
        return endpoints;
    }

    private static async Task<IResult> ForgotPasswordAsync(HttpRequest request, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<EmailBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (EmailAddress.Normalise(body!.Email, out var emailError) is not { } email)
        {
            return AccountJson.Invalid("email", emailError!);
        }

        if (accounts.Limits.TryAcquire(AccountLimits.Reset, email) is { } wait)
        {
            return AccountProblems.TooMany(request.HttpContext, wait);
        }

        if (await accounts.Email(email).GetUserIdAsync() is { } userId)
        {
            var secret = SecretHash.NewSecret();
            if (await accounts.User(userId).AddResetAsync(SecretHash.Of(secret), accounts.Clock.Now + AccountPolicy.ResetLinkLifetime))
            {
                await accounts.Mails.SendResetAsync(email, LinkToken.Compose(userId, secret), cancellationToken);
            }
        }

        return TypedResults.Accepted((string?)null, new Accepted("If this address has an account, a reset link is on its way; it works once, for an hour."));
    }

    private static async Task<IResult> ResetPasswordAsync(HttpRequest request, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<ResetBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!LinkToken.TryParse(body!.Token, out var userId, out var secret))
        {
            return AccountJson.Invalid("token", "This link is not valid: it was used already, it expired, or it was mistyped.");
        }

        if (accounts.Limits.TryAcquire(AccountLimits.Reset, userId) is { } wait)
        {
            return AccountProblems.TooMany(request.HttpContext, wait);
        }

        var user = accounts.User(userId);
        var email = (await user.GetProfileAsync())?.Email ?? "";
        if (PasswordRules.Problem(body.NewPassword, email) is { } passwordError)
        {
            return AccountJson.Invalid("newPassword", passwordError);
        }

        return await user.ResetPasswordAsync(SecretHash.Of(secret), accounts.Passwords.Hash(body.NewPassword!))
            ? TypedResults.NoContent()
            : AccountJson.Invalid("token", "This link is not valid: it was used already, it expired, or it was mistyped.");
    }
}
