using System.Reflection;

namespace CallPing.Runtime.Activation;

/// <summary>A grain implementation known to the runtime.</summary>
internal sealed record GrainType(string Name, Type Implementation, ConstructorInfo Constructor);
