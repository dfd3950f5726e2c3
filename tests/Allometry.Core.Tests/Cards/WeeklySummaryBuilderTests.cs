namespace Allometry.Core.Tests.Cards;

using Allometry.Core.Aging;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;

public sealed class WeeklySummaryBuilderTests
{
    private static readonly WeeklyTotals ThisWeek = new()
    {
        TotalAr = 1_043_511.04m, Overdue = 400_000m, RetainageHeld = 90_000m, RetainageDue = 10_000m, RetainageOverdue = 5_000m,
        DepositsAtRisk = 12_000m, OpenExceptions = 30, AmountAtRisk = 250_000m,
    };

    [Fact]
    public void Build_WithPreviousWeek_ShowsSignedDeltasInFrench()
    {
        var input = Input() with { Previous = ThisWeek with { TotalAr = 1_031_211.04m, RetainageOverdue = 5_500m, OpenExceptions = 30 } };

        var card = WeeklySummaryBuilder.Build(input, Language.Fr);

        Assert.Equal("1\u00A0043\u00A0511,04\u00A0$ (+12\u00A0300,00\u00A0$)", card.Headlines[0].Value);
        Assert.Contains(card.Headlines, h => h.Label == "Retenues en retard" && h.Value == "5\u00A0000,00\u00A0$ (-500,00\u00A0$)");
        Assert.Contains(card.Headlines, h => h.Label == "Exceptions ouvertes" && h.Value == "30 (inchangé)");
    }

    [Fact]
    public void Build_NoPreviousWeek_SaysFirstWeekAndListsSections()
    {
        var card = WeeklySummaryBuilder.Build(Input(), Language.En);

        Assert.All(card.Headlines, h => Assert.EndsWith("(first week)", h.Value, StringComparison.Ordinal));
        var chart = Assert.Single(card.Charts);
        Assert.Equal([100m, 200m, 0m, 0m, 50.5m], chart.Points.Select(p => p.Value));
        Assert.Contains(card.Sections, s => s.Lines.Contains("Groupe Laval (3) — $80,000.00"));
        Assert.Contains(card.Sections, s => s.Lines.Contains("2026-12-01 · SC-1 · Boréal — $1,200.00"));
        Assert.Contains(card.Sections, s => s.Lines.Contains("Snoozed: 4"));
        Assert.Contains(card.Sections, s => s.Lines.Contains("#7 Deposit unpaid — snoozed 3 times"));
    }

    private static WeeklySummaryInput Input() => new()
    {
        WeekEnding = new DateOnly(2026, 11, 20),
        Totals = ThisWeek,
        Aging = new AgingAmounts(100m, 200m, 0m, 0m, 50.5m),
        TopGroups = [("Groupe Laval (3)", 80_000m)],
        Renewals = [("SC-1", "Boréal", new DateOnly(2026, 12, 1), 1_200m)],
        ActionsTaken = [("snoozed", 4)],
        Stuck = [(7L, "Deposit unpaid", "Dépôt impayé", 3)],
    };
}
