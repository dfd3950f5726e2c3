namespace Allometry.Adapters.DirectLine.Tests.Endpoints;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

public sealed class WebChatPageTests : IAsyncLifetime
{
    private DirectLineTestHost host = null!;

    public async Task InitializeAsync() => host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Page_Root_RedirectsToTheWebChatPageThatLoadsTheLocalBundle()
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var root = await noRedirects.GetAsync("/?lang=fr");
        var html = await host.Client.GetStringAsync("/webchat");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/webchat?lang=fr", root.Headers.Location?.ToString());
        Assert.Contains("<script src=\"/webchat/webchat.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_IsTheNpmWebChatBuild()
    {
        using var response = await host.Client.GetAsync("/webchat/webchat.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("renderWebChat", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personas_ListsTheConfiguredPeople()
    {
        var personas = (await host.Client.GetFromJsonAsync<JsonArray>("/webchat/personas"))!;

        Assert.Equal(["marie.tremblay@borealis.example", "priya.natarajan@borealis.example"], personas.Select(p => (string?)p!["id"]));
    }

    [Fact]
    public async Task Token_ForAPersona_StartsAConversationAsThatPerson()
    {
        using var issued = await host.Client.PostAsJsonAsync("/webchat/token", new JsonObject { ["persona"] = "Priya.Natarajan@borealis.example" });
        var token = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var started = await host.Client.SendAsync(start);
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.StartsWith("ws://127.0.0.1:", (string?)body["streamUrl"], StringComparison.Ordinal);
        Assert.NotEqual(token, (string?)body["token"]);
    }

    [Fact]
    public async Task Token_ForUnknownPersona_IsRefused()
    {
        using var response = await host.Client.PostAsJsonAsync("/webchat/token", new JsonObject { ["persona"] = "mallory@evil.example" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
