namespace Allometry.Bot.Reports.Diagnostic;

/// <summary>The forms a diagnostic report is written in.</summary>
internal enum DiagnosticFormat
{
    /// <summary>One self-contained HTML file with inline CSS and SVG charts.</summary>
    Html,
    /// <summary>The same content as Markdown tables.</summary>
    Markdown,
    /// <summary>The report model itself.</summary>
    Json,
}
