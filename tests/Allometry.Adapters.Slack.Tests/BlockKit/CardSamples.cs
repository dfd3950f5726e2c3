namespace Allometry.Adapters.Slack.Tests.BlockKit;

using Allometry.Core.Aging;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Questions;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;
using SubjectKind = Allometry.Core.Questions.SubjectKind;

/// <summary>Every card kind, built with core's real builders, in both languages — ordinary and oversized.</summary>
internal static class CardSamples
{
    public static readonly IReadOnlyList<CardChoice> Successors =
    [
        new CardChoice("Développements Laval inc.", "P-013"),
        new CardChoice("Smith & Sons <East>", "P-014"),
    ];

    /// <summary>(name, card) for every kind and language; names are file-name safe.</summary>
    public static IEnumerable<(string Name, Card Card)> All()
    {
        foreach (var language in new[] { Language.En, Language.Fr })
        {
            var l = language == Language.Fr ? "fr" : "en";
            yield return ($"exception_finance_{l}", Exception(language, Role.Finance));
            yield return ($"exception_coordinator_snoozed_{l}", ExceptionCardBuilder.Build(
                Retainage() with { Status = ExceptionStatus.Snoozed, SnoozedUntil = new DateOnly(2026, 11, 24), SnoozeReason = "cheque", EscalatedTo = "finance" },
                Risk(), new CardViewer(Role.Coordinator, language), Successors));
            yield return ($"exception_oversized_{l}", OversizedException(language));
            yield return ($"answer_{l}", Answer(language, invoices: 14));
            yield return ($"answer_oversized_{l}", Answer(language, invoices: 400) with { Citations = [.. Enumerable.Range(0, 400).Select(i => new CitedRow("invoices", $"INV-{i:00000}", new string('d', 150), "1,00 $"))] });
            yield return ($"digest_{l}", Digest(language, 5));
            yield return ($"digest_80_{l}", Digest(language, 80));
            yield return ($"digest_empty_{l}", Digest(language, 0));
            yield return ($"weekly_{l}", Weekly(language));
            yield return ($"notice_error_{l}", NoticeCards.Error(language, "ref-7f3a"));
            yield return ($"notice_help_{l}", NoticeBuilder.Help(language));
            yield return ($"choices_{l}", NoticeBuilder.Choices("owed on laval", [.. Enumerable.Range(1, 4).Select(i => new SubjectRef(SubjectKind.Project, $"PRJ-{i}", $"Laval {i}"))], language));
            yield return ($"choices_oversized_{l}", NoticeBuilder.Choices("owed on laval", [.. Enumerable.Range(1, 700).Select(i => new SubjectRef(SubjectKind.Project, $"PRJ-{i}", $"Laval {i}"))], language));
        }
    }

    public static ExceptionCard Exception(Language language, Role role) =>
        ExceptionCardBuilder.Build(Retainage(), Risk(), new CardViewer(role, language), Successors);

    /// <summary>A 5000-character detail, a 120-character button title, 60 evidence lines, 14 facts, 12 score factors.</summary>
    public static ExceptionCard OversizedException(Language language)
    {
        var card = Exception(language, Role.Finance);
        var longTitle = new string('B', 120);
        return card with
        {
            Title = new string('T', 400),
            Detail = string.Concat(Enumerable.Repeat("Holdback & retenue <detail> ", 200)),
            Evidence = [.. Enumerable.Range(0, 60).Select(i => $"invoices INV-{i:00000} · retainage: expected {i}.00, found 0.00 — " + new string('e', 80))],
            Facts = [.. Enumerable.Range(0, 14).Select(i => new CardFact($"Fact {i}", new string('v', 2500)))],
            ScoreFactors = [.. Enumerable.Range(0, 12).Select(i => new ScoreFactorView($"F{i}", "Factor", i, 20, "because"))],
            Actions = [.. card.Actions.Select((a, i) => i == 0 ? a with { Title = longTitle, Secondary = false } : a),
                .. Enumerable.Range(0, 30).Select(i => card.Actions[1] with { Title = $"Extra {i}", Secondary = false })],
        };
    }

