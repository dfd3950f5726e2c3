namespace Allometry.Core.Questions;

using Allometry.Core.Localization;

/// <summary>Every sentence the question answers use, in English and French.</summary>
internal static class QuestionTexts
{
    public static readonly LocalizedText HelpTitle = new("What you can ask me", "Ce que vous pouvez me demander");

    public static readonly LocalizedText HelpBody = new(
        """
        • What's owed on project Maple Ridge? · balance PRJ-1092
        • What does Northwind Retail owe?
        • Exposure for group Érablière
        • Retainage on Laval · holdback PRJ-1111
        • Is the deposit in for Lévis?
        • Overdue deposits
        • Renewals due in 30 days
        • Top risks · Who owes us the most?
        • My queue · What changed since yesterday?
        """,
        """
        • Combien est dû sur le projet Maple Ridge? · solde PRJ-1092
        • Combien nous doit Northwind Retail?
        • Exposition du groupe Érablière
        • Retenue sur Laval · retenue PRJ-1111
        • Le dépôt est-il reçu pour Lévis?
        • Dépôts en retard
        • Renouvellements dans 30 jours
        • Principaux risques · Qui nous doit le plus?
        • Ma file · Quoi de neuf depuis hier?
        """);

    public static readonly LocalizedText UnknownTitle = new("I didn't understand that question", "Je n'ai pas compris la question");

    public static LocalizedText NotFound(string subject) => new(
        $"I couldn't find a project, site or payer named \"{subject}\".",
        $"Je ne trouve aucun projet, site ni payeur nommé « {subject} ».");

    public static readonly LocalizedText NeedSubject = new(
        "Which project or payer? Add its name or id, e.g. \"what's owed on PRJ-1111\".",
        "Quel projet ou quel payeur? Ajoutez son nom ou son numéro, p. ex. « combien est dû sur PRJ-1111 ».");

    public static readonly LocalizedText RefusedTitle = new("Not one of your projects", "Ce projet n'est pas l'un des vôtres");

    public static LocalizedText Refused(string project) => new(
        $"Sorry — {project} is managed by another project manager, so I can't share its figures with you. Ask finance or that project's manager.",
        $"Désolé — {project} relève d'un autre chargé de projet; je ne peux pas vous en communiquer les montants. Adressez-vous aux finances ou au chargé de ce projet.");

    public static readonly LocalizedText NotMemberTitle = new("No access to this operator", "Aucun accès à cet exploitant");

    public static readonly LocalizedText NotMember = new(
        "You aren't linked to this operator yet. Ask your controller to add you, then ask again.",
        "Vous n'êtes pas encore lié à cet exploitant. Demandez à votre contrôleur de vous ajouter, puis reposez la question.");

    public static readonly LocalizedText ChoicePrompt = new("Which one did you mean?", "Lequel vouliez-vous dire?");

    public static string KindName(string kind, Language language) => (kind, language) switch
    {
        ("deposit", Language.Fr) => "dépôt",
        ("progress", Language.Fr) => "facture d'étape",
        ("final", Language.Fr) => "facture finale",
        ("retainage_release", Language.Fr) => "libération de retenue",
        ("service", Language.Fr) => "service",
        ("other", Language.Fr) => "autre",
        ("retainage_release", _) => "retainage release",
        _ => kind,
    };

    public static string Due(DateOnly date, Language language) =>
        language == Language.Fr ? $"échéance {date:yyyy-MM-dd}" : $"due {date:yyyy-MM-dd}";

    public static string Money(decimal amount, Language language) => MoneyFormat.Format(amount, language);
}
