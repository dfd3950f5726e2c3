namespace Allometry.Core.Questions;

using Allometry.Core.Cards;
using Allometry.Core.Localization;

/// <summary>
/// Answers that are lists — top debtors, overdue deposits, renewals, top risks, my queue, what
/// changed — as one card: a title, the sum of the listed amounts when they add up to something
/// meaningful, and every row cited.
/// </summary>
public static class ListAnswerBuilder
{
    /// <summary>The card for a list intent; <paramref name="days"/> is the renewal horizon.</summary>
    public static AnswerCard Build(QuestionIntent intent, IReadOnlyList<RankedLine> rows, int days, Language language)
    {
        var fr = language == Language.Fr;
        var (title, empty, summed) = intent switch
        {
            QuestionIntent.TopDebtors => (fr ? "Qui nous doit le plus" : "Who owes us the most", fr ? "Personne ne doit rien." : "Nobody owes anything.", false),
            QuestionIntent.OverdueDeposits => (fr ? "Dépôts en retard" : "Overdue deposits", fr ? "Aucun dépôt en retard." : "No overdue deposits.", true),
            QuestionIntent.RenewalsDue => (fr ? $"Renouvellements dans les {days} prochains jours" : $"Renewals due in the next {days} days", fr ? "Aucun renouvellement dans cette période." : "No renewals in that window.", true),
            QuestionIntent.TopRisks => (fr ? "Principaux risques" : "Top risks", fr ? "Aucune exception ouverte." : "No open exceptions.", false),
            QuestionIntent.MyQueue => (fr ? "Ma file" : "My queue", fr ? "Rien dans votre file." : "Nothing in your queue.", false),
            QuestionIntent.ChangedSinceYesterday => (fr ? "Changements depuis hier" : "What changed since yesterday", fr ? "Rien n'a changé depuis hier." : "Nothing changed since yesterday.", false),
            _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Not a list intent."),
        };
        decimal? total = summed ? rows.Sum(r => r.Amount ?? 0m) : null;
        var headline = total is { } t ? QuestionTexts.Money(t, language) : null;
        var count = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AnswerCard
        {
            Language = language,
            Title = title,
            Headline = headline,
            HeadlineAmount = total,
            Summary = rows.Count == 0 ? empty : fr ? $"{count} élément(s)." : $"{count} item(s).",
            Facts = [new(fr ? "Éléments" : "Items", count)],
            Citations = [.. rows.Take(AnswerBuilder.MaxCited).Select(r => new CitedRow(
                r.Sheet, r.RowId, r.Description, r.Amount is { } a ? QuestionTexts.Money(a, language) : ""))],
            MoreRows = Math.Max(0, rows.Count - AnswerBuilder.MaxCited),
            FallbackText = headline is null ? $"{title}: {count}" : $"{title}: {headline}",
        };
    }
}
