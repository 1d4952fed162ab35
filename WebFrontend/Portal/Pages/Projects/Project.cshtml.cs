using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using CallPing.Grains.Interfaces.Models;
using CallPing.Grains.Interfaces.Orgs;
using CallPing.Grains.Interfaces.Phones;
using CallPing.Grains.Interfaces.Projects;
using CallPing.WebFrontend.Accounts;
using CallPing.WebFrontend.Orgs;

namespace CallPing.WebFrontend.Portal.Pages.Projects;

/// <summary>
/// A project: its escalation policy (edited by owners and admins through the API), a test alert (any member), and how
/// to point monitoring at its intake, with the intake URLs of this CallPing filled in.
/// </summary>
public sealed class ProjectModel(IGrainFactory grains, OrgScopes scopes, IOptions<AccountOptions> accounts) : OrgScopedPageModel(grains, scopes)
{
    /// <summary>Stands for the key in the snippets, to be replaced with one from the API keys page.</summary>
    public const string KeyPlaceholder = "cp_live_YOUR_KEY";

    [BindProperty(SupportsGet = true)]
    public string ProjectId { get; set; } = "";

    /// <summary>Which change the page shows the outcome of ("policy"), after the form that made it reloaded it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public ProjectView Project { get; private set; } = null!;

    public string OrgName { get; private set; } = "";

    /// <summary>Every phone number of every member, as a contact the policy may call.</summary>
    public IReadOnlyList<ContactChoice> Choices { get; private set; } = [];

    /// <summary>The policy's contacts in call order; a number its member deleted shows as such.</summary>
    public IReadOnlyList<ContactChoice> Contacts { get; private set; } = [];

    /// <summary>Where this CallPing is reached from outside (Accounts:PublicBaseUrl), as the mailed links are.</summary>
    public Uri PublicBaseUrl => accounts.Value.PublicBaseUrl;

    public string IntakeUrl(string path) => new Uri(PublicBaseUrl, path.TrimStart('/')).ToString();

    protected override async Task<IActionResult> LoadAsync()
    {
        if (await Grains.GetGrain<IProjectGrain>(ProjectId).GetAsync() is not { } project
            || await Grains.GetGrain<IOrganizationGrain>(Access.OrgId).GetAsync() is not { } org)
        {
            return NotFound();
        }

        Project = project;
        OrgName = org.Name;
        Choices = [.. (await OrgContacts.ListAsync(Grains, Access.OrgId)).Select(ContactChoice.Of)];
        Contacts = [.. (project.PolicyContacts ?? []).Select(c =>
            Choices.FirstOrDefault(choice => choice.UserId == c.UserId && choice.PhoneNumberId == c.PhoneNumberId)
            ?? new ContactChoice(c.UserId, c.PhoneNumberId, "a number no longer there (skipped)"))];
        return Page();
    }

    /// <summary>One member's phone number as the policy editor offers it (from the API's contact list): its value is the API's contact object.</summary>
    public sealed record ContactChoice(string UserId, string PhoneNumberId, string Text)
    {
        public string Value => JsonSerializer.Serialize(new { userId = UserId, phoneNumberId = PhoneNumberId });

        public static ContactChoice Of(OrgContact contact)
        {
            var state = contact.Status != PhoneNumberStatus.Verified ? "not verified: skipped" : contact.Active ? "verified" : "off: skipped";
            return new(contact.UserId, contact.PhoneNumberId, $"{contact.Email}: {contact.Number} {contact.Label} ({state})");
        }
    }
}
