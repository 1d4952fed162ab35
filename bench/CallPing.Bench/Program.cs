using CallPing.Bench;

// dotnet run -c Release --project bench/CallPing.Bench -- failover [calls]
switch (args)
{
    case ["failover", ..]:
        await FailoverBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 200);
        return 0;
    default:
        Console.Error.WriteLine("usage: CallPing.Bench failover [calls]");
        return 2;
}
