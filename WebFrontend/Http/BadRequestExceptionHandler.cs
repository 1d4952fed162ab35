using Microsoft.AspNetCore.Diagnostics;

namespace CallPing.WebFrontend.Http;

/// <summary>
/// Kestrel throws <see cref="BadHttpRequestException"/> from a body read when the client broke the framing: a malformed
/// chunk size, a body shorter than announced, a body over the size limit. That is the client's fault, whichever endpoint
/// was reading, so it is answered with the exception's status (400, 413) as problem+json instead of an unhandled 500.
/// The handler that was reading never got its body, so it stored nothing.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                // Kestrel's messages name the framing fault ("Bad chunk size data.", "Unexpected end of request content.") and nothing internal.
                Detail = $"The request body could not be read: {bad.Message}",
            },
        });
    }
}
