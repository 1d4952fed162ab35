namespace CallPing.Grains.Tests.Projects;

/// <summary>The project, API key and number tests share one silo.</summary>
[CollectionDefinition(Name)]
public sealed class ProjectsCollection : ICollectionFixture<ProjectsSilo>
{
    public const string Name = "projects";
}
