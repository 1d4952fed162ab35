using System.Text.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Projects;

namespace CallPing.Grains.Tests.Projects;

/// <summary>API keys: shown once, stored as a hash, scoped to their project, revocable, last use recorded.</summary>
[Collection(ProjectsCollection.Name)]
public sealed class ApiKeyTests(ProjectsSilo silo)
{
    [Fact]
    public async Task IssueApiKeyAsync_NewKey_AuthenticatesAsItsProject()
    {
        var id = await CreateProjectAsync();

        var issued = await silo.Project(id).IssueApiKeyAsync("alertmanager");

        Assert.Equal(id, await silo.ApiKey(ApiKeys.HashOf(issued.Key)).AuthenticateAsync());
    }

    [Fact]
    public async Task IssueApiKeyAsync_NewKey_IsLiveRandomBase64UrlWithItsFirst12CharactersAsPrefix()
    {
        var id = await CreateProjectAsync();

        var first = await silo.Project(id).IssueApiKeyAsync("one");
        var second = await silo.Project(id).IssueApiKeyAsync("two");

        Assert.Matches("^cp_live_[A-Za-z0-9_-]{43}$", first.Key);
        Assert.Equal(first.Key[..12], first.Prefix);
        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.KeyId, second.KeyId);
    }

    [Fact]
    public async Task GetAsync_AfterIssue_ShowsKeyIdLabelAndPrefixButNeverTheKey()
    {
        var id = await CreateProjectAsync();
        var issued = await silo.Project(id).IssueApiKeyAsync("grafana");

        var view = await silo.Project(id).GetAsync();

        var key = Assert.Single(view!.ApiKeys);
        Assert.Equal(new ApiKeyView(issued.KeyId, "grafana", issued.Prefix, silo.Silo.Time.GetUtcNow(), null, false), key);
        Assert.DoesNotContain(issued.Key, JsonSerializer.Serialize(view));
    }

    [Fact]
    public async Task IssueApiKeyAsync_NewKey_StoreHoldsItsHashAndNeverTheKey()
    {
        var id = await CreateProjectAsync();

        var issued = await silo.Project(id).IssueApiKeyAsync("ci");

        var rows = await silo.StoredRowsAsync();
        var hash = ApiKeys.HashOf(issued.Key);
        Assert.DoesNotContain(rows, r => r.Json.Contains(issued.Key[ApiKeys.KeyPrefix.Length..], StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StateName == "apikey" && r.Key == hash && r.Json.Contains(id, StringComparison.Ordinal));
        Assert.Contains(hash, rows.Single(r => r.StateName == "project" && r.Key == id).Json);
    }

    [Fact]
    public async Task IssueApiKeyAsync_ProjectNotCreated_ThrowsAndRegistersNothing()
    {
        var id = ProjectRequests.NewId();

        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Project(id).IssueApiKeyAsync("early"));

        Assert.DoesNotContain(await silo.StoredRowsAsync(), r => r.Json.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKey_ReturnsNull()
    {
        var hash = ApiKeys.HashOf(ApiKeys.Generate());

        var projectId = await silo.ApiKey(hash).AuthenticateAsync();

        Assert.Null(projectId);
    }

    [Fact]
    public async Task RevokeApiKeyAsync_IssuedKey_StopsAuthenticatingWhileTheOtherKeyWorks()
    {
        var id = await CreateProjectAsync();
        var revoked = await silo.Project(id).IssueApiKeyAsync("old");
        var kept = await silo.Project(id).IssueApiKeyAsync("new");

        await silo.Project(id).RevokeApiKeyAsync(revoked.KeyId);

        Assert.Null(await silo.ApiKey(ApiKeys.HashOf(revoked.Key)).AuthenticateAsync());
        Assert.Equal(id, await silo.ApiKey(ApiKeys.HashOf(kept.Key)).AuthenticateAsync());
        var keys = (await silo.Project(id).GetAsync())!.ApiKeys;
        Assert.True(keys.Single(k => k.KeyId == revoked.KeyId).Revoked);
        Assert.False(keys.Single(k => k.KeyId == kept.KeyId).Revoked);
    }

    [Fact]
    public async Task RevokeApiKeyAsync_UnknownOrRevokedKeyId_NullAndNothingWritten()
    {
        var id = await CreateProjectAsync();
        var issued = await silo.Project(id).IssueApiKeyAsync("once");
        Assert.Equal(ApiKeys.HashOf(issued.Key), await silo.Project(id).RevokeApiKeyAsync(issued.KeyId));
        var afterRevoke = (await silo.StoredRowAsync("project", id))!.Version;

        var unknown = await silo.Project(id).RevokeApiKeyAsync("ak_000000000000");
        var again = await silo.Project(id).RevokeApiKeyAsync(issued.KeyId);

        Assert.Null(unknown);
        Assert.Null(again);
        Assert.Equal(afterRevoke, (await silo.StoredRowAsync("project", id))!.Version);
    }

    [Fact]
    public async Task AuthenticateAsync_ManyUsesWithinAMinute_WritesLastUseOnceThenAgainAfterTheMinute()
    {
        var id = await CreateProjectAsync();
        var issued = await silo.Project(id).IssueApiKeyAsync("hot");
        var hash = ApiKeys.HashOf(issued.Key);
        var firstUse = silo.Silo.Time.GetUtcNow();
        await silo.ApiKey(hash).AuthenticateAsync();
        var afterFirstUse = (await silo.StoredRowAsync("apikey", hash))!.Version;

        for (var i = 0; i < 10; i++)
        {
            silo.Silo.Time.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(id, await silo.ApiKey(hash).AuthenticateAsync());
        }

        Assert.Equal(afterFirstUse, (await silo.StoredRowAsync("apikey", hash))!.Version);
        Assert.Equal(firstUse, (await silo.Project(id).GetAsync())!.ApiKeys.Single().LastUsedAt);

        silo.Silo.Time.Advance(TimeSpan.FromSeconds(10));
        await silo.ApiKey(hash).AuthenticateAsync();

        Assert.Equal(afterFirstUse + 1, (await silo.StoredRowAsync("apikey", hash))!.Version);
        Assert.Equal(firstUse.AddMinutes(1), (await silo.Project(id).GetAsync())!.ApiKeys.Single().LastUsedAt);
    }

    private async Task<string> CreateProjectAsync()
    {
        var id = ProjectRequests.NewId();
        await silo.Project(id).CreateAsync(ProjectRequests.Valid());
        return id;
    }
}
