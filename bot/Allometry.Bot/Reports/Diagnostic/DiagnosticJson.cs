namespace Allometry.Bot.Reports.Diagnostic;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Allometry.Core.Diagnostics;

/// <summary>
/// The report model as JSON: camelCase property names, enums by name, dates as <c>yyyy-MM-dd</c>.
/// Money is serialized straight from <see cref="decimal"/> — the model keeps two decimals or more
/// on every amount, so <c>1234.50</c> is written as such, never through a double.
/// </summary>
internal static class DiagnosticJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Accented payer names stay readable; the file is data, never embedded in a page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(DiagnosticReport report) => JsonSerializer.Serialize(report, Options) + "\n";
}
