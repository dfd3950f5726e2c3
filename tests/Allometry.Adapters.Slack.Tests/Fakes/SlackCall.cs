namespace Allometry.Adapters.Slack.Tests.Fakes;

using System.Text.Json.Nodes;

/// <summary>One request the fake Slack received: the Web API method (or <c>response_url</c>), its bearer and its body as JSON.</summary>
internal sealed record SlackCall(string Method, string? Authorization, JsonObject Body, string Path);
