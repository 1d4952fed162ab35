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

        var needed = ProjectFolders(Path.Combine(RepositoryPaths.Root, host, $"CallPing.{host}.csproj"), PublishProperties(host));

        Assert.Contains(host, needed);
        Assert.All(needed, folder => Assert.Contains(folder, copied));
        Assert.Contains("Directory.Packages.props", copied);
    }

    [Fact]
    public void Dockerfile_Silo_PublishesWithoutThePbxSimulator()
    {
        var publish = Assert.Single(Lines("Silo"), l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        var copied = Lines("Silo").Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)).ToList();

        Assert.Equal("false", PublishProperties("Silo").GetValueOrDefault("IncludePbxSimulator"));
        Assert.Contains("-p:IncludePbxSimulator=false", publish);
        Assert.DoesNotContain(copied, l => l.Contains("PbxSimulator", StringComparison.Ordinal));
        Assert.DoesNotContain("PbxSimulator", ProjectFolders(Path.Combine(RepositoryPaths.Root, "Silo", "CallPing.Silo.csproj"), PublishProperties("Silo")));
        Assert.Contains("PbxSimulator", ProjectFolders(Path.Combine(RepositoryPaths.Root, "Silo", "CallPing.Silo.csproj"), new Dictionary<string, string>()));
    }

    /// <summary>The MSBuild properties the Dockerfile's "dotnet publish" sets with -p:Name=Value.</summary>
    private static Dictionary<string, string> PublishProperties(string host) =>
        Lines(host).Where(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal))
            .SelectMany(l => PublishProperty().Matches(l))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    private static List<string> Lines(string host) =>
        [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, host, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static List<string> Stages(string host) =>
        [.. Lines(host).Select(l => FromLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["image"].Value)];

    /// <summary>
    /// The repository folders of a project and everything it references, transitively. A reference in an ItemGroup with a
    /// condition on a property ("'$(Name)' == 'true'") counts when the property, from <paramref name="properties"/> or the
    /// project's own default, makes the condition hold.
    /// </summary>
    private static HashSet<string> ProjectFolders(string csproj, IReadOnlyDictionary<string, string> properties)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(csproj)]);
        while (pending.TryPop(out var project))
        {
            if (folders.Add(Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(project)!)))
            {
                var document = XDocument.Load(project);
                foreach (var reference in document.Descendants("ProjectReference").Where(r => Holds(r.Parent?.Attribute("Condition")?.Value, document, properties)))
                {
                    pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value)));
                }
            }
        }

        return folders;
    }

    private static bool Holds(string? condition, XDocument project, IReadOnlyDictionary<string, string> properties)
    {
        if (condition is null)
        {
            return true;
        }

        var match = PropertyCondition().Match(condition);
        Assert.True(match.Success, $"Unexpected condition on a ProjectReference: {condition}");
        var name = match.Groups["name"].Value;
        var value = properties.GetValueOrDefault(name)
            ?? project.Descendants(name).FirstOrDefault(p => p.Attribute("Condition")?.Value == $"'$({name})' == ''")?.Value ?? "";
        return (value == match.Groups["value"].Value) == (match.Groups["op"].Value == "==");
    }

    [GeneratedRegex(@"-p:(?<name>\w+)=(?<value>\S+)")]
    private static partial Regex PublishProperty();

    [GeneratedRegex(@"^'\$\((?<name>\w+)\)'\s*(?<op>==|!=)\s*'(?<value>[^']*)'$")]
    private static partial Regex PropertyCondition();

    [GeneratedRegex(@"^FROM\s+(--platform=\S+\s+)?(?<image>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
