using CallPing.Grains.Interfaces.Orgs;
using CallPing.WebFrontend.Tests.Accounts;

namespace CallPing.WebFrontend.Tests.Orgs;

/// <summary>
/// Every organisation-scoped operation as each role (owner, admin, member, non-member) on a fresh organisation: the
/// status each gets. The table must name every such operation of the OpenAPI document.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class RoleMatrixTests(AccountsFixture fixture) : IAsyncLifetime
{
    private const int Outsider = 404;

    /// <summary>Operation, then the status of owner, admin, member, non-member.</summary>
    private static readonly (string Operation, int Owner, int Admin, int Member, int NonMember)[] Table =
    [
        ("GET /api/v1/orgs/{orgId}", 200, 200, 200, Outsider),
        ("PATCH /api/v1/orgs/{orgId}", 204, 403, 403, Outsider),
        ("DELETE /api/v1/orgs/{orgId}", 204, 403, 403, Outsider),
        ("GET /api/v1/orgs/{orgId}/audit", 200, 200, 403, Outsider),
        ("GET /api/v1/orgs/{orgId}/invitations", 200, 200, 403, Outsider),
        ("POST /api/v1/orgs/{orgId}/invitations", 201, 201, 403, Outsider),
        ("DELETE /api/v1/orgs/{orgId}/invitations/{invitationId}", 204, 204, 403, Outsider),
        // The last owner cannot leave.
        ("POST /api/v1/orgs/{orgId}/leave", 409, 204, 204, Outsider),
        ("GET /api/v1/orgs/{orgId}/members", 200, 200, 200, Outsider),
        ("DELETE /api/v1/orgs/{orgId}/members/{userId}", 204, 204, 403, Outsider),
        ("PUT /api/v1/orgs/{orgId}/members/{userId}/role", 204, 204, 403, Outsider),
        ("GET /api/v1/orgs/{orgId}/contacts", 200, 200, 200, Outsider),
        ("GET /api/v1/orgs/{orgId}/projects", 200, 200, 200, Outsider),
        ("POST /api/v1/orgs/{orgId}/projects", 201, 201, 403, Outsider),
        ("POST /api/v1/orgs/{orgId}/switch", 204, 204, 204, Outsider),
        ("GET /api/v1/projects/{projectId}", 200, 200, 200, Outsider),
        ("PATCH /api/v1/projects/{projectId}", 204, 204, 403, Outsider),
        ("DELETE /api/v1/projects/{projectId}", 204, 204, 403, Outsider),
        ("PUT /api/v1/projects/{projectId}/policy", 204, 204, 403, Outsider),
        ("GET /api/v1/projects/{projectId}/keys", 200, 200, 200, Outsider),
        ("POST /api/v1/projects/{projectId}/keys", 201, 201, 403, Outsider),
        ("DELETE /api/v1/projects/{projectId}/keys/{keyId}", 204, 204, 403, Outsider),
        ("GET /api/v1/projects/{projectId}/alerts", 200, 200, 200, Outsider),
        ("POST /api/v1/projects/{projectId}/test-alert", 202, 202, 202, Outsider),
        ("GET /api/v1/alerts/{alertId}", 200, 200, 200, Outsider),
        ("POST /api/v1/alerts/{alertId}/acknowledge", 200, 200, 200, Outsider),
        ("POST /api/v1/alerts/{alertId}/resolve", 200, 200, 200, Outsider),

        // A phone number is its owner's alone (here the member's): to anyone else it is not there. The member's is
        // unverified: no code is pending (409), no test call is possible (409) or was placed (404).
        ("POST /api/v1/phone-numbers/{phoneNumberId}/verification-call", Outsider, Outsider, 202, Outsider),
        ("POST /api/v1/phone-numbers/{phoneNumberId}/verify", Outsider, Outsider, 409, Outsider),
        ("PUT /api/v1/phone-numbers/{phoneNumberId}/active", Outsider, Outsider, 204, Outsider),
        ("POST /api/v1/phone-numbers/{phoneNumberId}/test-call", Outsider, Outsider, 409, Outsider),
        ("GET /api/v1/phone-numbers/{phoneNumberId}/test-call", Outsider, Outsider, 404, Outsider),
    ];

    private readonly OrgWorld _world = new(fixture);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Table_NamesEveryOrgScopedOperationOfTheOpenApiDocument()
    {
        var operations = await OrgScopedOperations.ReadAsync(fixture.App);

        var documented = operations.Select(o => $"{o.Method} {o.Path}").ToList();

        Assert.Equal(documented.Order(StringComparer.Ordinal), Table.Select(r => r.Operation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryOperation_EachRoleOnAFreshOrg_GetsItsStatus()
    {
        OrgRole?[] roles = [OrgRole.Owner, OrgRole.Admin, OrgRole.Member, null];
        foreach (var role in roles)
        {
            await _world.As(role).StepUpAsync();
        }

        var wrong = new List<string>();
        foreach (var row in Table)
        {
            int[] expected = [row.Owner, row.Admin, row.Member, row.NonMember];
            for (var i = 0; i < roles.Length; i++)
            {
                var org = await _world.NewOrgAsync();
                var (method, path) = (new HttpMethod(row.Operation.Split(' ')[0]), row.Operation.Split(' ')[1]);
                var body = method == HttpMethod.Get || method == HttpMethod.Delete ? null : OrgScopedOperations.AnyValidBody();
                using var response = await _world.As(roles[i]).Browser.SendAsync(method, org.Fill(path), body);
                var problem = (int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json";
                if ((int)response.StatusCode != expected[i] || problem)
                {
                    wrong.Add($"{row.Operation} as {roles[i]?.ToString() ?? "non-member"}: {(int)response.StatusCode} (expected {expected[i]}) {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.Empty(wrong);
    }
}
