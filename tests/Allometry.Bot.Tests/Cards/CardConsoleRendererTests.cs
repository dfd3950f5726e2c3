namespace Allometry.Bot.Tests.Cards;

using Allometry.Bot.Reports.Cards;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Spectre.Console;

public sealed class CardConsoleRendererTests
{
    [Fact]
    public void Write_ExceptionCard_ShowsAmountFactorsEvidenceAndActHints()
    {
        var card = new ExceptionCard
        {
            Language = Language.Fr,
            FallbackText = "Retenue non facturée",
            ExceptionId = 42,
            Version = 3,
            RuleId = "R-RET-01",
            Severity = Severity.High,
            SeverityLabel = "Élevée",
            Title = "Retenue non facturée — PRJ-1099",
            Detail = "La retenue de 12 345,67 $ est échue depuis 40 jours.",
            SuggestedAction = "Facturer la libération de la retenue.",
            AmountAtRisk = 12345.67m,
            AmountText = "12\u00A0345,67\u00A0$",
            StatusLine = "Reportée jusqu'au 2026-11-24",
            Facts = [new CardFact("Payeur", "Développements Laval inc.")],
            Score = 71.5m,
            Tier = "Élevé",
            ScoreFactors = [new ScoreFactorView("F2", "Historique de paiement", 14m, 20m, "52 jours de retard en moyenne")],
            Evidence = ["INV-10412 · échéance 2026-10-15"],
            Actions =
            [
                new CardAction
                {
                    Verb = ActionVerb.Snooze, Title = "Reporter 3 jours", ExceptionId = 42, ExceptionVersion = 3,
                    Data = new Dictionary<string, string> { ["days"] = "3" },
                },
                new CardAction
                {
                    Verb = ActionVerb.ReleaseRetainage, Title = "Libérer la retenue", ExceptionId = 42, ExceptionVersion = 3,
                    Inputs = [new CardInput { Id = "amount", Kind = CardInputKind.Amount, Label = "Montant", Required = true }],
                    Confirmation = "Confirmer la libération ?",
                },
            ],
        };

        var text = Render(card);

        Assert.Contains("12\u00A0345,67\u00A0$", text, StringComparison.Ordinal);
        Assert.Contains("Élevée", text, StringComparison.Ordinal);
        Assert.Contains("Développements Laval inc.", text, StringComparison.Ordinal);
        Assert.Contains("F2 Historique de paiement", text, StringComparison.Ordinal);
        Assert.Contains("14/20", text, StringComparison.Ordinal);
        Assert.Contains("71,5/100 · Élevé", text, StringComparison.Ordinal);
        Assert.Contains("INV-10412", text, StringComparison.Ordinal);
        Assert.Contains("Reportée jusqu'au 2026-11-24", text, StringComparison.Ordinal);
        Assert.Contains("allometry act 42 snooze --days 3 --version 3 --as <email>", text, StringComparison.Ordinal);
        Assert.Contains("allometry act 42 release_retainage --amount <0.00> --version 3", text, StringComparison.Ordinal);
        Assert.Contains("Confirmer la libération ?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnswerCard_ShowsHeadlineAndCitedRows()
    {
        var card = new AnswerCard
        {
            Language = Language.En,
            FallbackText = "MR-104 owes $84,337.58",
            Title = "What's owed on MR-104",
            Headline = "$84,337.58",
            Citations = [new CitedRow("invoices", "INV-10412", "due 2026-10-15", "$12,345.67")],
            MoreRows = 4,
        };

        var text = Render(card);

        Assert.Contains("$84,337.58", text, StringComparison.Ordinal);
        Assert.Contains("INV-10412", text, StringComparison.Ordinal);
        Assert.Contains("$12,345.67", text, StringComparison.Ordinal);
        Assert.Contains("4 more rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoticeAndChoiceList_ShowTitleReferenceAndChoices()
    {
        var notice = new NoticeCard
        {
            Language = Language.En, FallbackText = "Error", Kind = NoticeKind.Error,
            Title = "Something went wrong", Text = "Please retry.", ReferenceId = "ref-7f3a",
        };
        var choices = new ChoiceListCard
        {
            Language = Language.En, FallbackText = "Which one?", Prompt = "Which Laval did you mean?",
            Choices =
            [
                new CardAction { Verb = ActionVerb.Ask, Title = "Développements Laval inc.", Data = new Dictionary<string, string> { ["question"] = "owed P-013" } },
            ],
        };

        var text = Render(notice) + Render(choices);

        Assert.Contains("Something went wrong", text, StringComparison.Ordinal);
        Assert.Contains("ref-7f3a", text, StringComparison.Ordinal);
        Assert.Contains("Which Laval did you mean?", text, StringComparison.Ordinal);
        Assert.Contains("allometry ask \"owed P-013\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DigestCard_ShowsItemsAndMoreOpen()
    {
        var card = new DigestCard
        {
            Language = Language.En, FallbackText = "Morning digest", Title = "Morning digest", On = new DateOnly(2026, 11, 21),
            Items =
            [
                new DigestItem { Title = "PRJ-1099 · 3 exceptions", Severity = Severity.Critical, AmountText = "$45,000.00", ExceptionIds = [1, 2, 3] },
            ],
            MoreOpen = 7,
        };

        var text = Render(card);

        Assert.Contains("2026-11-21", text, StringComparison.Ordinal);
        Assert.Contains("PRJ-1099 · 3 exceptions", text, StringComparison.Ordinal);
        Assert.Contains("$45,000.00", text, StringComparison.Ordinal);
        Assert.Contains("1, 2, 3", text, StringComparison.Ordinal);
        Assert.Contains("7 more open exceptions", text, StringComparison.Ordinal);
        Assert.Contains("Critical", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WeeklySummary_ShowsHeadlinesBarsAndSections()
    {
        var card = new WeeklySummaryCard
        {
            Language = Language.En, FallbackText = "Weekly", Title = "Weekly exposure", WeekEnding = new DateOnly(2026, 11, 21),
            Headlines = [new CardFact("Total AR", "$1,043,511.04 (+$12,300.00)")],
            Charts =
            [
                new ChartData("Aging", ChartKind.VerticalBar,
                [
                    new ChartPoint("Current", 100m, "$100.00"),
                    new ChartPoint("1-30", 50m, "$50.00"),
                ]),
            ],
            Sections = [new CardSection("Stuck: snoozed 3+ times", ["#42 PRJ-1099 snoozed 4 times"])],
        };

        var text = Render(card);

        Assert.Contains("$1,043,511.04 (+$12,300.00)", text, StringComparison.Ordinal);
        Assert.Contains(new string('█', 30), text, StringComparison.Ordinal);
        Assert.Contains(new string('█', 15), text, StringComparison.Ordinal);
        Assert.Contains("#42 PRJ-1099 snoozed 4 times", text, StringComparison.Ordinal);
    }

    private static string Render(Card card)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        CardConsoleRenderer.Write(console, card);
        return writer.ToString();
    }
}
