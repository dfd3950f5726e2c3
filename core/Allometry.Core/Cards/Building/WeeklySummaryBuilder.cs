namespace Allometry.Core.Cards.Building;

using System.Globalization;
using Allometry.Core.Aging;
using Allometry.Core.Localization;

/// <summary>
/// The weekly executive exposure summary: headline figures with week-over-week deltas ("first
/// week" when nothing was stored a week earlier), aging buckets as a chart, top linked-group
/// exposures, renewals in the next 60 days, actions taken and items snoozed three times or more.
/// </summary>
public static class WeeklySummaryBuilder
{
    /// <summary>Builds the card in <paramref name="language"/>.</summary>
    public static WeeklySummaryCard Build(WeeklySummaryInput input, Language language)
    {
        ArgumentNullException.ThrowIfNull(input);
        var l = language;
        string Money(decimal v) => MoneyFormat.Format(v, l, input.Currency);
        var t = input.Totals;
        var p = input.Previous;
        CardFact Headline(string en, string fr, decimal value, Func<WeeklyTotals, decimal> of) =>
            new(CardText.Pick(l, en, fr), $"{Money(value)} ({Delta(p is null ? null : value - of(p), l, Money)})");

        var headlines = new List<CardFact>
        {
            Headline("Total AR", "Comptes clients", t.TotalAr, x => x.TotalAr),
            Headline("Overdue", "En souffrance", t.Overdue, x => x.Overdue),
            Headline("Retainage held", "Retenues détenues", t.RetainageHeld, x => x.RetainageHeld),
            Headline("Retainage due (30 days)", "Retenues exigibles (30 jours)", t.RetainageDue, x => x.RetainageDue),
            Headline("Retainage overdue", "Retenues en retard", t.RetainageOverdue, x => x.RetainageOverdue),
            Headline("Deposits at risk", "Dépôts à risque", t.DepositsAtRisk, x => x.DepositsAtRisk),
            Headline("At risk on open exceptions", "À risque (exceptions ouvertes)", t.AmountAtRisk, x => x.AmountAtRisk),
            new(CardText.Pick(l, "Open exceptions", "Exceptions ouvertes"),
                $"{t.OpenExceptions.ToString(CultureInfo.InvariantCulture)} ({CountDelta(p is null ? null : t.OpenExceptions - p.OpenExceptions, l)})"),
        };
        var chart = new ChartData(CardText.Pick(l, "Aging", "Classement chronologique"), ChartKind.VerticalBar,
            [.. AgingBuckets.All.Select(b => new ChartPoint(AgingBuckets.Label(b, l), input.Aging[b], Money(input.Aging[b])))]);
        var sections = new List<CardSection>
        {
            new(CardText.Pick(l, "Top linked-group exposures", "Principales expositions par groupe lié"),
                input.TopGroups.Count == 0 ? [CardText.Pick(l, "None", "Aucune")] : [.. input.TopGroups.Select(g => $"{g.Name} — {Money(g.Amount)}")]),
            new(CardText.Pick(l, "Renewals in the next 60 days", "Renouvellements dans les 60 prochains jours"),
                input.Renewals.Count == 0 ? [CardText.Pick(l, "None", "Aucun")]
                    : [.. input.Renewals.Select(r => $"{CardText.Date(r.RenewalDate)} · {r.ContractId} · {r.PayerName} — {Money(r.AnnualFee)}")]),
            new(CardText.Pick(l, "Actions taken this week", "Actions de la semaine"),
                input.ActionsTaken.Count == 0 ? [CardText.Pick(l, "None", "Aucune")]
                    : [.. input.ActionsTaken.Select(a => $"{ActionLabel(a.Kind, l)}: {a.Count.ToString(CultureInfo.InvariantCulture)}")]),
            new(CardText.Pick(l, "Stuck: snoozed 3 times or more", "Bloquées : mises en veille 3 fois ou plus"),
                input.Stuck.Count == 0 ? [CardText.Pick(l, "None", "Aucune")]
                    : [.. input.Stuck.Select(s => CardText.Pick(l, $"#{s.ExceptionId} {s.TitleEn} — snoozed {s.Snoozes} times", $"#{s.ExceptionId} {s.TitleFr} — mise en veille {s.Snoozes} fois"))]),
        };
        var title = CardText.Pick(l, "Weekly exposure summary", "Sommaire hebdomadaire de l'exposition");
        return new WeeklySummaryCard
        {
            Language = l,
            Title = title,
            WeekEnding = input.WeekEnding,
            Headlines = headlines,
            Charts = [chart],
            Sections = sections,
            FallbackText = $"{title} — {CardText.Date(input.WeekEnding)}: {headlines[0].Label} {headlines[0].Value}",
        };
    }

    /// <summary>"+12 300,00 $", "-$500.00", "no change", or "first week" when there is nothing to compare with.</summary>
    public static string Delta(decimal? change, Language language, Func<decimal, string> money) => change switch
    {
        null => CardText.Pick(language, "first week", "première semaine"),
        0m => CardText.Pick(language, "no change", "inchangé"),
        > 0m => "+" + money(change.Value),
        _ => money(change.Value),
    };

    /// <summary>An exception-history kind code as a person reads it ("snoozed" → "Snoozed" / "Mises en veille").</summary>
    public static string ActionLabel(string kind, Language language) => kind switch
    {
        "snoozed" => CardText.Pick(language, "Snoozed", "Mises en veille"),
        "escalated" => CardText.Pick(language, "Escalated", "Transmises"),
        "rerouted" => CardText.Pick(language, "Re-routed", "Réacheminées"),
        "assigned" => CardText.Pick(language, "Assigned", "Assignées"),
        "note_added" => CardText.Pick(language, "Notes added", "Notes ajoutées"),
        "dismissed" => CardText.Pick(language, "Dismissed", "Écartées"),
        "restored" => CardText.Pick(language, "Restored", "Rétablies"),
        _ => kind,
    };

    private static string CountDelta(int? change, Language language) => change switch
    {
        null => CardText.Pick(language, "first week", "première semaine"),
        0 => CardText.Pick(language, "no change", "inchangé"),
        > 0 => "+" + change.Value.ToString(CultureInfo.InvariantCulture),
        _ => change.Value.ToString(CultureInfo.InvariantCulture),
    };
}
