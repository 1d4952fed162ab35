namespace CallPing.WebFrontend.OpenApi;

/// <summary>The OpenAPI document of the public API, served by processes with the web role at <see cref="DocumentPath"/>.</summary>
public static class CallPingOpenApi
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddCallPingOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer<SecurityDocumentTransformer>());

    public static IEndpointRouteBuilder MapCallPingOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints;
    }
}
