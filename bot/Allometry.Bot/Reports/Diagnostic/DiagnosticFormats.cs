namespace Allometry.Bot.Reports.Diagnostic;

/// <summary>Which format the user asked for, by name or by the output file's extension.</summary>
internal static class DiagnosticFormats
{
    /// <summary><c>html</c>, <c>md</c>/<c>markdown</c>, <c>json</c>; null for anything else.</summary>
    public static DiagnosticFormat? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "html" or "htm" => DiagnosticFormat.Html,
        "md" or "markdown" => DiagnosticFormat.Markdown,
        "json" => DiagnosticFormat.Json,
        _ => null,
    };

    /// <summary>The format an output path implies (<c>.md</c>, <c>.json</c>), HTML otherwise.</summary>
    public static DiagnosticFormat FromPath(string path) =>
        Parse(Path.GetExtension(path).TrimStart('.')) ?? DiagnosticFormat.Html;
}
