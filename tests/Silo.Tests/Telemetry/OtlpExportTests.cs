using System.Collections.Concurrent;
using System.Net;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Telemetry;

/// <summary>OTLP export switched on the way operators switch it on: the standard OTEL_* variables of a real Silo process.</summary>
public sealed class OtlpExportTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();
    private readonly HttpListener _collector = new();
    private readonly ConcurrentQueue<string> _received = new();

    public void Dispose()
    {
        _collector.Close();
        _data.Dispose();
    }

    [Fact]
    public async Task OtelExporterOtlpEndpointSet_TracesAndMetricsArePostedThereAsOtlpProtobuf()
    {
        var collector = StartCollector();
        await using var silo = HostProcess.Start("Silo", new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = _data.Path,
            ["Admin:Token"] = PublicApi.AdminToken,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        });
        await silo.WaitUntilReadyAsync(Within);
        using var admin = new PublicApi(silo);
        var project = await admin.CreateProjectAsync("otlp", ["+15550100100"], ringTimeoutSeconds: 30, stepDelaySeconds: 60, repeats: 1);

        using var api = new PublicApi(silo, project.ApiKey);
        await api.TriggerAcceptedAsync("otlp", "Disk full on db-1");

        await Eventually.ReachesAsync(() => Task.FromResult(_received.ToHashSet()), paths => paths.Contains("POST /v1/traces application/x-protobuf")
            && paths.Contains("POST /v1/metrics application/x-protobuf"), Within, "traces and metrics at the collector");
    }

    /// <summary>An HTTP endpoint that answers every OTLP export with 200 and notes what it was sent.</summary>
    private Uri StartCollector()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _collector.Prefixes.Add(address.ToString());
        _collector.Start();
        _ = Task.Run(async () =>
        {
            while (_collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _collector.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                await context.Request.InputStream.CopyToAsync(Stream.Null);
                _received.Enqueue($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}");
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        return address;
    }
}
