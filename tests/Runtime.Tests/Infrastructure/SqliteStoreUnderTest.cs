using CallPing.TestSupport;

namespace CallPing.Runtime.Tests.Infrastructure;

/// <summary>Each store is a fresh SQLite file in a temporary folder, removed with the fixture.</summary>
public sealed class SqliteStoreUnderTest : IStoreUnderTest, IDisposable
{
    private readonly TempFolder _root = new();

    public Task<Dictionary<string, string?>> NewStoreAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = Directory.CreateDirectory(Path.Combine(_root.Path, Guid.NewGuid().ToString("N"))).FullName,
    });

    public void Dispose() => _root.Dispose();
}
