using CallPing.Grains.Interfaces.Orgs;

namespace CallPing.WebFrontend.Orgs;

/// <summary>An organisation's refusals as problem+json: 404 for what is not there (or not the caller's), 403, 409, 429.</summary>
public static class OrgProblems
{
    public static IResult NotFound() =>
        TypedResults.Problem("There is no such resource, or it is not in one of your organisations.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The problem of a refused change; <paramref name="done"/> when it was done.</summary>
    public static IResult Result(OrgAnswer answer, Func<IResult>? done = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Outcome switch
        {
            OrgOutcome.Done => done?.Invoke() ?? TypedResults.NoContent(),
            OrgOutcome.Forbidden => TypedResults.Problem(answer.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Role too small"),
            OrgOutcome.Conflict => TypedResults.Problem(answer.Reason, statusCode: StatusCodes.Status409Conflict, title: "Not possible"),
            OrgOutcome.TooSoon => new RetryAfter(answer.RetryAfterSeconds ?? 1,
                TypedResults.Problem(answer.Reason, statusCode: StatusCodes.Status429TooManyRequests, title: "Too soon")),
            _ => NotFound(),
        };
    }

    /// <summary>A refusal that says in its Retry-After header how many seconds to wait.</summary>
    private sealed class RetryAfter(int seconds, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
