namespace Allometry.Core.Postgres.Tests.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Questions;
using Allometry.Core.Postgres.Settings;
using Allometry.Core.Postgres.Tests.Actions;
using Allometry.Core.Postgres.Tests.Exceptions;
using Allometry.Core.Sample;
using Allometry.Testing;

/// <summary>
/// A fresh sample tenant (ledger imported, exceptions evaluated, the sample's people seeded) whose
/// Slack workspace is bound to it and whose people's Slack identities are linked, and the real
/// <see cref="ConversationService"/> over the shared test database.
/// </summary>
internal sealed class ConversationTestBed
{
    public static readonly DateTimeOffset Now = ActionTestBed.Now;

    public static SampleLedger Sample { get; } = SampleOperatorGenerator.Generate(seed: 1);

    private readonly PostgresFixture _postgres;

    public ConversationTestBed(PostgresFixture postgres, IEnumerable<IDirectory>? directories = null)
    {
        _postgres = postgres;
        Actions = new ActionTestBed(postgres);
        var source = postgres.DataSource;
        var time = new FixedTimeProvider(Now);
        var snapshots = new LedgerSnapshotStore(source);
        var queue = new RiskQueueService(snapshots, new RuleSettingsStore(source));
        Realms = new ChatRealmStore(source);
        Conversations = new ChatConversationStore(source);
        Subscriptions = new SubscriptionStore(source);
        ExceptionCards = new ExceptionCardService(source, queue, time);
        Settings = new TenantSettingsStore(source, time);
        Service = new ConversationService(new ConversationServices
        {
            Realms = Realms,
            Conversations = Conversations,
            Users = Actions.Users,
            Questions = new QuestionService(source, time),
            Actions = new ActionService(source, time, null, Settings),
            ExceptionCards = ExceptionCards,
            QueueCards = new QueueCardService(source, queue),
            Digests = new DigestService(source, Subscriptions, queue, time),
            Subscriptions = Subscriptions,
            DataSource = source,
        }, directories, time, Settings);
    }

    public ActionTestBed Actions { get; }

    /// <summary>The tenants' settings, which the service reads its permission settings from.</summary>
    public TenantSettingsStore Settings { get; }

    public ExceptionCardService ExceptionCards { get; }

    public ChatRealmStore Realms { get; }

    public ChatConversationStore Conversations { get; }

    public SubscriptionStore Subscriptions { get; }

    public ConversationService Service { get; }

    /// <summary>A new tenant with realm <c>T…</c> bound on Slack and every sample person linked as <c>U&lt;user id&gt;</c>.</summary>
    public async Task<Workspace> NewWorkspaceAsync()
    {
        var (tenant, people) = await Actions.NewTenantAsync();
        var realm = "T" + tenant.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        await Realms.BindAsync(tenant, Platform.Slack, realm, "test", CancellationToken.None);
        foreach (var user in people.Values)
        {
            await Actions.Users.LinkDirectAsync(tenant, new PlatformIdentity(Platform.Slack, realm, "U" + user.UserId), user.UserId, CancellationToken.None);
        }
        return new Workspace(tenant, realm, people);
    }

    public Task<long> CountAsync(string sql, object parameters) => Actions.CountAsync(sql, parameters);

    public PostgresFixture Postgres => _postgres;
}

/// <summary>A bound Slack workspace of a sample tenant, and helpers to speak in it.</summary>
internal sealed record Workspace(string Tenant, string Realm, IReadOnlyDictionary<Role, InternalUser> People)
{
    public ChannelAddress Channel { get; } = new(Platform.Slack, Realm, "C0FINANCE");

    public ChannelAddress Direct(InternalUser user) => new(Platform.Slack, Realm, "D" + user.UserId);

    public PlatformIdentity Identity(InternalUser user) => new(Platform.Slack, Realm, "U" + user.UserId);

    public InboundMessage Say(Role role, string text, bool personal = true, Language? locale = null) => new()
    {
        From = Identity(People[role]),
        Conversation = personal ? Direct(People[role]) : Channel,
        Text = text,
        Locale = locale,
        IsPersonal = personal,
    };

    public InboundAction Click(Role role, IReadOnlyDictionary<string, string?> data, string? key = null, Language? locale = null) => new()
    {
        From = Identity(People[role]),
        Conversation = Channel,
        Data = data,
        IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
        Message = new Allometry.Core.Actions.MessageReference(Platform.Slack, Channel.ConversationId, "1732198440.000100"),
        Locale = locale,
    };

    /// <summary>The payload of a card button, as a channel hands it back (string values, inputs merged in).</summary>
    public static IReadOnlyDictionary<string, string?> Payload(CardAction action, params (string Key, string Value)[] inputs)
    {
        var data = CardActionPayload.ToData(action).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in inputs) data[key] = value;
        return data;
    }
}
