using CallPing.Grains.Interfaces.Models;

namespace CallPing.Grains.Tests.Projects;

/// <summary>Valid requests and fresh ids, so that each test changes only what it is about.</summary>
public static class ProjectRequests
{
    public static readonly string[] TwoContacts = ["+15550100", "+442071838750"];

    public static string NewId() => $"p-{Guid.NewGuid():N}";

    public static CreateProjectRequest Valid() => new("Web shop", TwoContacts);
}
