namespace Allometry.Core.Conversations;

using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>Every sentence the conversation itself says (commands, welcome, refusals), in English and French.</summary>
public static class ConversationTexts
{
    public static readonly LocalizedText SubscribeUsage = new(
        "Write it like: subscribe morning 07:30 America/Toronto, or subscribe weekly monday 08:00.",
        "Écrivez-la ainsi : abonner matin 7h30 America/Toronto, ou abonner hebdo lundi 8h00.");

    public static readonly LocalizedText UnsubscribeUsage = new(
        "Write it like: unsubscribe, unsubscribe morning, or unsubscribe weekly.",
        "Écrivez-la ainsi : désabonner, désabonner matin, ou désabonner hebdo.");

    public static readonly LocalizedText LinkUsage = new(
        "Write it like: link your.name@company.com",
        "Écrivez-la ainsi : lier votre.nom@entreprise.com");

    public static readonly LocalizedText BindUsage = new(
        "Write it like: bind project PRJ-1099 (the project's code or name).",
        "Écrivez-la ainsi : lier projet PRJ-1099 (le code ou le nom du projet).");

    public static readonly LocalizedText CommandsTitle = new("Commands", "Commandes");

    public static readonly LocalizedText CommandsBody = new(
        """
        • help · queue (your cards) · summary (weekly summary preview)
        • subscribe morning 07:30 [America/Toronto] · subscribe weekly [monday 08:00] · unsubscribe
        • bind project PRJ-1099 (in a channel: "what's owed?" then means that project) · unbind project
        • link your.name@company.com (links this chat account when the directory confirms the email)
        """,
        """
        • aide · ma file (vos cartes) · sommaire (aperçu du sommaire hebdomadaire)
        • abonner matin 7h30 [America/Toronto] · abonner hebdo [lundi 8h00] · désabonner
        • lier projet PRJ-1099 (dans un canal, « combien est dû? » porte alors sur ce projet) · délier projet
        • lier votre.nom@entreprise.com (relie ce compte de clavardage si l'annuaire confirme le courriel)
        """);

    public static readonly LocalizedText WelcomeTitle = new("Hello, I'm Allometry", "Bonjour, je suis Allometry");

    public static readonly LocalizedText WelcomeText = new(
        "I watch the receivables ledger and post the exceptions worth your attention: overdue invoices, retainage to release, "
        + "deposits not in. Ask me \"what's owed on PRJ-1099?\" or type help.",
        "Je surveille le grand livre des comptes clients et je publie les exceptions qui méritent votre attention : factures en "
        + "retard, retenues à libérer, acomptes non reçus. Demandez-moi « combien est dû sur PRJ-1099? » ou tapez aide.");

    public static readonly LocalizedText SubscribeButton = new(
        "Subscribe this channel to the 07:30 morning digest",
        "Abonner ce canal au résumé du matin de 7 h 30");

    public static readonly LocalizedText UnknownRealmTitle = new(
        "This workspace isn't connected to Allometry yet",
        "Cet espace de travail n'est pas encore relié à Allometry");

    public static LocalizedText UnknownRealm(string platform, string realm) => new(
        $"I can't tell which company's ledger this {platform} workspace ({realm}) belongs to, so I can't answer here yet. "
        + $"An Allometry administrator connects it with: allometry channels bind --platform {platform} --realm {realm} --tenant <tenant>.",
        $"Je ne sais pas à quelle entreprise appartient cet espace {platform} ({realm}) : je ne peux donc pas encore répondre ici. "
        + $"Un administrateur d'Allometry le relie avec : allometry channels bind --platform {platform} --realm {realm} --tenant <locataire>.");

    public static readonly LocalizedText BadPayloadTitle = new("I couldn't read that button", "Je n'ai pas pu lire ce bouton");

    public static readonly LocalizedText BadPayload = new(
        "The button's data is missing or malformed (no known verb, or an exception id that is not a number). Nothing was changed; "
        + "refresh the card or ask again.",
        "Les données du bouton sont absentes ou mal formées (verbe inconnu ou numéro d'exception non numérique). Rien n'a été "
        + "modifié; actualisez la carte ou reposez la question.");

    public static readonly LocalizedText BadCommandTitle = new("I couldn't read that command", "Je n'ai pas pu lire cette commande");

    public static readonly LocalizedText NotAllowedSubscribe = new(
        "Only coordinators, finance and executives can subscribe a conversation to digests.",
        "Seuls les coordonnateurs, les finances et la direction peuvent abonner une conversation aux résumés.");

