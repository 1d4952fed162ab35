namespace CallPing.PbxSimulator.Recording;

/// <summary>One originate request as the simulator received it, whatever it answered.</summary>
/// <param name="ChannelId">The channel id asked for (or generated).</param>
/// <param name="Endpoint">As given, e.g. "PJSIP/+15550100@trunk-a".</param>
/// <param name="Number">The dialled number parsed out of the endpoint; "" if it could not be.</param>
/// <param name="App">Stasis application.</param>
/// <param name="AppArgs">Split on commas.</param>
/// <param name="CallerId">As given.</param>
/// <param name="Variables">From the JSON body.</param>
/// <param name="StatusCode">What the simulator answered: 200, 400, 409, 500.</param>
/// <param name="At">When it arrived.</param>
public sealed record OriginateRecord(
    string ChannelId,
    string Endpoint,
    string Number,
    string App,
    IReadOnlyList<string> AppArgs,
    string? CallerId,
    IReadOnlyDictionary<string, string> Variables,
    int StatusCode,
    DateTimeOffset At);
