using CallPing.WebFrontend.Hosting;

// The web-only host: HTTP endpoints for a cluster whose worker silos run elsewhere.
return await StartupGuard.RunAsync(() =>
{
    var builder = CallPingHost.CreateBuilder(args, defaultRoles: "web");
    var roles = builder.ConfiguredRoles();
    if (roles.HasFlag(SiloRoles.Worker))
    {
        throw new InvalidOperationException("Silo:Roles includes worker, but the WebFrontend host serves the web role only; run the Silo host for worker roles.");
    }

    builder.AddCallPingClient();
    return builder.Build().MapCallPing();
});
