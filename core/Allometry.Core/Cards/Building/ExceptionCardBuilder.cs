namespace Allometry.Core.Cards.Building;

using System.Globalization;
using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.Scoring;

/// <summary>
/// Builds the <see cref="ExceptionCard"/> a viewer reads: text in their language, money in their
/// format (fr-CA <c>1 234,56 $</c>), the payer's score with its factors, the evidence, a status line
/// from the people's state, and only the actions the viewer's role allows (<see cref="ExceptionCardActions"/>).
/// </summary>
public static class ExceptionCardBuilder
{
    /// <summary>Builds the card.</summary>
    /// <param name="input">The exception.</param>
    /// <param name="risk">The payer's risk score; null when the exception names no scored payer.</param>
    /// <param name="viewer">Who reads it.</param>
    /// <param name="rerouteChoices">Linked entities the follow-up can move to (from the entity graph); empty hides re-route.</param>
    public static ExceptionCard Build(ExceptionCardInput input, RiskScore? risk, CardViewer viewer, IReadOnlyList<CardChoice>? rerouteChoices = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(viewer);
        var language = viewer.Language;
        var amount = MoneyFormat.Format(input.AmountAtRisk, language, input.Currency);
        var title = input.Title.For(language);
        var severity = CardText.Severity(input.Severity, language);
        return new ExceptionCard
        {
            Language = language,
            FallbackText = $"{severity} · {title} · {amount}",
            ExceptionId = input.ExceptionId,
            Version = input.Version,
            RuleId = input.RuleId,
            Severity = input.Severity,
            SeverityLabel = severity,
            Title = title,
            Detail = input.Detail.For(language),
            SuggestedAction = input.SuggestedAction.For(language),
            AmountAtRisk = input.AmountAtRisk,
            AmountText = amount,
            StatusLine = StatusLine(input, language),
            Facts = Facts(input, language),
            Score = risk?.Score,
            Tier = risk is null ? null : CardText.Tier(risk.Tier, language),
            ScoreFactors = risk is null
                ? []
                : [.. risk.Factors.Select(f => new ScoreFactorView(f.Id, f.Name.For(language), f.Points, f.Max, f.Explanation.For(language)))],
            Evidence = [.. input.Evidence.Select(e => Evidence(e, language))],
            Actions = input.Status is ExceptionStatus.Closed or ExceptionStatus.Dismissed
                ? []
                : ExceptionCardActions.For(input, viewer, rerouteChoices ?? []),
        };
    }

    /// <summary>"Snoozed until 2026-11-24 (waiting for the cheque)", "Escalated to finance", "Assigned to marie@…"; null when open and untouched.</summary>
    public static string? StatusLine(ExceptionCardInput input, Language language)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parts = new List<string>();
        switch (input.Status)
        {
            case ExceptionStatus.Snoozed:
                var until = input.SnoozedUntil is { } d ? CardText.Date(d) : "?";
                parts.Add(CardText.Pick(language, $"Snoozed until {until}", $"En veille jusqu'au {until}")
                    + (string.IsNullOrWhiteSpace(input.SnoozeReason) ? "" : $" ({input.SnoozeReason})"));
                break;
            case ExceptionStatus.Dismissed:
                parts.Add(CardText.Pick(language, "Dismissed", "Écartée")
                    + (string.IsNullOrWhiteSpace(input.DismissedReason) ? "" : $" ({input.DismissedReason})"));
                break;
            case ExceptionStatus.Closed:
                parts.Add(CardText.Pick(language, "Closed", "Fermée"));
                break;
        }
        if (input.EscalatedTo is { } to)
        {
            parts.Add(CardText.Pick(language, $"Escalated to {to}", $"Transmise à {to}")
                + (string.IsNullOrWhiteSpace(input.EscalationNote) ? "" : $" ({input.EscalationNote})"));
        }
        if (input.ReroutedPayerId is { } payer) parts.Add(CardText.Pick(language, $"Re-routed to {payer}", $"Réacheminée vers {payer}"));
        if (input.AssignedTo is { } who) parts.Add(CardText.Pick(language, $"Assigned to {who}", $"Assignée à {who}"));
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static IReadOnlyList<CardFact> Facts(ExceptionCardInput input, Language language)
    {
        var facts = new List<CardFact>();
        if (input.PayerId is { } payer)
        {
            facts.Add(new CardFact(CardText.Pick(language, "Payer", "Payeur"), input.PayerName is { } name ? $"{name} ({payer})" : payer));
        }
        if (input.ProjectId is { } project) facts.Add(new CardFact(CardText.Pick(language, "Project", "Projet"), project));
        facts.Add(new CardFact(CardText.Pick(language, "Amount at risk", "Montant à risque"), MoneyFormat.Format(input.AmountAtRisk, language, input.Currency)));
        if (input.FirstSeenOn is { } first) facts.Add(new CardFact(CardText.Pick(language, "First seen", "Vue la première fois"), CardText.Date(first)));
        facts.Add(new CardFact(CardText.Pick(language, "Rule", "Règle"), input.RuleId));
        return facts;
    }

    private static string Evidence(Rules.Evidence evidence, Language language)
    {
        var line = $"{evidence.Sheet} {evidence.RowId} · {evidence.Field}";
        if (evidence.Expected is not null || evidence.Actual is not null)
        {
            line += CardText.Pick(language,
                $": expected {evidence.Expected ?? "—"}, found {evidence.Actual ?? "—"}",
                $" : attendu {evidence.Expected ?? "—"}, trouvé {evidence.Actual ?? "—"}");
        }
        if (evidence.Note is { } note) line += $" — {note.For(language)}";
        return line;
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
