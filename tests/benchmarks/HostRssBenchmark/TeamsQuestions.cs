namespace Allometry.Benchmarks.HostRss;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Allometry.Benchmarks.TeamsLoad;

/// <summary>
/// "What's owed on PRJ-…?" posted to the host's <c>/api/messages</c> as Teams sends it (signed
/// token, personal chat of a linked finance user), open loop at a fixed rate: question i is sent
/// at start + i / rate whatever happened to the ones before it.
/// </summary>
internal sealed class TeamsQuestions(Uri host, BotFrameworkFake fake, string realm, string aadObjectId, string userName, IReadOnlyList<string> projects)
{
    public sealed record Outcome(int Sent, int Acknowledged, int Errors, int Answered);

    public async Task<Outcome> RunAsync(int rate, TimeSpan duration, string prefix)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        var token = "Bearer " + fake.Token();
        var total = (int)(rate * duration.TotalSeconds);
        var ids = new List<string>(total);
        var tasks = new List<Task<bool>>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (Stopwatch.Frequency / (double)rate));
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var id = prefix + i.ToString(CultureInfo.InvariantCulture);
            ids.Add(id);
            tasks.Add(SendAsync(http, token, id, projects[i % projects.Count]));
        }
        var results = await Task.WhenAll(tasks);
        // Answers are posted after the acknowledgement; give the last ones a bounded moment.
        var deadline = Stopwatch.StartNew();
        while (ids.Count(fake.Replies.ContainsKey) < results.Count(r => r) && deadline.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        return new Outcome(total, results.Count(r => r), results.Count(r => !r), ids.Count(fake.Replies.ContainsKey));
    }

    private async Task<bool> SendAsync(HttpClient http, string token, string id, string project)
    {
        var activity = new JsonObject
        {
            ["type"] = "message", ["channelId"] = "msteams", ["id"] = id, ["serviceUrl"] = fake.ServiceUrl,
            ["text"] = $"<at>Allometry</at>what's owed on {project}?", ["textFormat"] = "plain", ["locale"] = "en-US",
            ["from"] = new JsonObject { ["id"] = "29:rss-user", ["name"] = userName, ["aadObjectId"] = aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkFake.AppId, ["name"] = "Allometry" },
            ["conversation"] = new JsonObject { ["id"] = "a:rss-chat", ["conversationType"] = "personal", ["tenantId"] = realm },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = realm } },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", token);
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
}
