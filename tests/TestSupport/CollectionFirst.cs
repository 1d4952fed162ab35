using Xunit;
using Xunit.Abstractions;

namespace CallPing.TestSupport;

/// <summary>
/// Starts one named collection before the others, which keep their order. xUnit runs as many collections at a time as the
/// machine has cores, in the order given: a collection whose tests run one after another and together take longer than
/// any other must start first, or the end of the run waits on it alone while the other cores have nothing left to do.
/// </summary>
public abstract class CollectionFirst(string name) : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(collection => collection.DisplayName == name);
}
