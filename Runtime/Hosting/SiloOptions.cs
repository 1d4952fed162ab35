using System.ComponentModel.DataAnnotations;

namespace CallPing.Runtime.Hosting;

/// <summary>This process as a member of the cluster (configuration section "Silo").</summary>
public sealed class SiloOptions : IValidatableObject
{
    public const string Section = "Silo";

    /// <summary>Comma-separated roles: "web", "worker" or "web,worker".</summary>
    public string Roles { get; set; } = "web,worker";

    /// <summary>Unique id of this silo; defaults to host name, process id and a random suffix.</summary>
    public string? SiloId { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Silo:{0} must be between {1} and {2}.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A silo silent for longer than this is dead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ErrorMessage = "Silo:{0} must be between {1} and {2}.")]
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(15);

    public SiloRoles ParsedRoles => ParseRoles(Roles) ?? SiloRoles.None;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseRoles(Roles) is null or SiloRoles.None)
        {
            yield return new ValidationResult($"Silo:Roles must list web and/or worker, comma-separated (got '{Roles}').", [nameof(Roles)]);
        }

        if (DeadAfter <= HeartbeatInterval)
        {
            yield return new ValidationResult("Silo:DeadAfter must be longer than Silo:HeartbeatInterval.", [nameof(DeadAfter)]);
        }
    }

    private static SiloRoles? ParseRoles(string? roles)
    {
        var parsed = SiloRoles.None;
        foreach (var role in (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<SiloRoles>(role, ignoreCase: true, out var one) || one == SiloRoles.None || !Enum.IsDefined(one))
            {
                return null;
            }

            parsed |= one;
        }

        return parsed;
    }
}
