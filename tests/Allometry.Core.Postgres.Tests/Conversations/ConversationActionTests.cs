namespace Allometry.Core.Postgres.Tests.Conversations;

using System.Globalization;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>Card clicks through the conversation door: fresh card for the clicker, idempotent, versioned, authorized.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationActionTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ConversationTestBed _bed = new(postgres);

    private static Dictionary<string, string?> Data(string verb, long id, int version, params (string Key, string Value)[] args)
    {
        var data = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["verb"] = verb, ["exception"] = id.ToString(CultureInfo.InvariantCulture), ["version"] = version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in args) data[key] = value;
        return data;
    }

    [Fact]
    public async Task OnActionAsync_SnoozeClick_FreshCardReplacesOriginalThenConfirmation()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var pick = (await _bed.Actions.OpenAsync(space.Tenant))[0];

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Coordinator, Data("snooze", pick.Id, pick.Version, ("days", "3"), ("reason", "Cheque in the mail"))), Ct);

        // Assert
        Assert.True(reply.ReplacesOriginal);
        Assert.Equal(2, reply.Cards.Count);
        var card = Assert.IsType<ExceptionCard>(reply.Cards[0]);
        Assert.Equal(pick.Id, card.ExceptionId);
        Assert.Equal(pick.Version + 1, card.Version);
        Assert.Contains("(Cheque in the mail)", card.StatusLine, StringComparison.Ordinal);
        Assert.All(card.Actions, a => Assert.Equal(pick.Version + 1, a.ExceptionVersion));
        var notice = Assert.IsType<NoticeCard>(reply.Cards[1]);
        Assert.Equal(NoticeKind.Confirmation, notice.Kind);
        Assert.Equal("snoozed", (await _bed.Actions.CurrentAsync(space.Tenant, pick.Id)).Linked);
        Assert.Equal(1, await _bed.CountAsync(
            "SELECT count(*) FROM action_audit WHERE tenant_id = @tenant AND exception_id = @id AND platform = 'slack' AND message_id = '1732198440.000100'",
            new { tenant = space.Tenant, id = pick.Id }));
    }

    [Fact]
    public async Task OnActionAsync_ButtonFromComposedCard_RoundTripsThroughThePayload()
    {
        // Arrange: the coordinator's own queue card, its "Snooze 3 days" button as a channel would hand it back.
        var space = await _bed.NewWorkspaceAsync();
        var queue = await _bed.Service.OnMessageAsync(space.Say(Role.Coordinator, "queue"), Ct);
        var card = Assert.IsType<ExceptionCard>(queue.Cards[0]);
        var button = card.Actions.Single(a => a.Verb == ActionVerb.Snooze && a.Data.TryGetValue("days", out var d) && d == "3");

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Coordinator, Workspace.Payload(button, ("reason", ""))), Ct);

        // Assert
        var fresh = Assert.IsType<ExceptionCard>(reply.Cards[0]);
        Assert.Equal(card.Version + 1, fresh.Version);
        Assert.Equal(Language.Fr, fresh.Language); // Marie reads French.
        Assert.StartsWith("En veille jusqu'au 2026-11-24", fresh.StatusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnActionAsync_StaleCard_FreshCardAndWhoChangedIt()
    {
        // Arrange: Marie snoozes; Jordan's card still shows the old version.
        var space = await _bed.NewWorkspaceAsync();
        var pick = (await _bed.Actions.OpenAsync(space.Tenant))[0];
        await _bed.Service.OnActionAsync(space.Click(Role.Coordinator, Data("snooze", pick.Id, pick.Version, ("days", "1"))), Ct);

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Finance, Data("assign_to_me", pick.Id, pick.Version), locale: Language.Fr), Ct);

        // Assert
        Assert.True(reply.ReplacesOriginal);
        var card = Assert.IsType<ExceptionCard>(reply.Cards[0]);
        Assert.Equal(pick.Version + 1, card.Version);
        Assert.Equal(Language.Fr, card.Language);
        var warning = Assert.IsType<NoticeCard>(reply.Cards[1]);
        Assert.Equal(NoticeKind.Warning, warning.Kind);
        Assert.StartsWith("Déjà reporté par Marie Tremblay à 09 h 14.", warning.Title, StringComparison.Ordinal);
        Assert.Equal(1, await _bed.Actions.AuditCountAsync(space.Tenant, pick.Id));
    }

    [Fact]
    public async Task OnActionAsync_ViewerTriesToSnooze_RefusedAndCardKept()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var pick = (await _bed.Actions.OpenAsync(space.Tenant))[0];

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Viewer, Data("snooze", pick.Id, pick.Version, ("days", "7"))), Ct);

        // Assert
        Assert.False(reply.ReplacesOriginal);
        Assert.True(reply.Private);
        var notice = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Equal(NoticeKind.Error, notice.Kind);
        Assert.Equal(pick.Version, (await _bed.Actions.CurrentAsync(space.Tenant, pick.Id)).Version);
        Assert.Equal(0, await _bed.Actions.AuditCountAsync(space.Tenant, pick.Id));
    }

    [Fact]
    public async Task OnActionAsync_BadDateInput_InputErrorKeyedByInputIdAndNothingChanged()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var pick = (await _bed.Actions.OpenAsync(space.Tenant))[0];

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Coordinator, Data("snooze", pick.Id, pick.Version, ("until", "next tuesday"))), Ct);

        // Assert
        Assert.False(reply.ReplacesOriginal);
        var error = Assert.Single(reply.InputErrors);
        Assert.Equal("until", error.Key);
        Assert.Contains("next tuesday", error.Value, StringComparison.Ordinal);
        Assert.Equal(NoticeKind.Error, Assert.IsType<NoticeCard>(Assert.Single(reply.Cards)).Kind);
        Assert.Equal(pick.Version, (await _bed.Actions.CurrentAsync(space.Tenant, pick.Id)).Version);
    }

    [Fact]
    public async Task OnActionAsync_MalformedPayload_ErrorNotice()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();

        // Act
        var reply = await _bed.Service.OnActionAsync(space.Click(Role.Coordinator, new Dictionary<string, string?> { ["verb"] = "snooze", ["exception"] = "12abc" }), Ct);

        // Assert
        var notice = Assert.IsType<NoticeCard>(Assert.Single(reply.Cards));
        Assert.Equal(NoticeKind.Error, notice.Kind);
        Assert.Contains("button", notice.Title, StringComparison.Ordinal);
        Assert.False(reply.ReplacesOriginal);
    }

    [Fact]
    public async Task OnActionAsync_ViewRefresh_EachViewerGetsTheirRolesButtonsAndNothingIsAudited()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var pick = (await _bed.Actions.OpenAsync(space.Tenant))[0];

        // Act
        var asViewer = await _bed.Service.OnActionAsync(space.Click(Role.Viewer, Data("view", pick.Id, pick.Version)), Ct);
        var asCoordinator = await _bed.Service.OnActionAsync(space.Click(Role.Coordinator, Data("view", pick.Id, pick.Version)), Ct);

        // Assert
        var viewerCard = Assert.IsType<ExceptionCard>(Assert.Single(asViewer.Cards));
        var coordinatorCard = Assert.IsType<ExceptionCard>(Assert.Single(asCoordinator.Cards));
        Assert.True(asViewer.ReplacesOriginal);
        Assert.Empty(viewerCard.Actions);
        Assert.Contains(coordinatorCard.Actions, a => a.Verb == ActionVerb.Snooze);
        Assert.DoesNotContain(coordinatorCard.Actions, a => a.Verb == ActionVerb.ReleaseRetainage);
        Assert.Equal(pick.Version, coordinatorCard.Version);
        Assert.Equal(0, await _bed.Actions.AuditCountAsync(space.Tenant));
    }

    [Fact]
    public async Task OnActionAsync_FiftyConcurrentDeliveriesOfOneClick_OneStateChangeOneAuditRow()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var pick = (await _bed.Actions.OpenAsync(space.Tenant))[0];
        var click = space.Click(Role.Coordinator, Data("snooze", pick.Id, pick.Version, ("days", "7")), key: "slack:C0FINANCE:1732198440.000100:snooze");

        // Act
        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _bed.Service.OnActionAsync(click, Ct))));

        // Assert: every delivery gets the fresh card; the exception changed once.
        Assert.All(replies, r => Assert.Equal(pick.Version + 1, Assert.IsType<ExceptionCard>(r.Cards[0]).Version));
        Assert.All(replies, r => Assert.True(r.ReplacesOriginal));
        Assert.Equal(pick.Version + 1, (await _bed.Actions.CurrentAsync(space.Tenant, pick.Id)).Version);
        Assert.Equal(1, await _bed.Actions.AuditCountAsync(space.Tenant, pick.Id));
        Assert.Equal(1, await _bed.CountAsync(
            "SELECT count(*) FROM exception_history WHERE tenant_id = @tenant AND exception_id = @id AND kind = 'snoozed'", new { tenant = space.Tenant, id = pick.Id }));
        Assert.Equal(ExceptionStatus.Snoozed.ToString().ToLowerInvariant(), (await _bed.Actions.CurrentAsync(space.Tenant, pick.Id)).Linked);
    }
}
