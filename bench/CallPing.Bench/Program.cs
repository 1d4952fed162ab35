using CallPing.Bench;

// dotnet run -c Release --project bench/CallPing.Bench -- <benchmark> [arguments]; see bench/README.md.
switch (args)
{
    case ["failover", ..]:
        await FailoverBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 200);
        return 0;
    case ["intake", var store, ..]:
        await IntakeBenchmark.RunAsync(store == "postgres", TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 10), workers: 32);
        return 0;
    case ["storm", var store, ..]:
        await StormBenchmark.RunAsync(store == "postgres", projects: 100, alerts: args.Length > 2 ? int.Parse(args[2]) : 10_000);
        return 0;
    case ["first-ring", var rate, ..]:
        await FirstRingBenchmark.RunAsync(double.Parse(rate), TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 10), speech: args.Contains("speech"));
        return 0;
    case ["speech", ..]:
        await SpeechBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100);
        return 0;
    case ["memory", ..]:
        await MemoryBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100_000);
        return 0;
    case ["activation-cost", ..]:
        await ActivationCost.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 100_000);
        return 0;
    default:
        Console.Error.WriteLine("usage: CallPing.Bench failover [calls] | intake sqlite|postgres [seconds] | storm sqlite|postgres [alerts] | first-ring <alerts/s> [seconds] [speech] | speech [texts] | memory [grains] | activation-cost [grains]");
        return 2;
}
