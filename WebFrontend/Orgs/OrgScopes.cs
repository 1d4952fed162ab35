using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Projects;

namespace CallPing.WebFrontend.Orgs;

/// <summary>
/// How a route's id leads to the organisation that owns it: by route parameter name ("orgId" is the organisation,
/// "projectId" asks the project, ...). An endpoint with such a parameter is checked by <see cref="OrgAccessFilter"/>;
/// a new kind of id (a phone number, a key, an alert) is one more entry here.
/// </summary>
public sealed class OrgScopes
{
    /// <summary>Longer ids are nobody's: refused without asking a grain.</summary>
    public const int MaxIdLength = 64;

    private readonly List<(string Parameter, Func<IGrainFactory, string, Task<string?>> OrgOf)> _scopes =
    [
        ("orgId", (_, orgId) => Task.FromResult<string?>(orgId)),
        ("projectId", (grains, projectId) => grains.GetGrain<IProjectGrain>(projectId).GetOrgIdAsync()),
    ];

    /// <summary>Adds a kind of id: the route parameter's name and how to find the organisation of an id (null: none).</summary>
    public OrgScopes Add(string parameter, Func<IGrainFactory, string, Task<string?>> orgOf)
    {
        _scopes.Add((parameter, orgOf));
        return this;
    }

    /// <summary>The organisation of the first known id among the route values; null when it has none, or no such id exists.</summary>
    public async Task<string?> OrgOfAsync(RouteValueDictionary route, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(route);
        foreach (var (parameter, orgOf) in _scopes)
        {
            if (route.TryGetValue(parameter, out var value) && value is string id)
            {
                return id.Length is > 0 and <= MaxIdLength ? await orgOf(grains, id) : null;
            }
        }

        throw new InvalidOperationException($"The route has none of the organisation-scoped ids ({string.Join(", ", _scopes.Select(s => s.Parameter))}).");
    }

    /// <summary>The person's access to the organisation of the route's id; null for a non-member, as for an id that does not exist.</summary>
    public async Task<OrgAccess?> AccessOfAsync(RouteValueDictionary route, IGrainFactory grains, string userId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var orgId = await OrgOfAsync(route, grains);
        var role = orgId is null ? null : await grains.GetGrain<IOrganizationGrain>(orgId).GetRoleAsync(userId);
        return role is { } found ? new OrgAccess(orgId!, found) : null;
    }
}
