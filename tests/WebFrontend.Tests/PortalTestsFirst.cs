using CallPing.TestSupport;
using CallPing.WebFrontend.Tests.Portal;

[assembly: TestCollectionOrderer("CallPing.WebFrontend.Tests.PortalTestsFirst", "CallPing.WebFrontend.Tests")]

namespace CallPing.WebFrontend.Tests;

/// <summary>The portal tests share one browser, run one after another and are the longest collection: they start first.</summary>
public sealed class PortalTestsFirst() : CollectionFirst(PortalCollection.Name);
