using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Tests.Projects;

/// <summary>Creating a project: what is kept, and which field a bad request names.</summary>
[Collection(ProjectsCollection.Name)]
public sealed class ProjectCreateTests(ProjectsSilo silo)
{
    [Fact]
    public async Task CreateAsync_ValidRequest_KeepsTrimmedNameContactsInOrderAndDefaultPolicy()
    {
        var id = ProjectRequests.NewId();

        await silo.Project(id).CreateAsync(new CreateProjectRequest("  Web shop  ", ["+15550101", "+15550100", "+4915112345678"]));

        var view = await silo.Project(id).GetAsync();
        Assert.NotNull(view);
        Assert.Equal(id, view.ProjectId);
        Assert.Equal("Web shop", view.Name);
        Assert.Equal(["+15550101", "+15550100", "+4915112345678"], view.Contacts);
        Assert.Equal(EscalationPolicy.Default, view.Policy);
        Assert.Equal(silo.Silo.Time.GetUtcNow(), view.CreatedAt);
        Assert.Empty(view.ApiKeys);
    }

    [Fact]
    public async Task CreateAsync_PolicyGiven_IsKept()
    {
        var id = ProjectRequests.NewId();
        var policy = new EscalationPolicy(TimeSpan.FromSeconds(10), TimeSpan.Zero, 10);

        var created = await silo.Project(id).CreateAsync(ProjectRequests.Valid() with { Policy = policy });

        Assert.Equal(policy, created.Policy);
        Assert.Equal(policy, (await silo.Project(id).GetAsync())!.Policy);
    }

    [Fact]
    public async Task CreateAsync_EveryValueAtItsLimit_IsAccepted()
    {
        var id = ProjectRequests.NewId();
        var twenty = Enumerable.Range(0, 19).Select(i => $"+1555010{i:00}").Append("+123456789012345").ToList();
        var longest = new EscalationPolicy(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(30), 1);

        var created = await silo.Project(id).CreateAsync(new CreateProjectRequest(new string('n', 100), twenty, longest));

        Assert.Equal(100, created.Name.Length);
        Assert.Equal(twenty, created.Contacts);
        Assert.Equal(longest, created.Policy);
    }

    [Fact]
    public async Task GetAsync_NeverCreated_ReturnsNull()
    {
        var view = await silo.Project(ProjectRequests.NewId()).GetAsync();

        Assert.Null(view);
    }

    [Theory]
    [InlineData("empty name", "Name")]
    [InlineData("blank name", "Name")]
    [InlineData("101-character name", "Name")]
    [InlineData("no contacts", "Contacts")]
    [InlineData("21 contacts", "Contacts")]
    [InlineData("number without +", "Contacts")]
    [InlineData("number starting with +0", "Contacts")]
    [InlineData("7-digit number", "Contacts")]
    [InlineData("16-digit number", "Contacts")]
    [InlineData("duplicate number", "Contacts")]
    [InlineData("ring timeout 9 s", "RingTimeout")]
    [InlineData("ring timeout 121 s", "RingTimeout")]
    [InlineData("negative step delay", "StepDelay")]
    [InlineData("step delay 30 min 1 s", "StepDelay")]
    [InlineData("0 repeats", "Repeats")]
    [InlineData("11 repeats", "Repeats")]
    public async Task CreateAsync_BadInput_ThrowsNamingTheFieldAndStoresNothing(string mistake, string field)
    {
        var id = ProjectRequests.NewId();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => silo.Project(id).CreateAsync(WithMistake(mistake)));

        // Orleans carries an exception's message across, not its ParamName: the message is what names the field.
        Assert.EndsWith($"(Parameter '{field}')", error.Message);
        Assert.Null(await silo.Project(id).GetAsync());
    }

    [Fact]
    public async Task CreateAsync_BadNumber_MessageShowsOnlyItsLastFourDigits()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            silo.Project(ProjectRequests.NewId()).CreateAsync(new CreateProjectRequest("Web", ["+15550100", "+0123456789"])));

        Assert.Contains("Contact 2", error.Message);
        Assert.Contains("6789", error.Message);
        Assert.DoesNotContain("0123456789", error.Message);
    }

    [Fact]
    public async Task CreateAsync_ProjectExists_ThrowsAndKeepsTheFirst()
    {
        var id = ProjectRequests.NewId();
        await silo.Project(id).CreateAsync(ProjectRequests.Valid());

        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Project(id).CreateAsync(new CreateProjectRequest("Other", ["+15550199"])));

        var view = await silo.Project(id).GetAsync();
        Assert.Equal("Web shop", view!.Name);
        Assert.Equal(ProjectRequests.TwoContacts, view.Contacts);
    }

    private static CreateProjectRequest WithMistake(string mistake)
    {
        var valid = ProjectRequests.Valid();
        var policy = EscalationPolicy.Default;
        return mistake switch
        {
            "empty name" => valid with { Name = "" },
            "blank name" => valid with { Name = "   " },
            "101-character name" => valid with { Name = new string('a', 101) },
            "no contacts" => valid with { Contacts = [] },
            "21 contacts" => valid with { Contacts = [.. Enumerable.Range(0, 21).Select(i => $"+1555010{i:00}")] },
            "number without +" => valid with { Contacts = ["15550100"] },
            "number starting with +0" => valid with { Contacts = ["+05550100"] },
            "7-digit number" => valid with { Contacts = ["+1555010"] },
            "16-digit number" => valid with { Contacts = ["+1555010012345678"] },
            "duplicate number" => valid with { Contacts = ["+15550100", "+15550101", "+15550100"] },
            "ring timeout 9 s" => valid with { Policy = policy with { RingTimeout = TimeSpan.FromSeconds(9) } },
            "ring timeout 121 s" => valid with { Policy = policy with { RingTimeout = TimeSpan.FromSeconds(121) } },
            "negative step delay" => valid with { Policy = policy with { StepDelay = TimeSpan.FromSeconds(-1) } },
            "step delay 30 min 1 s" => valid with { Policy = policy with { StepDelay = TimeSpan.FromSeconds(1801) } },
            "0 repeats" => valid with { Policy = policy with { Repeats = 0 } },
            "11 repeats" => valid with { Policy = policy with { Repeats = 11 } },
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "Unknown mistake."),
        };
    }
}
