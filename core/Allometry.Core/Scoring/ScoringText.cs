namespace Allometry.Core.Scoring;

using System.Globalization;
using Allometry.Core.Localization;

/// <summary>Numbers as the score's cards write them in each language.</summary>
internal static class ScoringText
{
    public static string Money(decimal amount, Language language) => MoneyFormat.Format(amount, language);

    /// <summary>An amount without its sign, for formulas: "84,210.00" / "84 210,00".</summary>
    public static string Number(decimal amount, Language language) => MoneyFormat.Number(amount, language);

    /// <summary>Points without trailing zeros: "17.5" / "17,5".</summary>
    public static string Points(decimal points, Language language)
    {
        var text = points.ToString("0.##", CultureInfo.InvariantCulture);
        return language == Language.Fr ? text.Replace('.', ',') : text;
    }

    public static LocalizedText Points(decimal points) => new(Points(points, Language.En), Points(points, Language.Fr));

    public static LocalizedText Days(int days) =>
        new(days == 1 ? "1 day" : $"{days} days", days is 0 or 1 ? $"{days} jour" : $"{days} jours");

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage with one decimal: "80.0%" / "80,0 %".</summary>
    public static LocalizedText Percent(decimal ratio)
    {
        var text = decimal.Round(ratio * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        return new(text + "%", text.Replace('.', ',') + "\u00A0%");
    }

    public static LocalizedText Tier(RiskTier tier) => tier switch
    {
        RiskTier.Critical => new("Critical", "Critique"),
        RiskTier.High => new("High", "Élevé"),
        RiskTier.Watch => new("Watch", "Surveillance"),
        _ => new("Low", "Faible"),
    };

    public static LocalizedText Name(RiskFactorKind kind) => kind switch
    {
        RiskFactorKind.OldestBeyondTerms => new("Oldest days beyond terms", "Plus ancien retard après l'échéance"),
        RiskFactorKind.PaymentHistory => new("Payment history (12 months)", "Historique de paiement (12 mois)"),
        RiskFactorKind.Trend => new("Trend (last 3 months)", "Tendance (3 derniers mois)"),
        RiskFactorKind.BrokenPromises => new("Broken promises (180 days)", "Promesses non tenues (180 jours)"),
        RiskFactorKind.Exposure => new("Exposure", "Exposition"),
        RiskFactorKind.ShortPayOrDispute => new("Short pay / dispute", "Paiement partiel / litige"),
        _ => new("Structural", "Facteurs structurels"),
    };

    public static LocalizedText Flag(StructuralFlag flag) => flag switch
    {
        StructuralFlag.PayerChangeOrLinkedExposure => new("payer change or linked-entity exposure", "changement de payeur ou exposition d'entités liées"),
        StructuralFlag.DepositGateBreached => new("deposit gate breached", "acompte exigé non payé"),
        _ => new("retainage past its release date", "retenue non libérée après son échéance"),
    };

    /// <summary>Joins bilingual fragments with a separator per language.</summary>
    public static LocalizedText Join(IEnumerable<LocalizedText> parts, string separator = "; ")
    {
        var list = parts.ToList();
        return new(string.Join(separator, list.Select(p => p.En)), string.Join(separator, list.Select(p => p.Fr)));
    }

    /// <summary>Up to <paramref name="max"/> ids, then "+n".</summary>
    public static string Ids(IEnumerable<string> ids, int max = 5)
    {
        var list = ids.ToList();
        return list.Count <= max ? string.Join(", ", list) : string.Join(", ", list.Take(max)) + $", +{list.Count - max}";
    }
}
