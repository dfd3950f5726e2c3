namespace Allometry.Adapters.Teams.Tests.EndToEnd;

using System.Net;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Activities;
using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Testing;

/// <summary>
/// User-specific views end to end: an exception card posted into a channel names its linked viewers in
/// <c>refresh.userIds</c> (from the connector's roster and the tenant's linked people), and Teams' refresh invoke
/// answers each viewer with the card their role allows.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamsRefreshTests(PostgresFixture postgres)
{
    private const string PmEmail = "priya.natarajan@borealis.example";

    [Fact]
    public async Task PostAsync_ExceptionCardIntoAChannel_RefreshNamesTheLinkedMembersMoneyRolesFirstGuestsLeftOut()
    {
        // Arrange: the channel holds everyone seeded (linked) and two guests (not users of the tenant).
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        var guests = new[] { FakeBotFramework.Member("29:guest-1", Guid.NewGuid().ToString(), "Guest One"), FakeBotFramework.Member("29:guest-2", Guid.NewGuid().ToString(), "Guest Two") };
        bed.Fake.Members[Captures.ChannelId] = [guests[0], .. bed.Everyone.Select(TeamsTestBed.MemberOf), guests[1]];
        var card = await PmsExceptionCardAsync(bed);
        var channel = bed.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);

        // Act
        var posted = await channel.PostAsync(new ChannelAddress(Platform.Teams, bed.Realm, Captures.ChannelId, bed.Fake.ServiceUrl), card, CancellationToken.None);
        await channel.UpdateAsync(posted, card with { StatusLine = "Escalated" }, CancellationToken.None);

        // Assert
        var calls = await bed.Fake.WaitForDeliveredAsync(2);
        var ids = UserIds(calls[0].Card!);
        var roleOf = bed.Everyone.ToDictionary(TeamsTestBed.MriOf, u => u.RoleIn(bed.Tenant)!.Value);
        Assert.Equal(bed.Everyone.Count, ids.Count);
        Assert.DoesNotContain("29:guest-1", ids);
        Assert.DoesNotContain("29:guest-2", ids);
        Assert.Equal([Role.Finance, Role.Finance, Role.Executive], ids.Take(3).Select(id => roleOf[id]).Order());
        Assert.Equal(Role.Coordinator, roleOf[ids[3]]);
        Assert.Equal(TeamsTestBed.MriOf(bed.People[Role.ProjectManager]), ids[4]);
        Assert.Equal(Role.Viewer, roleOf[ids[^1]]);
        Assert.Equal(ids, UserIds(calls[1].Card!));
        Assert.Single(bed.Fake.MemberReads);
    }

    [Fact]
    public async Task Invoke_RefreshFromFinanceAndFromAViewer_EachGetsTheButtonsTheirRoleAllowsAndTheCardKeepsRefreshing()
    {
        // Arrange: both are members of the channel the card was posted to.
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        bed.Fake.Members[Captures.ChannelId] = [.. bed.Everyone.Select(TeamsTestBed.MemberOf)];
        var card = await PmsExceptionCardAsync(bed);
        var refreshData = (JsonObject)CardActivities.Render(card)["refresh"]!["action"]!["data"]!.DeepClone();

        // Act: Teams refreshes the card for each of them (trigger automatic) in the channel thread.
        var finance = await RefreshAsync(bed, Role.Finance, refreshData, "f:refresh-finance");
        var viewer = await RefreshAsync(bed, Role.Viewer, refreshData, "f:refresh-viewer");
        var pm = await RefreshAsync(bed, Role.ProjectManager, refreshData, "f:refresh-pm");

        // Assert
        var financeVerbs = Verbs(finance);
        var viewerVerbs = Verbs(viewer);
        var pmVerbs = Verbs(pm);
        Assert.Contains("snooze", financeVerbs);
        Assert.Contains("escalate", financeVerbs);
        Assert.Contains("record_promise", financeVerbs);
        Assert.DoesNotContain("snooze", viewerVerbs);
        Assert.DoesNotContain("record_promise", viewerVerbs);
        Assert.Empty(viewerVerbs);
        // The project's own PM: notes and promises, never the queue's moves.
        Assert.Contains("record_promise", pmVerbs);
        Assert.DoesNotContain("snooze", pmVerbs);
        Assert.Contains(card.Title, Text(finance), StringComparison.Ordinal);
        Assert.Contains(card.Title, Text(viewer), StringComparison.Ordinal);
        Assert.All(new[] { finance, viewer, pm }, c => Assert.Equal(bed.Everyone.Count, UserIds(c).Count));
        Assert.Contains(TeamsTestBed.MriOf(bed.People[Role.Viewer]), UserIds(viewer));
    }

    [Fact]
    public async Task PostAsync_ToAUsersPersonalChat_NamesThatUserReadFromTheNewChatsRoster()
    {
        // Arrange: the outbox addresses the coordinator by MRI; the chat the connector creates lists them.
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        var coordinator = bed.People[Role.Coordinator];
        var card = await PmsExceptionCardAsync(bed);
        var channel = bed.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);
        var address = new ChannelAddress(Platform.Teams, bed.Realm, TeamsTestBed.MriOf(coordinator), bed.Fake.ServiceUrl);

        // Act: the fake names the chat "a:1chat-<n>"; its roster is registered once the chat id is known.
        bed.Fake.Members["a:1chat-1001"] = [TeamsTestBed.MemberOf(coordinator)];
        var posted = await channel.PostAsync(address, card, CancellationToken.None);

        // Assert
        Assert.Equal("a:1chat-1001", posted.Address.ConversationId);
        var sent = await bed.Fake.WaitForDeliveredAsync(c => c.RawTarget.EndsWith("/activities", StringComparison.Ordinal));
        Assert.Equal([TeamsTestBed.MriOf(coordinator)], UserIds(sent.Card!));
        Assert.Equal("a:1chat-1001", Assert.Single(bed.Fake.MemberReads).Conversation);
    }

    [Fact]
    public async Task PostAsync_ConnectorRefusesTheRoster_CardStillPostedWithRefreshButNoUserIds()
    {
        // Arrange
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        bed.Fake.MembersFailure = new ScriptedFailure(403, ErrorCode: "BotNotInConversationRoster", ErrorMessage: "The bot isn't part of the conversation roster.");
        var card = await PmsExceptionCardAsync(bed);
        var channel = bed.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);

        // Act
        await channel.PostAsync(new ChannelAddress(Platform.Teams, bed.Realm, Captures.ChannelId, bed.Fake.ServiceUrl), card, CancellationToken.None);

        // Assert
        var created = Assert.Single(await bed.Fake.WaitForDeliveredAsync(1));
        var refresh = created.Card!["refresh"]!;
        Assert.Equal("refresh", refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Null(refresh["userIds"]);
        Assert.Single(bed.Fake.MemberReads);
    }

    // An open exception of a project Priya (the seeded PM) manages, composed for the channel (every role's buttons).
    private static async Task<ExceptionCard> PmsExceptionCardAsync(TeamsTestBed bed)
    {
        var id = await bed.ScalarAsync<long>("""
            SELECT e.exception_id FROM exceptions e
            JOIN projects p ON p.tenant_id = e.tenant_id AND p.project_id = e.project_id
            WHERE e.tenant_id = @tenant AND lower(p.pm_email) = @pm AND e.status = 'open'
            ORDER BY e.exception_id LIMIT 1
            """, new { tenant = bed.Tenant, pm = PmEmail });
        var card = await bed.Host.Get<ExceptionCardService>().ComposeForChannelAsync(bed.Tenant, id, Language.En, null, CancellationToken.None);
        return card ?? throw new InvalidOperationException($"exception {id} did not compose");
    }

    private static async Task<JsonObject> RefreshAsync(TeamsTestBed bed, Role role, JsonObject data, string activityId)
    {
        var invoke = Captures.Invoke(bed.Fake.ServiceUrl, "refresh", (JsonObject)data.DeepClone(), id: activityId);
        invoke["conversation"] = new JsonObject { ["id"] = Captures.ChannelThread, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = bed.Realm };
        invoke["value"]!["trigger"] = "automatic";
        using var response = await bed.PostAsync(bed.As(role, invoke));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return (JsonObject)body["value"]!;
    }

    private static List<string> Verbs(JsonObject card) =>
        [.. TeamsTestBed.ExecuteActions(card["actions"]).Select(a => a["verb"]!.GetValue<string>()).Distinct()];

    private static string Text(JsonObject card) =>
        card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static List<string> UserIds(JsonObject card) =>
        [.. card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>())];
}
