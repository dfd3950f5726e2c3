namespace Allometry.Core.Questions;

using System.Collections.Frozen;

/// <summary>
/// The words and phrases (normalized: lower-case, no accents) that signal each intent in English
/// and French, and the words that are never part of a name.
/// </summary>
internal static class QuestionVocabulary
{
    public static readonly string[] Help =
    [
        "help", "aide", "aidez-moi", "aide-moi", "what can you do", "que peux-tu faire", "que pouvez-vous faire",
        "que sais-tu faire", "commands", "commandes", "how does this work", "comment ca marche", "menu",
    ];

    public static readonly string[] Changed =
    [
        "what changed", "changed", "since yesterday", "depuis hier", "quoi de neuf", "what s new", "whats new",
        "a change", "ont change", "changements", "nouveautes", "changes", "last 24 hours", "dernieres 24 heures",
    ];

    public static readonly string[] MyQueue =
    [
        "my queue", "ma file", "file d attente", "my list", "ma liste", "my exceptions", "mes exceptions",
        "my items", "mes dossiers", "my work", "mon travail", "a faire", "to do", "todo",
    ];

    public static readonly string[] TopRisks =
    [
        "top risks", "top risk", "riskiest", "biggest risks", "highest risk", "highest risks", "principaux risques",
        "plus grands risques", "plus risques", "plus a risque", "risques", "risks", "risk",
    ];

    public static readonly string[] TopDebtors =
    [
        "owes us the most", "owe us the most", "owes the most", "owe the most", "biggest debtors", "top debtors",
        "largest balances", "biggest balances", "largest debtors", "doit le plus", "doivent le plus",
        "plus gros debiteurs", "plus gros soldes", "plus gros clients", "principaux debiteurs", "top payers",
    ];

    public static readonly FrozenSet<string> DepositWords =
        new[] { "deposit", "deposits", "depot", "depots", "acompte", "acomptes" }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly string[] Overdue =
    [
        "overdue", "late", "past due", "unpaid", "en retard", "impaye", "impayes", "impayee", "impayees",
        "en souffrance", "echu", "echus", "non payes", "non recus", "missing", "manquants",
    ];

    public static readonly string[] Renewals =
    [
        "renewal", "renewals", "renew", "renewing", "renouvellement", "renouvellements", "renouveler",
        "contrats de service", "service contracts", "a renouveler",
    ];

    public static readonly string[] Retainage =
    [
        "retainage", "holdback", "holdbacks", "retenue", "retenues", "retention", "retenue contractuelle", "held back",
    ];

    public static readonly string[] Group =
    [
        "exposure", "exposition", "group", "groupe", "linked entities", "entites liees", "whole group", "tout le groupe",
    ];

    /// <summary>Words that make an "owed" question even when a site is named "Dépôt …".</summary>
    public static readonly string[] StrongOwed =
    [
        "owed", "owe", "owes", "owing", "balance", "outstanding", "solde", "combien", "a recevoir", "receivable",
        "receivables", "montant", "how much", "ar",
    ];

    public static readonly string[] Owed =
    [
        .. StrongOwed, "due", "dus", "dues", "doit", "doivent", "reste", "left", "open", "ouvert",
    ];

    public static readonly string[] ProjectHint = ["project", "projet", "site", "chantier", "job"];

    public static readonly string[] PayerHint =
    [
        "payer", "payeur", "client", "customer", "owed by", "nous doit", "does", "doit combien", "payee par",
    ];

    /// <summary>Words that are never part of a name.</summary>
    public static readonly FrozenSet<string> Stop = new[]
    {
        // English
        "what", "whats", "s", "is", "are", "the", "a", "an", "on", "for", "of", "at", "in", "to", "by", "from",
        "how", "much", "does", "do", "did", "we", "us", "our", "me", "show", "tell", "give", "please", "pls",
        "project", "projects", "site", "sites", "payer", "customer", "group", "there", "any", "still", "left",
        "total", "amount", "with", "about", "has", "have", "been", "get", "currently", "right", "now", "today",
        "and", "owe", "owes", "owed", "owing", "balance", "outstanding", "due", "status", "it", "its", "yet", "paid",
        "received", "open", "job", "deposit", "deposits", "retainage", "holdback", "holdbacks", "held", "back",
        "exposure", "whole", "linked", "entities", "receivable", "receivables", "ar", "money", "them", "they",
        "their", "this", "that", "which", "who", "was", "were", "in?", "up", "all", "be", "will", "can", "you",
        "hey", "hi", "hello", "allometry", "bot", "thanks", "check", "current", "retention", "collected",
        // French
        "quel", "quelle", "quels", "quelles", "est", "est-ce", "ce", "que", "qu", "qui", "le", "la", "les", "l",
        "de", "du", "des", "d", "sur", "pour", "au", "aux", "en", "il", "y", "reste", "combien", "projet", "projets",
        "chantier", "payeur", "client", "groupe", "nous", "doit", "doivent", "solde", "montant", "recevoir",
        "encore", "ouvert", "svp", "stp", "vous", "plait", "dus", "dues", "recu", "recue", "recus", "verse", "paye",
        "t", "et", "un", "une", "mon", "notre", "nos", "sont", "ete", "deja", "actuel", "actuellement", "dans",
        "depot", "depots", "acompte", "acomptes", "retenue", "retenues", "contractuelle", "exposition", "entites",
        "liees", "tout", "bonjour", "salut", "merci", "a", "ou", "on", "sommes", "etat", "-t-il", "t-il", "where", "reste-t-il", "est-il", "a-t-il", "y-a-t-il", "mois-ci", "ci", "past", "totale", "to", "our", "entire", "overall", "globale",
    }.ToFrozenSet(StringComparer.Ordinal);
}
