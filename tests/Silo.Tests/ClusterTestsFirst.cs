using CallPing.Silo.Tests.Cluster;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CallPing.Silo.Tests.ClusterTestsFirst", "CallPing.Silo.Tests")]

namespace CallPing.Silo.Tests;

/// <summary>
/// Starts the cluster collection before the others. Its tests run one after another and take longer together than any
/// other collection; xUnit runs two collections at a time in the order given, so starting it last made the whole run wait
/// for it alone, while starting it first lets the other collections share the second slot beside it.
/// </summary>
public sealed class ClusterTestsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(collection => collection.DisplayName == ClusterCollection.Name);
}
