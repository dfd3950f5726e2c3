namespace Allometry.Core.Postgres.People;

using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>The snake_case spellings of roles, platforms and languages in 0006's columns.</summary>
public static class PeopleCodes
{
    public static string ToCode(Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.ProjectManager => "project_manager",
        Role.Coordinator => "coordinator",
        Role.Finance => "finance",
        Role.Executive => "executive",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static Role ParseRole(string code) => code.Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "viewer" => Role.Viewer,
        "project_manager" or "projectmanager" or "pm" => Role.ProjectManager,
        "coordinator" => Role.Coordinator,
        "finance" => Role.Finance,
        "executive" => Role.Executive,
        _ => throw new FormatException($"Unknown role '{code}' (viewer, project_manager, coordinator, finance, executive)."),
    };

    public static string ToCode(Platform platform) => platform switch
    {
        Platform.Teams => "teams",
        Platform.Slack => "slack",
        Platform.WebChat => "web_chat",
        Platform.Cli => "cli",
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    public static Platform ParsePlatform(string code) => code switch
    {
        "teams" => Platform.Teams,
        "slack" => Platform.Slack,
        "web_chat" => Platform.WebChat,
        "cli" => Platform.Cli,
        _ => throw new FormatException($"Unknown platform '{code}'."),
    };

    public static string ToCode(Language language) => language == Language.Fr ? "fr" : "en";

    public static Language ParseLanguage(string? code) =>
        code is not null && code.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? Language.Fr : Language.En;
}
