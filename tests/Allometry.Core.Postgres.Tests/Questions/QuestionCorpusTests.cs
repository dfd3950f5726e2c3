namespace Allometry.Core.Postgres.Tests.Questions;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.Questions;
using Allometry.Testing;

/// <summary>
/// The question corpus: English and French phrasings (mention residue, accents or not, ids in
/// several spellings) with the intent, the subject they must resolve to on the imported sample
/// operator, and the exact figure — computed here from the sample's own rows.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class QuestionCorpusTests(PostgresFixture postgres)
{
    // text | intent | language | subject id ("" = none) | measure | days
    public static TheoryData<string, QuestionIntent, Language, string, string, int> Corpus => new()
    {
        // What's owed on a project or site
        { "What's owed on project Maple Ridge?", QuestionIntent.Owed, Language.En, "PRJ-1092", "project", 0 },
        { "balance PRJ-1092", QuestionIntent.Owed, Language.En, "PRJ-1092", "project", 0 },
        { "combien est dû sur le projet Maple Ridge?", QuestionIntent.Owed, Language.Fr, "PRJ-1092", "project", 0 },
        { "solde du projet prj1111", QuestionIntent.Owed, Language.Fr, "PRJ-1111", "project", 0 },
        { "<at>Allometry</at> how much is outstanding on Marché Laval?", QuestionIntent.Owed, Language.En, "PRJ-1111", "project", 0 },
        { "What is owed on the Kitchener site?", QuestionIntent.Owed, Language.En, "PRJ-1102", "project", 0 },
        { "Montant dû sur le chantier Les Méandres", QuestionIntent.Owed, Language.Fr, "PRJ-1110", "project", 0 },
        { "OWED ON PRJ-1111!!!", QuestionIntent.Owed, Language.En, "PRJ-1111", "project", 0 },
        { "qu'est-ce qui reste à recevoir sur Rimouski?", QuestionIntent.Owed, Language.Fr, "PRJ-1099", "project", 0 },
        { "how much is left on project 'Terminus Rimouski'?", QuestionIntent.Owed, Language.En, "PRJ-1099", "project", 0 },
        { "<@U0ABC123> balance Kitchener", QuestionIntent.Owed, Language.En, "PRJ-1102", "project", 0 },
        { "Solde Rooftop solar Yard Kitchener", QuestionIntent.Owed, Language.Fr, "PRJ-1102", "project", 0 },
        { "what's outstanding on prj-1113", QuestionIntent.Owed, Language.En, "PRJ-1113", "project", 0 },
        { "combien reste-t-il sur PRJ-1112 ?", QuestionIntent.Owed, Language.Fr, "PRJ-1112", "project", 0 },
        { "what do we have open on les meandres", QuestionIntent.Owed, Language.En, "PRJ-1110", "project", 0 },
        { "@allometry balance on prj 1105", QuestionIntent.Owed, Language.En, "PRJ-1105", "project", 0 },
        { "Combien à recevoir pour Ombrière solaire Complexe Rivière-du-Loup ?", QuestionIntent.Owed, Language.Fr, "PRJ-1101", "project", 0 },
        // What does a payer owe
        { "What does Northwind Retail owe?", QuestionIntent.Owed, Language.En, "P-007", "payer", 0 },
        { "combien nous doit Kawartha Lakes?", QuestionIntent.Owed, Language.Fr, "P-041", "payer", 0 },
        { "how much does Bluenose Marina owe us", QuestionIntent.Owed, Language.En, "P-015", "payer", 0 },
        { "solde du client Frontenac Parking", QuestionIntent.Owed, Language.Fr, "P-030", "payer", 0 },
        { "what is owed by Okanagan Orchard", QuestionIntent.Owed, Language.En, "P-016", "payer", 0 },
        { "Combien doit le payeur Dépanneur Chez Hélène ?", QuestionIntent.Owed, Language.Fr, "P-029", "payer", 0 },
        { "balance for customer Grand River Agri", QuestionIntent.Owed, Language.En, "P-024", "payer", 0 },
        { "what does Maple Ridge owe?", QuestionIntent.Owed, Language.En, "P-014", "payer", 0 },
        { "Halifax Harbour Condos doit combien?", QuestionIntent.Owed, Language.Fr, "P-027", "payer", 0 },
        { "what's owed by payer P-033", QuestionIntent.Owed, Language.En, "P-033", "payer", 0 },
        { "combien nous doit le client Cape Breton Community Health", QuestionIntent.Owed, Language.Fr, "P-034", "payer", 0 },
        // Exposure for a linked group
        { "exposure for group Northwind", QuestionIntent.GroupExposure, Language.En, "P-007", "group", 0 },
        { "exposition du groupe Érablière", QuestionIntent.GroupExposure, Language.Fr, "P-001", "group", 0 },
        { "Group exposure Erabliere", QuestionIntent.GroupExposure, Language.En, "P-001", "group", 0 },
        { "what's our exposure to the Northwind Grocers group?", QuestionIntent.GroupExposure, Language.En, "P-007", "group", 0 },
        { "exposition totale groupe Nordvent", QuestionIntent.GroupExposure, Language.Fr, "P-007", "group", 0 },
        { "exposure Bluenose Marina", QuestionIntent.GroupExposure, Language.En, "P-015", "group", 0 },
        // Retainage / retenue
        { "retenue Laval", QuestionIntent.Retainage, Language.Fr, "PRJ-1111", "retainage", 0 },
        { "retainage on Marché Laval", QuestionIntent.Retainage, Language.En, "PRJ-1111", "retainage", 0 },
        { "holdback PRJ-1111", QuestionIntent.Retainage, Language.En, "PRJ-1111", "retainage", 0 },
        { "quelle est la retenue sur le projet Les Méandres?", QuestionIntent.Retainage, Language.Fr, "PRJ-1110", "retainage", 0 },
        { "How much retainage is held on Kitchener?", QuestionIntent.Retainage, Language.En, "PRJ-1102", "retainage", 0 },
        { "retenues prj1097", QuestionIntent.Retainage, Language.Fr, "PRJ-1097", "retainage", 0 },
        { "Holdback on Rooftop solar — Campus Hamilton", QuestionIntent.Retainage, Language.En, "PRJ-1097", "retainage", 0 },
        { "retenue contractuelle sur PRJ-1113", QuestionIntent.Retainage, Language.Fr, "PRJ-1113", "retainage", 0 },
        // Is the deposit in
        { "is the deposit in for Maple Ridge?", QuestionIntent.Deposit, Language.En, "PRJ-1092", "deposit", 0 },
        { "dépôt reçu pour Les Méandres?", QuestionIntent.Deposit, Language.Fr, "PRJ-1110", "deposit", 0 },
        { "has the deposit been paid on PRJ-1093", QuestionIntent.Deposit, Language.En, "PRJ-1093", "deposit", 0 },
        { "acompte versé pour Rimouski?", QuestionIntent.Deposit, Language.Fr, "PRJ-1099", "deposit", 0 },
        { "Deposit status Kitchener", QuestionIntent.Deposit, Language.En, "PRJ-1102", "deposit", 0 },
        { "le dépôt est-il payé pour le projet PRJ-1026 ?", QuestionIntent.Deposit, Language.Fr, "PRJ-1026", "deposit", 0 },
        // Lists
        { "overdue deposits", QuestionIntent.OverdueDeposits, Language.En, "", "overdue-deposits", 0 },
        { "dépôts en retard", QuestionIntent.OverdueDeposits, Language.Fr, "", "overdue-deposits", 0 },
        { "which deposits are late?", QuestionIntent.OverdueDeposits, Language.En, "", "overdue-deposits", 0 },
        { "acomptes impayés", QuestionIntent.OverdueDeposits, Language.Fr, "", "overdue-deposits", 0 },
        { "renewals due in 30 days", QuestionIntent.RenewalsDue, Language.En, "", "renewals", 30 },
        { "renouvellements dans les 90 prochains jours", QuestionIntent.RenewalsDue, Language.Fr, "", "renewals", 90 },
        { "upcoming renewals", QuestionIntent.RenewalsDue, Language.En, "", "renewals", 60 },
        { "quels contrats à renouveler ce mois-ci?", QuestionIntent.RenewalsDue, Language.Fr, "", "renewals", 30 },
        { "who owes us the most", QuestionIntent.TopDebtors, Language.En, "", "top-debtor", 0 },
        { "qui nous doit le plus?", QuestionIntent.TopDebtors, Language.Fr, "", "top-debtor", 0 },
        { "Who owes us the most money?", QuestionIntent.TopDebtors, Language.En, "", "top-debtor", 0 },
        { "plus gros débiteurs", QuestionIntent.TopDebtors, Language.Fr, "", "top-debtor", 0 },
        { "top risks", QuestionIntent.TopRisks, Language.En, "", "list", 0 },
        { "principaux risques", QuestionIntent.TopRisks, Language.Fr, "", "list", 0 },
        { "what are the biggest risks?", QuestionIntent.TopRisks, Language.En, "", "list", 0 },
        { "my queue", QuestionIntent.MyQueue, Language.En, "", "list", 0 },
        { "ma file", QuestionIntent.MyQueue, Language.Fr, "", "list", 0 },
        { "show me my exceptions", QuestionIntent.MyQueue, Language.En, "", "list", 0 },
        { "what changed since yesterday?", QuestionIntent.ChangedSinceYesterday, Language.En, "", "list", 0 },
        { "quoi de neuf depuis hier?", QuestionIntent.ChangedSinceYesterday, Language.Fr, "", "list", 0 },
        // Help
        { "help", QuestionIntent.Help, Language.En, "", "help", 0 },
        { "aide", QuestionIntent.Help, Language.Fr, "", "help", 0 },
        { "@Allometry what can you do?", QuestionIntent.Help, Language.En, "", "help", 0 },
        { "Que peux-tu faire?", QuestionIntent.Help, Language.Fr, "", "help", 0 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task AskAsync_CorpusPhrasing_ResolvesAndAnswersExactly(
        string text, QuestionIntent intent, Language language, string subject, string measure, int days)
    {
        var database = await QuestionTestBed.DatabaseAsync(postgres);
        var sample = QuestionTestBed.Sample;
        var parsed = IntentRecognizer.Recognize(text);

        var card = await QuestionTestBed.Service(database).AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, text, new QuestionContext(), CancellationToken.None);

        Assert.Equal(intent, parsed.Intent);
        Assert.Equal(language, card.Language);
        if (measure == "help")
        {
            var notice = Assert.IsType<NoticeCard>(card);
            Assert.Contains(language == Language.Fr ? "Retenue" : "Retainage", notice.Text, StringComparison.Ordinal);
            return;
        }
        var answer = Assert.IsType<AnswerCard>(card);
        if (subject.Length > 0) Assert.Contains($"({subject})", answer.Title, StringComparison.Ordinal);
        decimal? expected = measure switch
        {
            "project" => SampleFigures.ProjectOwed(sample, subject),
            "payer" => SampleFigures.PayerOwed(sample, subject),
            "group" => SampleFigures.GroupOwed(sample, subject),
            "retainage" => SampleFigures.RetainageHeld(sample, subject),
            "deposit" => SampleFigures.DepositOwing(sample, subject),
            "overdue-deposits" => SampleFigures.OverdueDeposits(sample),
            "renewals" => SampleFigures.Renewals(sample, days),
            _ => null,
        };
        Assert.Equal(expected, answer.HeadlineAmount);
        if (expected is { } amount) Assert.Equal(MoneyFormat.Format(amount, language), answer.Headline);
        if (measure == "project")
        {
            Assert.Equal(SampleFigures.ProjectOpenInvoices(sample, subject), answer.Citations.Count + answer.MoreRows);
            Assert.All(answer.Citations, c => Assert.Equal("invoices", c.Sheet));
        }
        if (measure == "top-debtor") Assert.Equal(SampleFigures.TopDebtor(sample), answer.Citations[0].RowId);
    }

    [Fact]
    public void Corpus_HasSixtyPhrasingsInBothLanguages_AtLeast()
    {
        var rows = Corpus.Select(r => (Language)r[2]).ToList();

        Assert.True(rows.Count >= 60, $"{rows.Count} phrasings");
        Assert.True(rows.Count(l => l == Language.Fr) >= 25);
        Assert.True(rows.Count(l => l == Language.En) >= 25);
    }
}
