using CallPing.ClusterNode;
using CallPing.Runtime;
using CallPing.Runtime.Hosting;
using CallPing.Silo.Hosting;
using CallPing.TestSupport.Grains;
using CallPing.WebFrontend.Hosting;

return await StartupGuard.RunAsync(() =>
{
    var builder = CallPingHost.CreateBuilder(args, "web,worker", typeof(CounterGrain).Assembly);
    builder.AddWorkerRole();
    builder.Services.AddSingleton<IOutboxHandler, RecordedEffectHandler>();
    builder.Services.AddHostedService<SingletonLeaseContender>();
    var app = builder.Build().MapCallPing();
    app.MapControlApi();
    return app;
});
