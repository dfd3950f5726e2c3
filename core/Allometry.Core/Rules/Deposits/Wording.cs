namespace Allometry.Core.Rules.Deposits;

using System.Globalization;
using Allometry.Core.Localization;

/// <summary>
/// How the deposit, quote and renewal rules spell numbers: invariant in evidence ("1234.50",
/// "2026-11-20"), each language its own way in sentences ("$1,234.50" / "1 234,50 $", "30%" /
/// "30 %"). Dates stay ISO in both languages: unambiguous, and the form Quebec offices use.
/// </summary>
internal sealed record Wording(string Currency)
{
    private const char NoBreakSpace = '\u00A0';

    public static Wording For(RuleContext context) => new(context.Ledger.Meta.Currency);

    public string En(decimal amount) => MoneyFormat.Format(amount, Language.En, Currency);

    public string Fr(decimal amount) => MoneyFormat.Format(amount, Language.Fr, Currency);

    /// <summary>An amount as evidence records it: two decimals, invariant.</summary>
    public static string Amount(decimal amount) =>
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A percentage without trailing zeros, invariant ("50", "12.5"), for evidence.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string PercentEn(decimal pct) => Number(pct) + "%";

    public static string PercentFr(decimal pct) => Number(pct).Replace('.', ',') + NoBreakSpace + "%";

    public static string DaysEn(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string DaysFr(int days) => days is 0 or 1 ? $"{days} jour" : $"{days} jours";

    /// <summary>A share <paramref name="part"/>/<paramref name="whole"/> as a percentage rounded to hundredths.</summary>
    public static decimal Share(decimal part, decimal whole) =>
        whole == 0m ? 0m : decimal.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
