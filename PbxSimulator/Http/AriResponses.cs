using System.Text.Json.Nodes;
using CallPing.PbxSimulator.Calls;

namespace CallPing.PbxSimulator.Http;

/// <summary>Response bodies shaped like Asterisk's.</summary>
internal static class AriResponses
{
    public static IResult Json(int status, JsonNode body) =>
        Results.Content(AriJsonText.Write(body), "application/json", statusCode: status);

    /// <summary>Most ARI errors: {"message": "..."}.</summary>
    public static IResult Error(int status, string message) =>
        Json(status, new JsonObject { ["message"] = message });

    /// <summary>A failed channel allocation reports {"error": "..."} instead.</summary>
    public static IResult AllocationFailed() =>
        Json(StatusCodes.Status500InternalServerError, new JsonObject { ["error"] = "Allocation failed" });

    public static IResult ChannelNotFound() => Error(StatusCodes.Status404NotFound, "Channel not found");

    public static IResult NotInStasis() => Error(StatusCodes.Status409Conflict, "Channel not in Stasis application");
}