    public static ExceptionCardInput Retainage() => new()
    {
        ExceptionId = 42,
        Version = 4,
        RuleId = "RetainageNeverInvoiced",
        Severity = Severity.High,
        AmountAtRisk = 12345.67m,
        Title = new LocalizedText("Retainage never invoiced", "Retenue non facturée"),
        Detail = new LocalizedText("Holdback of 12,345.67 never invoiced.", "Retenue de 12 345,67 $ jamais facturée."),
        SuggestedAction = new LocalizedText("Invoice the release.", "Facturer la libération."),
        Evidence = [new Evidence("invoices", "INV-10412", "retainage", "12345.67", "0.00")],
        PayerId = "P-001",
        PayerName = "Construction Boréal",
        ProjectId = "PRJ-1099",
        FirstSeenOn = new DateOnly(2026, 11, 2),
    };

    public static RiskScore Risk() => new()
    {
        PayerId = "P-001", AsOf = new DateOnly(2026, 11, 20), Score = 62.5m, Tier = RiskTier.High, WeightsVersion = "test",
        Factors =
        [
            new RiskFactor("F2", RiskFactorKind.PaymentHistory, new LocalizedText("Payment history", "Historique de paiement"), 14m, 20m,
                new LocalizedText("52 days", "52 jours"), new LocalizedText("52 days late on average", "52 jours de retard en moyenne")),
        ],
        Inputs = null!,
        Summary = new LocalizedText("62.5", "62,5"),
    };

    public static AnswerCard Answer(Language language, int invoices) => AnswerBuilder.Owed(
        new SubjectRef(SubjectKind.Project, "PRJ-1099", "Marché Laval"),
        [.. Enumerable.Range(1, invoices).Select(i => new InvoiceLine($"INV-{10000 + i}", "P-001", "PRJ-1099", "progress", new DateOnly(2026, 10, 1).AddDays(i), 1000m + i, 1000m + i + 0.01m))],
        5000m, new DateOnly(2026, 11, 20), language);

    public static DigestCard Digest(Language language, int exceptions) => DigestBuilder.Build(
        Enumerable.Range(1, exceptions).Select(i => new DigestCandidate
        {
            ExceptionId = i,
            Version = 1,
            Severity = (Severity)(1 + (i % 4)),
            AmountAtRisk = 1000m * i + 0.5m,
            Title = new LocalizedText($"Overdue invoice INV-{i}", $"Facture en retard INV-{i}"),
            PayerId = $"P-{i:000}",
            PayerName = $"Payer {i}",
            ProjectId = i % 10 == 0 ? "PRJ-SHARED" : $"PRJ-{i}",
            QueueRank = i,
        }),
        new DigestFilter { Top = 100 }, language, new DateOnly(2026, 11, 20), "Québec");

    public static WeeklySummaryCard Weekly(Language language) => WeeklySummaryBuilder.Build(new WeeklySummaryInput
    {
        WeekEnding = new DateOnly(2026, 11, 20),
        Totals = new WeeklyTotals
        {
            TotalAr = 1_043_511.04m, Overdue = 400_000m, RetainageHeld = 90_000m, RetainageDue = 10_000m, RetainageOverdue = 5_000m,
            DepositsAtRisk = 12_000m, OpenExceptions = 30, AmountAtRisk = 250_000m,
        },
        Previous = new WeeklyTotals
        {
            TotalAr = 1_031_211.04m, Overdue = 410_000m, RetainageHeld = 90_000m, RetainageDue = 9_000m, RetainageOverdue = 5_500m,
            DepositsAtRisk = 12_000m, OpenExceptions = 28, AmountAtRisk = 240_000m,
        },
        Aging = new AgingAmounts(500_000m, 200_000m, 120_000m, 30_000m, 50_000.5m),
        TopGroups = [("Groupe Laval (3)", 80_000m), ("Boréal & associés", 42_000m)],
        Renewals = [("SC-1", "Boréal", new DateOnly(2026, 12, 1), 1_200m)],
        ActionsTaken = [("snoozed", 4), ("escalated", 2)],
        Stuck = [(7L, "Deposit unpaid", "Dépôt impayé", 3)],
    }, language);
}
