namespace Allometry.Core.Rules.Retainage;

using System.Globalization;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// How the retainage rules spell values: each language its own way for money in sentences
/// ("$1,234.56" / "1 234,56 $"), invariant in evidence ("1234.56"), and ISO dates everywhere —
/// unambiguous, and the form Quebec offices use.
/// </summary>
internal sealed record RetainageText(string Currency)
{
    public static RetainageText For(RuleContext context) => new(context.Ledger.Meta.Currency);

    public string En(decimal amount) => MoneyFormat.Format(amount, Language.En, Currency);

    public string Fr(decimal amount) => MoneyFormat.Format(amount, Language.Fr, Currency);

    /// <summary>An amount as evidence records it: two decimals, invariant.</summary>
    public static string Amount(decimal amount) =>
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DaysEn(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string DaysFr(int days) => days is 0 or 1 ? $"{days} jour" : $"{days} jours";

    /// <summary>The project as a card names it: its name, or its id when the projects sheet is absent.</summary>
    public static string Name(Project? project, string projectId) => project?.Name ?? projectId;

    /// <summary>Who the follow-up goes to: the current payer when the project names one.</summary>
    public static string? PayerOf(Project? project) => project?.CurrentPayerId ?? project?.ContractPayerId;
}
