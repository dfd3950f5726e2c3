namespace Allometry.Adapters.DirectLine.Tests.Endpoints;

using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A real Kestrel host on loopback with the Direct Line channel and a small bot at <c>/api/messages</c>
/// that answers through the channel's connector exactly as a Bot Framework bot does: "hello" → a reply,
/// "card" → a card with a submit button, a submitted value → the card updated in place (PUT on replyToId).
/// </summary>
internal sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-direct-line-secret";

    private readonly WebApplication app;

    private DirectLineTestHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Every activity the bot received, in order.</summary>
    public ConcurrentQueue<JsonObject> BotInbox { get; } = new();

    public static async Task<DirectLineTestHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:MaxBodyBytes"] = "65536",
        });
        builder.Services.AddDirectLine(builder.Configuration, o =>
        {
            o.Personas.Add(new WebChatPersona("marie.tremblay@borealis.example", "Marie Tremblay", "Coordinator / Coordonnatrice", "fr"));
            o.Personas.Add(new WebChatPersona("priya.natarajan@borealis.example", "Priya Natarajan", "Finance / Finances", "en"));
        });
        var app = builder.Build();
        app.UseWebSockets();
        app.MapDirectLineEndpoints();
        DirectLineTestHost? host = null;
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            var activity = (await context.Request.ReadFromJsonAsync<JsonObject>())!;
            host!.BotInbox.Enqueue(activity);
            await AnswerAsync(activity);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new DirectLineTestHost(app, new Uri(address + "/"));
        return host;
    }

    public static JsonObject SubmitCard(string text) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = new JsonObject
            {
                ["type"] = "AdaptiveCard", ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text }),
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Action.Submit", ["title"] = "Snooze 3 days",
                    ["data"] = new JsonObject { ["verb"] = "snooze", ["exception"] = "42", ["version"] = "3", ["days"] = "3" },
                }),
            },
        }),
    };

    private static async Task AnswerAsync(JsonObject activity)
    {
        var serviceUrl = new Uri((string)activity["serviceUrl"]!);
        var conversation = Uri.EscapeDataString((string)activity["conversation"]!["id"]!);
        using var http = new HttpClient();
        var activities = new Uri(serviceUrl, $"v3/conversations/{conversation}/activities/");
        if (activity["value"] is JsonObject && (string?)activity["replyToId"] is { } replyTo)
        {
            using var _ = await http.PutAsJsonAsync(new Uri(activities, Uri.EscapeDataString(replyTo)), SubmitCard("Snoozed / Reporté"));
            return;
        }
        var text = (string?)activity["text"];
        JsonObject reply = text == "card"
            ? SubmitCard("Deposit overdue / Dépôt en retard")
            : new JsonObject { ["type"] = "message", ["text"] = $"hi {(string?)activity["from"]?["name"]}" };
        using var response = await http.PostAsJsonAsync(new Uri(activities, Uri.EscapeDataString((string)activity["id"]!)), reply);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
