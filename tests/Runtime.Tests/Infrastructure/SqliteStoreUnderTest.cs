namespace CallPing.Runtime.Tests.Infrastructure;

/// <summary>Each store is a fresh SQLite file in a temporary folder, removed with the fixture.</summary>
public sealed class SqliteStoreUnderTest : IStoreUnderTest, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "callping-tests", Guid.NewGuid().ToString("N"));

    public Dictionary<string, string?> NewStore() => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName,
    };

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
