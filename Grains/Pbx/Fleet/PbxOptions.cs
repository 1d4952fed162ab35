using System.ComponentModel.DataAnnotations;

namespace CallPing.Grains.Pbx.Fleet;

/// <summary>
/// The PBX fleet and how it is driven (configuration section "Pbx"). An empty fleet is simulated only when
/// <see cref="Simulate"/> is true, so that a paging service never calls fake phones by accident.
/// </summary>
public sealed class PbxOptions : IValidatableObject
{
    public const string Section = "Pbx";

    public List<PbxEndpointOptions> Fleet { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Pbx:{0} must be between {1} and {2}.")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Pbx:Simulate: with no Pbx:Fleet, run the simulated fleet (no real phone rings). Unset, the host makes it true in the
    /// Development environment and false elsewhere; a process that stays unset places no call.
    /// </summary>
    public bool? Simulate { get; set; }

    /// <summary>
    /// Pbx:MediaBaseUrl: where the PBXes reach CallPing's web role for spoken prompts (e.g. http://callping.internal:8080),
    /// the start of every media URL. Unset, calls play Asterisk's core sounds instead of speaking.
    /// </summary>
    public string? MediaBaseUrl { get; set; }

    public bool IsSimulated => Fleet.Count == 0 && Simulate == true;

    /// <summary>No PBX is configured and none is simulated: no call can be placed.</summary>
    public bool HasNoPbx => Fleet.Count == 0 && Simulate != true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Fleet.Count; i++)
        {
            var pbx = Fleet[i];
            var key = $"Pbx:Fleet:{i}";
            foreach (var (name, value) in new[] { ("Id", pbx.Id), ("Provider", pbx.Provider), ("User", pbx.User), ("Password", pbx.Password), ("App", pbx.App) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return new ValidationResult($"{key}:{name} is required.");
                }
            }

            if (!Uri.TryCreate(pbx.AriBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"{key}:AriBaseUrl must be an absolute http(s) URL (got '{pbx.AriBaseUrl}').");
            }

            if (!pbx.DialEndpoint.Contains("{number}", StringComparison.Ordinal))
            {
                yield return new ValidationResult($"{key}:DialEndpoint must contain {{number}}, e.g. PJSIP/{{number}}@trunk-a (got '{pbx.DialEndpoint}').");
            }
        }

        if (!string.IsNullOrEmpty(MediaBaseUrl)
            && (!Uri.TryCreate(MediaBaseUrl, UriKind.Absolute, out var media) || media.Scheme is not ("http" or "https") || media.Query.Length > 0 || media.Fragment.Length > 0))
        {
            yield return new ValidationResult($"Pbx:MediaBaseUrl must be an absolute http(s) URL without query or fragment, as the PBXes reach CallPing's web role (got '{MediaBaseUrl}').");
        }

        foreach (var duplicate in Fleet.GroupBy(p => p.Id).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            yield return new ValidationResult($"Pbx:Fleet has two PBXes with the id '{duplicate.Key}'.");
        }
    }
}
