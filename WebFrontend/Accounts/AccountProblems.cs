namespace CallPing.WebFrontend.Accounts;

/// <summary>The problem types of accounts (RFC 7807 "type"), which tell a client what to do next.</summary>
public static class AccountProblems
{
    /// <summary>No live session: log in.</summary>
    public const string SignInRequired = "urn:callping:problem:sign-in-required";

    /// <summary>The operation needs a recent password entry: POST /api/v1/auth/step-up, then try again.</summary>
    public const string StepUpRequired = "urn:callping:problem:step-up-required";

    /// <summary>The antiforgery token is missing or wrong: GET /api/v1/auth/csrf and send it in the X-CSRF-Token header.</summary>
    public const string CsrfTokenInvalid = "urn:callping:problem:csrf-token-invalid";

    /// <summary>The TOTP challenge is void (too many wrong codes, expired, or used): log in with the password again.</summary>
    public const string ChallengeVoid = "urn:callping:problem:challenge-void";

    /// <summary>Too many requests: wait for Retry-After.</summary>
    public const string TooManyRequests = "urn:callping:problem:too-many-requests";

    public static IResult Result(int status, string? type, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type);

    public static async Task WriteAsync(HttpContext context, int status, string? type, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        await Result(status, type, title, detail).ExecuteAsync(context);
    }

    /// <summary>429 with Retry-After in whole seconds.</summary>
    public static IResult TooMany(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Result(StatusCodes.Status429TooManyRequests, TooManyRequests, "Too many requests", $"Try again in {seconds} s.");
    }
}
