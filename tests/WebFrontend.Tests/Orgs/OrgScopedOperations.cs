using CallPing.WebFrontend.Tests.Accounts;
using CallPing.WebFrontend.Tests.OpenApi;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>
/// The operations of the portal's API that act on an id of an organisation's (every session-authenticated path with a
/// parameter), read from the app's OpenAPI document: an endpoint added later is in this list without anyone adding it.
/// </summary>
public static class OrgScopedOperations
{
    /// <summary>"METHOD /path/{param}" of each such operation.</summary>
    public static async Task<IReadOnlyList<(HttpMethod Method, string Path)>> ReadAsync(AccountsApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var client = app.CreateClient();
        var (document, _, errors) = OpenApiSpec.Read(await client.GetStringAsync("/openapi/v1.json"));
        Assert.Empty(errors);
        return
        [
            .. document!.Paths
                .Where(p => p.Key.Contains('{', StringComparison.Ordinal))
                .SelectMany(p => (p.Value.Operations ?? []).Select(o => (Method: o.Key, Path: p.Key, Operation: o.Value)))
                .Where(o => (o.Operation.Security ?? []).SelectMany(r => r.Keys).Any(k => k.Reference.Id == "Session"))
                .Select(o => (o.Method, o.Path))
                .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method.Method, StringComparer.Ordinal),
        ];
    }

    /// <summary>A body every operation accepts as valid: each reads the fields it needs and ignores the others.</summary>
    public static object AnyValidBody() => new
    {
        name = "Renamed",
        role = "admin",
        email = AccountsApp.NewEmail(),
        contacts = Array.Empty<object>(),
        ringTimeoutSeconds = 20,
        stepDelaySeconds = 10,
        repeats = 2,
        code = "000000",
        active = false,
        label = "monitoring",
    };
}
