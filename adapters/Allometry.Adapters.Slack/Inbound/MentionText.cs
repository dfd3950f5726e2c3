namespace Allometry.Adapters.Slack.Inbound;

using System.Text.RegularExpressions;

/// <summary>Removes the bot's mention (<c>&lt;@U123&gt;</c>) from a message and tidies the text.</summary>
internal static partial class MentionText
{
    public static string Strip(string? text, string? botUserId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var stripped = botUserId is null
            ? LeadingMention().Replace(text, string.Empty, 1)
            : text.Replace("<@" + botUserId + ">", " ", StringComparison.Ordinal);
        // Slack escapes &, < and > in message text.
        stripped = stripped.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
        return Spaces().Replace(stripped, " ").Trim();
    }

    [GeneratedRegex(@"^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
