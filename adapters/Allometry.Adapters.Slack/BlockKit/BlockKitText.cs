namespace Allometry.Adapters.Slack.BlockKit;

using System.Text;
using System.Text.Json.Nodes;

/// <summary>
/// Text objects cut to Slack's lengths with an ellipsis, and mrkdwn escaping. Slack counts UTF-16
/// code units like .NET does, so a cut never splits a surrogate pair nor an <c>&amp;amp;</c> entity.
/// </summary>
internal static class BlockKitText
{
    public const string Ellipsis = "…";

    /// <summary>A <c>plain_text</c> object, cut to <paramref name="max"/>; Slack refuses empty text, so empty becomes a dash.</summary>
    public static JsonObject Plain(string? text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Cut(NonEmpty(text), max),
        ["emoji"] = true,
    };

    /// <summary>A <c>mrkdwn</c> object from text that is already mrkdwn (escaped by the caller), cut to <paramref name="max"/>.</summary>
    public static JsonObject Mrkdwn(string? mrkdwn, int max) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = Cut(NonEmpty(mrkdwn), max),
    };

    /// <summary>
    /// Escapes the three characters Slack's mrkdwn reserves (<c>&amp; &lt; &gt;</c>), so names such
    /// as "Smith &amp; Sons &lt;East&gt;" read as written and cannot form links or mentions.
    /// </summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Bold mrkdwn of plain text.</summary>
    public static string Bold(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $"*{Escape(text).Trim()}*";

    /// <summary>
    /// <paramref name="text"/> when it fits, else its first characters and an ellipsis, exactly
    /// <paramref name="max"/> long at most. Never ends inside a surrogate pair or an HTML entity.
    /// </summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }
        var keep = Math.Max(0, max - Ellipsis.Length);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }
        keep = NotInsideEntity(text, keep);
        return text[..keep].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Joins lines into one text of at most <paramref name="max"/> characters; the lines that do not
    /// fit are replaced by <paramref name="more"/>(count) so the reader knows how many were left out.
    /// </summary>
    public static string JoinLines(IReadOnlyList<string> lines, int max, Func<int, string> more)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(more);
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var separator = text.Length == 0 ? 0 : 1;
            var rest = lines.Count - i - 1;
            // Room for this line and, if any remain, for the "N more" line after it.
            var reserve = rest == 0 ? 0 : more(rest).Length + 1;
            if (text.Length + separator + line.Length + reserve > max)
            {
                if (i == 0)
                {
                    // One huge line: cut it rather than show nothing.
                    var tail = lines.Count > 1 ? more(lines.Count - 1) : "";
                    var room = max - (tail.Length == 0 ? 0 : tail.Length + 1);
                    return tail.Length == 0 ? Cut(line, max) : Cut(line, room) + "\n" + tail;
                }
                return text.Append('\n').Append(more(lines.Count - i)).ToString();
            }
            if (separator == 1)
            {
                text.Append('\n');
            }
            text.Append(line);
        }
        return text.ToString();
    }

    // An escaped "&amp;" cut to "&am" would show garbage; step back to before the entity.
    private static int NotInsideEntity(string text, int keep)
    {
        foreach (var entity in (ReadOnlySpan<string>)["&amp;", "&lt;", "&gt;"])
        {
            for (var start = Math.Max(0, keep - entity.Length + 1); start < keep; start++)
            {
                if (text.AsSpan(start).StartsWith(entity, StringComparison.Ordinal) && start + entity.Length > keep)
                {
                    return start;
                }
            }
        }
        return keep;
    }

    private static string NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text;
}
