using System.Reflection;

namespace CallPing.TestSupport;

/// <summary>Finds the repository and the built hosts from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>"Debug" or "Release": the hosts are run in the configuration the tests were built in.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built DLL of a host project by its folder, e.g. HostDll("Silo") or HostDll("tests/ClusterNode").</summary>
    public static string HostDll(string projectFolder)
    {
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", $"CallPing.{Path.GetFileName(projectFolder)}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectFolder} first; {path} is missing.");
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
