namespace CallPing.WebFrontend.Tests.Infrastructure;

/// <summary>One app for the end-to-end tests that need no settings of their own; each test makes its own project and key.</summary>
[CollectionDefinition(Name)]
public sealed class SharedIntakeApp : ICollectionFixture<SharedIntakeApp.App>
{
    public const string Name = "intake app";

    /// <summary>The app with default settings.</summary>
    public sealed class App() : IntakeApp(new Dictionary<string, string?>());
}
