using System.Text.Encodings.Web;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using CallPing.Grains;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Admin;
using CallPing.WebFrontend.Apis;
using CallPing.WebFrontend.Health;
using CallPing.WebFrontend.Http;
using CallPing.WebFrontend.OpenApi;
using CallPing.WebFrontend.Portal;
using CallPing.WebFrontend.Telemetry;

namespace CallPing.WebFrontend.Hosting;

/// <summary>What both hosts share: configuration, the grains' settings, the web role and the health probes. Each host adds Orleans itself (a silo, or a client).</summary>
public static class CallPingHost
{
    /// <summary>A builder with what both hosts share; <paramref name="defaultRoles"/> applies when Silo:Roles is not configured.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string defaultRoles)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new($"{SiloOptions.Section}:{nameof(SiloOptions.Roles)}", defaultRoles)],
        });
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddCallPingGrains();
        builder.AddCallPingTelemetry();
        builder.AddPbxSimulationDefault();
        builder.AddCallPingHealthChecks();
        builder.AddCallPingAccounts();
        builder.AddCallPingPortal();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddSingleton<AdminToken>();
        builder.Services.AddCallPingOpenApi();
        // JSON logs (Logging:Console:FormatterName=json) get a UTC timestamp and keep '+', quotes and non-ASCII readable:
        // they go to a log pipeline, never into an HTML page. Set here, not in appsettings, because the simple formatter
        // shares the FormatterOptions section and would glue a timestamp to its level.
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.JsonWriterOptions = options.JsonWriterOptions with { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            options.TimestampFormat ??= "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        builder.Services.LoadKeyRingAtFirstUse();
        return builder;
    }

    /// <summary>The roles configured for this process, read before the host is built (validated again at start).</summary>
    public static SiloRoles ConfiguredRoles(this WebApplicationBuilder builder) =>
        (builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions()).ParsedRoles;

    /// <summary>Maps the health probes, which every process serves, and the web role's endpoints when it has that role.</summary>
    public static WebApplication MapCallPing(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseServiceUnavailableUntilJoined();
        app.UseCallPingAccounts();
        app.MapHealthApi();
        app.MapCallPingMetrics();
        if (app.Services.GetRequiredService<IOptions<SiloOptions>>().Value.ParsedRoles.HasFlag(SiloRoles.Web))
        {
            app.MapWebRoleApis();
            app.MapCallPingOpenApi();
            app.MapAdminDashboard();
            app.MapCallPingPortal();
        }

        return app;
    }
}
