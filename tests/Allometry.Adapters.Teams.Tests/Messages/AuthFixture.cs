namespace Allometry.Adapters.Teams.Tests.Messages;

using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

/// <summary>One fake Bot Framework and one bot host with a recording conversation, shared by the auth tests.</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    internal FakeBotFramework Fake { get; private set; } = null!;

    internal TeamsTestHost Host { get; private set; } = null!;

    internal RecordingConversation Conversation { get; } = new();

    internal ShiftableTimeProvider Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Fake = await FakeBotFramework.StartAsync();
        Host = await TeamsTestHost.StartAsync(TeamsTestHost.ConfigFor(Fake), services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IConversation>(Conversation);
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
