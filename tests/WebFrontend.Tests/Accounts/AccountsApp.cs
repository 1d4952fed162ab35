using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using CallPing.TestSupport.Accounts;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Hosting;
using CallPing.WebFrontend.Tests.Infrastructure;

namespace CallPing.WebFrontend.Tests.Accounts;

/// <summary>
/// The real Silo app in its web role (see <see cref="IntakeApp"/>) on one fake clock: the grains' and the web role's,
/// so that tests can move session lifetimes, link expiries and TOTP time steps. Browsers talk to it over https.
/// </summary>
public sealed class AccountsApp(IReadOnlyDictionary<string, string?> settings) : IntakeApp(settings)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Browser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = false,
        AllowAutoRedirect = false,
    }));

    public static string NewEmail() => $"u{Guid.NewGuid():N}@example.test";

    /// <summary>Every stored grain row as (state name, key, JSON text), read from the SQLite file as an operator would.</summary>
    public async Task<List<(string State, string Key, string Json)>> StoredRowsAsync()
    {
        var folder = Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "callping.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainTypeString, COALESCE(GrainIdExtensionString, ''), PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(2))));
        }

        return rows;
    }

    /// <summary>
    /// The stored state of the account of an address. Found by its address: a user id is 32 hex digits, which the
    /// storage keeps as a Guid key, not in the string key column.
    /// </summary>
    public async Task<JsonElement> StoredUserAsync(string email)
    {
        var json = (await StoredRowsAsync()).Single(r => r.State == "user" && r.Json.Contains($"\"{email}\"", StringComparison.Ordinal)).Json;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new AccountClock(Clock));
            services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains, Clock);
        });
    }
}
