using CallPing.Silo.Tests.Cluster;
using CallPing.TestSupport;

[assembly: TestCollectionOrderer("CallPing.Silo.Tests.ClusterTestsFirst", "CallPing.Silo.Tests")]

namespace CallPing.Silo.Tests;

/// <summary>The cluster tests run one after another and are the longest collection: they start first.</summary>
public sealed class ClusterTestsFirst() : CollectionFirst(ClusterCollection.Name);
