namespace Allometry.Bot.Serve;

using System.Globalization;
using Allometry.Bot.Hosting;
using Allometry.Bot.Scheduling;
using Allometry.Core.Ledger;
using Microsoft.Extensions.Configuration;
using Npgsql;

/// <summary>
/// Reads and validates the host's configuration (appsettings.json, then environment variables —
/// <c>Allometry__Scheduler__ThreadCount</c>, <c>ConnectionStrings__Allometry</c> — then the command
/// line) before anything starts. A missing or malformed value stops the host with a
/// <see cref="HostConfigurationException"/> naming the key; nothing falls back silently.
/// </summary>
internal static class HostConfiguration
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Platform sections this host serves when present; each adapter validates its own keys and fails naming them.</summary>
    public static readonly IReadOnlyList<string> ServedSections = ["Teams", "Slack", "Graph", "DirectLine"];

    /// <summary>Platform sections this build cannot serve yet: present, they stop the host rather than being ignored.</summary>
    public static readonly IReadOnlyList<string> UnservedSections = [];

    /// <summary>True when <paramref name="section"/> has at least one key set.</summary>
    public static bool IsConfigured(IConfiguration configuration, string section) =>
        configuration.GetSection(section).AsEnumerable(makePathsRelative: true).Any(kv => !string.IsNullOrWhiteSpace(kv.Value));

    public static ServeSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = NonEmpty(configuration.GetConnectionString("Allometry")) ?? NonEmpty(configuration["ALLOMETRY_DB"]);
        if (connection is not null)
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException)
            {
                throw new HostConfigurationException("ConnectionStrings:Allometry", "is not a valid PostgreSQL connection string (Host=…;Database=…;Username=…)",
                    "n'est pas une chaîne de connexion PostgreSQL valide (Host=…;Database=…;Username=…)");
            }
        }
        var s = configuration.GetSection("Allometry:Scheduler");
        var defaults = new SchedulerOptions();
        var scheduler = new SchedulerOptions
        {
            Enabled = Bool(s, "Enabled", defaults.Enabled),
            InstanceId = NonEmpty(s["InstanceId"]) ?? defaults.InstanceId,
            ThreadCount = Int(s, "ThreadCount", defaults.ThreadCount, 1, 64),
            CheckinInterval = Duration(s, "CheckinInterval", defaults.CheckinInterval, TimeSpan.FromSeconds(1)),
            CheckinMisfireThreshold = Duration(s, "CheckinMisfireThreshold", defaults.CheckinMisfireThreshold, TimeSpan.FromSeconds(1)),
            ReconcileInterval = Duration(s, "ReconcileInterval", defaults.ReconcileInterval, TimeSpan.FromSeconds(1)),
            ImportPollInterval = Duration(s, "ImportPollInterval", defaults.ImportPollInterval, TimeSpan.FromSeconds(1)),
            ResurfaceInterval = Duration(s, "ResurfaceInterval", defaults.ResurfaceInterval, TimeSpan.FromSeconds(1)),
            RenewalTime = Time(s, "RenewalTime", defaults.RenewalTime),
            TimeZone = Zone(s, "TimeZone", defaults.TimeZone),
            HolidayProvince = Holidays(s, "HolidayProvince"),
        };
        foreach (var section in UnservedSections)
        {
            if (IsConfigured(configuration, section))
            {
                // The adapters' own Add<Adapter>() validates the keys of its section; until it is
                // wired into this host a configured section must not be silently ignored.
                throw new HostConfigurationException(section, "is configured, but this build of the host does not serve that platform yet; remove the section",
                    "est configurée, mais cette version de l'hôte ne sert pas encore cette plateforme ; retirez la section");
            }
        }
        return new ServeSettings
        {
            ConnectionString = connection,
            Home = NonEmpty(configuration["Allometry:Home"]) ?? AllometryHome.FromEnvironment().Root,
            Urls = NonEmpty(configuration["urls"]) ?? NonEmpty(configuration["Allometry:Urls"]) ?? DefaultUrls,
            ShutdownTimeout = Duration(configuration.GetSection("Allometry"), "ShutdownTimeout", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)),
            Scheduler = scheduler,
        };
    }

    private static string Key(IConfigurationSection section, string name) => section.Path + ":" + name;

    private static bool Bool(IConfigurationSection section, string name, bool fallback) => section[name] switch
    {
        null or "" => fallback,
        var v when bool.TryParse(v, out var b) => b,
        _ => throw new HostConfigurationException(Key(section, name), "must be true or false", "doit être true ou false"),
    };

    private static int Int(IConfigurationSection section, string name, int fallback, int min, int max)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new HostConfigurationException(Key(section, name), $"must be a whole number from {min} to {max} (got '{text}')",
                $"doit être un nombre entier de {min} à {max} (reçu « {text} »)");
    }

    private static TimeSpan Duration(IConfigurationSection section, string name, TimeSpan fallback, TimeSpan min)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var d) && d >= min
            ? d
            : throw new HostConfigurationException(Key(section, name), $"must be a duration hh:mm:ss of at least {min:c} (got '{text}')",
                $"doit être une durée hh:mm:ss d'au moins {min:c} (reçu « {text} »)");
    }

    private static TimeOnly Time(IConfigurationSection section, string name, TimeOnly fallback)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw new HostConfigurationException(Key(section, name), $"must be a local time HH:mm (got '{text}')", $"doit être une heure locale HH:mm (reçu « {text} »)");
    }

    private static string Zone(IConfigurationSection section, string name, string fallback)
    {
        var text = NonEmpty(section[name]) ?? fallback;
        return TimeZoneInfo.TryFindSystemTimeZoneById(text, out _)
            ? text
            : throw new HostConfigurationException(Key(section, name), $"'{text}' is not a time zone this machine knows (use an IANA name such as America/Toronto)",
                $"« {text} » n'est pas un fuseau horaire connu (utilisez un nom IANA comme America/Toronto)");
    }

    private static Province? Holidays(IConfigurationSection section, string name)
    {
        var text = NonEmpty(section[name]);
        if (text is null) return null;
        return Enum.TryParse<Province>(text, ignoreCase: true, out var p) && p is Province.QC or Province.ON
            ? p
            : throw new HostConfigurationException(Key(section, name), $"must be QC, ON or empty (got '{text}')", $"doit être QC, ON ou vide (reçu « {text} »)");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
