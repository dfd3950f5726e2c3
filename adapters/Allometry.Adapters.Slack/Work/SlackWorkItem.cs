namespace Allometry.Adapters.Slack.Work;

/// <summary>One piece of deferred work; <see cref="Kind"/> names it in logs (never its content).</summary>
internal sealed record SlackWorkItem(string Kind, Func<CancellationToken, Task> Work);
