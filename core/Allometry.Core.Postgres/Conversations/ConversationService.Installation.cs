namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.Conversations;
using Allometry.Core.Localization;

public sealed partial class ConversationService
{
    /// <inheritdoc />
    public async Task<ConversationReply> OnInstalledAsync(InstallationEvent installation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var address = installation.Conversation;
        var tenantId = await services.Realms.FindTenantAsync(address.Platform, installation.By?.Realm ?? address.Realm, ct).ConfigureAwait(false);
        if (tenantId is null) return Reply(ConversationCards.UnknownRealm(address.Platform, installation.By?.Realm ?? address.Realm, installation.Locale));

        var kind = installation.IsPersonal ? ConversationKind.Personal : installation.IsGroup ? ConversationKind.Group : ConversationKind.Channel;
        await services.Conversations.RememberAsync(tenantId, address, kind, installation.By?.ToString(), ct).ConfigureAwait(false);
        var language = installation.Locale;
        if (language is null && installation.By is { } by)
        {
            language = (await services.Users.FindByIdentityAsync(tenantId, by, ct).ConfigureAwait(false))?.Language;
        }
        return Reply(ConversationCards.Welcome(language ?? Language.En, offerSubscribe: true));
    }
}
