namespace CallPing.PbxSimulator;

/// <summary>Runs one simulated PBX: --port, --user, --password, --trunk. Start several for a fleet.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (SimulatorCommandLine.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync("usage: CallPing.PbxSimulator [--port N] [--user U] [--password P] [--trunk NAME] [--host ADDR]");
            return 2;
        }

        await using var pbx = new SimulatedPbx(options);
        await pbx.StartAsync();
        Console.WriteLine($"PBX simulator (trunk {options.Trunk}) listening on {pbx.BaseUrl}ari");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
        await stop.Task;
        return 0;
    }
}
