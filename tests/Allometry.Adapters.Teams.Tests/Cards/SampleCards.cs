namespace Allometry.Adapters.Teams.Tests.Cards;

using Allometry.Core.Aging;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Questions;
using Allometry.Core.Rules;
using SubjectKind = Allometry.Core.Questions.SubjectKind;
using Evidence = Allometry.Core.Rules.Evidence;
using Allometry.Core.Scoring;

/// <summary>Every kind of core card, built with the real builders, as a realistic operator would see them.</summary>
internal static class SampleCards
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static readonly IReadOnlyList<CardChoice> Successors =
    [
        new("Développements Laval inc. (P-013)", "P-013"),
        new("Groupe Laval Holding (P-014)", "P-014"),
    ];

    /// <summary>A holdback release that is due, seen by finance (every action, release retainage included).</summary>
    public static ExceptionCard Exception(Language language, Role role = Role.Finance) =>
        ExceptionCardBuilder.Build(RetainageInput(), Score(), new CardViewer(role, language), Successors);

    public static ExceptionCardInput RetainageInput() => new()
    {
        ExceptionId = 4211,
        Version = 3,
        RuleId = "HoldbackReleaseDue",
        Severity = Severity.High,
        AmountAtRisk = 48_250.75m,
        Title = new LocalizedText("Holdback release due on MR-104", "Libération de la retenue exigible sur MR-104"),
        Detail = new LocalizedText(
            "The 10% holdback on MR-104 (substantial completion 2026-09-30) could be released 2026-11-14; it is still held.",
            "La retenue de 10 % sur MR-104 (achèvement substantiel le 2026-09-30) pouvait être libérée le 2026-11-14; elle est toujours détenue."),
        SuggestedAction = new LocalizedText("Invoice the holdback release and send the statutory declaration.",
            "Facturez la libération de la retenue et envoyez la déclaration statutaire."),
        Evidence =
        [
            new Evidence("Invoices", "INV-10412", "holdback", "4825.08", "4825.08"),
            new Evidence("Projects", "MR-104", "substantial_completion", null, "2026-09-30",
                new LocalizedText("lien period ended", "délai d'hypothèque écoulé")),
        ],
        Status = ExceptionStatus.Snoozed,
        SnoozedUntil = new DateOnly(2026, 11, 24),
        SnoozeReason = "waiting for the cheque",
        PayerId = "P-012",
        PayerName = "Construction Boréale ltée",
        ProjectId = "MR-104",
        FirstSeenOn = new DateOnly(2026, 11, 14),
    };

    public static RiskScore Score() => RiskScorer.Recompute(new ScoreInputs
    {
        PayerId = "P-012",
        AsOf = AsOf,
        OldestDaysBeyondTerms = 74,
        OldestInvoiceId = "INV-10315",
        History = new LatenessWindow(12, AsOf.AddMonths(-12), AsOf, 14, 210_000m, 210_000m * 52),
        Recent = new LatenessWindow(3, AsOf.AddMonths(-3), AsOf, 4, 60_000m, 60_000m * 61),
    }, ScoreWeights.Current);

    public static AnswerCard Answer(Language language) => AnswerBuilder.Owed(
        new SubjectRef(SubjectKind.Project, "MR-104", "Maison Rivière"),
        [
            new InvoiceLine("INV-10315", "P-012", "MR-104", "progress", new DateOnly(2026, 9, 7), 22_500m, 22_500m),
            new InvoiceLine("INV-10412", "P-012", "MR-104", "progress", new DateOnly(2026, 10, 15), 48_250.75m, 12_345.67m),
            new InvoiceLine("INV-10488", "P-012", "MR-104", "progress", new DateOnly(2026, 12, 1), 49_491.91m, 49_491.91m),
        ],
        retainageHeld: 4_825.08m, AsOf, language);

    public static DigestCard Digest(Language language) => DigestBuilder.Build(
        [
            Candidate(101, Severity.Critical, 45_000m, "PRJ-1099", "Tour Sainte-Foy", "P-020", 1),
            Candidate(102, Severity.High, 12_000m, "PRJ-1099", "Tour Sainte-Foy", "P-020", 1),
            Candidate(103, Severity.Medium, 3_250.5m, null, null, "P-031", 2),
            Candidate(104, Severity.Low, 980m, "MR-104", "Maison Rivière", "P-012", null),
        ],
        new DigestFilter { Top = 2 }, language, AsOf, "Québec");

    public static WeeklySummaryCard Weekly(Language language) => WeeklySummaryBuilder.Build(new WeeklySummaryInput
    {
        WeekEnding = AsOf,
        Totals = new WeeklyTotals
        {
            TotalAr = 1_043_511.04m, Overdue = 311_200.55m, RetainageHeld = 188_420m, RetainageDue = 48_250.75m,
            RetainageOverdue = 12_000m, DepositsAtRisk = 25_000m, OpenExceptions = 42, AmountAtRisk = 402_117.93m,
        },
        Previous = new WeeklyTotals
        {
            TotalAr = 1_031_211.04m, Overdue = 318_000m, RetainageHeld = 188_420m, RetainageDue = 40_000m,
            RetainageOverdue = 12_500m, DepositsAtRisk = 25_000m, OpenExceptions = 39, AmountAtRisk = 398_000m,
        },
        Aging = new AgingAmounts(732_310.49m, 120_400m, 88_000.55m, 61_800m, 41_000m),
        TopGroups = [("Groupe Laval (3 entities)", 212_000m), ("Boréale (2 entities)", 98_500.25m)],
        Renewals = [("SC-2207", "Gestion Nordique", new DateOnly(2026, 12, 15), 18_000m)],
        ActionsTaken = [("snoozed", 4), ("escalated", 2), ("note_added", 7)],
        Stuck = [(4211, "Holdback release due on MR-104", "Libération de la retenue exigible sur MR-104", 3)],
    }, language);

    /// <summary>The weekly summary with one chart of every kind, so every Teams chart element is rendered.</summary>
    public static WeeklySummaryCard WeeklyAllCharts(Language language)
    {
        var card = Weekly(language);
        var points = card.Charts[0].Points;
        return card with
        {
            Charts =
            [
                card.Charts[0],
                new ChartData(card.Charts[0].Title + " (donut)", ChartKind.Donut, points),
                new ChartData(card.Charts[0].Title + " (horizontal)", ChartKind.HorizontalBar, points),
                new ChartData(card.Charts[0].Title + " (line)", ChartKind.Line, points),
            ],
        };
    }

    public static IReadOnlyList<NoticeCard> Notices(Language language) =>
    [
        NoticeCards.Confirmation(language, new LocalizedText("Snoozed until 2026-11-24", "En veille jusqu'au 2026-11-24")),
        NoticeCards.Refusal(language, new LocalizedText("Only finance can release retainage.", "Seules les finances peuvent libérer une retenue.")),
        NoticeCards.Information(language, new LocalizedText("Nothing in your queue", "Rien dans votre file")),
        NoticeCards.Error(language, "ERR-7F3A2C"),
        NoticeBuilder.Help(language),
    ];

    public static ChoiceListCard Choices(Language language) => NoticeBuilder.Choices("what's owed on laval",
        [new SubjectRef(SubjectKind.Payer, "P-013", "Développements Laval inc."), new SubjectRef(SubjectKind.Project, "LV-220", "Laval Centre")], language);

    /// <summary>Every sample, named "kind-role-language".</summary>
    public static IEnumerable<(string Name, Card Card)> All()
    {
        foreach (var language in new[] { Language.En, Language.Fr })
        {
            var code = language == Language.Fr ? "fr" : "en";
            foreach (var role in Enum.GetValues<Role>())
            {
                yield return ($"exception-{role.ToString().ToLowerInvariant()}-{code}", Exception(language, role));
            }
            yield return ($"exception-closed-{code}", ExceptionCardBuilder.Build(RetainageInput() with { Status = ExceptionStatus.Closed }, null, new CardViewer(Role.Finance, language)));
            yield return ($"answer-{code}", Answer(language));
            yield return ($"digest-{code}", Digest(language));
            yield return ($"weekly-{code}", Weekly(language));
            yield return ($"weekly-all-charts-{code}", WeeklyAllCharts(language));
            var n = 0;
            foreach (var notice in Notices(language))
            {
                yield return ($"notice-{++n}-{code}", notice);
            }
            yield return ($"choices-{code}", Choices(language));
        }
    }

    private static DigestCandidate Candidate(long id, Severity severity, decimal amount, string? project, string? projectName, string payer, int? rank) => new()
    {
        ExceptionId = id,
        Version = 1,
        Severity = severity,
        AmountAtRisk = amount,
        Title = new LocalizedText($"Overdue invoice #{id}", $"Facture en souffrance no {id}"),
        PayerId = payer,
        ProjectId = project,
        ProjectName = projectName,
        QueueRank = rank,
    };
}
