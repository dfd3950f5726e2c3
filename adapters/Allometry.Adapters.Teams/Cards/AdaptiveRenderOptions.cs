namespace Allometry.Adapters.Teams.Cards;

/// <summary>How <see cref="AdaptiveCardRenderer"/> renders a card for one destination.</summary>
internal sealed record AdaptiveRenderOptions
{
    /// <summary>Teams allows at most 60 user MRIs in <c>refresh.userIds</c>.</summary>
    public const int MaxRefreshUserIds = 60;

    /// <summary>Teams: Universal Actions, full width.</summary>
    public static AdaptiveRenderOptions Teams { get; } = new();

    /// <summary>Web Chat (Direct Line): Action.Submit only, no Teams-only properties.</summary>
    public static AdaptiveRenderOptions WebChat { get; } = new() { Mode = AdaptiveActionMode.SubmitOnly, TeamsFullWidth = false };

    /// <value><see cref="AdaptiveActionMode.UniversalActions"/>.</value>
    public AdaptiveActionMode Mode { get; init; } = AdaptiveActionMode.UniversalActions;

    /// <summary>
    /// Teams user MRIs (<c>29:…</c>) whose clients refresh an exception card automatically, each getting the
    /// buttons their role allows. Empty: the card still carries <c>refresh</c> without <c>userIds</c>
    /// (Teams then refreshes for everyone in conversations of up to 60 members).
    /// </summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// <summary>Adds <c>msteams.width: "Full"</c> (Teams only; other hosts ignore or reject it).</summary>
    /// <value>True.</value>
    public bool TeamsFullWidth { get; init; } = true;
}
