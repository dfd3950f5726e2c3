namespace Allometry.Bot.Reports.Diagnostic;

using Allometry.Core.Diagnostics;
using Allometry.Core.Localization;

/// <summary>The report in the format asked for.</summary>
internal static class DiagnosticRenderer
{
    public static string Render(DiagnosticReport report, DiagnosticFormat format, Language language) => format switch
    {
        DiagnosticFormat.Markdown => DiagnosticMarkdownRenderer.Render(report, language),
        DiagnosticFormat.Json => DiagnosticJson.Render(report),
        _ => DiagnosticHtmlRenderer.Render(report, language),
    };
}
