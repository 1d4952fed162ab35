using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Tests.Infrastructure;

/// <summary>What a PBX driver reports, at the silo's current fake time, so tests read like the PBX's story.</summary>
public static class PbxSteps
{
    public const string Driver = "silo-a";

    public static Task ConnectAsync(this GrainSilo silo, string pbxId) =>
        silo.Pbx(pbxId).RecordConnectionAsync(new PbxConnection(silo.Time.GetUtcNow(), true, Driver, null));

    public static Task DisconnectAsync(this GrainSilo silo, string pbxId, string error = "socket closed") =>
        silo.Pbx(pbxId).RecordConnectionAsync(new PbxConnection(silo.Time.GetUtcNow(), false, Driver, error));

    public static Task GoodPingAsync(this GrainSilo silo, string pbxId) =>
        silo.Pbx(pbxId).RecordPingAsync(new PbxPing(silo.Time.GetUtcNow(), TimeSpan.FromMilliseconds(12), null));

    public static Task FailedPingAsync(this GrainSilo silo, string pbxId, string error = "connection refused") =>
        silo.Pbx(pbxId).RecordPingAsync(new PbxPing(silo.Time.GetUtcNow(), TimeSpan.FromSeconds(2), error));

    public static Task CallEndedAsync(this GrainSilo silo, string pbxId, CallOutcome outcome, int cause = 16, string? detail = null) =>
        silo.Pbx(pbxId).RecordCallOutcomeAsync(new PbxCallResult(silo.Time.GetUtcNow(), outcome, cause, detail));

    public static Task TrunkFailureAsync(this GrainSilo silo, string pbxId, int cause = 38) =>
        silo.CallEndedAsync(pbxId, CallOutcome.TrunkFailure, cause, "network out of order");

    /// <summary>Configured, socket connected, two good pings: the way a PBX becomes healthy.</summary>
    public static async Task BringUpAsync(this GrainSilo silo, string pbxId, string provider)
    {
        await silo.Pbx(pbxId).ConfigureAsync(new PbxConfiguration(provider));
        await silo.ConnectAsync(pbxId);
        await silo.GoodPingAsync(pbxId);
        await silo.GoodPingAsync(pbxId);
    }

    /// <summary>Brings up every PBX of the fleet on its configured provider.</summary>
    public static async Task BringUpFleetAsync(this GrainSilo silo, TestPbxFleet fleet)
    {
        foreach (var pbx in fleet.All)
        {
            await silo.BringUpAsync(pbx.PbxId, pbx.Provider);
        }
    }

    public static async Task<PbxStatus> StatusAsync(this GrainSilo silo, string pbxId) =>
        (await silo.Pbx(pbxId).GetHealthAsync()).Status;
}
