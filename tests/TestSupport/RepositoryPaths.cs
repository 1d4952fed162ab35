namespace CallPing.TestSupport;

/// <summary>Finds the repository and the built hosts from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>"Debug" or "Release": the hosts are run in the configuration the tests were built in.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory).Parent?.Parent?.Name is "Release" ? "Release" : "Debug";

    /// <summary>The built DLL of a host project, e.g. HostDll("Silo").</summary>
    public static string HostDll(string project)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", $"CallPing.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first; {path} is missing.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallPing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CallPing.sln above {AppContext.BaseDirectory}.");
    }
}
