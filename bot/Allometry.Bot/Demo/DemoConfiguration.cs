namespace Allometry.Bot.Demo;

using System.Globalization;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Microsoft.Extensions.Configuration;

/// <summary>
/// The host configuration the demo runs with: the local web channel (Direct Line + Web Chat) with the
/// sample people as personas, and the Bot Framework endpoint in local mode — no app id, loopback
/// only — so the web chat's activities travel the same <c>/api/messages</c> path Teams uses.
/// </summary>
internal static class DemoConfiguration
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="home">The Allometry home (private database, sample workbook).</param>
    /// <param name="connectionString">A configured database, or null for the private one.</param>
    /// <param name="urls">Where to listen; loopback, since the page lets anyone pick who they are.</param>
    public static IConfiguration Build(string home, string? connectionString, string urls)
    {
        var values = new Dictionary<string, string?>
        {
            ["Allometry:Home"] = home,
            ["Allometry:Urls"] = urls,
            ["ConnectionStrings:Allometry"] = connectionString,
            // Local mode: without an app id the Bot Framework endpoint serves loopback callers only, and the
            // connector may call the Direct Line channel on loopback.
            ["Teams:ConnectorAllowedHosts"] = "127.0.0.1,localhost",
            ["DirectLine:BotName"] = "Allometry",
            // The terminal is the demo's: the host's JSON log lines would bury the URL and the people to act as.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Error",
        };
        var i = 0;
        foreach (var (email, name, role, language) in SampleUsers.People)
        {
            var key = "DirectLine:Personas:" + i.ToString(CultureInfo.InvariantCulture) + ":";
            values[key + "Id"] = email;
            values[key + "Name"] = name;
            values[key + "Role"] = RoleLabel(role);
            values[key + "Language"] = language == Language.Fr ? "fr" : "en";
            i++;
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>The role as the page shows it, in both languages.</summary>
    public static string RoleLabel(Role role) => role switch
    {
        Role.Executive => "Executive / Direction",
        Role.Finance => "Finance / Finances",
        Role.Coordinator => "Coordinator / Coordination",
        Role.ProjectManager => "Project manager / Chargé de projet",
        Role.Viewer => "Viewer / Lecture seule",
        _ => role.ToString(),
    };
}
