using System.Diagnostics.Metrics;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Telemetry;
using CallPing.Grains.Tests.Infrastructure;

namespace CallPing.Grains.Tests;

/// <summary>callping_pbx_health follows the PBX's status at every change, not at its next ping (issue 10, finding 10).</summary>
public sealed class PbxHealthMetricTests() : SiloTest(new TestPbxFleet(new PbxDescriptor(PbxId, "p1")))
{
    /// <summary>The gauge is process-wide: a PBX id no other test uses.</summary>
    private const string PbxId = "pbx-health-metric";

    [Fact]
    public async Task Finding10_TrunkFailuresDegradeAHealthyPbx_GaugeSaysDegradedBeforeAnyPing()
    {
        await Silo.BringUpAsync(PbxId, "p1");
        var before = ReportedStatus();

        for (var i = 0; i < 3; i++)
        {
            await Silo.TrunkFailureAsync(PbxId);
        }

        Assert.Equal("healthy", before);
        Assert.Equal(PbxStatus.Degraded, await Silo.StatusAsync(PbxId));
        Assert.Equal("degraded", ReportedStatus());
    }

    [Fact]
    public async Task Finding10_SocketDropsOnAHealthyPbx_GaugeSaysDownBeforeAnyPing()
    {
        await Silo.BringUpAsync(PbxId, "p1");

        await Silo.DisconnectAsync(PbxId);

        Assert.Equal("down", ReportedStatus());
    }

    /// <summary>The status whose callping.pbx.health series reads 1 for this PBX, as a scrape would see it now.</summary>
    private static string? ReportedStatus()
    {
        string? status = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CallPingMetrics.MeterName && instrument.Name == "callping.pbx.health")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            var labels = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (value == 1 && labels["pbx"] == PbxId)
            {
                status = labels["status"];
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return status;
    }
}
