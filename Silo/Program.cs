using CallPing.Silo.Commands;
using CallPing.Silo.Hosting;
using CallPing.WebFrontend.Hosting;

if (args is [SeedProjectCommand.Name, ..])
{
    return await SeedProjectCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

// The silo host: an Orleans silo with the worker modules, and the web role too in the single-node default (Silo:Roles = "web,worker").
return await StartupGuard.RunAsync(() =>
{
    var builder = CallPingHost.CreateBuilder(args, defaultRoles: "web,worker");
    builder.AddCallPingSilo();
    if (builder.ConfiguredRoles().HasFlag(SiloRoles.Worker))
    {
        builder.AddWorkerRole();
    }

    return builder.Build().MapCallPing();
});

/// <summary>Entry point, public so that tests can host it.</summary>
public partial class Program;
