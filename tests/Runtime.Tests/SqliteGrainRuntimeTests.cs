using CallPing.Runtime.Storage;
using CallPing.Runtime.Tests.Infrastructure;

namespace CallPing.Runtime.Tests;

public sealed class SqliteGrainRuntimeTests(SqliteStoreUnderTest store) : GrainRuntimeTests(store), IClassFixture<SqliteStoreUnderTest>
{
    [Fact]
    public async Task SecondSilo_SameSqliteStore_IsRefusedNamingTheStore()
    {
        var storeSettings = await Store.NewStoreAsync();
        await StartSiloAsync(storeSettings);

        var error = await Assert.ThrowsAsync<StoreStartupException>(() => TestSilo.StartAsync(storeSettings));

        Assert.Contains(Path.Combine(storeSettings["Storage:DataFolder"]!, "callping.db"), error.Message);
        Assert.Contains("another silo", error.Message);
    }
}
