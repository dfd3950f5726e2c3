namespace Allometry.Benchmarks.Micro;

using System.Text;

/// <summary>
/// The baseline: the tokenizer before the block reader, kept verbatim for comparison.
/// A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line
/// breaks; CRLF, LF and CR all end a record. Record numbers count records (a quoted line break
/// does not start a new row), which is how a spreadsheet numbers them.
/// </summary>
internal sealed class CharByCharCsvReader(TextReader reader, char delimiter)
{
    private readonly StringBuilder _field = new();

    /// <summary>
/// The baseline: the tokenizer before the block reader, kept verbatim for comparison.Reads the next record, or null at the end of the input.</summary>
    public List<string>? Read()
    {
        var fields = new List<string>();
        _field.Clear();
        var inQuotes = false;
        var any = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (!any) return null;
                fields.Add(_field.ToString());
                return fields;
            }
            any = true;
            var c = (char)next;
            if (inQuotes)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    _field.Append('"');
                }
                else
                {
                    inQuotes = false;
                }
                continue;
            }
            if (c == '"' && _field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                fields.Add(_field.ToString());
                return fields;
            }
            else
            {
                // A stray quote inside an unquoted field is kept as text, as spreadsheets do.
                _field.Append(c);
            }
        }
    }
}
