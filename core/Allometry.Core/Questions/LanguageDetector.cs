namespace Allometry.Core.Questions;

using System.Collections.Frozen;
using Allometry.Core.Localization;

/// <summary>
/// English or French from a few marker words. Names are bilingual in Quebec ("Dépôt Lévis" is a
/// site, not a French question), so accents alone never decide; a tie keeps the fallback.
/// </summary>
public static class LanguageDetector
{
    private static readonly FrozenSet<string> French = new[]
    {
        "combien", "quel", "quelle", "quels", "quelles", "est", "sur", "pour", "le", "la", "les", "du", "des",
        "de", "nous", "doit", "doivent", "dus", "due", "retenue", "retenues", "acompte",
        "acomptes", "recu", "recus", "recue", "payeur", "client", "projet", "chantier", "groupe", "exposition",
        "renouvellements", "renouvellement", "jours", "prochains", "risques", "principaux", "ma", "mes", "file",
        "quoi", "neuf", "depuis", "hier", "aide", "qui", "plus", "en", "retard", "solde", "reste", "il", "y",
        "a", "au", "aux", "ce", "que", "qu", "montant", "verse", "paye", "impayes", "impaye", "change", "est-ce",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> English = new[]
    {
        "what", "whats", "how", "much", "is", "on", "for", "the", "does", "do", "owe", "owes", "owed", "owing",
        "us", "who", "most", "balance", "deposit", "deposits", "in", "retainage", "holdback", "exposure", "group",
        "renewals", "renewal", "due", "days", "next", "top", "risks", "risk", "my", "queue", "changed", "since",
        "yesterday", "help", "overdue", "late", "payer", "customer", "project", "site", "outstanding", "received",
        "paid", "we", "are", "of", "show", "me", "new", "can", "you", "there",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The question's language; <paramref name="fallback"/> when the words do not tell.</summary>
    public static Language Detect(string normalized, Language fallback)
    {
        var fr = 0;
        var en = 0;
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (French.Contains(word)) fr++;
            if (English.Contains(word)) en++;
        }
        return fr > en ? Language.Fr : en > fr ? Language.En : fallback;
    }
}
