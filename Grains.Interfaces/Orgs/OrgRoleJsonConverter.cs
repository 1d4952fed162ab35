using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallPing.Grains.Interfaces.Orgs;

/// <summary>Roles in JSON as "owner", "admin", "member"; numbers and unknown names are refused.</summary>
public sealed class OrgRoleJsonConverter() : JsonStringEnumConverter<OrgRole>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
