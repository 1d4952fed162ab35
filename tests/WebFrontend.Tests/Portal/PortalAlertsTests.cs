using Microsoft.Playwright;
using CallPing.PbxSimulator.Scripting;
using static Microsoft.Playwright.Assertions;

namespace CallPing.WebFrontend.Tests.Portal;

/// <summary>
/// A project's alert list and an alert's page on an app that places calls: monitoring raises an alert with the
/// project's key, and both pages follow it without a reload as its call rings, an owner acknowledges it on its page
/// and a member watches the list.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalAlertsTests(PortalFixture portal)
{
    [Fact]
    public async Task AlertPages_RaisedByIntake_AppearRingAndAreAcknowledgedAndResolvedLive()
    {
        var app = await portal.CallingAppAsync();
        await using var ownerTab = await portal.NewTabAsync(app.BaseAddress);
        await using var memberTab = await portal.NewTabAsync(app.BaseAddress);
        await PortalFixture.LogInAsync(ownerTab, await portal.SignedUpAsync(ownerTab));
        var memberEmail = await portal.SignedUpAsync(memberTab);
        await PortalFixture.LogInAsync(memberTab, memberEmail);
        var (orgId, projectId) = await CallingSteps.OrgWithProjectAsync(ownerTab, "Alerts Ltd", "Checkout");
        await CallingSteps.JoinAsync(portal, ownerTab, memberTab, orgId, memberEmail);
        var (number, phoneNumberId) = await CallingSteps.AddAndVerifyNumberAsync(ownerTab, app, "desk");
        app.Fleet.Script(number, PhoneScript.RingsWithoutAnswer());
        await CallingSteps.CallFirstAsync(ownerTab, projectId, phoneNumberId);
        var key = await CallingSteps.NewKeyAsync(ownerTab, projectId);
        await memberTab.GotoAsync($"/projects/{projectId}/alerts");
        var rows = memberTab.Page.Locator("#alerts tbody tr");
        await Expect(rows).ToHaveCountAsync(0);

        await CallingSteps.RaiseAsync(app, key, "Checkout answers 500");

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Checkout answers 500");
        await Expect(rows.Locator(".state")).ToHaveTextAsync("triggered");
        await ownerTab.GotoAsync($"/projects/{projectId}/alerts");
        await ownerTab.Page.GetByRole(AriaRole.Link, new() { Name = "Checkout answers 500" }).ClickAsync();
        await Expect(ownerTab.Page.Locator(".tries li").First).ToContainTextAsync("Ringing");
        // The simulated phone rings: the number's second call, after its verification call.
        Assert.Equal(2, app.Fleet.Pbxes.Sum(pbx => pbx.Log.Originates.Count(o => o.Number == number)));
        await ownerTab.AssertAccessibleAsync();
        await ownerTab.ScreenshotAsync("alert-ringing");
        await ownerTab.Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(ownerTab.Page.Locator("#alert-state")).ToHaveTextAsync("acknowledged");
        await Expect(rows.Locator(".state")).ToHaveTextAsync("acknowledged");
        await Expect(ownerTab.Page.Locator("#alert")).ToContainTextAsync("Acknowledged");
        await ownerTab.ScreenshotAsync("alert-acknowledged");
        await memberTab.AssertAccessibleAsync();
        await memberTab.ScreenshotAsync("alerts-acknowledged");
        await ownerTab.Page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();

        await Expect(ownerTab.Page.Locator("#alert-state")).ToHaveTextAsync("resolved");
        await Expect(rows.Locator(".state")).ToHaveTextAsync("resolved");
        await Expect(ownerTab.Page.GetByRole(AriaRole.Button, new() { Name = "Resolve" })).ToHaveCountAsync(0);
        ownerTab.AssertNoErrors();
        memberTab.AssertNoErrors();
    }

    [Fact]
    public async Task AlertPagesAndFeeds_ProjectOfAnotherOrganisation_NotFound()
    {
        var app = await portal.CallingAppAsync();
        await using var ownerTab = await portal.NewTabAsync(app.BaseAddress);
        await using var strangerTab = await portal.NewTabAsync(app.BaseAddress);
        await PortalFixture.LogInAsync(ownerTab, await portal.SignedUpAsync(ownerTab));
        await PortalFixture.LogInAsync(strangerTab, await portal.SignedUpAsync(strangerTab));
        var (_, projectId) = await CallingSteps.OrgWithProjectAsync(ownerTab, "Private Ltd", "Billing");
        var alertId = await CallingSteps.RaiseAsync(app, await CallingSteps.NewKeyAsync(ownerTab, projectId), "Billing is down");

        int[] statuses =
        [
            (await strangerTab.Page.GotoAsync($"/projects/{projectId}/alerts"))!.Status,
            (await strangerTab.Page.GotoAsync($"/projects/{projectId}/alerts/{alertId}"))!.Status,
            (await strangerTab.Page.APIRequest.GetAsync($"/live/projects/{projectId}/alerts")).Status,
            (await strangerTab.Page.APIRequest.GetAsync($"/live/alerts/{alertId}")).Status,
        ];

        Assert.Equal([404, 404, 404, 404], statuses);
    }
}
