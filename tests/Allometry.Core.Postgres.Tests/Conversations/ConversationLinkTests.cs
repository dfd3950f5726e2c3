namespace Allometry.Core.Postgres.Tests.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>"link me@…" that no directory can verify: the refusal hands the person the administrator's exact command, which then works.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationLinkTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(Language.En, "link", "An Allometry administrator can link this account to your user for you: ")]
    [InlineData(Language.Fr, "relier", "Un administrateur d'Allometry peut relier ce compte à votre utilisateur : ")]
    public async Task OnMessageAsync_LinkNoDirectoryVerifies_RefusalGivesTheAdministratorsCommandWhichLinksThem(Language language, string verb, string sentence)
    {
        // Arrange: no directory at all, as for web chat.
        var bed = new ConversationTestBed(postgres);
        var space = await bed.NewWorkspaceAsync();
        var marie = space.People[Role.Coordinator];
        var account = new PlatformIdentity(Platform.Slack, space.Realm, "U0NEWPHONE");
        InboundMessage Say(string text) => new() { From = account, Conversation = space.Channel, Text = text, IsPersonal = true, Locale = language };

        // Act
        var refused = await bed.Service.OnMessageAsync(Say(verb + " " + marie.Email), Ct);
        var text = Assert.IsType<NoticeCard>(Assert.Single(refused.Cards)).Text;
        await bed.Actions.Users.LinkByAdministratorAsync(space.Tenant, marie.Email, account, Ct);
        var afterwards = await bed.Service.OnMessageAsync(Say("balance PRJ-1111"), Ct);

        // Assert
        Assert.Contains(sentence + $"allometry users link --email {marie.Email} --platform slack --realm {space.Realm} --user-id U0NEWPHONE", text, StringComparison.Ordinal);
        Assert.IsType<AnswerCard>(Assert.Single(afterwards.Cards));
    }
}
