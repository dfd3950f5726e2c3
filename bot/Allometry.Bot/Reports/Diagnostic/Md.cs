namespace Allometry.Bot.Reports.Diagnostic;

using System.Text;

/// <summary>Escaping for ledger text placed in Markdown, so a payer named "A*B | C" stays text.</summary>
internal static class Md
{
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
                continue;
            }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
