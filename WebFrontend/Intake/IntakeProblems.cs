using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CallPing.WebFrontend.Intake;

/// <summary>RFC 7807 answers for refused intake requests; a 400 lists the fields at fault under "errors".</summary>
public static class IntakeProblems
{
    public static ProblemHttpResult From(IntakeFailure failure, HttpContext context)
    {
        if (failure.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (failure.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        if (failure.Status == StatusCodes.Status400BadRequest)
        {
            return Invalid([new FieldError(failure.Field ?? "body", failure.Detail)]);
        }

        return TypedResults.Problem(failure.Detail, statusCode: failure.Status, title: TitleOf(failure.Status),
            extensions: failure.Field is null ? null : new Dictionary<string, object?> { ["field"] = failure.Field });
    }

    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors)
    {
        var problem = new HttpValidationProblemDetails(errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The alert is invalid",
            Detail = string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
        };
        return TypedResults.Problem(problem);
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        _ => "Bad request",
    };
}
