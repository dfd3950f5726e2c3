namespace Allometry.Core.Postgres.Exceptions.Screening;

using System.Reflection;

/// <summary>Every screen this build ships, discovered like the rules (one file adds one screen).</summary>
public static class RuleScreens
{
    private static readonly Lazy<IReadOnlyList<IRuleScreen>> Discovered = new(Discover);

    /// <summary>The screens, ordered by type name.</summary>
    public static IReadOnlyList<IRuleScreen> All => Discovered.Value;

    private static IReadOnlyList<IRuleScreen> Discover() =>
    [
        .. typeof(IRuleScreen).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRuleScreen).IsAssignableFrom(t)
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IRuleScreen)Activator.CreateInstance(t)!),
    ];
}
