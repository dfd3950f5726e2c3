namespace Allometry.Core.Tests.Questions;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.Questions;

public sealed class AnswerBuilderTests
{
    private static readonly SubjectRef Laval = new(SubjectKind.Project, "PRJ-1111", "Ombrière solaire — Marché Laval");
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Fact]
    public void Owed_ManyInvoices_SumsEveryRowAndCitesTheFirstTen()
    {
        var invoices = Enumerable.Range(1, 13)
            .Select(i => new InvoiceLine($"INV-{i:000}", "P-002", "PRJ-1111", "progress", AsOf.AddDays(i - 5), 1000m + i, 100.01m * i))
            .ToList();

        var card = AnswerBuilder.Owed(Laval, invoices, 250m, AsOf, Language.Fr);

        Assert.Equal(9100.91m, card.HeadlineAmount);
        Assert.Equal("9\u00A0100,91\u00A0$", card.Headline);
        Assert.Equal(AnswerBuilder.MaxCited, card.Citations.Count);
        Assert.Equal(3, card.MoreRows);
        Assert.Equal("INV-001", card.Citations[0].RowId);
        Assert.Contains(card.Facts, f => f.Label == "En retard" && f.Value == "1\u00A0000,10\u00A0$");
    }

    [Fact]
    public void Deposit_PartlyPaid_SaysSoInEnglish()
    {
        var deposit = new InvoiceLine("INV-9", "P-015", "PRJ-1093", "deposit", AsOf, 34_100.81m, 20_100.81m);

        var card = AnswerBuilder.Deposit(Laval, [deposit], Language.En);

        Assert.Equal(20_100.81m, card.HeadlineAmount);
        Assert.StartsWith("Partly — $14,000.00 received", card.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Choices_Candidates_OneAskActionEach()
    {
        var card = NoticeBuilder.Choices("retenue Lévis", [Laval, new SubjectRef(SubjectKind.Payer, "P-004", "Placements Érablière Lévis inc.")], Language.Fr);

        Assert.Equal("Lequel vouliez-vous dire?", card.Prompt);
        Assert.Equal(["PRJ-1111", "P-004"], card.Choices.Select(c => c.Data["subject"]));
        Assert.All(card.Choices, c => Assert.Equal("retenue Lévis", c.Data["question"]));
    }

    [Fact]
    public void Unknown_French_ListsWhatCanBeAsked()
    {
        var card = NoticeBuilder.Unknown(Language.Fr);

        Assert.Equal(NoticeKind.Information, card.Kind);
        Assert.Contains("Qui nous doit le plus?", card.Text, StringComparison.Ordinal);
    }
}
