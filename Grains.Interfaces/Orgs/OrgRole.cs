using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>A member's role in an organisation, in rising order of what it may do.</summary>
[GenerateSerializer, Alias("callping.OrgRole")]
[JsonConverter(typeof(OrgRoleJsonConverter))]
public enum OrgRole
{
    /// <summary>Sees everything in the organisation, acknowledges and resolves alerts, manages their own phone numbers.</summary>
    Member = 0,

    /// <summary>A member who also manages members (not owners), projects, numbers and keys.</summary>
    Admin = 1,

    /// <summary>Manages everything, owners included; deletes the organisation.</summary>
    Owner = 2,
}
