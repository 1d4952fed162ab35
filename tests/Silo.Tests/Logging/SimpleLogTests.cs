using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Logging;

/// <summary>A developer who prefers plain text sets Logging:Console:FormatterName=simple and gets it.</summary>
public sealed class SimpleLogTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Silo_FormatterNameSimple_WritesPlainTextLines()
    {
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Logging:Console:FormatterName"] = "simple",
        });

        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        await Eventually.ReachesAsync(() => Task.FromResult(silo.Output), o => o.Contains("Admin token: in", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the admin token line");

        Assert.Contains(silo.Output.Split(Environment.NewLine), l => l.StartsWith("info: CallPing.WebFrontend.Admin.AdminToken", StringComparison.Ordinal));
        Assert.Contains(silo.Output.Split(Environment.NewLine), l => l.StartsWith("info: Orleans.", StringComparison.Ordinal));
        Assert.DoesNotContain("\"Category\":", silo.Output);
    }
}
