using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using CallPing.TestSupport;

namespace CallPing.WebFrontend.Tests.EndToEnd;

/// <summary>
/// The 64 KiB limit over real HTTP through Kestrel, with a declared length and with a chunked upload, in the real
/// Silo process as an operator runs it (an in-process test host over Kestrel races the host's own start).
/// </summary>
public sealed class KestrelBodyLimitTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private HostProcess _silo = null!;
    private string _apiKey = "";

    public async Task InitializeAsync()
    {
        _silo = HostProcess.Start("Silo", new Dictionary<string, string?> { ["Storage:DataFolder"] = _data.Path });
        await _silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/projects")
        {
            Content = JsonContent.Create(new { name = "limits", contacts = new[] { "+15550100" } }),
        };
        request.Headers.Authorization = new("Bearer", (await File.ReadAllTextAsync(Path.Combine(_data.Path, "admin-token"))).Trim());
        using var response = await _silo.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        _apiKey = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Trigger_BodyOver64KiBThroughKestrel_413(bool chunked)
    {
        var oversized = $$$"""{"summary":"{{{new string('x', 100_000)}}}","severity":"critical","action":"trigger"}""";

        using var response = await TriggerAsync(oversized, chunked);
        var storedAfterOversized = await StoredAlertsAsync();
        using var after = await TriggerAsync("""{"summary":"after oversized","severity":"critical","action":"trigger"}""", chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, storedAfterOversized);
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
    }

    private async Task<HttpResponseMessage> TriggerAsync(string body, bool chunked)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.Authorization = new("Bearer", _apiKey);
        return await _silo.Http.SendAsync(request);
    }

    /// <summary>Alerts in the silo's store, read beside it (SQLite lets a reader in while the silo writes).</summary>
    private async Task<long> StoredAlertsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "callping.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = 'alert'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
