using System.Text.Json;
using CallPing.Grains.Interfaces.Models;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.Native;

namespace CallPing.WebFrontend.Tests.Mapping;

public sealed class NativeAlertMapperTests
{
    private const int MaxDetails = 16 * 1024;
    private static readonly JsonSerializerOptions Json = IntakeJson.Native(32);

    [Fact]
    public void Map_FullTrigger_MakesApiEventWithDetailsAsJsonText()
    {
        var request = Read("""{"summary":"Disk full on db-1","details":{"disk":"/var","used":0.99},"source":"db-1","severity":"critical","dedupKey":"disk-db-1","action":"trigger"}""");

        var mapping = NativeAlertMapper.Map(request, "p1", MaxDetails);

        var alertEvent = Assert.Single(mapping.Events);
        Assert.Equal(new AlertEvent("p1", "disk-db-1", AlertAction.Trigger, "Disk full on db-1", AlertSeverity.Critical, "db-1",
            """{"disk":"/var","used":0.99}""", "api"), alertEvent);
    }

    [Fact]
    public void Map_TriggerWithoutDedupKey_MakesANewKeyEachTime()
    {
        var request = Read("""{"summary":"x","severity":"info","action":"trigger"}""");

        var first = NativeAlertMapper.Map(request, "p1", MaxDetails).Events.Single().DedupKey;
        var second = NativeAlertMapper.Map(request, "p1", MaxDetails).Events.Single().DedupKey;

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("""{"summary":"x","severity":"fatal","action":"trigger"}""", "severity")]
    [InlineData("""{"summary":"x","severity":"Critical","action":"trigger"}""", "severity")]
    [InlineData("""{"summary":"x","action":"trigger"}""", "severity")]
    [InlineData("""{"summary":"x","severity":"info","action":"explode"}""", "action")]
    [InlineData("""{"summary":"x","severity":"info"}""", "action")]
    [InlineData("""{"severity":"info","action":"trigger"}""", "summary")]
    [InlineData("""{"summary":"   ","severity":"info","action":"trigger"}""", "summary")]
    [InlineData("""{"summary":"x","severity":"info","action":"trigger","dedupKey":""}""", "dedupKey")]
    [InlineData("""{"summary":"x","severity":"info","action":"trigger","dedupKey":"a\nb"}""", "dedupKey")]
    [InlineData("""{"action":"resolve"}""", "dedupKey")]
    [InlineData("""{"action":"acknowledge"}""", "dedupKey")]
    [InlineData("""{"summary":"x","severity":"info","action":"trigger","details":[1,2]}""", "details")]
    [InlineData("""{"summary":"x","severity":"info","action":"trigger","details":"text"}""", "details")]
    public void Map_InvalidField_NamesTheFieldAndMakesNoEvent(string body, string field)
    {
        var mapping = NativeAlertMapper.Map(Read(body), "p1", MaxDetails);

        Assert.Empty(mapping.Events);
        Assert.Contains(mapping.Errors, e => e.Field == field);
    }

    [Fact]
    public void Map_SummaryOf1024EmojiAccepted_1025Refused()
    {
        var atLimit = string.Concat(Enumerable.Repeat("🔥", 1024));

        var accepted = NativeAlertMapper.Map(new NativeAlertRequest { Summary = atLimit, Severity = "info", Action = "trigger" }, "p1", MaxDetails);
        var refused = NativeAlertMapper.Map(new NativeAlertRequest { Summary = atLimit + "x", Severity = "info", Action = "trigger" }, "p1", MaxDetails);

        Assert.True(accepted.IsValid);
        Assert.Equal("summary", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public void Map_DedupKeyOf256Characters_Refused()
    {
        var request = new NativeAlertRequest { Summary = "x", Severity = "info", Action = "trigger", DedupKey = new string('k', 256) };

        var mapping = NativeAlertMapper.Map(request, "p1", MaxDetails);

        Assert.Equal("dedupKey", Assert.Single(mapping.Errors).Field);
    }

    [Fact]
    public void Map_DetailsOverTheLimit_NamesDetails()
    {
        var request = Read($$$"""{"summary":"x","severity":"info","action":"trigger","details":{"blob":"{{{new string('a', 2000)}}}"}}""");

        var mapping = NativeAlertMapper.Map(request, "p1", maxDetailsBytes: 1000);

        Assert.Equal("details", Assert.Single(mapping.Errors).Field);
    }

    [Fact]
    public void Map_ResolveWithDedupKeyOnly_MakesResolveEvent()
    {
        var mapping = NativeAlertMapper.Map(Read("""{"action":"resolve","dedupKey":"disk-db-1"}"""), "p1", MaxDetails);

        var alertEvent = Assert.Single(mapping.Events);
        Assert.Equal((AlertAction.Resolve, "disk-db-1", "api"), (alertEvent.Action, alertEvent.DedupKey, alertEvent.Origin));
    }

    private static NativeAlertRequest Read(string json)
    {
        var (request, failure) = IntakeBody.Parse<NativeAlertRequest>(System.Text.Encoding.UTF8.GetBytes(json), Json);
        Assert.Null(failure);
        return request!;
    }
}
