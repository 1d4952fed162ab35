using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

[JsonConverter(typeof(JsonStringEnumConverter<AlertAction>))]
public enum AlertAction
{
    Trigger,
    Acknowledge,
    Resolve,
}
