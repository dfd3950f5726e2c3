namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Rules;

/// <summary>Builders for the Adaptive Card 1.5 elements the layouts use (schema names and enum spellings in one place).</summary>
internal static class AdaptiveElements
{
    public static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null,
        bool subtle = false, string? spacing = null, string? fontType = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        if (fontType is not null) block["fontType"] = fontType;
        if (separator) block["separator"] = true;
        return block;
    }

    /// <summary>A bold heading that starts a section of the card.</summary>
    public static JsonObject Heading(string text) => Text(text, weight: "Bolder", spacing: "Medium", separator: true);

    public static JsonObject Facts(IEnumerable<CardFact> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
    };

    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, bool bleed = false, string? spacing = null)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. items]) };
        if (style is not null) container["style"] = style;
        if (bleed) container["bleed"] = true;
        if (spacing is not null) container["spacing"] = spacing;
        return container;
    }

    public static JsonObject Column(string width, IEnumerable<JsonNode> items, string? verticalAlignment = null)
    {
        var column = new JsonObject { ["type"] = "Column", ["width"] = width, ["items"] = new JsonArray([.. items]) };
        if (verticalAlignment is not null) column["verticalContentAlignment"] = verticalAlignment;
        return column;
    }

    public static JsonObject Columns(params JsonObject[] columns) => new()
    {
        ["type"] = "ColumnSet",
        ["columns"] = new JsonArray([.. columns]),
    };

    /// <summary>An Adaptive Card 1.5 <c>Table</c> of text cells; the first row is the header when <paramref name="header"/> is given.</summary>
    public static JsonObject Table(IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widths)
    {
        JsonObject Row(IEnumerable<string> cells, bool bold) => new()
        {
            ["type"] = "TableRow",
            ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)new JsonObject
            {
                ["type"] = "TableCell",
                ["items"] = new JsonArray(bold ? Text(c, weight: "Bolder") : Text(c)),
            })]),
        };
        var all = new JsonArray();
        if (header is not null) all.Add(Row(header, bold: true));
        foreach (var row in rows) all.Add(Row(row, bold: false));
        return new JsonObject
        {
            ["type"] = "Table",
            ["columns"] = new JsonArray([.. widths.Select(w => (JsonNode)new JsonObject { ["width"] = w })]),
            ["rows"] = all,
            ["firstRowAsHeader"] = header is not null,
            ["showGridLines"] = false,
        };
    }

    /// <summary>The container style that carries a severity's colour (1.2+ styles).</summary>
    public static string SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => "attention",
        Severity.High => "warning",
        Severity.Medium => "accent",
        Severity.Low => "good",
        _ => "emphasis",
    };

    /// <summary>The text colour of a severity label.</summary>
    public static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Critical => "Attention",
        Severity.High => "Warning",
        Severity.Medium => "Accent",
        Severity.Low => "Good",
        _ => "Default",
    };
}
