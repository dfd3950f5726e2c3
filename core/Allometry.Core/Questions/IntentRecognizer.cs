namespace Allometry.Core.Questions;

using System.Globalization;
using System.Text.RegularExpressions;
using Allometry.Core.Localization;

/// <summary>
/// Understands a question typed in English or French: its intent, language, subject and horizon.
/// Pure and tolerant — case, accents, punctuation and chat mention residue do not matter. Names
/// are not resolved here (that needs the tenant's data); the subject is the words that are not
/// the question's own.
/// </summary>
public static partial class IntentRecognizer
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="fallback"/> is the language when the words do not tell.</summary>
    public static ParsedQuestion Recognize(string text, Language fallback = Language.En)
    {
        var normalized = SpacedCode().Replace(QuestionNormalizer.Normalize(text),
            m => QuestionVocabulary.Stop.Contains(m.Groups[1].Value) ? m.Value : $"{m.Groups[1].Value}-{m.Groups[2].Value}");
        var language = LanguageDetector.Detect(normalized, fallback);
        var padded = $" {normalized} ";
        var code = CodePattern().Match(normalized) is { Success: true } m ? m.Value : null;
        var days = Days(normalized);
        var subject = Subject(normalized, code, keepDepot: false);
        var hint = Has(padded, QuestionVocabulary.ProjectHint) ? SubjectHint.Project
            : Has(padded, QuestionVocabulary.PayerHint) ? SubjectHint.Payer
            : SubjectHint.Any;

        var intent = IntentOf(normalized, padded, subject is not null || code is not null);
        if (intent == QuestionIntent.Owed && SiteNamedDepot(normalized, padded)) subject = Subject(normalized, code, keepDepot: true);
        if (intent == QuestionIntent.GroupExposure) hint = SubjectHint.Payer;
        if (intent is QuestionIntent.Retainage or QuestionIntent.Deposit) hint = SubjectHint.Project;
        return new ParsedQuestion(intent, language, subject, code, hint, days);
    }

    private static QuestionIntent IntentOf(string normalized, string padded, bool hasSubject)
    {
        if (normalized.Length == 0 || Has(padded, QuestionVocabulary.Help)) return QuestionIntent.Help;
        if (Has(padded, QuestionVocabulary.TopDebtors)) return QuestionIntent.TopDebtors;
        if (Has(padded, QuestionVocabulary.Changed)) return QuestionIntent.ChangedSinceYesterday;
        if (Has(padded, QuestionVocabulary.MyQueue)) return QuestionIntent.MyQueue;
        if (Has(padded, QuestionVocabulary.TopRisks)) return QuestionIntent.TopRisks;
        if (Has(padded, QuestionVocabulary.Renewals)) return QuestionIntent.RenewalsDue;
        if (Has(padded, QuestionVocabulary.Retainage)) return QuestionIntent.Retainage;

        var depositWord = normalized.Split(' ').FirstOrDefault(QuestionVocabulary.DepositWords.Contains);
        // "Dépôt Lévis" is a site name as often as a deposit: with an owed word, it is the site.
        if (depositWord is not null && !SiteNamedDepot(normalized, padded))
        {
            var overdue = Has(padded, QuestionVocabulary.Overdue);
            if (!hasSubject && (overdue || depositWord.EndsWith('s'))) return QuestionIntent.OverdueDeposits;
            return QuestionIntent.Deposit;
        }
        if (Has(padded, QuestionVocabulary.Group)) return QuestionIntent.GroupExposure;
        if (Has(padded, QuestionVocabulary.Owed) || hasSubject) return QuestionIntent.Owed;
        return QuestionIntent.Unknown;
    }

    private static bool SiteNamedDepot(string normalized, string padded) =>
        normalized.Split(' ').FirstOrDefault(QuestionVocabulary.DepositWords.Contains) is "depot" or "depots"
        && Has(padded, QuestionVocabulary.StrongOwed);

    private static string? Subject(string normalized, string? code, bool keepDepot)
    {
        // Intent phrases first ("owes us the most", "quoi de neuf"), longest first, then single stop words.
        var text = $" {normalized} ";
        foreach (var phrase in IntentPhrases)
        {
            while (text.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                text = text.Replace($" {phrase} ", " ", StringComparison.Ordinal);
            }
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w != code && !IsNumberOrDays(w)
                && (!QuestionVocabulary.Stop.Contains(w) || (keepDepot && w is "depot" or "depots")))
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private static readonly string[] IntentPhrases = [.. PhraseList().Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length)];

    private static string[] PhraseList() =>
    [
        .. QuestionVocabulary.Help, .. QuestionVocabulary.Changed, .. QuestionVocabulary.MyQueue,
        .. QuestionVocabulary.TopRisks, .. QuestionVocabulary.TopDebtors, .. QuestionVocabulary.Overdue,
        .. QuestionVocabulary.Renewals, .. QuestionVocabulary.Retainage, .. QuestionVocabulary.Group,
        .. QuestionVocabulary.Owed, "days", "day", "jours", "jour", "next", "prochains", "within", "month",
        "mois", "coming", "upcoming", "a venir", "se", "renouvellent", "most", "plus", "quoi", "neuf",
    ];

    private static bool IsNumberOrDays(string word) => word.All(char.IsAsciiDigit) || word is "j" or "d";

    private static int? Days(string normalized)
    {
        var match = DaysPattern().Match(normalized);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3660)
        {
            return days;
        }
        if (normalized.Contains("month", StringComparison.Ordinal) || normalized.Contains("mois", StringComparison.Ordinal)) return 30;
        if (normalized.Contains("week", StringComparison.Ordinal) || normalized.Contains("semaine", StringComparison.Ordinal)) return 7;
        return null;
    }

    private static bool Has(string padded, IEnumerable<string> phrases) =>
        phrases.Any(p => padded.Contains($" {p} ", StringComparison.Ordinal));

    /// <summary>"prj 1105" as typed on a phone: joined into one id unless the letters are a word ("dans 45").</summary>
    [GeneratedRegex(@"\b([a-z]{1,5}) (\d{2,7})\b")]
    private static partial Regex SpacedCode();

    [GeneratedRegex(@"\b[a-z]{1,5}-?\d{2,7}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\b(\d{1,4}) (?:[a-z]+ )?(?:days?|jours?|j|d)\b")]
    private static partial Regex DaysPattern();
}
