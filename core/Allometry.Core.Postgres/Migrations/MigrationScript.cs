namespace Allometry.Core.Postgres.Migrations;

using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>One forward-only schema change: <c>Migrations/NNNN_description.sql</c>, embedded in this assembly.</summary>
/// <param name="Version">The NNNN prefix; versions are contiguous from 1.</param>
/// <param name="Name">The file name, e.g. <c>0003_ledger.sql</c>.</param>
/// <param name="Sql">The script, line endings normalised to LF.</param>
public sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of <see cref="Sql"/> in lowercase hex: an applied script must never change.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>The scripts embedded in Allometry.Core.Postgres, ordered by version and validated.</summary>
    public static IReadOnlyList<MigrationScript> Embedded { get; } = LoadEmbedded();

    /// <summary>Checks names (<c>^\d{4}_[a-z0-9_]+\.sql$</c>) and that versions run 1, 2, 3… without gaps or repeats.</summary>
    /// <exception cref="MigrationException">A name or the numbering is wrong.</exception>
    public static IReadOnlyList<MigrationScript> Validate(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Version).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var script = ordered[i];
            if (!NamePattern().IsMatch(script.Name))
            {
                throw new MigrationException($"Migration '{script.Name}' is not named NNNN_description.sql (lowercase letters, digits and underscores).");
            }
            if (script.Version != i + 1)
            {
                throw new MigrationException($"Migration '{script.Name}' has version {script.Version}, expected {i + 1}: versions must run 1, 2, 3… without gaps or repeats.");
            }
        }
        return ordered;
    }

    /// <summary>Makes a script from a file name and its text; the version is the name's prefix.</summary>
    public static MigrationScript FromFile(string name, string sql)
    {
        var match = NamePattern().Match(name);
        if (!match.Success)
        {
            throw new MigrationException($"Migration '{name}' is not named NNNN_description.sql (lowercase letters, digits and underscores).");
        }
        var version = int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return new MigrationScript(version, name, sql.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static List<MigrationScript> LoadEmbedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        const string prefix = "Allometry.Core.Postgres.Migrations.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new MigrationException($"Embedded migration '{resource}' cannot be opened.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(FromFile(resource[prefix.Length..], reader.ReadToEnd()));
        }
        return [.. Validate(scripts)];
    }

    [GeneratedRegex(@"^(?<version>\d{4})_[a-z0-9_]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
