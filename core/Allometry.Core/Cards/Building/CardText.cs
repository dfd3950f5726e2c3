namespace Allometry.Core.Cards.Building;

using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;

/// <summary>Labels the card builders share, in both languages.</summary>
public static class CardText
{
    /// <summary>"Critical" / "Critique"…</summary>
    public static string Severity(Severity severity, Language language) => (severity, language == Language.Fr) switch
    {
        (Rules.Severity.Critical, false) => "Critical",
        (Rules.Severity.Critical, true) => "Critique",
        (Rules.Severity.High, false) => "High",
        (Rules.Severity.High, true) => "Élevée",
        (Rules.Severity.Medium, false) => "Medium",
        (Rules.Severity.Medium, true) => "Moyenne",
        (Rules.Severity.Low, false) => "Low",
        (Rules.Severity.Low, true) => "Faible",
        (_, false) => "Info",
        (_, true) => "Info",
    };

    /// <summary>"Watch" / "À surveiller"…</summary>
    public static string Tier(RiskTier tier, Language language) => (tier, language == Language.Fr) switch
    {
        (RiskTier.Critical, false) => "Critical",
        (RiskTier.Critical, true) => "Critique",
        (RiskTier.High, false) => "High",
        (RiskTier.High, true) => "Élevé",
        (RiskTier.Watch, false) => "Watch",
        (RiskTier.Watch, true) => "À surveiller",
        (_, false) => "Low",
        (_, true) => "Faible",
    };

    /// <summary>The text for <paramref name="language"/>.</summary>
    public static string Pick(Language language, string en, string fr) => language == Language.Fr ? fr : en;

    /// <summary>An ISO date; both languages read yyyy-MM-dd on cards.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
