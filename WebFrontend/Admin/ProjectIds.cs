using System.Security.Cryptography;
using System.Text;

namespace CallPing.WebFrontend.Admin;

/// <summary>New project ids: a readable slug of the name and 6 random hex digits ("web-shop-3fa9c1").</summary>
public static class ProjectIds
{
    private const int MaxSlugLength = 40;

    public static string New(string? name) => $"{Slug(name)}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";

    /// <summary>Lowercase ASCII letters and digits, runs of anything else as one dash; "project" when nothing is left.</summary>
    public static string Slug(string? name)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? "").Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= MaxSlugLength)
            {
                break;
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length > 0 ? text : "project";
    }
}
