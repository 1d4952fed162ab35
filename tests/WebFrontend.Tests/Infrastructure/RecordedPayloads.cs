using System.Text.Json;
using CallPing.WebFrontend.Intake;

namespace CallPing.WebFrontend.Tests.Infrastructure;

/// <summary>The payloads in Payloads/, recorded from the tools' documentation, read the way the endpoints read bodies.</summary>
public static class RecordedPayloads
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name));

    /// <summary>The payload with its placeholder routing key replaced by <paramref name="routingKey"/>.</summary>
    public static string WithKey(string name, string routingKey) => Text(name).Replace("ROUTING_KEY", routingKey, StringComparison.Ordinal);

    public static T Parse<T>(string name, JsonSerializerOptions json) where T : class
    {
        var (value, failure) = IntakeBody.Parse<T>(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", name)), json);
        Assert.Null(failure);
        return value!;
    }
}
