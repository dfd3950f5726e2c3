namespace Allometry.Core.Postgres.Tests.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Testing;

/// <summary>Typed commands through the conversation door, EN and FR.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationCommandTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ConversationTestBed _bed = new(postgres);

    [Fact]
    public async Task OnMessageAsync_AideInChannel_FrenchHelpOnlyForTheSpeaker()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();

        // Act
        var reply = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, "aide", personal: false), Ct);

        // Assert
        var help = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Equal(Language.Fr, help.Language);
        Assert.Contains("abonner matin 7h30", help.Text, StringComparison.Ordinal);
        Assert.True(reply.Private);
    }

    [Fact]
    public async Task OnMessageAsync_Queue_CardsComposedForTheSpeakersRoleAndTheRestCounted()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();

        // Act
        var coordinator = await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "ma file", personal: false), Ct);
        var viewer = await _bed.Service.OnMessageAsync(space.Say(Role.Viewer, "queue"), Ct);

        // Assert
        var cards = coordinator.Cards.OfType<ExceptionCard>().ToList();
        Assert.Equal(ConversationService_QueueCards, cards.Count);
        Assert.All(cards, c => Assert.Equal(Language.Fr, c.Language));
        Assert.All(cards, c => Assert.Contains(c.Actions, a => a.Verb == Allometry.Core.Actions.ActionVerb.Snooze));
        Assert.Contains("autres", Assert.IsType<NoticeCard>(coordinator.Cards[^1]).Title, StringComparison.Ordinal);
        Assert.True(coordinator.Private);
        Assert.All(viewer.Cards.OfType<ExceptionCard>(), c => Assert.Empty(c.Actions));
        Assert.NotEmpty(viewer.Cards.OfType<ExceptionCard>());
    }

    private const int ConversationService_QueueCards = Allometry.Core.Postgres.Conversations.ConversationService.QueueCards;

    [Fact]
    public async Task OnMessageAsync_Summary_WeeklySummaryForFinanceRefusedToAProjectManager()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();

        // Act
        var finance = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, "summary"), Ct);
        var pm = await _bed.Service.OnMessageAsync(space.Say(Role.ProjectManager, "sommaire"), Ct);

        // Assert
        var summary = Assert.IsType<WeeklySummaryCard>(Assert.Single(finance.Cards));
        Assert.Equal(Language.En, summary.Language);
        var refused = Assert.IsType<NoticeCard>(Assert.Single(pm.Cards));
        Assert.Equal(NoticeKind.Warning, refused.Kind);
        Assert.Contains("chargé de projet", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnMessageAsync_SubscribeMorningAndWeekly_StoredForThisChannelThenUnsubscribed()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();

        // Act
        var morning = await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "abonner matin 7h30 America/Vancouver", personal: false), Ct);
        var weekly = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, "subscribe weekly friday 16:00", personal: false), Ct);
        var stored = await _bed.Subscriptions.ListAsync(space.Tenant, Ct);
        var unsubscribed = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, "unsubscribe morning", personal: false), Ct);
        var left = await _bed.Subscriptions.ListAsync(space.Tenant, Ct);

        // Assert
        Assert.Equal(NoticeKind.Confirmation, Assert.IsType<NoticeCard>(Assert.Single(morning.Cards)).Kind);
        Assert.Contains("07:30 (America/Vancouver)", ((NoticeCard)morning.Cards[0]).Title, StringComparison.Ordinal);
        Assert.Contains("Friday 16:00", ((NoticeCard)weekly.Cards[0]).Title, StringComparison.Ordinal);
        Assert.Equal(2, stored.Count);
        var m = Assert.Single(stored, s => s.Kind == DigestKind.Morning);
        Assert.Equal(space.Channel, m.Channel);
        Assert.Equal(Language.Fr, m.Language);
        Assert.Equal(new TimeOnly(7, 30), m.LocalTime);
        Assert.Equal("America/Vancouver", m.TimeZone);
        Assert.Equal("marie.tremblay@borealis.example", m.CreatedBy);
        var w = Assert.Single(stored, s => s.Kind == DigestKind.Weekly);
        Assert.Equal(DayOfWeek.Friday, w.Weekday);
        Assert.Equal("America/Toronto", w.TimeZone);
        Assert.Contains("1", ((NoticeCard)unsubscribed.Cards[0]).Title, StringComparison.Ordinal);
        Assert.Equal(DigestKind.Weekly, Assert.Single(left).Kind);
    }

    [Fact]
    public async Task OnMessageAsync_SubscribeRefusedOrMalformed_NothingStored()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();

        // Act
        var viewer = await _bed.Service.OnMessageAsync(space.Say(Role.Viewer, "subscribe morning", personal: false), Ct);
        var zone = await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "subscribe morning 07:30 Mars/Olympus", personal: false), Ct);
        var word = await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "subscribe morning soonish", personal: false), Ct);

        // Assert
        Assert.Contains("coordinators, finance and executives", Assert.IsType<NoticeCard>(Assert.Single(viewer.Cards)).Text, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", Assert.IsType<NoticeCard>(Assert.Single(zone.Cards)).Text, StringComparison.Ordinal);
        Assert.Contains("“soonish”", Assert.IsType<NoticeCard>(Assert.Single(word.Cards)).Text, StringComparison.Ordinal);
        Assert.All([viewer, zone, word], r => Assert.True(r.Private));
        Assert.Empty(await _bed.Subscriptions.ListAsync(space.Tenant, Ct));
    }

    [Fact]
    public async Task OnMessageAsync_BindProjectThenWhatsOwed_AnswersForTheBoundProjectAndItsDigestIsFiltered()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var project = ConversationTestBed.Sample.Projects
            .First(p => ConversationTestBed.Sample.Invoices.Any(i => i.ProjectId == p.ProjectId && i.Status != InvoiceStatus.Void && i.Balance > 0m));
        var owed = ConversationTestBed.Sample.Invoices
            .Where(i => i.ProjectId == project.ProjectId && i.Status != InvoiceStatus.Void && i.Balance != 0m).Sum(i => i.Balance);

        // Act
        var bind = await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, $"lier projet {project.ProjectId}", personal: false), Ct);
        var asked = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, "what's owed?", personal: false), Ct);
        var inPrivate = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, "what's owed?", personal: true), Ct);
        await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "subscribe morning", personal: false), Ct);

        // Assert
        Assert.Contains(project.ProjectId, Assert.IsType<NoticeCard>(Assert.Single(bind.Cards)).Title, StringComparison.Ordinal);
        var answer = Assert.IsType<AnswerCard>(Assert.Single(asked.Cards));
        Assert.Equal(owed, answer.HeadlineAmount);
        Assert.Contains(project.ProjectId, answer.Title, StringComparison.Ordinal);
        Assert.IsNotType<AnswerCard>(Assert.Single(inPrivate.Cards));
        Assert.Equal([project.ProjectId], Assert.Single(await _bed.Subscriptions.ListAsync(space.Tenant, Ct)).Filter.Projects);
        Assert.Equal(project.ProjectId, (await _bed.Conversations.FindAsync(space.Tenant, space.Channel, Ct))?.ProjectId);
    }

    [Fact]
    public async Task OnMessageAsync_LinkCommandFromUnknownPerson_LinkedOnlyWhenTheDirectoryVerifiesThatEmail()
    {
        // Arrange: the Slack directory knows U0LIAR as liar@elsewhere.example; they claim to be Claire.
        var bed = new ConversationTestBed(postgres, [new DirectoryFake(Platform.Slack, ("U0LIAR", "liar@elsewhere.example"))]);
        var space = await bed.NewWorkspaceAsync();
        InboundMessage From(string user, string text) =>
            new() { From = new PlatformIdentity(Platform.Slack, space.Realm, user), Conversation = space.Channel, Text = text, IsPersonal = true };

        // Act
        var liar = await bed.Service.OnMessageAsync(From("U0LIAR", "link claire.bouchard@borealis.example"), Ct);
        var claimed = await bed.Actions.Users.FindByIdentityAsync(space.Tenant, new PlatformIdentity(Platform.Slack, space.Realm, "U0LIAR"), Ct);

        // Assert
        Assert.Contains("can't confirm", Assert.IsType<NoticeCard>(Assert.Single(liar.Cards)).Text, StringComparison.Ordinal);
        Assert.Null(claimed);
    }

    [Fact]
    public async Task OnInstalledAsync_Channel_RememberedAndWelcomeSubscribeButtonSubscribesIt()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var channel = new ChannelAddress(Platform.Slack, space.Realm, "C0NEWSITE");
        var installer = space.Identity(space.People[Role.Coordinator]);

        // Act
        var welcome = await _bed.Service.OnInstalledAsync(new InstallationEvent { By = installer, Conversation = channel }, Ct);
        var button = Assert.Single(Assert.IsType<NoticeCard>(Assert.Single(welcome.Cards)).Actions);
        var click = await _bed.Service.OnActionAsync(new InboundAction
        {
            From = installer, Conversation = channel, Data = Workspace.Payload(button), IdempotencyKey = "welcome-1",
        }, Ct);

        // Assert: Marie reads French, so the welcome is French.
        Assert.Equal(Language.Fr, welcome.Cards[0].Language);
        Assert.Equal("Abonner ce canal au résumé du matin de 7 h 30", button.Title);
        var remembered = await _bed.Conversations.FindAsync(space.Tenant, channel, Ct);
        Assert.Equal(ConversationKind.Channel, remembered?.Kind);
        Assert.Equal(installer.ToString(), remembered?.InstalledBy);
        Assert.Equal(NoticeKind.Confirmation, Assert.IsType<NoticeCard>(Assert.Single(click.Cards)).Kind);
        var subscription = Assert.Single(await _bed.Subscriptions.ListAsync(space.Tenant, Ct));
        Assert.Equal(channel, subscription.Channel);
        Assert.Equal(new TimeOnly(7, 30), subscription.LocalTime);
        Assert.Equal(DigestKind.Morning, subscription.Kind);
    }

    [Fact]
    public async Task OnActionAsync_ChoiceClick_TheQuestionAnsweredForTheChosenSubject()
    {
        // Arrange: a name several projects share offers choices.
        var space = await _bed.NewWorkspaceAsync();
        var asked = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, "balance Maple Ridge"), Ct);
        var choices = Assert.IsType<ChoiceListCard>(Assert.Single(asked.Cards));
        var pick = choices.Choices[0];

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Finance, Workspace.Payload(pick)), Ct);

        // Assert
        var answer = Assert.IsType<AnswerCard>(Assert.Single(reply.Cards));
        Assert.Contains(pick.Data["subject"], answer.Title, StringComparison.Ordinal);
        Assert.True(reply.ReplacesOriginal);
    }
}
