namespace Allometry.Core.Rules.Collections;

using System.Globalization;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>Wording and invariant values shared by the collections rules' cards and evidence.</summary>
internal static class CollectionsText
{
    /// <summary>Money as each language writes it ($1,234.56 / 1 234,56 $).</summary>
    public static string Money(decimal amount, Language language) => MoneyFormat.Format(amount, language);

    /// <summary>An amount as evidence records it: invariant, two decimals ("1234.56").</summary>
    public static string Invariant(decimal amount) =>
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A date as both languages print it on a card and in evidence (ISO 8601).</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"1 day" / "12 days", "1 jour" / "12 jours".</summary>
    public static LocalizedText Days(int days) =>
        new(days == 1 ? "1 day" : $"{days} days", days is 0 or 1 ? $"{days} jour" : $"{days} jours");

    /// <summary>A percentage with one decimal: "23.4%" / "23,4 %".</summary>
    public static LocalizedText Percent(decimal percent)
    {
        var rounded = decimal.Round(percent, 1, MidpointRounding.AwayFromZero);
        return new(
            rounded.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            rounded.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') + "\u00A0%");
    }

    /// <summary>The payer's name with its id, or the id alone when the payers sheet does not know it.</summary>
    public static string Payer(LedgerSnapshot ledger, string payerId) =>
        ledger.Payer(payerId) is { } payer ? $"{payer.Name} ({payerId})" : payerId;
}
