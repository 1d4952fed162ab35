namespace CallPing.Bench;

/// <summary>
/// CPU seconds used by the load tool (this process), the Silo process and the PostgreSQL server (its postmaster and
/// backends), read from /proc, so that a run shows which of the three the machine's cores went to.
/// </summary>
public sealed record CpuSplit(double Tool, double Silo, double Postgres)
{
    /// <summary>Linux's USER_HZ: /proc reports CPU time in these ticks.</summary>
    private const double TicksPerSecond = 100;

    public static CpuSplit Take(int siloProcessId, string? postgresDataFolder)
    {
        var postmaster = postgresDataFolder is null ? (int?)null : int.Parse(File.ReadLines(Path.Combine(postgresDataFolder, "postmaster.pid")).First());
        var postgres = 0.0;
        if (postmaster is { } pid)
        {
            postgres = Seconds(pid) + Directory.EnumerateDirectories("/proc").Select(Path.GetFileName)
                .Where(name => name!.All(char.IsAsciiDigit)).Select(name => int.Parse(name!))
                .Where(child => ParentOf(child) == pid).Sum(Seconds);
        }

        return new CpuSplit(Seconds(Environment.ProcessId), Seconds(siloProcessId), postgres);
    }

    public CpuSplit Since(CpuSplit before) => new(Tool - before.Tool, Silo - before.Silo, Postgres - before.Postgres);

    public override string ToString() =>
        $"CPU seconds: load tool {Tool:0.0}, silo {Silo:0.0}, PostgreSQL {Postgres:0.0}";

    /// <summary>User plus system time; 0 for a process that has gone meanwhile.</summary>
    private static double Seconds(int pid) => Fields(pid) is { } fields ? (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond : 0;

    private static int? ParentOf(int pid) => Fields(pid) is { } fields ? int.Parse(fields[1]) : null;

    /// <summary>The fields of /proc/{pid}/stat after the command name (state is [0], ppid [1], utime [11], stime [12]).</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
