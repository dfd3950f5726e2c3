namespace Allometry.Core.Postgres.Actions;

using System.Globalization;
using Allometry.Core.Actions;
using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>What actions say, in both languages (style: short, plain, money formatted per language).</summary>
internal static class ActionMessages
{
    public static readonly LocalizedText NotFound = new(
        "I can't find that exception. It may belong to another organization or have been removed.",
        "Je ne trouve pas cette exception. Elle appartient peut-être à une autre organisation ou a été retirée.");
    public static readonly LocalizedText NotAMember = new(
        "You don't have a role in this organization yet. Ask finance or an administrator to add you.",
        "Vous n’avez pas encore de rôle dans cette organisation. Demandez aux finances ou à un administrateur de vous ajouter.");
    public static readonly LocalizedText Closed = new(
        "This exception is closed: nothing to do any more.",
        "Cette exception est fermée : il n’y a plus rien à faire.");
    public static readonly LocalizedText NotAnExceptionAction = new("That is not an action on an exception.", "Ce n’est pas une action sur une exception.");
    public static readonly LocalizedText TopOfChain = new(
        "It's already with the top of the escalation chain (executive).",
        "Elle est déjà au sommet de la chaîne d’escalade (direction).");
    public static readonly LocalizedText NoManager = new(
        "I can't find the project manager's manager: the directory doesn't say and none is configured.",
        "Je ne trouve pas le gestionnaire du chargé de projet : l’annuaire ne l’indique pas et aucun n’est configuré.");
    public static readonly LocalizedText NoteAdded = new("Note added.", "Note ajoutée.");
    public static readonly LocalizedText NoPayer = new("This exception has no payer to hold to a promise.", "Cette exception n’a aucun payeur à qui rattacher une promesse.");
    public static readonly LocalizedText NoHold = new("There is no open retainage to release on this project.", "Il n’y a aucune retenue ouverte à libérer sur ce projet.");
    public static readonly LocalizedText AlreadyPending = new(
        "A release is already waiting for approval on this exception.",
        "Une libération attend déjà une approbation pour cette exception.");
    public static readonly LocalizedText NothingToApprove = new("No release is waiting for approval here.", "Aucune libération n’attend d’approbation ici.");
    public static readonly LocalizedText OwnRelease = new(
        "A second finance approval must come from someone else: you asked for this release.",
        "La deuxième approbation des finances doit venir d’une autre personne : c’est vous qui avez demandé cette libération.");

    public static LocalizedText Denied(Role role, ActionVerb verb) => verb is ActionVerb.ReleaseRetainage or ActionVerb.ApproveRelease
        ? new("Only finance can release retainage.", "Seules les finances peuvent libérer une retenue.")
        : role == Role.ProjectManager && PermissionMatrix.VerbsFor(role).Contains(verb)
            ? new("You can only act on your own projects.", "Vous ne pouvez agir que sur vos propres projets.")
            : new($"Your role ({RoleName(role).En}) can't do that.", $"Votre rôle ({RoleName(role).Fr}) ne permet pas cette action.");

    public static LocalizedText AlreadyApplied(LocalizedText first) => new("Already done. " + first.En, "Déjà fait. " + first.Fr);

    public static LocalizedText Stale(string? kind, string? who, DateTimeOffset? at)
    {
        var (en, fr) = kind switch
        {
            "snoozed" => ("snoozed", "reporté"),
            "dismissed" => ("dismissed", "écarté"),
            "escalated" => ("escalated", "escaladé"),
            "rerouted" => ("re-routed", "réacheminé"),
            "assigned" => ("assigned", "assigné"),
            _ => ("updated", "mis à jour"),
        };
        var by = who is null ? ("", "") : ($" by {who}", $" par {who}");
        var when = at is { } t ? ($" at {t.ToString("HH:mm", CultureInfo.InvariantCulture)}", $" à {t.ToString("HH' h 'mm", CultureInfo.InvariantCulture)}") : ("", "");
        return new($"Already {en}{by.Item1}{when.Item1}. Here is the current card.", $"Déjà {fr}{by.Item2}{when.Item2}. Voici la fiche à jour.");
    }

