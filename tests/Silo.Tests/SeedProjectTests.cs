using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests;

/// <summary>
/// "dotnet run --project Silo -- seed-project ..." as an operator runs it: a second process of the built Silo that
/// talks to the running silo's admin endpoint, with the same data folder for the admin token.
/// </summary>
public sealed partial class SeedProjectTests(RunningSilo running) : IClassFixture<RunningSilo>, IDisposable
{
    private readonly TempFolder _empty = new();

    public void Dispose() => _empty.Dispose();

    [Fact]
    public async Task SeedProject_SiloRunning_PrintsProjectAndKeyAndTheProjectIsServedWithoutSecrets()
    {
        var silo = running.Host;

        var (exitCode, output, error) = await SeedAsync(Settings(), "--name", "web", "--contact", "+15550100", "--contact", "+15550101",
            "--url", silo.BaseAddress.ToString(), "--ring-timeout", "20", "--step-delay", "60", "--repeats", "2");

        Assert.True(exitCode == 0, error);
        var projectId = CreatedLine().Match(output).Groups["id"].Value;
        var key = KeyLine().Match(output).Groups["key"].Value;
        Assert.Matches("^web-[0-9a-f]{6}$", projectId);
        Assert.Matches("^cp_live_[A-Za-z0-9_-]{43}$", key);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/projects/{projectId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await File.ReadAllTextAsync(Path.Combine(running.DataFolder, "admin-token")));
        using var response = await silo.Http.SendAsync(request);
        var project = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"name\":\"web\"", project);
        Assert.Contains("\"contacts\":[\"*****0100\",\"*****0101\"]", project);
        Assert.Contains("\"ringTimeout\":\"00:00:20\",\"stepDelay\":\"00:01:00\",\"repeats\":2", project);
        Assert.Contains($"\"prefix\":\"{key[..12]}\"", project);
        Assert.DoesNotContain(key[12..], project);
        Assert.DoesNotContain(key[12..], silo.Output);
    }

    [Fact]
    public async Task SeedProject_SiloStopped_SaysItIsNotRunningAndHowToStartIt()
    {
        // The data folder of a silo that has run (its admin token is there), and an address nothing listens on any more.
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var (exitCode, output, error) = await SeedAsync(Settings(), "--name", "web", "--contact", "+15550100", "--url", url);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal($"CallPing is not running at {url}; start it with: dotnet run --project Silo", error.Trim());
    }

    [Fact]
    public async Task SeedProject_ContactNotE164_PrintsTheFieldAndItsMessage()
    {
        var settings = Settings();
        // No --url: the command finds the silo through the Urls setting, as the silo itself does.
        settings["Urls"] = running.Host.BaseAddress.ToString();

        var (exitCode, _, error) = await SeedAsync(settings, "--name", "web", "--contact", "+15550100", "--contact", "5550101");

        Assert.Equal(2, exitCode);
        Assert.Equal("CallPing refused the project: contacts: Contact 2 (***0101) is not an E.164 number (+ and 8 to 15 digits).", error.Trim());
    }

    [Fact]
    public async Task SeedProject_AdminTokenNotTheSilos_PrintsThatTheTokenWasRefused()
    {
        var silo = running.Host;
        var settings = Settings();
        settings["Admin:Token"] = "some-other-admin-token";

        var (exitCode, _, error) = await SeedAsync(settings, "--name", "web", "--contact", "+15550100", "--url", silo.BaseAddress.ToString());

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"CallPing at {silo.BaseAddress.ToString().TrimEnd('/')} refused the admin token (401)", error.Trim());
    }

    [Fact]
    public async Task SeedProject_NoTokenFile_NamesTheFileItLookedFor()
    {
        var (exitCode, _, error) = await SeedAsync(new() { ["Storage:DataFolder"] = _empty.Path }, "--name", "web", "--contact", "+15550100", "--url", "http://127.0.0.1:1");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"No admin token: {Path.Combine(_empty.Path, "admin-token")} does not exist", error.Trim());
    }

    /// <summary>The running silo's settings: the command reads the admin token from its data folder.</summary>
    private Dictionary<string, string?> Settings() => running.Settings();

    /// <summary>Runs "dotnet CallPing.Silo.dll seed-project ..." from the Silo's folder with the settings as environment variables.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> SeedAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var dll = RepositoryPaths.HostDll("Silo");
        var start = new ProcessStartInfo("dotnet", [dll, "seed-project", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"^Project web created: (?<id>\S+)$", RegexOptions.Multiline)]
    private static partial Regex CreatedLine();

    [GeneratedRegex(@"^API key \(shown once\): (?<key>\S+)$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
