using CallPing.Grains.Projects;
using CallPing.Grains.Tests.Infrastructure;

namespace CallPing.Grains.Tests.Projects;

/// <summary>At most 5 calls to one number in any 10 minutes, whatever alerts ask for them.</summary>
[Collection(ProjectsCollection.Name)]
public sealed class NumberLimitTests(ProjectsSilo silo)
{
    [Fact]
    public async Task TryReserveCallAsync_SixCallsWithinTenMinutes_FirstFiveAllowedSixthRefused()
    {
        var number = NewNumber();
        var answers = new List<bool>();

        for (var i = 0; i < 6; i++)
        {
            answers.Add(await silo.Number(number).TryReserveCallAsync($"alert-{i % 2}"));
            silo.Silo.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([true, true, true, true, true, false], answers);
    }

    [Fact]
    public async Task TryReserveCallAsync_OldestCallTenMinutesOld_AllowsOneMoreThenRefusesAgain()
    {
        var number = NewNumber();
        await ReserveOnePerMinuteAsync(number, 5);

        // Calls at 0, 1, 2, 3 and 4 min; it is 5 min now.
        silo.Silo.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var justBeforeTenMinutes = await silo.Number(number).TryReserveCallAsync("storm");
        silo.Silo.Time.Advance(TimeSpan.FromSeconds(1));
        var atTenMinutes = await silo.Number(number).TryReserveCallAsync("storm");
        var rightAfter = await silo.Number(number).TryReserveCallAsync("storm");

        Assert.False(justBeforeTenMinutes);
        Assert.True(atTenMinutes);
        Assert.False(rightAfter);
    }

    [Fact]
    public async Task TryReserveCallAsync_AnotherNumberAtItsLimit_DoesNotCount()
    {
        var busy = NewNumber();
        await ReserveOnePerMinuteAsync(busy, 5);

        var other = await silo.Number(NewNumber()).TryReserveCallAsync("storm");

        Assert.True(other);
        Assert.False(await silo.Number(busy).TryReserveCallAsync("storm"));
    }

    [Fact]
    public async Task TryReserveCallAsync_AfterTheWindow_StoresOnlyTheCallsStillInIt()
    {
        var number = NewNumber();
        await ReserveOnePerMinuteAsync(number, 5);
        silo.Silo.Time.Advance(TimeSpan.FromMinutes(7));

        await silo.Number(number).TryReserveCallAsync("late");

        // Now 12 min: the calls at 0, 1 and 2 min have left the window.
        var stored = await silo.Silo.StoredStateAsync<NumberState>("number", number);
        Assert.Equal(["alert-3", "alert-4", "late"], stored!.Reservations.Select(r => r.AlertId));
    }

    [Fact]
    public async Task TryReserveCallAsync_TwentyAtOnce_ExactlyFiveReservedAndStored()
    {
        var number = NewNumber();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => silo.Number(number).TryReserveCallAsync($"storm-{i}")));

        // The reservations interleave and share writes; the limit and what is stored stay exact.
        Assert.Equal(5, answers.Count(a => a));
        var stored = await silo.Silo.StoredStateAsync<NumberState>("number", number);
        Assert.Equal(5, stored!.Reservations.Count);
        Assert.Equal(Enumerable.Range(0, 20).Where(i => answers[i]).Select(i => $"storm-{i}").Order(), stored.Reservations.Select(r => r.AlertId).Order());
    }

    private async Task ReserveOnePerMinuteAsync(string number, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await silo.Number(number).TryReserveCallAsync($"alert-{i}"));
            silo.Silo.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private static string NewNumber() => $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}";
}
