namespace Allometry.Bot.Serve;

using System.Text;
using Allometry.Adapters.Teams.Manifest;
using Allometry.Core.Localization;

/// <summary>
/// The words of the privacy statement and the terms of use, in English and French. Short and
/// literal: they describe what this software does (what it reads, where it keeps it, for how long),
/// not promises an operator would have to keep on top of it.
/// </summary>
internal static class LegalPageTexts
{
    /// <summary>A page: its title and its sections (a heading, then paragraphs).</summary>
    public sealed record Page(string Title, IReadOnlyList<(string Heading, string[] Paragraphs)> Sections);

    public static Page Privacy(Language l) => l == Language.Fr
        ? new Page("Allometry — déclaration de confidentialité",
        [
            ("Qui traite vos données", [
                "Allometry est installé et exploité par votre organisation (ou par le prestataire qu'elle a choisi), sur ses propres serveurs. " +
                "Cet exploitant décide qui y a accès et répond de vos données; Allometry ne les transmet à aucun autre service.",
            ]),
            ("Ce qu'Allometry lit", [
                "Les comptes clients que l'exploitant importe : factures, paiements, projets, payeurs et entités liées, retenues de garantie, dépôts et taxes.",
                "Vos identités de clavardage : dans Microsoft Teams, votre identifiant Teams et votre identifiant d'objet Entra, votre nom affiché, " +
                "votre adresse courriel et votre langue préférée (lus dans l'annuaire Microsoft Graph pour vous relier à votre compte Allometry); " +
                "dans Slack, votre identifiant, votre nom et votre courriel. Les messages que vous adressez au bot et les boutons sur lesquels vous cliquez.",
                "Allometry ne lit ni vos autres conversations, ni vos fichiers, ni votre calendrier.",
            ]),
            ("Où c'est conservé", [
                "Dans la base de données PostgreSQL de l'exploitant. Les données de chaque organisation cliente sont séparées par une sécurité au niveau des lignes. " +
                "Les jetons des plateformes sont chiffrés. Les cartes sont envoyées à Teams ou à Slack pour y être affichées, et n'en sortent pas autrement.",
            ]),
            ("Combien de temps", [
                "Rien n'est effacé automatiquement : les grands livres importés, les exceptions et la piste d'audit de chaque action sont conservés " +
                "afin que toute décision passée puisse être expliquée. L'exploitant fixe la durée de conservation et peut supprimer les données d'une organisation.",
            ]),
            ("Vos droits et contact", [
                "Pour consulter, corriger ou faire supprimer vos données, ou pour toute question, adressez-vous à l'administrateur qui a installé Allometry " +
                "dans votre organisation (dans Teams : la personne qui a ajouté l'application).",
            ]),
        ])
        : new Page("Allometry — privacy statement",
        [
            ("Who handles your data", [
                "Allometry is installed and run by your organisation (or a provider it chose) on its own servers. " +
                "That operator decides who may use it and is responsible for your data; Allometry sends it to no other service.",
            ]),
            ("What Allometry reads", [
                "The accounts receivable the operator imports: invoices, payments, projects, payers and linked entities, retainage, deposits and taxes.",
                "Your chat identities: in Microsoft Teams, your Teams id and Entra object id, display name, email address and preferred language " +
                "(read from the Microsoft Graph directory to link you to your Allometry account); in Slack, your user id, name and email. " +
                "The messages you send the bot and the buttons you click.",
                "Allometry does not read your other conversations, your files or your calendar.",
            ]),
            ("Where it is kept", [
                "In the operator's PostgreSQL database. Each client organisation's data is kept apart by row-level security. " +
                "Platform tokens are encrypted. Cards are sent to Teams or Slack to be shown there, and go nowhere else.",
            ]),
            ("How long", [
                "Nothing is deleted automatically: imported ledgers, exceptions and the audit trail of every action are kept so that any past decision " +
                "can be explained. The operator sets the retention period and can delete an organisation's data.",
            ]),
            ("Your rights and contact", [
                "To see, correct or have your data deleted, or for any question, contact the administrator who installed Allometry in your organisation " +
                "(in Teams: the person who added the app).",
            ]),
        ]);

    public static Page Terms(Language l) => l == Language.Fr
        ? new Page("Allometry — conditions d'utilisation",
        [
            ("L'outil", [
                "Allometry aide une équipe à suivre ses comptes clients : il signale des exceptions, répond à des questions sur les soldes " +
                "et consigne les actions faites depuis le clavardage. Il est fourni par l'exploitant de cette installation, selon l'entente que votre organisation a conclue avec lui.",
            ]),
            ("Vos actions", [
                "Chaque action (mise en veille, transmission, promesse, libération de retenue…) est faite en votre nom, selon votre rôle, et consignée dans la piste d'audit. " +
                "N'agissez que sur ce que vous êtes autorisé à traiter.",
            ]),
            ("Les chiffres", [
                "Les montants et les cotes de risque sont calculés à partir des données importées; ils ne valent que ce que valent ces données. " +
                "Vérifiez-les dans votre système comptable avant toute décision engageant de l'argent. Allometry ne déplace aucun fonds.",
            ]),
            ("Contact", [
                "Pour toute question sur ces conditions, adressez-vous à l'administrateur qui a installé Allometry dans votre organisation.",
            ]),
        ])
        : new Page("Allometry — terms of use",
        [
            ("The tool", [
                "Allometry helps a team keep track of its accounts receivable: it flags exceptions, answers questions about balances and records " +
                "the actions taken from chat. It is provided by the operator of this installation, under the agreement your organisation has with them.",
            ]),
            ("Your actions", [
                "Each action (snooze, escalate, promise, retainage release…) is taken in your name, within your role, and recorded in the audit trail. " +
                "Only act on what you are authorised to handle.",
            ]),
            ("The figures", [
                "Amounts and risk scores are computed from the imported data and are only as good as that data. " +
                "Check them in your accounting system before any decision that moves money. Allometry moves no funds.",
            ]),
            ("Contact", [
                "For any question about these terms, contact the administrator who installed Allometry in your organisation.",
            ]),
        ]);

    /// <summary>The page as a complete HTML document; every text is HTML-encoded.</summary>
    public static string Html(Page page, Language l)
    {
        ArgumentNullException.ThrowIfNull(page);
        var fr = l == Language.Fr;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(fr ? "fr-CA" : "en-CA").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Encode(page.Title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}")
            .Append("h1{color:#1F4E79;font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem}nav{font-size:.9rem}</style>\n</head>\n<body>\n")
            .Append("<nav><a href=\"?lang=").Append(fr ? "en" : "fr").Append("\">").Append(fr ? "English" : "Français").Append("</a> · ")
            .Append("<a href=\"").Append(TeamsAppPackage.PrivacyPath).Append(fr ? "?lang=fr" : "").Append("\">").Append(fr ? "Confidentialité" : "Privacy").Append("</a> · ")
            .Append("<a href=\"").Append(TeamsAppPackage.TermsPath).Append(fr ? "?lang=fr" : "").Append("\">").Append(fr ? "Conditions" : "Terms").Append("</a></nav>\n")
            .Append("<h1>").Append(Encode(page.Title)).Append("</h1>\n");
        foreach (var (heading, paragraphs) in page.Sections)
        {
            html.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");
            foreach (var paragraph in paragraphs) html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    // Only the five markup characters: accented letters stay readable UTF-8 in the source of the page.
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
