using System.ComponentModel.DataAnnotations;

namespace CallPing.Grains.Pbx.Fleet;

/// <summary>The PBX fleet and how it is driven (configuration section "Pbx"). An empty fleet means a simulated one.</summary>
public sealed class PbxOptions : IValidatableObject
{
    public const string Section = "Pbx";

    public List<PbxEndpointOptions> Fleet { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Pbx:{0} must be between {1} and {2}.")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsSimulated => Fleet.Count == 0;

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

        foreach (var duplicate in Fleet.GroupBy(p => p.Id).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            yield return new ValidationResult($"Pbx:Fleet has two PBXes with the id '{duplicate.Key}'.");
        }
    }
}
