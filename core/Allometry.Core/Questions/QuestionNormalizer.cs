namespace Allometry.Core.Questions;

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// Turns what a person typed in Teams or Slack into plain words: mention residue removed
/// (<c>&lt;at&gt;Allometry&lt;/at&gt;</c>, <c>&lt;@U0123&gt;</c>, <c>@Allometry</c>), HTML
/// entities and tags dropped, lower-case, accents removed, punctuation turned into spaces —
/// except the hyphen inside ids such as <c>PRJ-1111</c>.
/// </summary>
public static partial class QuestionNormalizer
{
    /// <summary>The question without mention residue or markup, as typed otherwise.</summary>
    public static string StripResidue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = TeamsMention().Replace(text, " ");
        s = SlackMention().Replace(s, " ");
        s = Tags().Replace(s, " ");
        s = s.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase)
             .Replace("&amp;", "&", StringComparison.OrdinalIgnoreCase)
             .Replace("&#39;", "'", StringComparison.Ordinal)
             .Replace("&quot;", "\"", StringComparison.OrdinalIgnoreCase);
        s = AtMention().Replace(s, " ");
        return s.Trim();
    }

    /// <summary>Lower-case words without accents or punctuation, separated by single spaces.</summary>
    public static string Normalize(string text)
    {
        var decomposed = StripResidue(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c == '-' && sb.Length > 0 && char.IsLetterOrDigit(sb[^1]))
            {
                sb.Append('-');
            }
            else
            {
                if (sb.Length > 0 && sb[^1] == '-') sb.Length--;
                sb.Append(' ');
            }
        }
        var collapsed = Spaces().Replace(sb.ToString().Replace("- ", " ", StringComparison.Ordinal), " ").Trim();
        return collapsed.EndsWith('-') ? collapsed[..^1] : collapsed;
    }

    [GeneratedRegex(@"<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex TeamsMention();

    [GeneratedRegex(@"<[@#!][^>]*>")]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(^|\s)@[\p{L}\p{N}_.\-]+")]
    private static partial Regex AtMention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
