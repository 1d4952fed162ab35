using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CallPing.WebFrontend.OpenApi;

/// <summary>
/// Describes the API and its two bearer credentials, and marks which operations need which. The endpoints check the
/// credentials themselves (an intake gate, an endpoint filter), not through ASP.NET Core authentication, so the
/// requirement is derived here from the route prefix: /api/v1 takes a project API key, /admin the admin token,
/// /api/v1/auth, /api/v1/me, /api/v1/orgs, /api/v1/projects and /api/v1/phone-numbers the session cookie (but for the endpoints that start a session or follow an e-mailed link);
/// an alert by its id (/api/v1/alerts/{alertId}...) takes either: a project API key, or a member's session.
/// </summary>
internal sealed class SecurityDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";

    public const string AdminTokenScheme = "AdminToken";

    public const string SessionScheme = "Session";

    // Account endpoints that need no session: they start one, or work from an e-mailed link.
    private static readonly string[] SessionlessAccountPaths =
        ["/api/v1/auth/signup", "/api/v1/auth/verify-email", "/api/v1/auth/login", "/api/v1/auth/login/totp", "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password"];

    // An alert by its id: the project's API key, or the session of a member of its organisation.
    private const string AlertByIdPrefix = "/api/v1/alerts/{";

    // The portal's API, which takes the session cookie.
    private static readonly string[] SessionPrefixes = ["/api/v1/auth/", "/api/v1/me", "/api/v1/orgs", "/api/v1/projects/", "/api/v1/phone-numbers"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CallPing",
            Version = CallPingOpenApi.DocumentName,
            Description = "Alert intake (native, PagerDuty Events API v2, Alertmanager and Grafana webhooks), the alert API, accounts and sessions, "
                + "operator endpoints and health probes. Bad input is answered with RFC 7807 problem+json naming the field.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "cp_live_...",
            Description = "A project API key: Authorization: Bearer cp_live_... (on /v2/enqueue it is the routing_key instead).",
        };
        document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = Accounts.SessionCookie.Name,
            Description = "The session cookie set by login; every POST, PUT, PATCH and DELETE also needs the X-CSRF-Token header (GET /api/v1/auth/csrf).",
        };
        document.Components.SecuritySchemes[AdminTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The operator's admin token (Admin:Token, or the admin-token file in the data folder).",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations is null)
            {
                continue;
            }

            // Each scheme is a requirement of its own: any one of them is enough.
            foreach (var operation in item.Operations.Values)
            {
                foreach (var scheme in SchemesFor(path))
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
                }
            }
        }

        return Task.CompletedTask;
    }

    private static string[] SchemesFor(string path) =>
        path.StartsWith(AlertByIdPrefix, StringComparison.Ordinal) ? [ApiKeyScheme, SessionScheme]
        : SchemeFor(path) is { } scheme ? [scheme]
        : [];

    private static string? SchemeFor(string path) =>
        SessionlessAccountPaths.Contains(path) ? null
        : SessionPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)) ? SessionScheme
        : path.StartsWith("/admin/", StringComparison.Ordinal) ? AdminTokenScheme
        : path.StartsWith("/api/v1/", StringComparison.Ordinal) ? ApiKeyScheme
        : null;
}
