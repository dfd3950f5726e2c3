namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Questions;

/// <summary>The stores and services <see cref="ConversationService"/> delegates to (one parameter instead of ten).</summary>
public sealed record ConversationServices
{
    public required ChatRealmStore Realms { get; init; }
    public required ChatConversationStore Conversations { get; init; }
    public required UserStore Users { get; init; }
    public required QuestionService Questions { get; init; }
    public required ActionService Actions { get; init; }
    public required ExceptionCardService ExceptionCards { get; init; }
    public required QueueCardService QueueCards { get; init; }
    public required DigestService Digests { get; init; }
    public required SubscriptionStore Subscriptions { get; init; }
    public required Npgsql.NpgsqlDataSource DataSource { get; init; }
}
