using Microsoft.Extensions.DependencyInjection;
using CallPing.Grains.Interfaces.Accounts;
using CallPing.Grains.Interfaces.Audit;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;
using CallPing.Grains.Tests.Infrastructure;
using CallPing.TestSupport;

namespace CallPing.Grains.Tests.Audit;

/// <summary>A change and its audit row are not lost separately: the row rides in the change's own write and is forwarded after a crash.</summary>
public sealed class AuditOutboxTests
{
    private static readonly AuditContext Owner = new("0123456789abcdef0123456789abcdef", "192.0.2.7");

    [Fact]
    public async Task ProjectCreate_AuditLogUnreachableThenSiloRestarts_ProjectStandsAndExactlyOneRowArrives()
    {
        using var data = new TempFolder();
        var serviceId = $"audit-{Guid.NewGuid():N}";
        var orgId = Guid.NewGuid().ToString("N");
        string projectId;
        await using (var silo = await StartAsync(data.Path, serviceId))
        {
            var org = silo.Grains.GetGrain<IOrganizationGrain>(orgId);
            await silo.Grains.GetGrain<IUserGrain>(Owner.ActorUserId).CreateAsync("owner@example.test");
            await org.CreateAsync("Crash Ltd", "owner@example.test", Owner);
            silo.SiloServices.GetRequiredService<AuditAppendBreaker>().Armed = true;

            await Assert.ThrowsAnyAsync<Exception>(() => org.CreateProjectAsync("Checkout", Owner));

            projectId = (await org.GetAsync())!.ProjectIds.Single();
        }

        await using var restarted = await StartAsync(data.Path, serviceId);
        var log = restarted.Grains.GetGrain<IAuditLogGrain>(orgId);
        var view = await restarted.Grains.GetGrain<IOrganizationGrain>(orgId).GetAsync();
        var rows = await Eventually.ReachesAsync(() => log.GetPageAsync(null, 100), p => p.Rows.Any(r => r.Action == AuditActions.ProjectCreate), TimeSpan.FromSeconds(10), "the project's row");
        await restarted.Grains.GetGrain<IOrganizationGrain>(orgId).RenameAsync("Crash Two Ltd", Owner);
        var project = await restarted.Grains.GetGrain<IProjectGrain>(projectId).GetAsync();
        var after = await log.GetPageAsync(null, 100);

        Assert.Equal([projectId], view!.ProjectIds);
        Assert.Equal(orgId, project!.OrgId);
        Assert.Single(after.Rows, r => r.Action == AuditActions.ProjectCreate && r.Target == projectId && r.ActorUserId == Owner.ActorUserId && r.Ip == Owner.Ip);
        Assert.Single(rows.Rows, r => r.Action == AuditActions.ProjectCreate);
    }

    [Fact]
    public async Task ApiKeyRevoke_AuditLogUnreachableThenSiloRestarts_KeyRefusedAndExactlyOneRowArrives()
    {
        using var data = new TempFolder();
        var serviceId = $"audit-{Guid.NewGuid():N}";
        var orgId = Guid.NewGuid().ToString("N");
        string projectId;
        IssuedApiKey issued;
        await using (var silo = await StartAsync(data.Path, serviceId))
        {
            var org = silo.Grains.GetGrain<IOrganizationGrain>(orgId);
            await silo.Grains.GetGrain<IUserGrain>(Owner.ActorUserId).CreateAsync("owner@example.test");
            await org.CreateAsync("Keys Ltd", "owner@example.test", Owner);
            projectId = (await org.CreateProjectAsync("Checkout", Owner)).CreatedId!;
            issued = await silo.Grains.GetGrain<IProjectGrain>(projectId).IssueApiKeyAsync("alertmanager", Owner);
            silo.SiloServices.GetRequiredService<AuditAppendBreaker>().Armed = true;

            await Assert.ThrowsAnyAsync<Exception>(() => silo.Grains.GetGrain<IProjectGrain>(projectId).RevokeApiKeyAsync(issued.KeyId, Owner));
        }

        await using var restarted = await StartAsync(data.Path, serviceId);
        var log = restarted.Grains.GetGrain<IAuditLogGrain>(orgId);
        var project = restarted.Grains.GetGrain<IProjectGrain>(projectId);
        var keys = (await project.GetAsync())!.ApiKeys;
        await Eventually.ReachesAsync(() => log.GetPageAsync(null, 100), p => p.Rows.Any(r => r.Action == AuditActions.ApiKeyRevoke), TimeSpan.FromSeconds(10), "the revocation's row");
        await project.IssueApiKeyAsync("grafana", Owner);
        var after = await log.GetPageAsync(null, 100);

        Assert.True(keys.Single(k => k.KeyId == issued.KeyId).Revoked);
        Assert.Null(await restarted.Grains.GetGrain<IApiKeyGrain>(ApiKeys.HashOf(issued.Key)).AuthenticateAsync());
        Assert.Single(after.Rows, r => r.Action == AuditActions.ApiKeyRevoke && r.Target == issued.KeyId && r.Detail == projectId && r.ActorUserId == Owner.ActorUserId);
        Assert.Single(after.Rows, r => r.Action == AuditActions.ApiKeyCreate && r.Target == issued.KeyId);
    }

    [Fact]
    public async Task Append_SameEntryTwice_OneRow()
    {
        using var data = new TempFolder();
        await using var silo = await StartAsync(data.Path, $"audit-{Guid.NewGuid():N}");
        var orgId = Guid.NewGuid().ToString("N");
        var log = silo.Grains.GetGrain<IAuditLogGrain>(orgId);
        var entry = new AuditEntry("e1", orgId, silo.Time.GetUtcNow(), Owner.ActorUserId, AuditActions.MemberLeave, Owner.ActorUserId, Owner.Ip);

        await log.AppendAsync([entry]);
        await log.AppendAsync([entry, entry]);

        Assert.Single((await log.GetPageAsync(null, 10)).Rows);
    }

    private static Task<GrainSilo> StartAsync(string folder, string serviceId) =>
        GrainSilo.StartAsync(folder, serviceId, TestPbxFleet.OnePerProvider(1), configure: silo =>
        {
            silo.Services.AddSingleton<AuditAppendBreaker>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<AuditAppendBreaker>());
        });
}
