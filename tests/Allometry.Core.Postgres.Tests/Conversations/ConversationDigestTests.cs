namespace Allometry.Core.Postgres.Tests.Conversations;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>"morning digest" typed in a conversation: the digest posted there now, and its cards as a shared post shows them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationDigestTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ConversationTestBed _bed = new(postgres);

    [Fact]
    public async Task OnMessageAsync_MorningDigest_PostsTheDigestThenItsFirstCardsWithEveryAction()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();

        // Act
        var reply = await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "morning digest", personal: false), Ct);

        // Assert: the digest first, then one card per item shown, each offering money actions too (a coordinator reads
        // them in a shared conversation, where finance reads them as well).
        var digest = Assert.IsType<DigestCard>(reply.Cards[0]);
        var cards = reply.Cards.Skip(1).Cast<ExceptionCard>().ToList();
        Assert.Equal(Math.Min(5, digest.Items.Count), cards.Count);
        Assert.Equal(digest.Items.Take(cards.Count).Select(i => i.ExceptionIds[0]), cards.Select(c => c.ExceptionId));
        Assert.All(cards, c => Assert.Contains(c.Actions, a => a.Verb == ActionVerb.Escalate));
        Assert.False(reply.Private);
    }

    [Fact]
    public async Task OnActionAsync_CoordinatorClicksReleaseOnASharedCard_IsRefusedAndNothingChanges()
    {
        // Arrange: a retainage card as a shared post shows it.
        var space = await _bed.NewWorkspaceAsync();
        var card = await RetainageCardAsync(space);
        var release = Assert.Single(card.Actions, a => a.Verb == ActionVerb.ReleaseRetainage);

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Coordinator,
            Workspace.Payload(release, ("amount", "100.00"), ("date", "2026-11-20"))), Ct);

        // Assert
        var notice = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Equal(NoticeKind.Error, notice.Kind);
        Assert.False(reply.ReplacesOriginal);
        Assert.Equal(0, await _bed.CountAsync("SELECT count(*) FROM retainage_releases WHERE tenant_id = @tenant", new { tenant = space.Tenant }));
    }

    [Fact]
    public async Task OnActionAsync_DigestOpenButton_PostsTheCardAndKeepsTheDigest()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var digest = Assert.IsType<DigestCard>((await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "sommaire du matin"), Ct)).Cards[0]);
        var open = digest.Items[0].Actions.Single(a => a.Verb == ActionVerb.View);

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Coordinator, Workspace.Payload(open)), Ct);

        // Assert
        Assert.Equal(digest.Items[0].ExceptionIds[0], Assert.IsType<ExceptionCard>(Assert.Single(reply.Cards)).ExceptionId);
        Assert.False(reply.ReplacesOriginal);
        Assert.Equal("1", open.Data[DigestBuilder.OpenKey]);
    }

    private async Task<ExceptionCard> RetainageCardAsync(Workspace space)
    {
        var id = (long)await _bed.CountAsync("""
            SELECT min(exception_id) FROM exceptions
            WHERE tenant_id = @tenant AND status = 'open' AND rule_id IN ('HoldbackReleaseDue', 'RetenueReleaseDue')
            """, new { tenant = space.Tenant });
        var card = await _bed.ExceptionCards.ComposeForChannelAsync(space.Tenant, id, Core.Localization.Language.En, null, Ct);
        return card ?? throw new InvalidOperationException("the sample has no open retainage release exception");
    }
}
