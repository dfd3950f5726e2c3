namespace Allometry.Core.Cards.Building;

using Allometry.Core.Actions;
using Allometry.Core.Localization;

/// <summary>
/// The buttons of an exception card, filtered by the viewer's permissions: snooze presets (1 day,
/// 3 days, 1 week, 2 weeks, until a date), escalate, re-route (choices from the entity graph),
/// assign to me, note, promise (amount and date), dismiss (reason), and release retainage (amount,
/// date, confirmation) on retainage rules only.
/// </summary>
public static class ExceptionCardActions
{
    /// <summary>The snooze presets, in days.</summary>
    public static IReadOnlyList<int> SnoozePresetDays { get; } = [1, 3, 7, 14];

    /// <summary>The actions <paramref name="viewer"/> may take on <paramref name="input"/>.</summary>
    public static IReadOnlyList<CardAction> For(ExceptionCardInput input, CardViewer viewer, IReadOnlyList<CardChoice> rerouteChoices)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(viewer);
        var l = viewer.Language;
        var actions = new List<CardAction>();
        CardAction Make(ActionVerb verb, string en, string fr, CardTone tone = CardTone.Neutral, bool secondary = false,
            IReadOnlyDictionary<string, string>? data = null, IReadOnlyList<CardInput>? inputs = null, string? confirmation = null) => new()
        {
            Verb = verb,
            Title = CardText.Pick(l, en, fr),
            ExceptionId = input.ExceptionId,
            ExceptionVersion = input.Version,
            Tone = tone,
            Secondary = secondary,
            Data = data ?? new Dictionary<string, string>(),
            Inputs = inputs ?? [],
            Confirmation = confirmation,
        };

        if (viewer.May(ActionVerb.Snooze))
        {
            foreach (var days in SnoozePresetDays)
            {
                var (en, fr) = days switch
                {
                    1 => ("Snooze 1 day", "Mettre en veille 1 jour"),
                    7 => ("Snooze 1 week", "Mettre en veille 1 semaine"),
                    14 => ("Snooze 2 weeks", "Mettre en veille 2 semaines"),
                    _ => ($"Snooze {days} days", $"Mettre en veille {days} jours"),
                };
                actions.Add(Make(ActionVerb.Snooze, en, fr, secondary: days != 3,
                    data: new Dictionary<string, string> { ["days"] = ExceptionCardBuilder.Invariant(days) }, inputs: [Reason(l, required: false)]));
            }
            actions.Add(Make(ActionVerb.Snooze, "Snooze until…", "Mettre en veille jusqu'au…", secondary: true,
                inputs: [Input("until", CardInputKind.Date, l, "Until", "Jusqu'au", required: true), Reason(l, required: false)]));
        }
        if (viewer.May(ActionVerb.Escalate))
        {
            actions.Add(Make(ActionVerb.Escalate, "Escalate", "Transmettre", CardTone.Attention,
                inputs: [Input("note", CardInputKind.MultilineText, l, "Note", "Note", required: false)]));
        }
        if (viewer.May(ActionVerb.Reroute) && rerouteChoices.Count > 0)
        {
            actions.Add(Make(ActionVerb.Reroute, "Re-route to a linked entity", "Réacheminer vers une entité liée", secondary: true,
                inputs: [Input("payer", CardInputKind.Choice, l, "Entity now holding the liability", "Entité qui détient maintenant la dette", required: true) with { Choices = rerouteChoices }]));
        }
        if (viewer.May(ActionVerb.AssignToMe))
        {
            actions.Add(Make(ActionVerb.AssignToMe, "Assign to me", "Me l'assigner"));
        }
        if (viewer.May(ActionVerb.AddNote))
        {
            actions.Add(Make(ActionVerb.AddNote, "Add a note", "Ajouter une note", secondary: true,
                inputs: [Input("note", CardInputKind.MultilineText, l, "Note", "Note", required: true)]));
        }
        if (viewer.May(ActionVerb.RecordPromise))
        {
            actions.Add(Make(ActionVerb.RecordPromise, "Record a promise to pay", "Consigner une promesse de paiement",
                inputs:
                [
                    Input("amount", CardInputKind.Amount, l, "Amount promised", "Montant promis", required: true),
                    Input("date", CardInputKind.Date, l, "Promised by", "Promis pour le", required: true),
                ]));
        }
        if (viewer.May(ActionVerb.Dismiss))
        {
            actions.Add(Make(ActionVerb.Dismiss, "Dismiss: not an issue", "Écarter : pas un problème", secondary: true,
                inputs: [Reason(l, required: true)]));
        }
        if (viewer.May(ActionVerb.ReleaseRetainage) && RetainageRules.Contains(input.RuleId))
        {
            var amount = MoneyFormat.Format(input.AmountAtRisk, l, input.Currency);
            actions.Add(Make(ActionVerb.ReleaseRetainage, "Mark retainage released", "Marquer la retenue libérée", CardTone.Warning,
                inputs:
                [
                    Input("amount", CardInputKind.Amount, l, "Amount released", "Montant libéré", required: true) with
                    {
                        Value = input.AmountAtRisk.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    },
                    Input("date", CardInputKind.Date, l, "Released on", "Libérée le", required: true),
                ],
                confirmation: CardText.Pick(l,
                    $"Record the release of retainage (up to {amount})? This cannot be undone from chat.",
                    $"Consigner la libération de la retenue (jusqu'à {amount}) ? Cette action ne peut pas être annulée depuis le clavardage.")));
        }
        return actions;
    }

    private static CardInput Reason(Language l, bool required) =>
        Input("reason", CardInputKind.Text, l, "Reason", "Raison", required);

    private static CardInput Input(string id, CardInputKind kind, Language l, string en, string fr, bool required) =>
        new() { Id = id, Kind = kind, Label = CardText.Pick(l, en, fr), Required = required };
}
