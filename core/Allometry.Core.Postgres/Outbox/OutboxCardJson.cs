namespace Allometry.Core.Postgres.Outbox;

using System.Text.Json;
using Allometry.Core.Cards;

// Cards as the outbox stores them. jsonb reorders an object's keys, so the "card" discriminator
// may come back after other properties: the reader must accept metadata out of order.
internal static class OutboxCardJson
{
    private static readonly JsonSerializerOptions Options = new() { AllowOutOfOrderMetadataProperties = true };

    public static string Write(Card card) => JsonSerializer.Serialize(card, Options);

    public static Card Read(string json) =>
        JsonSerializer.Deserialize<Card>(json, Options) ?? throw new JsonException("An outbox card was null.");
}
