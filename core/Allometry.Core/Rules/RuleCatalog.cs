namespace Allometry.Core.Rules;

using System.Reflection;

/// <summary>
/// Every rule this build ships: the concrete <see cref="IRule"/> classes of the core assembly with
/// a public parameterless constructor, ordered by id. Discovery keeps adding a rule to one new
/// file, with no registration list to forget.
/// </summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<IRule>> Discovered = new(Discover);

    public static IReadOnlyList<IRule> All => Discovered.Value;

    public static IRule? Find(string ruleId) => All.FirstOrDefault(r => r.Id == ruleId);

    public static RuleEngine CreateEngine() => new(All);

    private static IReadOnlyList<IRule> Discover() =>
    [
        .. typeof(IRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t)
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(t => (IRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Id, StringComparer.Ordinal),
    ];
}
