namespace Allometry.Adapters.Ledger.Tabular;

using System.Buffers;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled quotes and line
/// breaks; CRLF, LF and CR all end a record. Record numbers count records (a quoted line break
/// does not start a new row), which is how a spreadsheet numbers them.
/// </summary>
/// <remarks>
/// Reads the text in blocks and cuts an unquoted field out of the block in one piece (a vectorized
/// search for the next delimiter or line break); only quoted fields are copied char by char, to
/// undo doubled quotes. A quote opens a quoted field only as a field's first character; anywhere
/// else it is kept as text, as spreadsheets do. Text after a closing quote joins the field.
/// An unterminated quoted field runs to the end of the input.
/// </remarks>
internal sealed class CsvRecordReader(TextReader reader, char delimiter)
{
    private const int BlockSize = 64 * 1024;

    private readonly SearchValues<char> _fieldEnds = SearchValues.Create([delimiter, '\r', '\n']);
    private char[] _buffer = new char[BlockSize];
    private int _pos;
    private int _end;
    private bool _eof;
    private char[] _quoted = new char[256];
    private int _quotedLength;
    private int _lastFieldCount = 8;

    /// <summary>Reads the next record, or null at the end of the input.</summary>
    public List<string>? Read()
    {
        if (_pos == _end && !Refill(_pos)) return null;
        var fields = new List<string>(_lastFieldCount);
        while (true)
        {
            if (_pos == _end) Refill(_pos);
            var field = _pos < _end && _buffer[_pos] == '"' ? ReadQuoted() : ReadUnquoted();
            fields.Add(field);
            // The field stopped at a delimiter, a line break or the end of the input.
            if (_pos == _end && !Refill(_pos)) break;
            var stop = _buffer[_pos++];
            if (stop == delimiter) continue;
            if (stop == '\r' && (_pos < _end || Refill(_pos)) && _buffer[_pos] == '\n') _pos++;
            break;
        }
        _lastFieldCount = fields.Count;
        return fields;
    }

    // From _pos up to (not including) the next delimiter or line break; _pos is left on it (or at the end).
    private string ReadUnquoted()
    {
        var start = _pos;
        var from = _pos;
        while (true)
        {
            var found = _buffer.AsSpan(from, _end - from).IndexOfAny(_fieldEnds);
            if (found >= 0)
            {
                _pos = from + found;
                return new string(_buffer, start, _pos - start);
            }
            var scanned = _end - start;
            if (!Refill(start))
            {
                _pos = _end;
                return new string(_buffer, 0, scanned);
            }
            // Refill moved the partial field to the start of the buffer.
            start = 0;
            from = scanned;
        }
    }

    // _pos is on the opening quote. Reads to the closing quote, then any text up to the field's end.
    private string ReadQuoted()
    {
        _pos++;
        _quotedLength = 0;
        while (true)
        {
            if (_pos == _end && !Refill(_pos)) return QuotedText();
            var span = _buffer.AsSpan(_pos, _end - _pos);
            var quote = span.IndexOf('"');
            if (quote < 0)
            {
                AppendQuoted(span);
                _pos = _end;
                continue;
            }
            AppendQuoted(span[..quote]);
            _pos += quote + 1;
            if (_pos == _end && !Refill(_pos)) return QuotedText();
            if (_buffer[_pos] == '"')
            {
                AppendQuoted("\"");
                _pos++;
                continue;
            }
            break;
        }
        // After the closing quote the field is no longer empty, so the rest up to its end is plain text.
        while (true)
        {
            var span = _buffer.AsSpan(_pos, _end - _pos);
            var found = span.IndexOfAny(_fieldEnds);
            if (found >= 0)
            {
                AppendQuoted(span[..found]);
                _pos += found;
                return QuotedText();
            }
            AppendQuoted(span);
            _pos = _end;
            if (!Refill(_pos)) return QuotedText();
        }
    }

    private string QuotedText() => new(_quoted, 0, _quotedLength);

    private void AppendQuoted(ReadOnlySpan<char> text)
    {
        if (_quotedLength + text.Length > _quoted.Length)
        {
            Array.Resize(ref _quoted, Math.Max(_quoted.Length * 2, _quotedLength + text.Length));
        }
        text.CopyTo(_quoted.AsSpan(_quotedLength));
        _quotedLength += text.Length;
    }

    // Keeps the chars from keepFrom on (a field being read), moved to the start of the buffer, and
    // reads more after them; false at the end of the input. _pos and _end follow the move.
    private bool Refill(int keepFrom)
    {
        var kept = _end - keepFrom;
        if (kept > 0 && keepFrom > 0)
        {
            Array.Copy(_buffer, keepFrom, _buffer, 0, kept);
        }
        if (kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        _pos -= keepFrom;
        _end = kept;
        if (_eof) return false;
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }
}
