namespace Allometry.Core.Postgres.People;

using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>
/// The sample operator's people on @borealis.example, one per role (two in finance, so a release
/// above the threshold can be approved), with their escalation chain. The project manager is
/// Priya Natarajan, who manages projects of the sample ledger.
/// </summary>
public static class SampleUsers
{
    /// <summary>Who the sample seeds: email, name, role, language.</summary>
    public static IReadOnlyList<(string Email, string Name, Role Role, Language Language)> People { get; } =
    [
        ("marie.tremblay@borealis.example", "Marie Tremblay", Role.Coordinator, Language.Fr),
        ("priya.natarajan@borealis.example", "Priya Natarajan", Role.ProjectManager, Language.En),
        ("jordan.smith@borealis.example", "Jordan Smith", Role.Finance, Language.En),
        ("nathalie.gagnon@borealis.example", "Nathalie Gagnon", Role.Finance, Language.Fr),
        ("claire.bouchard@borealis.example", "Claire Bouchard", Role.Executive, Language.Fr),
        ("alex.martin@borealis.example", "Alex Martin", Role.Viewer, Language.En),
    ];

    /// <summary>Adds the people to <paramref name="tenantId"/> (idempotent) with the chain finance → executive and the PM's manager.</summary>
    public static async Task<IReadOnlyList<InternalUser>> SeedAsync(UserStore users, string tenantId, CancellationToken ct)
    {
        var added = new List<InternalUser>();
        foreach (var (email, name, role, language) in People)
        {
            added.Add(await users.AddAsync(tenantId, email, name, role, language, ct));
        }
        await users.SetEscalationContactAsync(tenantId, Role.Finance, "jordan.smith@borealis.example", ct);
        await users.SetEscalationContactAsync(tenantId, Role.Executive, "claire.bouchard@borealis.example", ct);
        await users.SetManagerAsync(tenantId, "priya.natarajan@borealis.example", "marie.tremblay@borealis.example", ct);
        return added;
    }
}
