namespace Allometry.Adapters.Teams.Tests.Fakes;

/// <summary>An answer the fake connector gives instead of success, once.</summary>
internal sealed record ScriptedFailure(int Status, string? RetryAfter = null, string? ErrorCode = null, string ErrorMessage = "scripted");
