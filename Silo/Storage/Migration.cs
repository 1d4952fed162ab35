using System.Globalization;
using System.Reflection;

namespace CallPing.Silo.Storage;

/// <summary>One embedded script: its version is the number its file name starts with.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    public static List<Migration> Load(string dialect)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"CallPing.Silo.Storage.Migrations.{dialect}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^".sql".Length];
                return new Migration(int.Parse(name.Split('_')[0], CultureInfo.InvariantCulture), name, Read(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
