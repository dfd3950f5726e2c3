namespace Allometry.Adapters.Slack.Interactivity;

using Allometry.Core.Cards;

/// <summary>Every action a card offers, wherever the card kind keeps them.</summary>
internal static class CardActions
{
    public static IEnumerable<CardAction> Of(Card card) => card switch
    {
        ExceptionCard c => c.Actions,
        AnswerCard c => c.Actions,
        NoticeCard c => c.Actions,
        WeeklySummaryCard c => c.Actions,
        ChoiceListCard c => c.Choices,
        DigestCard c => c.Items.SelectMany(i => i.Actions),
        _ => [],
    };

    /// <summary>
    /// True when a click must first ask for values in a modal: some input is required. Optional-only
    /// inputs (a snooze preset's reason) do not stand between a person and a one-click action.
    /// </summary>
    public static bool NeedsModal(CardAction action) => action.Inputs.Any(i => i.Required);
}
