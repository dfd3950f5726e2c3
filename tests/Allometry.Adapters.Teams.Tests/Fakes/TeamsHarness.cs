namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Text.Json.Nodes;
using Allometry.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>A fake Bot Framework and a bot host wired to it, for one test.</summary>
internal sealed class TeamsHarness : IAsyncDisposable
{
    private TeamsHarness(FakeBotFramework fake, TeamsTestHost host, ScaledTimeProvider clock)
    {
        Fake = fake;
        Host = host;
        Clock = clock;
    }

    public FakeBotFramework Fake { get; }

    public TeamsTestHost Host { get; }

    public ScaledTimeProvider Clock { get; }

    public static async Task<TeamsHarness> StartAsync(
        NpgsqlDataSource dataSource, IConversation conversation, Action<Dictionary<string, string?>>? configure = null, bool localMode = false)
    {
        var fake = await FakeBotFramework.StartAsync();
        var config = TeamsTestHost.ConfigFor(fake, localMode);
        configure?.Invoke(config);
        var clock = new ScaledTimeProvider();
        var host = await TeamsTestHost.StartAsync(config, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(conversation);
            services.AddSingleton(dataSource);
        });
        return new TeamsHarness(fake, host, clock);
    }

    public string Token() => "Bearer " + TestTokens.Sign(TestTokens.Claims(Fake.ServiceUrl), Fake.Key, Fake.KeyId);

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Host.PostAsync(activity.ToJsonString(), Token());

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
