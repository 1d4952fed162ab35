namespace CallPing.Silo.Tests.Logging;

/// <summary>The Silo's console output as a log pipeline ingests it: one JSON object per line, with request and alert scopes.</summary>
public sealed class JsonLogTests(LoggedAlertRun run) : IClassFixture<LoggedAlertRun>
{
    [Fact]
    public void Output_DefaultSettings_EveryLineIsJsonWithLevelCategoryAndMessage()
    {
        var lines = run.Lines;

        Assert.True(lines.Count > 5, $"only {lines.Count} lines");
        Assert.All(lines, line =>
        {
            Assert.False(string.IsNullOrEmpty(line.Json.GetProperty("LogLevel").GetString()), line.Text);
            Assert.False(string.IsNullOrEmpty(line.Category), line.Text);
            Assert.True(line.Json.TryGetProperty("Timestamp", out _), line.Text);
            Assert.True(line.Json.TryGetProperty("Message", out _), line.Text);
        });
    }

    [Fact]
    public void IntakeLine_LoggedInsideRequest_CarriesTraceIdRequestIdAndAlertId()
    {
        var intake = Assert.Single(run.Lines, l => l.Category == "CallPing.WebFrontend.Intake");

        Assert.Matches("^[0-9a-f]{32}$", intake.Scope("TraceId"));
        Assert.False(string.IsNullOrEmpty(intake.Scope("RequestId")), intake.Text);
        Assert.Equal("/api/v1/alerts", intake.Scope("RequestPath"));
        Assert.Equal(run.AlertId, intake.Scope("AlertId"));
    }

    [Fact]
    public void PbxLinkCallLines_ForAlertCall_CarryAlertIdScope()
    {
        var callLines = run.Lines.Where(l => l.Category == "CallPing.Grains.Pbx.Link.PbxLink" && l.Message.Contains(run.AlertId, StringComparison.Ordinal)).ToList();

        Assert.Contains(callLines, l => l.Message.Contains("dialling", StringComparison.Ordinal));
        Assert.Contains(callLines, l => l.Message.Contains("answered", StringComparison.Ordinal));
        Assert.All(callLines, l => Assert.Equal(run.AlertId, l.Scope("AlertId")));
        Assert.All(callLines, l => Assert.StartsWith(run.AlertId + "-", l.Scope("CallId")));
    }

    [Fact]
    public void Output_AlertCalled_NeverShowsTheFullPhoneNumber()
    {
        var output = run.Silo.Output;

        Assert.Contains("*****7001", output);
        Assert.DoesNotContain(LoggedAlertRun.Number[1..], output);
        Assert.DoesNotContain(LoggedAlertRun.Number[2..], output);
    }
}
