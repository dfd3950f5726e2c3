namespace Allometry.Adapters.Teams.Activities;

/// <summary>The answer to an invoke, plus the posting of any further cards, to run after the response is sent.</summary>
internal sealed record InvokeOutcome(InvokeResponse Response, Func<CancellationToken, Task>? FollowUp = null);
