namespace Allometry.Adapters.Ledger.Aging;

using System.Globalization;
using System.Text;

/// <summary>
/// Folds the text of aging exports so that headers, labels and customer names compare the same
/// whatever the vendor, the language and the keyboard: <c>Date d'échéance</c>, <c>DATE D'ECHEANCE</c>
/// and <c>Date d’échéance</c> are one header.
/// </summary>
internal static class AgingText
{
    /// <summary>Lowercase, accents stripped, typographic dashes and quotes made ASCII, spaces collapsed, trailing colon dropped.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in StripAccents(text.Trim()))
        {
            var mapped = c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '_' => ' ',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(mapped))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(mapped);
        }
        return sb.ToString().TrimEnd(':', ' ');
    }

    /// <summary>
    /// The URL-safe spelling of a name: lowercase, accents stripped, every run of other characters
    /// turned into one <c>-</c>. <c>Rénovations Côté &amp; Fils inc.</c> → <c>renovations-cote-fils-inc</c>.
    /// </summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in StripAccents(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                dash = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                dash = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>Decomposes and drops combining marks; ligatures a French name may carry become two letters.</summary>
    public static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ': sb.Append("oe"); break;
                case 'Œ': sb.Append("OE"); break;
                case 'æ': sb.Append("ae"); break;
                case 'Æ': sb.Append("AE"); break;
                case '\u00A0' or '\u202F' or '\u2009': sb.Append(' '); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
                    break;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
