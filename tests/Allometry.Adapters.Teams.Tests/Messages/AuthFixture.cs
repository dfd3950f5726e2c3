namespace Allometry.Adapters.Teams.Tests.Messages;

using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Conversations;
using Allometry.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>One fake Bot Framework and one bot host with a recording conversation, shared by the auth tests.</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    internal FakeBotFramework Fake { get; private set; } = null!;

    internal TeamsTestHost Host { get; private set; } = null!;

    internal RecordingConversation Conversation { get; } = new();

    internal ShiftableTimeProvider Clock { get; } = new();

    // The adapter keeps write blocks and reads linked identities in PostgreSQL: a real one, this fixture's own.
    private readonly PostgresFixture _postgres = new();

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Fake = await FakeBotFramework.StartAsync();
        Host = await TeamsTestHost.StartAsync(TeamsTestHost.ConfigFor(Fake), services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IConversation>(Conversation);
            services.AddSingleton(_postgres.DataSource);
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
