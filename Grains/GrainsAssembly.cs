using System.Reflection;

namespace CallPing.Grains;

/// <summary>Names this assembly for the grain runtime's type scan.</summary>
public static class GrainsAssembly
{
    public static Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
