namespace Allometry.Adapters.Teams.Cards;

/// <summary>Which Adaptive Card action type the buttons use.</summary>
internal enum AdaptiveActionMode
{
    /// <summary>
    /// Teams: <c>Action.Execute</c> (Universal Actions, an <c>adaptiveCard/action</c> invoke answered with the
    /// updated card) with an <c>Action.Submit</c> fallback, and a <c>refresh</c> so each viewer sees their own buttons.
    /// </summary>
    UniversalActions,

    /// <summary>
    /// Web Chat and clients without Universal Actions: <c>Action.Submit</c> only (the click arrives as a
    /// <c>message</c> whose <c>value</c> is the data merged with the inputs); no <c>refresh</c>.
    /// </summary>
    SubmitOnly,
}
