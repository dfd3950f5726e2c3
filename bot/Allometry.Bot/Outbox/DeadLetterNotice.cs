namespace Allometry.Bot.Outbox;

using System.Globalization;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Outbox;

/// <summary>
/// The operator's notice for a dead-lettered message: where it was going, how often it was tried
/// and the platform's error code (never the card or a token), and the command that revives it.
/// Queued through the outbox itself under the key <c>operator:dead:&lt;id&gt;</c>: once per dead message.
/// </summary>
internal static class DeadLetterNotice
{
    /// <summary>Dedupe keys of operator notices start with this; a dead notice is not reported again.</summary>
    public const string KeyPrefix = "operator:dead:";

    public static OutboxMessage? For(OutboxClaim dead, ChannelAddress? operatorChannel, Language language, OutboxFailure failure)
    {
        if (operatorChannel is null || dead.DedupeKey.StartsWith(KeyPrefix, StringComparison.Ordinal)) return null;
        // The conversation's first refusal was reported; the posts refused after it add nothing for the operator.
        if (failure.Code == ChannelDeliveryException.ConversationBlocked) return null;
        var id = dead.OutboxId.ToString(CultureInfo.InvariantCulture);
        var where = $"{dead.Address.Platform} {dead.Address.ConversationId}";
        var title = new LocalizedText("A card could not be delivered", "Une carte n'a pas pu être livrée");
        var text = new LocalizedText(
            $"Outbox message {id} ({Kind(dead.Kind, Language.En)} to {where}, tenant {dead.TenantId}) failed after {dead.Attempts} attempt(s): {failure.Code}. Once fixed, run: allometry outbox retry --id {id}",
            $"Le message {id} de la boîte d'envoi ({Kind(dead.Kind, Language.Fr)} vers {where}, locataire {dead.TenantId}) a échoué après {dead.Attempts} tentative(s) : {failure.Code}. Une fois corrigé, lancez : allometry outbox retry --id {id}");
        var card = new NoticeCard
        {
            Language = language,
            Kind = NoticeKind.Warning,
            Title = title.For(language),
            Text = text.For(language),
            FallbackText = $"{title.For(language)} — {text.For(language)}",
        };
        return new OutboxMessage { TenantId = dead.TenantId, Address = operatorChannel, Card = card, DedupeKey = KeyPrefix + id };
    }

    private static string Kind(OutboxKind kind, Language language) => (kind, language) switch
    {
        (OutboxKind.Post, Language.Fr) => "publication",
        (OutboxKind.Update, Language.Fr) => "mise à jour",
        (OutboxKind.Delete, Language.Fr) => "suppression",
        (OutboxKind.Post, _) => "post",
        (OutboxKind.Update, _) => "update",
        _ => "delete",
    };
}
