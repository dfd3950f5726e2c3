namespace Allometry.Core.Postgres.Tests.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Allometry.Testing;

/// <summary>Questions through the conversation door: tenant from the realm, user from the identity, exact answers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationMessageTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ConversationTestBed _bed = new(postgres);

    /// <summary>The sample project with the largest open balance (a figure worth checking to the cent).</summary>
    private static string BusiestProject => ConversationTestBed.Sample.Invoices
        .Where(i => i.ProjectId is not null && i.Status != InvoiceStatus.Void && i.Balance != 0m)
        .GroupBy(i => i.ProjectId!).OrderByDescending(g => g.Sum(i => i.Balance)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static decimal Owed(string project) => ConversationTestBed.Sample.Invoices
        .Where(i => i.ProjectId == project && i.Status != InvoiceStatus.Void && i.Balance != 0m).Sum(i => i.Balance);

    [Fact]
    public async Task OnMessageAsync_QuestionInEnglish_AnswerCardWithExactAmount()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var project = BusiestProject;

        // Act
        var reply = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, $"what's owed on {project}?"), Ct);

        // Assert
        var answer = Assert.IsType<AnswerCard>(Assert.Single(reply.Cards));
        Assert.Equal(Language.En, answer.Language);
        Assert.Equal(Owed(project), answer.HeadlineAmount);
        Assert.Equal(MoneyFormat.Format(Owed(project), Language.En), answer.Headline);
        Assert.Contains(project, answer.Title, StringComparison.Ordinal);
        Assert.False(reply.ReplacesOriginal);
    }

    [Fact]
    public async Task OnMessageAsync_QuestionInFrenchFromEnglishSpeaker_AnswersInFrenchWithCanadianFormat()
    {
        // Arrange: Jordan's language is English; the question is French.
        var space = await _bed.NewWorkspaceAsync();
        var project = BusiestProject;

        // Act
        var reply = await _bed.Service.OnMessageAsync(space.Say(Role.Finance, $"combien est dû sur le projet {project}?"), Ct);

        // Assert
        var answer = Assert.IsType<AnswerCard>(Assert.Single(reply.Cards));
        Assert.Equal(Language.Fr, answer.Language);
        Assert.Equal(Owed(project), answer.HeadlineAmount);
        Assert.Equal(MoneyFormat.Format(Owed(project), Language.Fr), answer.Headline);
        Assert.EndsWith("$", answer.Headline, StringComparison.Ordinal);
        Assert.Contains(',', answer.Headline!);
        Assert.DoesNotContain('.', answer.Headline!);
    }

    [Fact]
    public async Task OnMessageAsync_UnknownRealm_NoticeSaysHowAnAdminConnectsIt()
    {
        // Arrange
        var message = new InboundMessage
        {
            From = new PlatformIdentity(Platform.Teams, "aaaabbbb-0000-1111-2222-333344445555", "29:1abc"),
            Conversation = new ChannelAddress(Platform.Teams, "aaaabbbb-0000-1111-2222-333344445555", "a:1xyz", "https://smba.example/amer/"),
            Text = "what's owed on PRJ-1111?",
            IsPersonal = true,
        };

        // Act
        var reply = await _bed.Service.OnMessageAsync(message, Ct);

        // Assert: both languages, since nobody here is known.
        var notice = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Equal(NoticeKind.Information, notice.Kind);
        Assert.Contains("allometry channels bind --platform teams --realm aaaabbbb-0000-1111-2222-333344445555", notice.Text, StringComparison.Ordinal);
        Assert.Contains("isn't connected", notice.Title, StringComparison.Ordinal);
        Assert.Contains("n'est pas encore relié", notice.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnMessageAsync_UnknownUserInBoundRealm_UnlinkedNoticeOnlyForThem()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var stranger = new InboundMessage
        {
            From = new PlatformIdentity(Platform.Slack, space.Realm, "U0STRANGER"),
            Conversation = space.Channel,
            Text = "top risks",
            Locale = Language.Fr,
        };

        // Act
        var reply = await _bed.Service.OnMessageAsync(stranger, Ct);

        // Assert
        var notice = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Equal(UnlinkedUserNotice.Build(Language.Fr).Title, notice.Title);
        Assert.Contains("allometry users add", notice.Text, StringComparison.Ordinal);
        Assert.True(reply.Private);
    }

    [Fact]
    public async Task OnMessageAsync_UnknownUserVerifiedByDirectory_LinkedAndAnswered()
    {
        // Arrange: the directory of the realm's platform knows U0NEW as Alex Martin's verified email.
        var directory = new DirectoryFake(Platform.Slack, ("U0NEW", "Alex.Martin@borealis.example"));
        var bed = new ConversationTestBed(postgres, [new DirectoryFake(Platform.Teams, ("U0NEW", "claire.bouchard@borealis.example")), directory]);
        var space = await bed.NewWorkspaceAsync();
        var newcomer = new PlatformIdentity(Platform.Slack, space.Realm, "U0NEW");
        var message = new InboundMessage { From = newcomer, Conversation = space.Channel, Text = "help" };

        // Act
        var reply = await bed.Service.OnMessageAsync(message, Ct);

        // Assert: answered as Alex, and the identity is linked for next time.
        var help = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Contains("subscribe morning", help.Text, StringComparison.Ordinal);
        var linked = await bed.Actions.Users.FindByIdentityAsync(space.Tenant, newcomer, Ct);
        Assert.Equal("alex.martin@borealis.example", linked?.Email);
        Assert.Equal(1, directory.Calls);
    }

    [Fact]
    public async Task OnMessageAsync_RealmBoundToTenantA_NeverSeesTenantB()
    {
        // Arrange: two tenants; B's project names are A's too (same generator), so ask by a B-only fact: B's exception ids.
        var a = await _bed.NewWorkspaceAsync();
        var b = await _bed.NewWorkspaceAsync();
        var bException = (await _bed.Actions.OpenAsync(b.Tenant))[0];
        await _bed.Actions.ExecuteAsync("UPDATE projects SET name = 'Quai Zéphyr Boréal' WHERE tenant_id = @tenant AND project_id = @id",
            new { tenant = b.Tenant, id = bException.ProjectId });

        // Act: A's finance asks for B's project by its B-only name, and clicks a forged button on B's exception.
        var asked = await _bed.Service.OnMessageAsync(a.Say(Role.Finance, "what's owed on Quai Zéphyr Boréal?"), Ct);
        var clicked = await _bed.Service.OnActionAsync(a.Click(Role.Finance, new Dictionary<string, string?>
        {
            ["verb"] = "snooze", ["exception"] = bException.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = bException.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["days"] = "3",
        }), Ct);

        // Assert
        Assert.IsNotType<AnswerCard>(Assert.Single(asked.Cards));
        var refused = Assert.IsType<NoticeCard>(Assert.Single(clicked.Cards));
        Assert.Equal(NoticeKind.Error, refused.Kind);
        Assert.False(clicked.ReplacesOriginal);
        Assert.Equal(bException.Version, (await _bed.Actions.CurrentAsync(b.Tenant, bException.Id)).Version);
        Assert.Equal(0, await _bed.Actions.AuditCountAsync(b.Tenant));
    }
}
