namespace Allometry.Core.Diagnostics;

/// <summary>
/// Open receivables of one credit group: payers joined by parent, affiliate or successor links
/// in force on the as-of date, or a single payer with no such link.
/// </summary>
/// <param name="RootPayerId">The group's root (topmost parent; else the smallest id).</param>
/// <param name="Name">The root's name.</param>
/// <param name="Members">Every member with a balance or the root, largest balance first.</param>
/// <param name="OpenAr">The members' open balances.</param>
/// <param name="CreditLimit">The group's limit (tenant setting, else the root's own limit); null when none is known.</param>
public sealed record ExposureGroup(string RootPayerId, string Name, IReadOnlyList<ExposureMember> Members, decimal OpenAr, decimal? CreditLimit)
{
    /// <summary>More than one payer.</summary>
    public bool IsLinked => Members.Count > 1;

    /// <summary>Open AR above the credit limit.</summary>
    public bool OverLimit => CreditLimit is { } limit && OpenAr > limit;
}
