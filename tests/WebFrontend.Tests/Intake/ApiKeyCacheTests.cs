using Microsoft.Extensions.Time.Testing;
using CallPing.Grains.Interfaces.Projects;
using CallPing.Grains.Projects;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Intake;

/// <summary>The web node's memory of API keys, against the real key grains of the shared app's silo.</summary>
[Collection(SharedIntakeApp.Name)]
public sealed class ApiKeyCacheTests(SharedIntakeApp.App app)
{
    [Fact]
    public async Task ProjectOf_KeyRevokedAfterItsFirstUse_ServedFromMemoryUntilConfirmedForThenRefused()
    {
        var (projectId, key, _) = await app.NewProjectAsync();
        var time = new FakeTimeProvider();
        var cache = new ApiKeyCache(app.Grains, time);
        var hash = ApiKeys.HashOf(key);
        var project = app.Grains.GetGrain<IProjectGrain>(projectId);

        var first = await cache.ProjectOfAsync(hash);
        await project.RevokeApiKeyAsync((await project.GetAsync())!.ApiKeys.Single().KeyId);
        var fromMemory = await cache.ProjectOfAsync(hash);
        time.Advance(ApiKeyCache.ConfirmedFor);
        var afterConfirmedFor = await cache.ProjectOfAsync(hash);

        Assert.Equal(projectId, first);
        Assert.Equal(projectId, fromMemory);
        Assert.Null(afterConfirmedFor);
    }

    [Fact]
    public async Task ProjectOf_KeyRevokedAndForgottenByThisNode_RefusedAtOnce()
    {
        var (projectId, key, _) = await app.NewProjectAsync();
        var cache = new ApiKeyCache(app.Grains, new FakeTimeProvider());
        var hash = ApiKeys.HashOf(key);
        var project = app.Grains.GetGrain<IProjectGrain>(projectId);

        var first = await cache.ProjectOfAsync(hash);
        Assert.Equal(hash, await project.RevokeApiKeyAsync((await project.GetAsync())!.ApiKeys.Single().KeyId));
        cache.Forget(hash);
        var afterForget = await cache.ProjectOfAsync(hash);

        Assert.Equal(projectId, first);
        Assert.Null(afterForget);
    }

    [Fact]
    public async Task ProjectOf_UnknownKey_NullEveryTime()
    {
        var cache = new ApiKeyCache(app.Grains, new FakeTimeProvider());
        var hash = ApiKeys.HashOf("cp_live_" + Guid.NewGuid().ToString("N"));

        Assert.Null(await cache.ProjectOfAsync(hash));
        Assert.Null(await cache.ProjectOfAsync(hash));
    }
}
