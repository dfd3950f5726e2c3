namespace Allometry.Adapters.Teams.Activities;

using System.Net;
using System.Text.RegularExpressions;

/// <summary>
/// Removes Teams' <c>&lt;at&gt;Name&lt;/at&gt;</c> mentions from a message. Teams sometimes glues the next
/// word to the closing tag (<c>&lt;at&gt;Allometry&lt;/at&gt;owed on 1042</c>), so a removed mention
/// leaves a space, and the result is whitespace-collapsed and HTML-decoded.
/// </summary>
internal static partial class MentionText
{
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var withoutMentions = MentionPattern().Replace(text, " ");
        var decoded = WebUtility.HtmlDecode(withoutMentions);
        return Whitespace().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex(@"<at\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whitespace();
}
