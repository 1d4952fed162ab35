using Microsoft.AspNetCore.DataProtection;
using CallPing.Grains.Accounts;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Accounts.Bodies;

namespace CallPing.WebFrontend.Apis;

/// <summary>Sign-up, e-mail verification and login (password, then a TOTP code when it is on): /api/v1/auth.</summary>
public static class AuthApi
{
    public const string Prefix = "/api/v1/auth";

    private const string WrongCredentials = "The e-mail address or the password is wrong, or the address is not verified yet.";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup(Prefix).WithTags("Accounts");
        auth.MapPost("/signup", SignUpAsync).RequireRateLimiting(AccountLimits.SignUp)
            .Accepts<SignUpBody>("application/json").Produces<Accepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SignUp").WithSummary("Signs up with an e-mail address and a password; the account works once the e-mailed link is followed.");
        auth.MapPost("/verify-email", VerifyEmailAsync)
            .Accepts<TokenBody>("application/json").Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .WithName("VerifyEmail").WithSummary("Follows a sign-up link: the address is verified and the password chosen with that sign-up is set.");
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(AccountLimits.Login)
            .Accepts<LoginBody>("application/json").Produces<LoginAnswer>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("Login").WithSummary("Logs in with e-mail and password: sets the session cookie, or answers with a TOTP challenge token.");
        auth.MapPost("/login/totp", LoginTotpAsync).RequireRateLimiting(AccountLimits.Totp)
            .Accepts<TotpLoginBody>("application/json").Produces<LoginAnswer>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("LoginTotp").WithSummary("Answers a login's TOTP challenge with a code or a recovery code; 5 wrong answers void the challenge.");
        return endpoints;
    }

    private static async Task<IResult> SignUpAsync(HttpRequest request, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<SignUpBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (EmailAddress.Normalise(body!.Email, out var emailError) is not { } email)
        {
            return AccountJson.Invalid("email", emailError!);
        }

        if (PasswordRules.Problem(body.Password, email) is { } passwordError)
        {
            return AccountJson.Invalid("password", passwordError);
        }

        if (accounts.Limits.TryAcquire(AccountLimits.SignUp, email) is { } wait)
        {
            return AccountProblems.TooMany(request.HttpContext, wait);
        }

        var secret = SecretHash.NewSecret();
        var signUp = new PendingSignUp(accounts.Passwords.Hash(body.Password!), SecretHash.Of(secret), accounts.Clock.Now + AccountPolicy.VerificationLinkLifetime);
        var outcome = await accounts.Email(email).SignUpAsync(signUp);
        if (!outcome.AlreadyVerified)
        {
            await accounts.Mails.SendVerificationAsync(email, LinkToken.Compose(outcome.UserId, secret), cancellationToken);
        }

        return TypedResults.Accepted((string?)null, new Accepted("If this address can be signed up, a link to confirm it is on its way; it works for 24 hours."));
    }

    private static async Task<IResult> VerifyEmailAsync(HttpRequest request, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<TokenBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return LinkToken.TryParse(body!.Token, out var userId, out var secret) && await accounts.User(userId).VerifyEmailAsync(SecretHash.Of(secret))
            ? TypedResults.NoContent()
            : AccountJson.Invalid("token", "This link is not valid: it was used already, it expired, or it was mistyped.");
    }

    private static async Task<IResult> LoginAsync(HttpRequest request, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<LoginBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (EmailAddress.Normalise(body!.Email, out var emailError) is not { } email)
        {
            return AccountJson.Invalid("email", emailError!);
        }

        if (body.Password is not { Length: > 0 and <= PasswordRules.MaxLength } password)
        {
            return AccountJson.Invalid("password", $"A password of 1 to {PasswordRules.MaxLength} characters is required.");
        }

        if (accounts.Limits.TryAcquire(AccountLimits.Login, email) is { } wait)
        {
            return AccountProblems.TooMany(request.HttpContext, wait);
        }

        // An unknown address goes through the same steps, its password checked against a decoy hash, so that a failed
        // login takes as long whether or not the account exists.
        var userId = await accounts.Email(email).GetUserIdAsync();
        var credentials = await accounts.User(userId ?? "none").GetCredentialsAsync();
        if (!accounts.Passwords.Matches(credentials?.PasswordHash, password))
        {
            return AccountProblems.Result(StatusCodes.Status401Unauthorized, AccountProblems.SignInRequired, "Login failed", WrongCredentials);
        }

        var user = accounts.User(userId!);
        if (credentials!.TotpEnabled)
        {
            var challengeId = await user.StartChallengeAsync(body.StaySignedIn);
            return TypedResults.Ok(new LoginAnswer(TotpRequired: true, LinkToken.Compose(userId!, challengeId)));
        }

        await accounts.SignInAsync(request.HttpContext.Response, userId!, await user.StartSessionAsync(body.StaySignedIn));
        return TypedResults.Ok(new LoginAnswer(TotpRequired: false, null));
    }

    private static async Task<IResult> LoginTotpAsync(HttpRequest request, [AsParameters] AccountServices accounts, CancellationToken cancellationToken)
    {
        var (body, problem) = await AccountJson.ReadAsync<TotpLoginBody>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!LinkToken.TryParse(body!.ChallengeToken, out var userId, out var challengeId))
        {
            return AccountJson.Invalid("challengeToken", "The challenge token is missing or malformed.");
        }

        if ((body.Code is null) == (body.RecoveryCode is null) || body.RecoveryCode is { Length: > 64 })
        {
            return AccountJson.Invalid("code", "Send either a 6-digit code or a recovery code.");
        }

        if (accounts.Limits.TryAcquire(AccountLimits.Totp, userId) is { } wait)
        {
            return AccountProblems.TooMany(request.HttpContext, wait);
        }

        var user = accounts.User(userId);
        if (await user.GetChallengeSecretAsync(challengeId) is not { } protectedSecret)
        {
            return Void();
        }

        var answer = body.Code is not null
            ? new ChallengeAnswer(accounts.Totp.MatchedStep(accounts.TotpSecrets.Unprotect(protectedSecret), body.Code), null)
            : new ChallengeAnswer(null, RecoveryCodes.HashOf(body.RecoveryCode!));
        var outcome = await user.AnswerChallengeAsync(challengeId, answer);
        if (outcome.Session is { } ticket)
        {
            await accounts.SignInAsync(request.HttpContext.Response, userId, ticket);
            return TypedResults.Ok(new LoginAnswer(TotpRequired: false, null));
        }

        return outcome.Void ? Void() : AccountProblems.Result(StatusCodes.Status401Unauthorized, null, "Wrong code",
            "The code is wrong, or was used already. After 5 wrong codes the login starts again with the password.");
    }

    private static IResult Void() => AccountProblems.Result(StatusCodes.Status401Unauthorized, AccountProblems.ChallengeVoid, "Challenge void",
        "This login challenge is void (too many wrong codes, expired, or used): log in with the password again.");
}
