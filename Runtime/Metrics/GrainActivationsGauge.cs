using System.Diagnostics.Metrics;
using CallPing.Runtime.Activation;

namespace CallPing.Runtime.Metrics;

/// <summary>
/// This host's live activations. Per host rather than static: its meter comes from the host's
/// <see cref="IMeterFactory"/>, so two silos in one test process each report their own catalog.
/// </summary>
public sealed class GrainActivationsGauge : IHostInstruments
{
    internal GrainActivationsGauge(IMeterFactory meters, GrainCatalog catalog)
    {
        var meter = meters.Create(RuntimeMetrics.MeterName);
        meter.CreateObservableGauge("callping.grain.activations", () => catalog.ActivationCount, "{activation}",
            "Grain activations in this process.");
    }
}
