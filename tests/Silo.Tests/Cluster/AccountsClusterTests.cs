using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallPing.TestSupport;
using CallPing.TestSupport.Accounts;
using CallPing.TestSupport.Pbx;

namespace CallPing.Silo.Tests.Cluster;

/// <summary>Sessions on a real cluster: a silo and two WebFrontend processes on one PostgreSQL database, mail through a real SMTP server.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountsClusterTests(PostgresServer postgres)
{
    private const string Password = "Plum-Harbor-Violet-42";

    [Fact]
    public async Task LogoutEverywhere_OnOneWebProcess_EveryOtherSessionRefusedOnBothProcessesAtOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var fleet = await SimulatorFleet.StartAsync();
        await using var cluster = await SiloCluster.StartAsync(postgres, fleet, silos: 1, webs: 2, extra: smtp.Settings());
        var (web0, web1) = (cluster.Webs[0].BaseAddress, cluster.Webs[1].BaseAddress);
        var email = $"u{Guid.NewGuid():N}@example.test";
        using var mine = Browser.For(web0);
        await mine.SignUpVerifiedAsync(smtp, email, Password);
        await mine.LogInAsync(email, Password);
        var others = new[] { Browser.For(web1), Browser.For(web0), Browser.For(web1) };
        foreach (var other in others)
        {
            await other.LogInAsync(email, Password);
        }

        // A session made on one process, with its antiforgery token, works on the other: the signing secret and the
        // Data Protection key ring are the cluster's, from the store.
        using var mineOnWeb1 = Browser.For(web1);
        mineOnWeb1.CopyCookiesFrom(mine);
        mineOnWeb1.CsrfToken = mine.CsrfToken;
        using var stepUpOnWeb1 = await mineOnWeb1.PostAsync("/api/v1/auth/step-up", new { password = Password });
        var beforeLogout = await Task.WhenAll(others.Select(o => o.MeStatusAsync()));

        using var logout = await mine.PostAsync("/api/v1/auth/logout-everywhere");
        var ended = (await logout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetInt32();
        var afterLogout = await Task.WhenAll(others.Select(o => o.MeStatusAsync()));
        var mineAfter = (await mine.MeStatusAsync(), await mineOnWeb1.MeStatusAsync());
        foreach (var other in others)
        {
            other.Dispose();
        }

        Assert.Equal(HttpStatusCode.NoContent, stepUpOnWeb1.StatusCode);
        Assert.All(beforeLogout, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal(3, ended);
        Assert.All(afterLogout, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), mineAfter);
    }
}
