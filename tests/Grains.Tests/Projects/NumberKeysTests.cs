using CallPing.Grains.Projects;

namespace CallPing.Grains.Tests.Projects;

/// <summary>A number's limit grain is found by a key that does not show the number, the same in every process of the cluster.</summary>
[Collection(ProjectsCollection.Name)]
public sealed class NumberKeysTests(ProjectsSilo silo)
{
    [Fact]
    public async Task GrainOf_SameNumberInTwoProcesses_SameGrainWhoseKeyShowsNoneOfTheNumber()
    {
        var number = $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}";

        var key = (await silo.Silo.NumberGrainAsync(number)).GetPrimaryKeyString();
        var otherProcess = (await new NumberKeys(silo.Silo.Grains).GrainOfAsync(number)).GetPrimaryKeyString();
        var otherNumber = (await silo.Silo.NumberGrainAsync(number + "1")).GetPrimaryKeyString();

        Assert.Equal(key, otherProcess);
        Assert.NotEqual(key, otherNumber);
        Assert.DoesNotContain(number[^7..], key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallReserved_ItsStoredRow_ShowsNoneOfTheNumber()
    {
        var number = $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}";

        Assert.True(await (await silo.Silo.NumberGrainAsync(number)).TryReserveCallAsync("alert-1"));

        var rows = await silo.StoredRowsAsync();
        Assert.Contains(rows, r => r.StateName == "number" && r.Json.Contains("alert-1", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Key.Contains(number[^7..], StringComparison.Ordinal) || r.Json.Contains(number[^7..], StringComparison.Ordinal));
    }
}
