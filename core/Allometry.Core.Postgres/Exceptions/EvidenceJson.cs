namespace Allometry.Core.Postgres.Exceptions;

using System.Buffers;
using System.Text;
using System.Text.Json;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// Evidence as stored in <c>exceptions.evidence</c>: an array of objects with snake_case keys
/// (<c>sheet</c>, <c>row_id</c>, <c>field</c>, <c>expected</c>, <c>actual</c>, <c>note_en</c>, <c>note_fr</c>).
/// </summary>
internal static class EvidenceJson
{
    public static string Write(IReadOnlyList<Evidence> evidence)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var e in evidence)
            {
                w.WriteStartObject();
                w.WriteString("sheet", e.Sheet);
                w.WriteString("row_id", e.RowId);
                w.WriteString("field", e.Field);
                w.WriteString("expected", e.Expected);
                w.WriteString("actual", e.Actual);
                if (e.Note is { } note)
                {
                    w.WriteString("note_en", note.En);
                    w.WriteString("note_fr", note.Fr);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<Evidence> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. document.RootElement.EnumerateArray().Select(e => new Evidence(
                Text(e, "sheet") ?? "", Text(e, "row_id") ?? "", Text(e, "field") ?? "", Text(e, "expected"), Text(e, "actual"),
                Text(e, "note_en") is { } en ? new LocalizedText(en, Text(e, "note_fr") ?? en) : null)),
        ];
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
