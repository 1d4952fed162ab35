using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Pbx;

namespace CallPing.Grains.Tests.Infrastructure;

/// <summary>A fleet given by the test, in the order the router should follow.</summary>
public sealed class TestPbxFleet(params PbxDescriptor[] pbxes) : IPbxFleet
{
    public IReadOnlyList<PbxDescriptor> All { get; } = pbxes;

    /// <summary>pbx-1 .. pbx-n, each on its own provider p1 .. pn.</summary>
    public static TestPbxFleet OnePerProvider(int count) =>
        new([.. Enumerable.Range(1, count).Select(i => new PbxDescriptor($"pbx-{i}", $"p{i}"))]);
}