    public static LocalizedText Snoozed(DateOnly until, SnoozeCondition condition)
    {
        var (en, fr) = condition switch
        {
            SnoozeCondition.PaymentReceived => (" or until a payment arrives", " ou jusqu’à la réception d’un paiement"),
            SnoozeCondition.DepositReceived => (" or until the deposit arrives", " ou jusqu’à la réception du dépôt"),
            _ => ("", ""),
        };
        return new($"Snoozed until {Day(until)}{en}.", $"Reporté jusqu’au {Day(until)}{fr}.");
    }

    public static LocalizedText Escalated(string to) => new($"Escalated to {to}.", $"Escaladé à {to}.");
    public static LocalizedText Assigned(string name) => new($"Assigned to {name}.", $"Assigné à {name}.");
    public static LocalizedText Dismissed(string reason) => new($"Dismissed: {reason}.", $"Écarté : {reason}.");
    public static LocalizedText Rerouted(string payer) => new($"Follow-up moved to {payer}.", $"Suivi transféré à {payer}.");

    public static LocalizedText NotLinked(string payer) => new(
        $"{payer} is not linked to this payer: choose an entity from its group.",
        $"{payer} n’est pas lié à ce payeur : choisissez une entité de son groupe.");

    public static LocalizedText PromiseRecorded(decimal amount, DateOnly date) => new(
        $"Promise recorded: {Money(amount, Language.En)} by {Day(date)}.",
        $"Promesse enregistrée : {Money(amount, Language.Fr)} d’ici le {Day(date)}.");

    public static LocalizedText AboveHold(decimal amount, decimal open) => new(
        $"{Money(amount, Language.En)} is more than the open retainage ({Money(open, Language.En)}).",
        $"{Money(amount, Language.Fr)} dépasse la retenue ouverte ({Money(open, Language.Fr)}).");

    public static LocalizedText ReleasePending(decimal amount, decimal threshold) => new(
        $"Release of {Money(amount, Language.En)} recorded. Above {Money(threshold, Language.En)}, a second finance approval is needed.",
        $"Libération de {Money(amount, Language.Fr)} enregistrée. Au-delà de {Money(threshold, Language.Fr)}, une deuxième approbation des finances est requise.");

    public static LocalizedText Released(decimal amount, DateOnly date, bool full, bool followUp)
    {
        var en = $"Retainage {(full ? "released" : "partly released")}: {Money(amount, Language.En)} on {Day(date)}.";
        var fr = $"Retenue {(full ? "libérée" : "libérée en partie")} : {Money(amount, Language.Fr)} le {Day(date)}.";
        return followUp ? new(en + " A follow-up to invoice the release is open.", fr + " Un suivi pour facturer la libération est ouvert.") : new(en, fr);
    }

    public static LocalizedText ReleasedReason(decimal amount, DateOnly date) =>
        new($"Retainage released: {Money(amount, Language.En)} on {Day(date)}", $"Retenue libérée : {Money(amount, Language.Fr)} le {Day(date)}");

    public static (LocalizedText Title, LocalizedText Detail, LocalizedText Action) FollowUp(string project, decimal amount, DateOnly date) => (
        new($"Invoice the retainage released on {project}", $"Facturer la retenue libérée sur {project}"),
        new($"{Money(amount, Language.En)} of retainage was released on {Day(date)} and no release invoice exists yet.",
            $"{Money(amount, Language.Fr)} de retenue ont été libérés le {Day(date)} et aucune facture de libération n’existe encore."),
        new("Issue the release invoice so the holdback can be collected.", "Émettez la facture de libération pour encaisser la retenue."));

    private static LocalizedText RoleName(Role role) => role switch
    {
        Role.Viewer => new("viewer", "lecture seule"),
        Role.ProjectManager => new("project manager", "chargé de projet"),
        Role.Coordinator => new("coordinator", "coordination"),
        Role.Finance => new("finance", "finances"),
        _ => new("executive", "direction"),
    };

    private static string Money(decimal amount, Language language) => MoneyFormat.Format(amount, language);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
