namespace Allometry.Adapters.Ledger.Tests.Aging;

using Allometry.Adapters.Ledger.Aging;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Values;

public sealed class AgingTextTests
{
    [Theory]
    [InlineData("Current", 0, 0, "Current")]
    [InlineData("Courant", 0, 0, "Current")]
    [InlineData("Actuel", 0, 0, "Current")]
    [InlineData("1 - 30", 1, 30, "Range")]
    [InlineData("1 à 30", 1, 30, "Range")]
    [InlineData("16-30 Days", 16, 30, "Range")]
    [InlineData("31 – 45 jours", 31, 45, "Range")]
    [InlineData("61 - 90 days past due", 61, 90, "Range")]
    [InlineData("91 and over", 91, null, "AtLeast")]
    [InlineData("91+", 91, null, "AtLeast")]
    [InlineData("91 et plus", 91, null, "AtLeast")]
    [InlineData(">90", 91, null, "Over")]
    [InlineData("> 45 Days", 46, null, "Over")]
    [InlineData("Plus de 90", 91, null, "Over")]
    [InlineData("< 30 days", 0, 29, "Under")]
    [InlineData("< 30 jours", 0, 29, "Under")]
    public void TryParse_BucketHeaders_DaysCovered(string header, int lower, int? upper, string style)
    {
        Assert.True(AgingIntervalParser.TryParse(AgingText.Normalize(header), null, out var interval, out var parsedStyle));

        Assert.Equal((lower, upper, style), (interval.LowerDays, interval.UpperDays, parsedStyle.ToString()));
    }

    [Fact]
    public void TryParse_SageColumnsInOrder_EachStartsWhereThePreviousEnded()
    {
        int? previous = null;
        var intervals = new List<AgingInterval>();
        foreach (var header in (string[])["< 30 days", "< 60 days", "< 90 days", "< 120 days", "Older"])
        {
            Assert.True(AgingIntervalParser.TryParse(AgingText.Normalize(header), previous, out var interval, out _));
            intervals.Add(interval);
            previous = interval.UpperDays;
        }

        Assert.Equal(["0-29", "30-59", "60-89", "90-119", "120-plus"], intervals.Select(i => i.Key));
        Assert.True(intervals[4].Contains(400));
        Assert.False(intervals[1].Contains(29));
    }

    [Theory]
    [InlineData("Total")]
    [InlineData("Customer")]
    [InlineData("Older")]
    [InlineData("30 - 1")]
    [InlineData("Balance Due")]
    public void TryParse_NotABucketOrOlderWithNothingBefore_False(string header) =>
        Assert.False(AgingIntervalParser.TryParse(AgingText.Normalize(header), null, out _, out _));

    [Theory]
    [InlineData("Rénovations Côté & Fils inc.", "c-renovations-cote-fils-inc")]
    [InlineData("  Boulangerie Les Délices d'Amélie ", "c-boulangerie-les-delices-d-amelie")]
    [InlineData("Cœur de Pomme Ltée", "c-coeur-de-pomme-ltee")]
    [InlineData("Groupe Tremblay-Bélanger inc.:Chantier Lévis", "c-groupe-tremblay-belanger-inc-chantier-levis")]
    public void IdFor_CustomerNames_StableSlugs(string name, string expected) => Assert.Equal(expected, AgingPayerBook.IdFor(name));

    [Fact]
    public void IdFor_NameWithoutLettersOrDigits_StableHash()
    {
        var id = AgingPayerBook.IdFor("***");

        Assert.Equal(AgingPayerBook.IdFor(" *** "), id);
        Assert.Matches("^c-[0-9a-f]{10}$", id);
    }

    [Fact]
    public void Register_SpellingsFoldingToOneSlug_OnePayerWithAliases()
    {
        var book = new AgingPayerBook();

        var first = book.Register("Plomberie Gauthier inc.", new(0, 6));
        var second = book.Register("PLOMBERIE GAUTHIER INC", new(0, 9), reference: "GAU001");

        Assert.Equal(first, second);
        var payer = Assert.Single(book.Payers);
        Assert.Equal("Plomberie Gauthier inc.", payer.Name);
        Assert.Equal(["PLOMBERIE GAUTHIER INC", "GAU001"], payer.Aliases);
    }

    [Theory]
    [InlineData("TOTAL", true, null)]
    [InlineData("Total général", true, null)]
    [InlineData("Total for 1 - 30 days past due", true, "1 - 30 days past due")]
    [InlineData("Total pour Courant", true, "courant")]
    [InlineData("Total Électrique Laval inc.", false, null)]
    [InlineData("Totally Tiles", false, null)]
    public void IsTotal_Labels_GrandOrGroupTotals(string label, bool isTotal, string? group)
    {
        Assert.Equal(isTotal, AgingRowLabels.IsTotal(label, out var parsedGroup));
        Assert.Equal(group is null ? null : Allometry.Adapters.Ledger.Aging.AgingText.Normalize(group), parsedGroup);
    }

    [Theory]
    [InlineData("As of November 20, 2026")]
    [InlineData("As of Nov 20, 2026")]
    [InlineData("A/R Aging Summary As of Friday, November 20, 2026")]
    [InlineData("As at 2026-11-20")]
    [InlineData("As of 20/11/2026")]
    [InlineData("As of 20 Nov 2026")]
    [InlineData("Au 20 novembre 2026")]
    [InlineData("En date du 20 novembre 2026")]
    [InlineData("Date du rapport : 2026-11-20")]
    public void Find_PreambleLines_AsOfDate(string line)
    {
        var finding = AgingAsOfReader.Find([new TabularRow(3, [line])], null);

        Assert.NotNull(finding);
        Assert.Equal((DateParseStatus.Parsed, new DateOnly(2026, 11, 20)), (finding.Outcome.Status, finding.Outcome.Value));
    }

    [Fact]
    public void Find_FirstOfTheMonthInFrench_Parsed()
    {
        var finding = AgingAsOfReader.Find([new TabularRow(2, ["Classement chronologique", "Au 1er décembre 2026"])], null);

        Assert.Equal(new DateOnly(2026, 12, 1), finding!.Outcome.Value);
    }

    [Fact]
    public void Find_NoKeywordOrDateTooFarFromIt_Null()
    {
        Assert.Null(AgingAsOfReader.Find([new TabularRow(1, ["Atelier Boréal inc."]), new TabularRow(2, ["Printed 2026-11-21"])], null));
        Assert.Null(AgingAsOfReader.Find([new TabularRow(1, ["Rénovations au Québec depuis toujours, fondée 1999-01-01"])], null));
    }

    [Fact]
    public void Find_AmbiguousSlashDate_SettledByTheFileOrder()
    {
        TabularRow[] preamble = [new TabularRow(3, ["As of 11/05/2026"])];

        Assert.Equal(DateParseStatus.Ambiguous, AgingAsOfReader.Find(preamble, null)!.Outcome.Status);
        Assert.Equal(new DateOnly(2026, 11, 5), AgingAsOfReader.Find(preamble, DayMonthOrder.Infer(["10/25/2026"]))!.Outcome.Value);
        Assert.Equal(new DateOnly(2026, 5, 11), AgingAsOfReader.Find(preamble, DayMonthOrder.Infer(["25-10-2026"]))!.Outcome.Value);
    }

    [Fact]
    public void Infer_BothOrdersOrNeither_Null()
    {
        Assert.Null(DayMonthOrder.Infer(["03/04/2026", "2026-10-25"]));
        Assert.Null(DayMonthOrder.Infer(["25/10/2026", "10/25/2026"]));
    }
}
