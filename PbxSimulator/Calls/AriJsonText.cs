using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallPing.PbxSimulator.Calls;

/// <summary>Writes JSON as Asterisk does: "+15550100" and "+0000" stay literal instead of "\u002B".</summary>
internal static class AriJsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options);
}
