namespace Allometry.Core.Postgres.Tests.Questions;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Questions;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class QuestionServiceTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task AskAsync_NameOfSeveralProjects_OffersChoicesThatResolve()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));

        var card = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "dépôt reçu pour Lévis?", new QuestionContext(), Ct);

        var choices = Assert.IsType<ChoiceListCard>(card);
        Assert.Equal(Language.Fr, choices.Language);
        var ids = choices.Choices.Select(c => c.Data["subject"]).ToList();
        var levis = QuestionTestBed.Sample.Projects.Where(p => p.SiteCity == "Lévis").Select(p => p.ProjectId).ToList();
        Assert.True(levis.Count >= 2);
        Assert.All(levis.Take(SubjectResolverLimit), id => Assert.Contains(id, ids));
        Assert.All(choices.Choices, c => Assert.Equal(ActionVerb.Ask, c.Verb));

        var picked = choices.Choices.First(c => c.Data["subject"] == levis[0]);
        var answer = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, picked.Data["question"],
            new QuestionContext { ChosenSubjectId = picked.Data["subject"] }, Ct);
        var resolved = Assert.IsType<AnswerCard>(answer);
        Assert.Contains(levis[0], resolved.Title, StringComparison.Ordinal);
        Assert.Equal(SampleFigures.DepositOwing(QuestionTestBed.Sample, levis[0]), resolved.HeadlineAmount);
    }

    private const int SubjectResolverLimit = Allometry.Core.Postgres.Questions.SubjectResolver.MaxChoices;

    [Fact]
    public async Task AskAsync_NameOfProjectAndPayer_OffersBoth()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));

        var card = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "balance Maple Ridge", new QuestionContext(), Ct);

        var choices = Assert.IsType<ChoiceListCard>(card);
        var ids = choices.Choices.Select(c => c.Data["subject"]).ToList();
        Assert.Contains("PRJ-1092", ids);
        Assert.Contains("P-014", ids);
    }

    [Fact]
    public async Task AskAsync_ChannelBoundToProject_NoNameUsesThatProject()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var context = new QuestionContext { ChannelProjectId = "PRJ-1111" };

        var owed = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "what's owed?", context, Ct);
        var retenue = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "@Allometry retenue?", context, Ct);

        var answer = Assert.IsType<AnswerCard>(owed);
        Assert.Contains("PRJ-1111", answer.Title, StringComparison.Ordinal);
        Assert.Equal(SampleFigures.ProjectOwed(QuestionTestBed.Sample, "PRJ-1111"), answer.HeadlineAmount);
        var held = Assert.IsType<AnswerCard>(retenue);
        Assert.Equal(Language.Fr, held.Language);
        Assert.Equal(SampleFigures.RetainageHeld(QuestionTestBed.Sample, "PRJ-1111"), held.HeadlineAmount);
    }

    [Fact]
    public async Task AskAsync_NoNameAndNoBoundChannel_AsksWhich()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));

        var card = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "what's owed?", new QuestionContext(), Ct);

        var notice = Assert.IsType<NoticeCard>(card);
        Assert.Contains("Which project", notice.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_ProjectManagerAskingAboutAnotherPmsProject_PoliteRefusalWithoutFigure()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var laval = QuestionTestBed.Sample.Projects.Single(p => p.ProjectId == "PRJ-1111");
        var otherPm = QuestionTestBed.User("noah.chen@borealis.example", Role.ProjectManager, language: Language.Fr);
        Assert.NotEqual(otherPm.Email, laval.PmEmail);

        var card = await service.AskAsync(QuestionTestBed.TenantA, otherPm, "combien est dû sur PRJ-1111?", new QuestionContext(), Ct);

        var notice = Assert.IsType<NoticeCard>(card);
        Assert.Equal(NoticeKind.Warning, notice.Kind);
        Assert.StartsWith("Désolé", notice.Text, StringComparison.Ordinal);
        var figure = MoneyFormat.Number(SampleFigures.ProjectOwed(QuestionTestBed.Sample, "PRJ-1111"), Language.Fr);
        Assert.DoesNotContain(figure, notice.Text + notice.Title + notice.FallbackText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_ProjectManagerOwnProjectOrOpenedSettings_Answers()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var owner = QuestionTestBed.User("Emilie.Gagnon@borealis.example", Role.ProjectManager);
        var other = QuestionTestBed.User("noah.chen@borealis.example", Role.ProjectManager);
        var open = new QuestionContext { Permissions = new PermissionSettings { ProjectManagersSeeAllProjects = true } };

        var own = await service.AskAsync(QuestionTestBed.TenantA, owner, "balance PRJ-1111", new QuestionContext(), Ct);
        var opened = await service.AskAsync(QuestionTestBed.TenantA, other, "balance PRJ-1111", open, Ct);

        var expected = SampleFigures.ProjectOwed(QuestionTestBed.Sample, "PRJ-1111");
        Assert.Equal(expected, Assert.IsType<AnswerCard>(own).HeadlineAmount);
        Assert.Equal(expected, Assert.IsType<AnswerCard>(opened).HeadlineAmount);
    }

    [Fact]
    public async Task AskAsync_ProjectManagerAskingAboutAPayer_SeesOnlyTheirProjectsShare()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var sample = QuestionTestBed.Sample;
        decimal Share(string pmEmail, string payerId) => sample.Invoices.Where(i => i.PayerId == payerId && i.ProjectId is { } id
            && sample.Projects.Any(p => p.ProjectId == id && p.PmEmail == pmEmail)
            && i.Status != Allometry.Core.Ledger.InvoiceStatus.Void && i.Balance != 0m).Sum(i => i.Balance);
        var (pmEmail, payerId) = sample.Projects.Where(p => p.PmEmail is not null)
            .SelectMany(p => sample.Payers.Select(y => (Pm: p.PmEmail!, Payer: y.PayerId)))
            .First(x => Share(x.Pm, x.Payer) > 0m && Share(x.Pm, x.Payer) != SampleFigures.PayerOwed(sample, x.Payer));
        var pm = QuestionTestBed.User(pmEmail, Role.ProjectManager);
        var expected = Share(pmEmail, payerId);

        var card = await service.AskAsync(QuestionTestBed.TenantA, pm, $"what does payer {payerId} owe", new QuestionContext(), Ct);

        Assert.Equal(expected, Assert.IsType<AnswerCard>(card).HeadlineAmount);
    }

    [Fact]
    public async Task AskAsync_UserOfAnotherTenant_NotMemberNotice()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var rivalUser = QuestionTestBed.User("boss@rival.example", Role.Executive, QuestionTestBed.TenantB);

        var card = await service.AskAsync(QuestionTestBed.TenantA, rivalUser, "balance PRJ-1111", new QuestionContext(), Ct);

        Assert.Equal(NoticeKind.Warning, Assert.IsType<NoticeCard>(card).Kind);
    }

    [Fact]
    public async Task AskAsync_FuzzyNameOnlyInOtherTenant_NotFound()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var rivalUser = QuestionTestBed.User("boss@rival.example", Role.Executive, QuestionTestBed.TenantB);

        var fromA = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "what does Zephyr owe?", new QuestionContext(), Ct);
        var fromAByProject = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "balance Hangar Mirabel", new QuestionContext(), Ct);
        var fromB = await service.AskAsync(QuestionTestBed.TenantB, rivalUser, "what does Zephyr owe?", new QuestionContext(), Ct);

        Assert.IsType<NoticeCard>(fromA);
        Assert.IsType<NoticeCard>(fromAByProject);
        var answer = Assert.IsType<AnswerCard>(fromB);
        var rivalPayer = QuestionTestBed.Rival.Payers[0].PayerId;
        Assert.Equal(SampleFigures.PayerOwed(QuestionTestBed.Rival, rivalPayer), answer.HeadlineAmount);
    }

    [Fact]
    public async Task AskAsync_SameIdInBothTenants_EachSeesOnlyItsOwnFigures()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var rivalUser = QuestionTestBed.User("boss@rival.example", Role.Executive, QuestionTestBed.TenantB);
        var id = QuestionTestBed.Sample.Projects
            .Select(p => p.ProjectId)
            .First(i => QuestionTestBed.Rival.Projects.Any(r => r.ProjectId == i)
                && SampleFigures.ProjectOwed(QuestionTestBed.Sample, i) != SampleFigures.ProjectOwed(QuestionTestBed.Rival, i));

        var a = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, $"balance {id}", new QuestionContext(), Ct);
        var b = await service.AskAsync(QuestionTestBed.TenantB, rivalUser, $"balance {id}", new QuestionContext(), Ct);

        Assert.Equal(SampleFigures.ProjectOwed(QuestionTestBed.Sample, id), Assert.IsType<AnswerCard>(a).HeadlineAmount);
        Assert.Equal(SampleFigures.ProjectOwed(QuestionTestBed.Rival, id), Assert.IsType<AnswerCard>(b).HeadlineAmount);
    }

    [Fact]
    public async Task AskAsync_SharedNameFuzzySearch_CandidatesComeOnlyFromTheAskersTenant()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));
        var rivalNames = QuestionTestBed.Rival.Projects.Select(p => p.Name).Concat(QuestionTestBed.Rival.Payers.Select(p => p.Name))
            .Except(QuestionTestBed.Sample.Projects.Select(p => p.Name).Concat(QuestionTestBed.Sample.Payers.Select(p => p.Name)))
            .ToHashSet();
        Assert.NotEmpty(rivalNames);

        var card = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "what's owed on Lévis", new QuestionContext(), Ct);

        var choices = Assert.IsType<ChoiceListCard>(card);
        var ownLabels = QuestionTestBed.Sample.Projects.Select(p => $"{p.Name} ({p.ProjectId})")
            .Concat(QuestionTestBed.Sample.Payers.Select(p => $"{p.Name} ({p.PayerId})")).ToHashSet();
        Assert.All(choices.Choices, c => Assert.Contains(c.Title, ownLabels));
    }

    [Fact]
    public async Task AskAsync_UnknownQuestionInFrench_HelpfulNoticeInFrench()
    {
        var service = QuestionTestBed.Service(await QuestionTestBed.DatabaseAsync(postgres));

        var card = await service.AskAsync(QuestionTestBed.TenantA, QuestionTestBed.Finance, "quelle météo fera-t-il pour le souper ?", new QuestionContext(), Ct);

        var notice = Assert.IsType<NoticeCard>(card);
        Assert.Equal(Language.Fr, notice.Language);
        Assert.Contains("Dépôts en retard", notice.Text, StringComparison.Ordinal);
    }
}
