using System.Text.RegularExpressions;
using System.Xml.Linq;
using CallPing.TestSupport;

namespace CallPing.Silo.Tests.Deploy;

/// <summary>
/// The hosts' Dockerfiles, checked as files: no container engine runs where the tests run, so the images are not built here.
/// </summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("Silo")]
    [InlineData("WebFrontend")]
    public void Dockerfile_Host_BuildsWithSdkAndRunsOnAspnetRuntime(string host)
    {
        var stages = Stages(host);

        Assert.True(stages.Count >= 2, $"{host}/Dockerfile has {stages.Count} stage(s)");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1]);
        Assert.Contains($"COPY --from=", Lines(host).SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).First(l => l.StartsWith("COPY", StringComparison.Ordinal)));
        Assert.Contains(Lines(host), l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains($"CallPing.{host}.dll", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Silo")]
    [InlineData("WebFrontend")]
    public void Dockerfile_FinalStage_RunsAsNonRootUserOnPort8080WithoutDiagnostics(string host)
    {
        var final = Lines(host).SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        var text = string.Join("\n", final);

        var user = Assert.Single(final, l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();

        Assert.DoesNotMatch("^(root|0)(:.*)?$", user);
        Assert.Equal("1654", user);
        Assert.Contains("Urls=http://+:8080", text);
        Assert.Contains("DOTNET_EnableDiagnostics=0", text);
    }

    [Theory]
    [InlineData("Silo")]
    [InlineData("WebFrontend")]
    public void Dockerfile_BuildStage_CopiesEveryProjectTheHostReferences(string host)
    {
        var copied = Lines(host).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).Select(s => s.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);

        var needed = ProjectFolders(Path.Combine(RepositoryPaths.Root, host, $"CallPing.{host}.csproj"));

        Assert.Contains(host, needed);
        Assert.All(needed, folder => Assert.Contains(folder, copied));
        Assert.Contains("Directory.Packages.props", copied);
    }

    private static List<string> Lines(string host) =>
        [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, host, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static List<string> Stages(string host) =>
        [.. Lines(host).Select(l => FromLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["image"].Value)];

    /// <summary>The repository folders of a project and everything it references, transitively.</summary>
    private static HashSet<string> ProjectFolders(string csproj)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(csproj)]);
        while (pending.TryPop(out var project))
        {
            if (folders.Add(Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(project)!)))
            {
                foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                {
                    pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value)));
                }
            }
        }

        return folders;
    }

    [GeneratedRegex(@"^FROM\s+(--platform=\S+\s+)?(?<image>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
