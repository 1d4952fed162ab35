using Microsoft.AspNetCore.Http.Features;

namespace CallPing.WebFrontend.Http;

/// <summary>
/// For endpoints that take no body but act (acknowledge, resolve): a body a client sends anyway is read to its end before
/// the handler runs. A broken upload then fails with 400 (through <see cref="BadRequestExceptionHandler"/>) and changes
/// nothing, instead of being found by the server only after the change was made.
/// </summary>
public sealed class ReadBodyFirstFilter(int maxBytes) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var httpContext = context.HttpContext;
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        var buffer = new byte[4096];
        long total = 0;
        int read;
        while ((read = await httpContext.Request.Body.ReadAsync(buffer, httpContext.RequestAborted)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return TypedResults.Problem($"The request body is larger than {maxBytes} bytes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");
            }
        }

        return await next(context);
    }
}
