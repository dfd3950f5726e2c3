namespace Allometry.Bot.Tests.EndToEnd;

using Allometry.Core.Localization;
using Allometry.Testing;
using Dapper;
using Microsoft.Playwright;

/// <summary>
/// The demo as its users work it, in a real browser: the npm Web Chat client on the host's Direct Line
/// channel, relayed to the same <c>/api/messages</c> pipeline Teams uses, against the sample operator
/// in PostgreSQL. Amounts are checked against the ledger's own rows; actions against the audit table.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WebChatEndToEndTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Pm = "priya.natarajan@borealis.example";
    private DemoWebChatHost _demo = null!;

    public async Task InitializeAsync() => _demo = await DemoWebChatHost.StartAsync(postgres);

    public async Task DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task ProjectManager_AsksWhatIsOwedInEnglishAndFrench_SeesTheLedgersAmount()
    {
        // Arrange: the PM's project with the most money owed, and what its open invoices add up to.
        await using var connection = await _demo.Database.DataSource.OpenConnectionAsync();
        var (projectId, name, owed) = await connection.QuerySingleAsync<(string, string, decimal)>("""
            SELECT p.project_id, p.name, sum(i.balance)
            FROM projects p JOIN invoices i ON i.tenant_id = p.tenant_id AND i.project_id = p.project_id
            WHERE p.tenant_id = 'demo' AND p.pm_email = @pm AND i.status <> 'void'
            GROUP BY p.project_id, p.name ORDER BY sum(i.balance) DESC, p.project_id LIMIT 1
            """, new { pm = Pm });
        var english = await _demo.OpenAsync("Priya Natarajan");
        var french = await _demo.OpenAsync("Priya Natarajan", "fr");

        // Act
        await english.SayAsync($"what's owed on project {projectId}?");
        await english.ScreenshotAsync("01-pm-owed-en");
        await french.SayAsync($"combien est dû sur le projet {name}?");
        await french.ScreenshotAsync("02-pm-owed-fr");

        // Assert
        Assert.True(owed > 0);
        Assert.Contains(MoneyFormat.Format(owed, Language.En), await english.BotMessageTextAsync(0), StringComparison.Ordinal);
        Assert.Contains(MoneyFormat.Format(owed, Language.Fr), await french.BotMessageTextAsync(0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_SnoozesAndEscalatesFromTheQueue_CardsUpdateInPlaceAndAreAudited()
    {
        // Arrange
        var chat = await _demo.OpenAsync("Marie Tremblay");
        await chat.SayAsync("my queue");
        var shown = await chat.WaitForQuietAsync();
        await chat.ScreenshotAsync("03-coordinator-queue");

        // Act: snooze the first card, escalate the second with a note.
        var first = chat.BotMessages.Nth(0);
        await WebChatPage.ClickAsync(first, "Snooze 3 days");
        await first.Locator("textarea, input[type=text]").First.FillAsync("Cheque in the mail");
        await first.Locator(".ac-pushButton", new() { HasTextString = "Snooze 3 days" }).Last.ClickAsync();
        await WebChatPage.WaitForTextAsync(first, "Snoozed");
        await first.ScrollIntoViewIfNeededAsync();
        await chat.ScreenshotAsync("04-coordinator-snoozed-in-place");
        var second = chat.BotMessages.Nth(1);
        await WebChatPage.ClickAsync(second, "Escalate");
        await second.Locator("textarea, input[type=text]").First.FillAsync("Customer asked for a call with finance");
        await second.Locator(".ac-pushButton", new() { HasTextString = "Escalate" }).Last.ClickAsync();
        await WebChatPage.WaitForTextAsync(second, "Escalated");
        await second.ScrollIntoViewIfNeededAsync();
        await chat.ScreenshotAsync("05-coordinator-escalated");

        // Assert: each card changed where it was (no new exception card), each click wrote one audit row.
        Assert.True(shown >= 3, $"the queue showed {shown} messages");
        Assert.DoesNotContain("Snoozed", await chat.BotMessageTextAsync(1), StringComparison.Ordinal);
        await using var connection = await _demo.Database.DataSource.OpenConnectionAsync();
        var audit = (await connection.QueryAsync<(string Verb, string Platform, string Email, string? Message)>("""
            SELECT verb, platform, user_email, message_id FROM action_audit WHERE tenant_id = 'demo' ORDER BY audit_id
            """)).ToList();
        Assert.Equal(["snooze", "escalate"], audit.Select(a => a.Verb));
        Assert.All(audit, a => Assert.Equal(("web_chat", "marie.tremblay@borealis.example"), (a.Platform, a.Email)));
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.Message)));
    }

    [Fact]
    public async Task Executive_PostsTheWeeklySummary_SeesTheTotalReceivable()
    {
        // Arrange
        await using var connection = await _demo.Database.DataSource.OpenConnectionAsync();
        var totalAr = await connection.ExecuteScalarAsync<decimal>(
            "SELECT sum(balance) FROM invoices WHERE tenant_id = 'demo' AND status <> 'void'");
        var chat = await _demo.OpenAsync("Claire Bouchard", "fr");

        // Act: the page's "Weekly summary" button.
        await chat.Page.ClickAsync("#post-weekly");
        await chat.WaitForBotMessagesAsync(1);
        await chat.ScreenshotAsync("06-executive-weekly-summary");

        // Assert
        var text = await chat.BotMessageTextAsync(0);
        Assert.Contains(MoneyFormat.Format(totalAr, Language.Fr), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetainageRelease_FinanceReleasesPartOfAHoldback_CoordinatorIsRefused()
    {
        // Arrange: a project with a holdback due, bound to each person's conversation so its digest shows the holdback.
        await using var connection = await _demo.Database.DataSource.OpenConnectionAsync();
        var project = await connection.ExecuteScalarAsync<string>("""
            SELECT project_id FROM exceptions WHERE tenant_id = 'demo' AND status = 'open' AND rule_id = 'HoldbackReleaseDue'
            ORDER BY exception_id LIMIT 1
            """);
        var coordinator = await _demo.OpenAsync("Marie Tremblay");
        var finance = await _demo.OpenAsync("Jordan Smith");

        // Act: the coordinator tries, then finance releases 10,000.00 of it.
        var refusedBefore = await ReleaseFromTheDigestAsync(coordinator, project!, amount: null);
        await coordinator.WaitForBotMessagesAsync(refusedBefore + 1);
        var refusal = await coordinator.BotMessageTextAsync(refusedBefore);
        await coordinator.BotMessages.Nth(refusedBefore).ScrollIntoViewIfNeededAsync();
        await coordinator.ScreenshotAsync("07-coordinator-release-refused");
        var releasedBefore = await ReleaseFromTheDigestAsync(finance, project!, amount: "10000.00");
        await finance.WaitForBotMessagesAsync(releasedBefore + 1);
        await finance.ScreenshotAsync("08-finance-partial-release");

        // Assert
        Assert.Contains("finance", refusal, StringComparison.OrdinalIgnoreCase);
        var releases = (await connection.QueryAsync<(decimal Amount, string Status, string By)>("""
            SELECT r.amount, r.status, u.email FROM retainage_releases r JOIN app_users u ON u.user_id = r.requested_by WHERE r.tenant_id = 'demo'
            """)).ToList();
        Assert.Equal([(10_000.00m, "applied", "jordan.smith@borealis.example")], releases);
        var audit = (await connection.QueryAsync<(string Email, string Outcome)>(
            "SELECT user_email, outcome_kind FROM action_audit WHERE tenant_id = 'demo' AND verb = 'release_retainage' ORDER BY audit_id")).ToList();
        Assert.Equal(("jordan.smith@borealis.example", "Applied"), Assert.Single(audit));
    }

    [Fact]
    public async Task Coordinator_ReroutesAPayerChangeToTheLinkedEntity_CardSaysSoAndIsAudited()
    {
        // Arrange: the conversation bound to the project whose payer changed, so its digest shows that exception.
        await using var connection = await _demo.Database.DataSource.OpenConnectionAsync();
        var project = await connection.ExecuteScalarAsync<string>(
            "SELECT project_id FROM exceptions WHERE tenant_id = 'demo' AND rule_id = 'PayerChangeExposure' ORDER BY exception_id LIMIT 1");
        var chat = await _demo.OpenAsync("Marie Tremblay");
        await chat.SayAsync("bind project " + project);
        await chat.SayAsync("morning digest");
        await chat.WaitForQuietAsync();
        // The digest above it names the exception too: the card is the last message that does.
        var card = chat.BotMessages.Filter(new() { HasTextString = "Payer change" }).Last;

        // Act
        await WebChatPage.ClickAsync(card, "More…");
        await WebChatPage.ClickAsync(card, "Re-route to a linked entity");
        var choices = card.Locator("select").Last;
        var options = await choices.Locator("option").AllAsync();
        await choices.SelectOptionAsync(new SelectOptionValue { Index = options.Count - 1 });
        await card.Locator(".ac-pushButton", new() { HasTextString = "Re-route to a linked entity" }).Last.ClickAsync();
        await WebChatPage.WaitForTextAsync(card, "Re-routed");
        await card.ScrollIntoViewIfNeededAsync();
        await chat.ScreenshotAsync("09-coordinator-rerouted");

        // Assert
        var rerouted = await connection.QuerySingleAsync<(string? Payer, long Audits)>("""
            SELECT (SELECT rerouted_payer_id FROM exceptions WHERE tenant_id = 'demo' AND rule_id = 'PayerChangeExposure' ORDER BY exception_id LIMIT 1),
                   (SELECT count(*) FROM action_audit WHERE tenant_id = 'demo' AND verb = 'reroute' AND outcome_kind = 'Applied')
            """);
        Assert.False(string.IsNullOrEmpty(rerouted.Payer));
        Assert.Equal(1, rerouted.Audits);
    }

    /// <summary>Binds the conversation to <paramref name="project"/>, posts its morning digest and submits the holdback card's release form; returns the bot message count before the submit.</summary>
    private static async Task<int> ReleaseFromTheDigestAsync(WebChatPage chat, string project, string? amount)
    {
        await chat.SayAsync("bind project " + project);
        await chat.SayAsync("morning digest");
        await chat.WaitForQuietAsync();
        var card = chat.BotMessages.Filter(new() { HasTextString = "Holdback release due" }).Last;
        await WebChatPage.ClickAsync(card, "More…");
        await WebChatPage.ClickAsync(card, "Mark retainage released");
        if (amount is not null)
        {
            await card.Locator("input[type=text]").Last.FillAsync(amount);
        }
        await card.Locator("input[type=date]").Last.FillAsync("2026-11-20");
        await card.Locator("input[type=checkbox]").Last.CheckAsync();
        var before = await chat.BotMessages.CountAsync();
        await card.Locator(".ac-pushButton", new() { HasTextString = "Mark retainage released" }).Last.ClickAsync();
        return before;
    }
}
