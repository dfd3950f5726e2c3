namespace Allometry.Benchmarks.HostRss;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Allometry.Benchmarks.TeamsLoad;

/// <summary>
/// "What's owed on PRJ-…?" posted to the host's <c>/api/messages</c> as Teams sends it (signed
/// token, personal chat of a linked finance user), open loop at a fixed rate: request i is sent
/// at start + i / rate whatever happened to the ones before it. Every <c>actionEvery</c>-th request
/// is instead a card click (an <c>adaptiveCard/action</c> invoke, "assign to me") on the next of
/// <c>exceptions</c>, answered synchronously with the updated card.
/// </summary>
internal sealed class TeamsQuestions(Uri host, BotFrameworkFake fake, string realm, string aadObjectId, string userName, IReadOnlyList<string> projects,
    IReadOnlyList<(long Id, int Version)> exceptions, int actionEvery)
{
    public sealed record Outcome(int Sent, int Acknowledged, int Errors, int Answered, int Actions, int ActionsOk);

    public async Task<Outcome> RunAsync(int rate, TimeSpan duration, string prefix)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        var token = "Bearer " + fake.Token();
        var total = (int)(rate * duration.TotalSeconds);
        var ids = new List<string>(total);
        var tasks = new List<Task<bool>>(total);
        var actions = new List<Task<bool>>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (Stopwatch.Frequency / (double)rate));
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var id = prefix + i.ToString(CultureInfo.InvariantCulture);
            if (actionEvery > 0 && i % actionEvery == actionEvery - 1 && actions.Count < exceptions.Count)
            {
                actions.Add(ClickAsync(http, token, id, exceptions[actions.Count]));
                continue;
            }
            ids.Add(id);
            tasks.Add(SendAsync(http, token, id, projects[i % projects.Count]));
        }
        var results = await Task.WhenAll(tasks);
        var clicks = await Task.WhenAll(actions);
        // Answers are posted after the acknowledgement; give the last ones a bounded moment.
        var deadline = Stopwatch.StartNew();
        while (ids.Count(fake.Replies.ContainsKey) < results.Count(r => r) && deadline.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        return new Outcome(ids.Count, results.Count(r => r), results.Count(r => !r), ids.Count(fake.Replies.ContainsKey), clicks.Length, clicks.Count(c => c));
    }

    // The invoke is answered in its HTTP response: 200 with an invoke response whose statusCode is 200 (the updated card).
    private async Task<bool> ClickAsync(HttpClient http, string token, string id, (long Id, int Version) exception)
    {
        var activity = Activity("invoke", id);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-" + exception.Id.ToString(CultureInfo.InvariantCulture);
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute", ["title"] = "Assign to me", ["verb"] = "assign_to_me",
                ["data"] = new JsonObject
                {
                    ["verb"] = "assign_to_me",
                    ["exception"] = exception.Id.ToString(CultureInfo.InvariantCulture),
                    ["version"] = exception.Version.ToString(CultureInfo.InvariantCulture),
                },
            },
            ["trigger"] = "manual",
        };
        using var request = Request(activity, token);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return false;
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            return body?["statusCode"]?.GetValue<int>() == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> SendAsync(HttpClient http, string token, string id, string project)
    {
        var activity = Activity("message", id);
        activity["text"] = $"<at>Allometry</at>what's owed on {project}?";
        activity["textFormat"] = "plain";
        using var request = Request(activity, token);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private JsonObject Activity(string type, string id) => new()
    {
        ["type"] = type, ["channelId"] = "msteams", ["id"] = id, ["serviceUrl"] = fake.ServiceUrl, ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "29:rss-user", ["name"] = userName, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkFake.AppId, ["name"] = "Allometry" },
        ["conversation"] = new JsonObject { ["id"] = "a:rss-chat", ["conversationType"] = "personal", ["tenantId"] = realm },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = realm } },
    };

    private static HttpRequestMessage Request(JsonObject activity, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return request;
    }
}
