namespace Allometry.Core.Tests.Cards;

using System.Text.Json;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

public sealed class CardJsonTests
{
    private static readonly CardAction Snooze = new()
    {
        Verb = ActionVerb.Snooze, Title = "Snooze 3 days", ExceptionId = 42, ExceptionVersion = 7,
        Data = new Dictionary<string, string> { ["days"] = "3" },
        Inputs = [new CardInput { Id = "reason", Kind = CardInputKind.Text, Label = "Reason" }],
    };

    public static TheoryData<Card> EveryKind() =>
    [
        new ExceptionCard
        {
            Language = Language.Fr, FallbackText = "x", ExceptionId = 42, Version = 7, RuleId = "deposit_gate", Severity = Severity.High,
            SeverityLabel = "Élevée", Title = "Dépôt", Detail = "d", SuggestedAction = "a", AmountAtRisk = 1234.56m, AmountText = "1 234,56 $",
            Facts = [new CardFact("Payeur", "Laval")], Score = 71.5m, Tier = "high",
            ScoreFactors = [new ScoreFactorView("F1", "Retards", 20m, 30m, "…")], Evidence = ["INV-1"], Actions = [Snooze],
        },
        new AnswerCard
        {
            Language = Language.En, FallbackText = "owed", Title = "Owed", HeadlineAmount = 10.01m,
            Citations = [new CitedRow("invoices", "INV-1", "d", "$10.01")], Actions = [Snooze],
        },
        new DigestCard
        {
            Language = Language.En, FallbackText = "digest", Title = "Morning", On = new DateOnly(2026, 11, 20),
            Items = [new DigestItem { Title = "t", Severity = Severity.Critical, AmountText = "$1.00", ExceptionIds = [1, 2], Actions = [Snooze] }],
        },
        new WeeklySummaryCard
        {
            Language = Language.En, FallbackText = "weekly", Title = "Week", WeekEnding = new DateOnly(2026, 11, 22),
            Headlines = [new CardFact("AR", "$1")], Charts = [new ChartData("Aging", ChartKind.VerticalBar, [new ChartPoint("0-30", 1.5m, "$1.50")])],
            Sections = [new CardSection("Renewals", ["a", "b"])],
        },
        new NoticeCard { Language = Language.Fr, FallbackText = "n", Kind = NoticeKind.Error, Title = "Erreur", ReferenceId = "ref-1" },
        new ChoiceListCard { Language = Language.En, FallbackText = "c", Prompt = "Which?", Choices = [Snooze] },
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Serialize_EveryCardKind_RoundTripsWithItsKind(Card card)
    {
        var json = JsonSerializer.Serialize(card);

        var back = JsonSerializer.Deserialize<Card>(json);

        Assert.NotNull(back);
        Assert.Equal(card.GetType(), back.GetType());
        Assert.Equal(json, JsonSerializer.Serialize(back));
    }
}
