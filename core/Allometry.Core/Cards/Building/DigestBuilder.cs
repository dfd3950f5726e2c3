namespace Allometry.Core.Cards.Building;

using Allometry.Core.Actions;
using Allometry.Core.Localization;

/// <summary>
/// The morning digest of a subscription: the open exceptions that pass its <see cref="DigestFilter"/>,
/// in queue order (payer rank, then severity, then money at risk, then id), with one roll-up line
/// per project when several of its exceptions qualify, cut to the filter's top N lines. It
/// mentions nobody: lines carry a "view" action, never a person.
/// </summary>
public static class DigestBuilder
{
    /// <summary>Builds the digest for <paramref name="on"/>.</summary>
    public static DigestCard Build(IEnumerable<DigestCandidate> candidates, DigestFilter filter, Language language, DateOnly on, string? scopeName = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(filter);
        var matching = Order(candidates.Where(filter.Matches)).ToList();

        // One line per project (in the position of its first exception), one per exception without a project.
        var lines = new List<List<DigestCandidate>>();
        var byProject = new Dictionary<string, List<DigestCandidate>>(StringComparer.Ordinal);
        foreach (var candidate in matching)
        {
            if (candidate.ProjectId is { } project && byProject.TryGetValue(project, out var group))
            {
                group.Add(candidate);
                continue;
            }
            var line = new List<DigestCandidate> { candidate };
            if (candidate.ProjectId is { } p) byProject[p] = line;
            lines.Add(line);
        }
        var top = Math.Max(0, filter.Top);
        var shown = lines.Take(top).ToList();
        var items = shown.Select(line => line.Count == 1 ? Single(line[0], language) : RollUp(line, language)).ToList();
        var total = matching.Sum(c => c.AmountAtRisk);
        var title = CardText.Pick(language, "Morning digest", "Résumé du matin") + (scopeName is null ? "" : $" — {scopeName}");
        var count = matching.Count;
        return new DigestCard
        {
            Language = language,
            Title = title,
            On = on,
            Items = items,
            MoreOpen = count - shown.Sum(l => l.Count),
            Facts =
            [
                new CardFact(CardText.Pick(language, "Open exceptions", "Exceptions ouvertes"), count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new CardFact(CardText.Pick(language, "Amount at risk", "Montant à risque"), MoneyFormat.Format(total, language)),
            ],
            FallbackText = count == 0
                ? CardText.Pick(language, $"{title}: nothing to report", $"{title} : rien à signaler")
                : CardText.Pick(language, $"{title}: {count} open exceptions, {MoneyFormat.Format(total, language)} at risk",
                    $"{title} : {count} exceptions ouvertes, {MoneyFormat.Format(total, language)} à risque"),
        };
    }

    /// <summary>Queue order: payer rank (unranked last), severity, money at risk (descending), exception id.</summary>
    public static IEnumerable<DigestCandidate> Order(IEnumerable<DigestCandidate> candidates) =>
        candidates.OrderBy(c => c.QueueRank ?? int.MaxValue).ThenByDescending(c => c.Severity)
            .ThenByDescending(c => c.AmountAtRisk).ThenBy(c => c.ExceptionId);

    private static DigestItem Single(DigestCandidate c, Language language) => new()
    {
        Title = c.Title.For(language),
        Severity = c.Severity,
        AmountText = MoneyFormat.Format(c.AmountAtRisk, language, c.Currency),
        Subtitle = Where(c),
        ExceptionIds = [c.ExceptionId],
        Actions = [View(c.ExceptionId, c.Version, language)],
    };

    private static DigestItem RollUp(List<DigestCandidate> group, Language language)
    {
        var first = group[0];
        var amount = group.Sum(c => c.AmountAtRisk);
        var name = first.ProjectName is { } n ? $"{first.ProjectId} {n}" : first.ProjectId;
        return new DigestItem
        {
            Title = CardText.Pick(language, $"{name} · {group.Count} exceptions", $"{name} · {group.Count} exceptions"),
            Severity = group.Max(c => c.Severity),
            AmountText = MoneyFormat.Format(amount, language, first.Currency),
            Subtitle = string.Join(" · ", group.Take(3).Select(c => c.Title.For(language))) + (group.Count > 3 ? " · …" : ""),
            ExceptionIds = [.. group.Select(c => c.ExceptionId)],
            Actions = [View(first.ExceptionId, first.Version, language)],
        };
    }

    private static string? Where(DigestCandidate c)
    {
        var parts = new[] { c.PayerName ?? c.PayerId, c.ProjectId }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>The data key of a digest's "Open" button: the exception's card comes as a new message, the digest stays.</summary>
    public const string OpenKey = "open";

    private static CardAction View(long exceptionId, int version, Language language) => new()
    {
        Verb = ActionVerb.View,
        Title = CardText.Pick(language, "Open", "Ouvrir"),
        ExceptionId = exceptionId,
        ExceptionVersion = version,
        Secondary = true,
        Data = new Dictionary<string, string> { [OpenKey] = "1" },
    };
}
