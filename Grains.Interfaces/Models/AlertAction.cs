using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Models;

[GenerateSerializer, Alias("callping.AlertAction")]
[JsonConverter(typeof(JsonStringEnumConverter<AlertAction>))]
public enum AlertAction
{
    Trigger,
    Acknowledge,
    Resolve,
}