    public static readonly LocalizedText NotAllowedBind = new(
        "Only coordinators, finance and executives can bind a channel to a project.",
        "Seuls les coordonnateurs, les finances et la direction peuvent lier un canal à un projet.");

    public static readonly LocalizedText NotAllowedSummary = new(
        "The weekly summary covers every project; as a project manager you see your own projects only.",
        "Le sommaire hebdomadaire couvre tous les projets; comme chargé de projet, vous ne voyez que les vôtres.");

    public static LocalizedText Subscribed(bool weekly, string when) => weekly
        ? new($"Subscribed: the weekly summary will be posted here {when}.", $"Abonnement fait : le sommaire hebdomadaire sera publié ici {when}.")
        : new($"Subscribed: the morning digest will be posted here every day at {when}.", $"Abonnement fait : le résumé du matin sera publié ici chaque jour à {when}.");

    public static LocalizedText Unsubscribed(int count) => count == 0
        ? new("This conversation had no such subscription.", "Cette conversation n'avait pas cet abonnement.")
        : new($"Unsubscribed: {count} digest subscription(s) removed from this conversation.", $"Désabonnement fait : {count} abonnement(s) retiré(s) de cette conversation.");

    public static LocalizedText BadTimeZone(string zone) => new(
        $"“{zone}” is not a time zone I know: use an IANA name such as America/Toronto or America/Vancouver.",
        $"« {zone} » n'est pas un fuseau horaire connu : utilisez un nom IANA comme America/Toronto ou America/Vancouver.");

    public static LocalizedText Bound(string project) => new(
        $"This channel is now bound to {project}: \"what's owed?\" here means that project.",
        $"Ce canal est maintenant lié à {project} : ici, « combien est dû? » porte sur ce projet.");

    public static readonly LocalizedText Unbound = new(
        "This channel is no longer bound to a project.",
        "Ce canal n'est plus lié à un projet.");

    public static LocalizedText ProjectNotFound(string text) => new(
        $"No project matches “{text}”. Use the project's code (e.g. PRJ-1099) or its exact name.",
        $"Aucun projet ne correspond à « {text} ». Utilisez le code du projet (p. ex. PRJ-1099) ou son nom exact.");

    public static readonly LocalizedText BindInPersonalChat = new(
        "A personal chat can't be bound to a project; do it in the project's channel.",
        "Une conversation personnelle ne peut pas être liée à un projet; faites-le dans le canal du projet.");

    public static LocalizedText Linked(string name, string email) => new(
        $"Linked: this chat account is now {name} ({email}).",
        $"Liaison faite : ce compte de clavardage est maintenant {name} ({email}).");

    public static readonly LocalizedText AlreadyLinked = new(
        "This chat account is already linked to you.",
        "Ce compte de clavardage vous est déjà relié.");

    /// <summary>
    /// "link me@…" the directory could not verify: who can link the account instead, with the exact
    /// command (this account's platform, realm and id filled in) to hand to an administrator.
    /// </summary>
    public static LocalizedText LinkNotVerified(string email, PlatformIdentity account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var platform = account.Platform switch
        {
            Platform.Teams => "teams",
            Platform.Slack => "slack",
            Platform.WebChat => "webchat",
            _ => account.Platform.ToString().ToLowerInvariant(),
        };
        var command = $"allometry users link --email {email} --platform {platform} --realm {account.Realm} --user-id {account.UserId}";
        return new(
            "I can't confirm that email from your chat account's directory, so I didn't link it. An Allometry administrator can "
            + $"link this account to your user for you: {command}",
            "Je ne peux pas confirmer ce courriel dans l'annuaire de votre compte de clavardage; je ne l'ai donc pas relié. Un "
            + $"administrateur d'Allometry peut relier ce compte à votre utilisateur : {command}");
    }

    public static readonly LocalizedText QueueEmpty = new("Nothing in your queue.", "Rien dans votre file.");

    public static LocalizedText QueueMore(int more) => new(
        $"… and {more} more. Ask \"top risks\" for the whole list.",
        $"… et {more} autres. Demandez « principaux risques » pour la liste complète.");

    public static readonly LocalizedText ExceptionGone = new(
        "This exception no longer exists for your company.",
        "Cette exception n'existe plus pour votre entreprise.");

    public static readonly LocalizedText BadSubjectChoice = new(
        "That choice no longer carries its question. Please ask again.",
        "Ce choix ne contient plus sa question. Reposez-la, s'il vous plaît.");
}
