namespace Allometry.Core.Postgres.Digests;

using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Core.Cards.Building;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>A <see cref="DigestFilter"/> as the <c>filters</c> jsonb column stores it (snake_case keys; absent = match all).</summary>
internal static class DigestFilterJson
{
    public static string Write(DigestFilter filter)
    {
        var json = new JsonObject();
        if (!string.IsNullOrWhiteSpace(filter.Province)) json["province"] = filter.Province.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(filter.ProjectManager)) json["project_manager"] = filter.ProjectManager.Trim().ToLowerInvariant();
        if (filter.Projects.Count > 0) json["projects"] = new JsonArray([.. filter.Projects.Select(p => (JsonNode?)JsonValue.Create(p))]);
        json["min_severity"] = LedgerVocabulary.ToCode(filter.MinSeverity);
        json["top"] = filter.Top;
        return json.ToJsonString();
    }

    public static DigestFilter Read(string text)
    {
        var json = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException("filters must be an object");
        var filter = new DigestFilter
        {
            Province = json["province"]?.GetValue<string>(),
            ProjectManager = json["project_manager"]?.GetValue<string>(),
            Projects = json["projects"] is JsonArray projects ? [.. projects.Select(p => p!.GetValue<string>())] : [],
        };
        if (json["min_severity"]?.GetValue<string>() is { } severity) filter = filter with { MinSeverity = LedgerVocabulary.Parse<Severity>(severity) };
        if (json["top"] is { } top) filter = filter with { Top = top.GetValue<int>() };
        return filter;
    }
}
