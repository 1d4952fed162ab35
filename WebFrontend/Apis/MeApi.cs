using Microsoft.AspNetCore.DataProtection;
using CallPing.Grains.Interfaces.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Accounts.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>The signed-in person's own account: /api/v1/me, and TOTP enrolment, confirmation and removal.</summary>
public static class MeApi
{
    public const string Prefix = "/api/v1/me";

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup(Prefix).WithTags("Accounts").RequireSession()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        me.MapGet("/", GetAsync).Produces<UserProfile>()
            .WithName("GetMe").WithSummary("The signed-in account: address, whether verified, TOTP, recovery codes left, live sessions.");
        me.MapGet("/sessions", GetSessionsAsync).Produces<IReadOnlyList<SessionSummary>>()
            .WithName("GetSessions").WithSummary("The live sessions of the account, newest first, this one marked as current.");
        me.MapPost("/totp", BeginTotpAsync).Produces<TotpEnrolment>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("BeginTotp").WithSummary("Starts TOTP enrolment: the secret as text and as a QR code (SVG, made by CallPing); confirm with a first code.");
        me.MapPost("/totp/confirm", ConfirmTotpAsync).RequireRateLimiting(AccountLimits.Totp)
            .Accepts<CodeBody>("application/json").Produces<RecoveryCodesAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ConfirmTotp").WithSummary("Turns TOTP on with a first correct code; answers the 10 single-use recovery codes, shown this once.");
        me.MapDelete("/totp", DisableTotpAsync).RequireStepUp().Produces(StatusCodes.Status204NoContent)
            .WithName("DisableTotp").WithSummary("Turns TOTP off (needs a step-up).");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(HttpContext context, [AsParameters] AccountServices accounts) =>
        await accounts.User(context.User.UserId()).GetProfileAsync() is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<SessionSummary>>> GetSessionsAsync(HttpContext context, [AsParameters] AccountServices accounts) =>
        TypedResults.Ok(await accounts.User(context.User.UserId()).GetSessionsAsync(context.User.SessionId()));

    private static async Task<IResult> BeginTotpAsync(HttpContext context, [AsParameters] AccountServices accounts)
    {
        var user = accounts.User(context.User.UserId());
        var profile = (await user.GetProfileAsync())!;
        if (profile.TotpEnabled)
        {
            return AccountProblems.Result(StatusCodes.Status409Conflict, null, "TOTP is on", "TOTP is on already; turn it off first to enrol again.");
        }

        var secret = TotpCodes.NewSecret();
        await user.BeginTotpAsync(accounts.TotpSecrets.Protect(secret));
        var uri = TotpCodes.ProvisioningUri(secret, profile.Email);
        return TypedResults.Ok(new TotpEnrolment(secret, uri, TotpCodes.QrSvg(uri)));
    }

    private static async Task<IResult> ConfirmTotpAsync(HttpContext context, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<CodeBody>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var userId = context.User.UserId();
        if (accounts.Limits.TryAcquire(AccountLimits.Totp, userId) is { } wait)
        {
            return AccountProblems.TooMany(context, wait);
        }

        var user = accounts.User(userId);
        if (await user.GetPendingTotpSecretAsync() is not { } pending)
        {
            return AccountProblems.Result(StatusCodes.Status409Conflict, null, "No enrolment", "Start an enrolment first: POST /api/v1/me/totp.");
        }

        var codes = RecoveryCodes.Generate();
        return accounts.Totp.MatchedStep(accounts.TotpSecrets.Unprotect(pending), body!.Code) is { } step
            && await user.ConfirmTotpAsync(step, [.. codes.Select(RecoveryCodes.HashOf)])
            ? TypedResults.Ok(new RecoveryCodesAnswer(codes))
            : AccountJson.Invalid("code", "The code is wrong; enter the current 6-digit code of the authenticator app.");
    }

    private static async Task<NoContent> DisableTotpAsync(HttpContext context, [AsParameters] AccountServices accounts)
    {
        await accounts.User(context.User.UserId()).DisableTotpAsync();
        return TypedResults.NoContent();
    }
}
