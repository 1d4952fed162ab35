using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CallPing.WebFrontend.Hosting;

/// <summary>This process in the cluster (configuration section "Silo"): its roles and where Orleans listens.</summary>
public sealed class SiloOptions : IValidatableObject
{
    public const string Section = "Silo";

    /// <summary>Comma-separated roles: "web", "worker" or "web,worker".</summary>
    public string Roles { get; set; } = "web,worker";

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    [Required(ErrorMessage = "Silo:ClusterId is required.")]
    public string ClusterId { get; set; } = "callping";

    /// <summary>Names the service's stored state and reminders; keep it across deployments.</summary>
    [Required(ErrorMessage = "Silo:ServiceId is required.")]
    public string ServiceId { get; set; } = "callping";

    [Range(1, 65535, ErrorMessage = "Silo:{0} must be a port number.")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "Silo:{0} must be a port number.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address other silos and clients reach this silo at (the pod's IP in Kubernetes); 127.0.0.1 when unset.</summary>
    public string? AdvertisedAddress { get; set; }

    public SiloRoles ParsedRoles => ParseRoles(Roles) ?? SiloRoles.None;

    public IPAddress AdvertisedIp => IPAddress.TryParse(AdvertisedAddress, out var ip) ? ip : IPAddress.Loopback;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseRoles(Roles) is null or SiloRoles.None)
        {
            yield return new ValidationResult($"Silo:Roles must list web and/or worker, comma-separated (got '{Roles}').", [nameof(Roles)]);
        }

        if (!string.IsNullOrWhiteSpace(AdvertisedAddress) && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"Silo:AdvertisedAddress must be an IP address (got '{AdvertisedAddress}').", [nameof(AdvertisedAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult("Silo:SiloPort and Silo:GatewayPort must differ.", [nameof(GatewayPort)]);
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
