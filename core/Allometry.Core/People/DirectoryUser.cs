namespace Allometry.Core.People;

/// <summary>What a platform directory (Microsoft Graph, Slack users.info) says about a chat user.</summary>
/// <param name="Email">The verified email, when the directory exposes one.</param>
/// <param name="DisplayName">The name people see.</param>
/// <param name="PreferredLanguage">e.g. "fr-CA", when known.</param>
public sealed record DirectoryUser(string? Email, string DisplayName, string? PreferredLanguage);
