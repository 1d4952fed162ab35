using System.Text;
using CallPing.WebFrontend.Intake;
using CallPing.WebFrontend.Intake.Native;
using CallPing.WebFrontend.Intake.Webhooks;

namespace CallPing.WebFrontend.Tests.Mapping;

public sealed class IntakeBodyTests
{
    [Theory]
    [InlineData("""{"summary":5}""", "summary")]
    [InlineData("""{"summary":"x","dedup_key":"k"}""", "dedup_key")]
    [InlineData("""{"summary":"x","summary":"y"}""", "summary")]
    [InlineData("""{"summary":"\ud800"}""", "summary")]
    [InlineData("""{"Summary":"x"}""", "Summary")]
    public void Parse_NativeBodyWithBadField_400NamingTheField(string body, string field)
    {
        var (value, failure) = IntakeBody.Parse<NativeAlertRequest>(Encoding.UTF8.GetBytes(body), IntakeJson.Native(32));

        Assert.Null(value);
        Assert.Equal((400, field), (failure!.Status, failure.Field));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("{\"summary\":\"x\"")]
    [InlineData("{\"summary\":\"x\"} trailing")]
    [InlineData("{/* comment */}")]
    public void Parse_NotOneJsonObject_400(string body)
    {
        var (value, failure) = IntakeBody.Parse<NativeAlertRequest>(Encoding.UTF8.GetBytes(body), IntakeJson.Native(32));

        Assert.Null(value);
        Assert.Equal(400, failure!.Status);
    }

    [Fact]
    public void Parse_NestingDeeperThanMaxDepth_400NamingWhereItWasTooDeep()
    {
        var body = """{"details":""" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + "}";

        var (_, failure) = IntakeBody.Parse<NativeAlertRequest>(Encoding.UTF8.GetBytes(body), IntakeJson.Native(32));

        Assert.Equal(400, failure!.Status);
        Assert.StartsWith("details", failure.Field);
        Assert.Contains("nested too deeply", failure.Detail);
    }

    [Fact]
    public void Parse_InvalidUtf8_400()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"summary\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];

        var (_, failure) = IntakeBody.Parse<NativeAlertRequest>(body, IntakeJson.Native(32));

        Assert.Equal(400, failure!.Status);
        Assert.Contains("UTF-8", failure.Detail);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_Ignored()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"summary\":\"x\"}")];

        var (value, failure) = IntakeBody.Parse<NativeAlertRequest>(body, IntakeJson.Native(32));

        Assert.Null(failure);
        Assert.Equal("x", value!.Summary);
    }

    [Fact]
    public void Parse_WebhookLabelOfWrongType_400NamingThePath()
    {
        var body = """{"alerts":[{"status":"firing","labels":{"severity":3}}]}""";

        var (_, failure) = IntakeBody.Parse<WebhookPayload>(Encoding.UTF8.GetBytes(body), IntakeJson.Integration(32));

        Assert.Equal((400, "alerts[0].labels.severity"), (failure!.Status, failure.Field));
    }

    [Fact]
    public void Parse_WebhookWithUnknownFields_Accepted()
    {
        var body = """{"alerts":[{"status":"firing","labels":{},"newField":{"x":[1]}}],"somethingNew":true}""";

        var (value, failure) = IntakeBody.Parse<WebhookPayload>(Encoding.UTF8.GetBytes(body), IntakeJson.Integration(32));

        Assert.Null(failure);
        Assert.Single(value!.Alerts!);
    }
}
