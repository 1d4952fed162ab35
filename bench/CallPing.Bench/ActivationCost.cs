using CallPing.Grains.Interfaces.Alerts;
using CallPing.Grains.Interfaces.Speech;
using CallPing.TestSupport.Pbx;

namespace CallPing.Bench;

/// <summary>
/// Where an idle alert grain's memory goes: managed heap bytes per activation, measured in one in-process worker silo
/// (after full collections), of a grain with no stored state (the speech grain asked for audio it never rendered: about
/// what Orleans itself costs per activation) and of the alert grain (an alert looked up by id, none stored: its state
/// read, nothing found).
/// </summary>
public static class ActivationCost
{
    public static async Task RunAsync(int grains)
    {
        await using var fleet = await SimulatorFleet.StartAsync();
        await using var silo = await WorkerSilo.StartAsync(fleet.Settings());
        var empty = await BytesPerActivationAsync(grains, i => silo.Grains.GetGrain<ISpeechGrain>($"s{i}").GetAudioAsync());
        var alert = await BytesPerActivationAsync(grains, i => silo.Grains.GetGrain<IAlertGrain>($"a{i:x16}").GetAsync());
        Console.WriteLine($"| managed heap per activation, {grains:N0} of each in one silo | a grain with no stored state (speech): {empty:0} bytes; the alert grain: {alert:0} bytes |");
    }

    private static async Task<double> BytesPerActivationAsync(int grains, Func<int, Task> activate)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < grains; i = Interlocked.Increment(ref next))
            {
                await activate(i);
            }
        })));
        await Task.Delay(2000);
        return (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)grains;
    }
}
