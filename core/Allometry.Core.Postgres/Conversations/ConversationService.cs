namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Questions;
using Allometry.Core.Questions;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The one door Teams, Slack and the web chat use (<see cref="IConversation"/>). Every call first
/// finds the tenant from the speaker's realm (<see cref="ChatRealmStore"/>; an unconnected
/// workspace gets a notice saying how an admin connects it), then the internal user behind the
/// platform identity (<see cref="UserStore"/>, linking by the email a platform
/// <see cref="IDirectory"/> verifies; an unknown person gets <see cref="UnlinkedUserNotice"/>), and
/// only then answers: commands (<c>ConversationService.Commands.cs</c>), questions
/// (<see cref="QuestionService"/>), card clicks (<c>ConversationService.Actions.cs</c>) and
/// installations (<c>ConversationService.Installation.cs</c>). Nothing is ever dropped silently.
/// </summary>
public sealed partial class ConversationService(
    ConversationServices services, IEnumerable<IDirectory>? directories = null, TimeProvider? time = null,
    IPermissionSettingsSource? permissions = null) : IConversation
{
    /// <summary>How many cards "queue" shows in chat (the rest is counted).</summary>
    public const int QueueCards = 5;

    private readonly IReadOnlyList<IDirectory> _directories = [.. directories ?? []];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<ConversationReply> OnMessageAsync(InboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tenantId = await services.Realms.FindTenantAsync(message.From.Platform, message.From.Realm, ct).ConfigureAwait(false);
        if (tenantId is null) return Reply(ConversationCards.UnknownRealm(message.From.Platform, message.From.Realm, message.Locale), !message.IsPersonal);

        var command = ChatCommandParser.Parse(message.Text);
        var user = await FindUserAsync(tenantId, message.From, ct).ConfigureAwait(false);
        if (user is null)
        {
            return command is { Kind: ChatCommandKind.Link, Error: null }
                ? await LinkUnknownAsync(tenantId, message, command, ct).ConfigureAwait(false)
                : Reply(UnlinkedUserNotice.Build(command?.Language ?? message.Locale ?? Language.En), !message.IsPersonal);
        }

        var speaker = new Speaker(tenantId, user, command?.Language ?? message.Locale ?? user.Language, message.From, message.Conversation, message.IsPersonal,
            await PermissionsAsync(tenantId, ct).ConfigureAwait(false));
        if (command is not null) return await RunAsync(speaker, command, ct).ConfigureAwait(false);
        return await AskAsync(speaker, message.Text, message.Locale, null, ct).ConfigureAwait(false);
    }

    /// <summary>A question: the text's own language wins, then the client's locale, then the user's language.</summary>
    private async Task<ConversationReply> AskAsync(Speaker speaker, string text, Language? locale, string? chosenSubject, CancellationToken ct)
    {
        var bound = speaker.IsPersonal ? null : await services.Conversations.FindAsync(speaker.TenantId, speaker.Conversation, ct).ConfigureAwait(false);
        var asker = speaker.User with { Language = locale ?? speaker.User.Language };
        var context = new QuestionContext
        {
            ChannelProjectId = bound?.ProjectId,
            ChosenSubjectId = chosenSubject,
            Permissions = speaker.Permissions,
        };
        var card = await services.Questions.AskAsync(speaker.TenantId, asker, text, context, ct).ConfigureAwait(false);
        return ConversationReply.Of(card);
    }

    /// <summary>The linked user, or one linked now through the platform's directory by verified email; null when neither.</summary>
    private async Task<InternalUser?> FindUserAsync(string tenantId, PlatformIdentity from, CancellationToken ct)
    {
        var user = await services.Users.FindByIdentityAsync(tenantId, from, ct).ConfigureAwait(false);
        if (user is not null) return user;
        foreach (var directory in _directories.Where(d => d.Platform == from.Platform))
        {
            user = await services.Users.LinkAsync(tenantId, from, directory, ct).ConfigureAwait(false);
            if (user is not null) return user;
        }
        return null;
    }

    /// <summary>The service wired from a container that ran <c>AddAllometryPostgres()</c> (directories: every registered <see cref="IDirectory"/>).</summary>
    public static ConversationService Create(IServiceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        T Get<T>() where T : notnull => provider.GetRequiredService<T>();
        return new ConversationService(new ConversationServices
        {
            Realms = Get<ChatRealmStore>(),
            Conversations = Get<ChatConversationStore>(),
            Users = Get<UserStore>(),
            Questions = Get<QuestionService>(),
            Actions = Get<ActionService>(),
            ExceptionCards = Get<ExceptionCardService>(),
            QueueCards = Get<QueueCardService>(),
            Digests = Get<DigestService>(),
            Subscriptions = Get<SubscriptionStore>(),
            DataSource = Get<Npgsql.NpgsqlDataSource>(),
        }, provider.GetServices<IDirectory>(), provider.GetService<TimeProvider>(), Get<IPermissionSettingsSource>());
    }

    private ValueTask<PermissionSettings> PermissionsAsync(string tenantId, CancellationToken ct) =>
        permissions?.GetAsync(tenantId, ct) ?? ValueTask.FromResult(PermissionSettings.Default);

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private static ConversationReply Reply(Card card, bool isPrivate = false, bool replacesOriginal = false) =>
        ConversationReply.Of(card, replacesOriginal, isPrivate);

    /// <summary>Who is speaking, resolved: their tenant (and its permission settings), user, the language to answer in, and where.</summary>
    private sealed record Speaker(string TenantId, InternalUser User, Language Language, PlatformIdentity Identity, ChannelAddress Conversation, bool IsPersonal,
        PermissionSettings Permissions)
    {
        public Role? Role => User.RoleIn(TenantId);
    }
}
