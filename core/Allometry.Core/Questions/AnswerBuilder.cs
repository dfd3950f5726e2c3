namespace Allometry.Core.Questions;

using Allometry.Core.Cards;
using Allometry.Core.Localization;

/// <summary>
/// Turns query results into answer cards: the figure exact to the cent is the sum of the cited
/// rows (every row is counted even when only the first <see cref="MaxCited"/> are listed), in the
/// asker's language and money format.
/// </summary>
public static class AnswerBuilder
{
    /// <summary>How many rows an answer lists before "and N more".</summary>
    public const int MaxCited = 10;

    /// <summary>"What's owed on X": open balances of a project's or payer's invoices, plus retainage still held apart.</summary>
    public static AnswerCard Owed(SubjectRef subject, IReadOnlyList<InvoiceLine> invoices, decimal retainageHeld, DateOnly asOf, Language language)
    {
        var open = invoices.Where(i => i.Balance != 0m).OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).ToList();
        var total = open.Sum(i => i.Balance);
        var overdue = open.Where(i => i.DueDate < asOf).Sum(i => i.Balance);
        var fr = language == Language.Fr;
        var facts = new List<CardFact>
        {
            new(fr ? "Factures ouvertes" : "Open invoices", open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(fr ? "En retard" : "Overdue", QuestionTexts.Money(overdue, language)),
            new(fr ? "Au" : "As of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (retainageHeld != 0m)
        {
            facts.Add(new(fr ? "Retenue détenue (non facturée)" : "Retainage held (not invoiced)", QuestionTexts.Money(retainageHeld, language)));
        }
        var headline = QuestionTexts.Money(total, language);
        return new AnswerCard
        {
            Language = language,
            Title = fr ? $"Dû sur {subject.Label}" : $"Owed on {subject.Label}",
            Headline = headline,
            HeadlineAmount = total,
            Summary = fr
                ? $"{headline} à recevoir sur {open.Count} facture(s), dont {QuestionTexts.Money(overdue, language)} en retard."
                : $"{headline} outstanding on {open.Count} invoice(s), {QuestionTexts.Money(overdue, language)} of it overdue.",
            Facts = facts,
            Citations = [.. open.Take(MaxCited).Select(i => Cite(i, language))],
            MoreRows = Math.Max(0, open.Count - MaxCited),
            FallbackText = fr ? $"Dû sur {subject.Label} : {headline}" : $"Owed on {subject.Label}: {headline}",
        };
    }

    /// <summary>"Exposure for group Z": open balances of every member of the payer's linked group.</summary>
    public static AnswerCard GroupExposure(SubjectRef root, IReadOnlyList<SubjectRef> members, IReadOnlyList<InvoiceLine> invoices, Language language)
    {
        var open = invoices.Where(i => i.Balance != 0m).OrderByDescending(i => i.Balance).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).ToList();
        var total = open.Sum(i => i.Balance);
        var fr = language == Language.Fr;
        var facts = members
            .Select(m => new CardFact(m.Label, QuestionTexts.Money(open.Where(i => i.PayerId == m.Id).Sum(i => i.Balance), language)))
            .ToList();
        var headline = QuestionTexts.Money(total, language);
        return new AnswerCard
        {
            Language = language,
            Title = fr ? $"Exposition du groupe {root.Label}" : $"Exposure for group {root.Label}",
            Headline = headline,
            HeadlineAmount = total,
            Summary = fr
                ? $"{headline} à recevoir de {members.Count} entité(s) liée(s), sur {open.Count} facture(s)."
                : $"{headline} owed by {members.Count} linked entit{(members.Count == 1 ? "y" : "ies")} on {open.Count} invoice(s).",
            Facts = facts,
            Citations = [.. open.Take(MaxCited).Select(i => Cite(i, language))],
            MoreRows = Math.Max(0, open.Count - MaxCited),
            FallbackText = fr ? $"Exposition du groupe {root.Name} : {headline}" : $"Exposure for group {root.Name}: {headline}",
        };
    }

    /// <summary>"Retainage on X": holds not yet released, cited one by one.</summary>
    public static AnswerCard Retainage(SubjectRef project, IReadOnlyList<HoldLine> holds, DateOnly asOf, Language language)
    {
        var total = holds.Sum(h => h.HeldAmount);
        var releasable = holds.Where(h => h.ReleaseDueOn is { } d && d <= asOf).Sum(h => h.HeldAmount);
        var fr = language == Language.Fr;
        var headline = QuestionTexts.Money(total, language);
        var ordered = holds.OrderBy(h => h.ReleaseDueOn ?? DateOnly.MaxValue).ThenBy(h => h.InvoiceId, StringComparer.Ordinal).ToList();
        return new AnswerCard
        {
            Language = language,
            Title = fr ? $"Retenue sur {project.Label}" : $"Retainage on {project.Label}",
            Headline = headline,
            HeadlineAmount = total,
            Summary = holds.Count == 0
                ? (fr ? "Aucune retenue détenue sur ce projet." : "No retainage held on this project.")
                : fr
                    ? $"{headline} de retenue détenue ({holds.Count} retenue(s)), dont {QuestionTexts.Money(releasable, language)} libérable(s) au {asOf:yyyy-MM-dd}."
                    : $"{headline} of retainage held ({holds.Count} hold(s)), {QuestionTexts.Money(releasable, language)} of it releasable as of {asOf:yyyy-MM-dd}.",
            Facts =
            [
                new(fr ? "Retenues ouvertes" : "Open holds", holds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new(fr ? "Libérable maintenant" : "Releasable now", QuestionTexts.Money(releasable, language)),
            ],
            Citations = [.. ordered.Take(MaxCited).Select(h => Cite(h, language))],
            MoreRows = Math.Max(0, holds.Count - MaxCited),
            FallbackText = fr ? $"Retenue sur {project.Label} : {headline}" : $"Retainage on {project.Label}: {headline}",
        };
    }

    /// <summary>"Is the deposit in for X": the deposit invoices, what was billed and what is still owed.</summary>
    public static AnswerCard Deposit(SubjectRef project, IReadOnlyList<InvoiceLine> deposits, Language language)
    {
        var billed = deposits.Sum(d => d.Total);
        var owing = deposits.Sum(d => d.Balance);
        var fr = language == Language.Fr;
        var summary = (deposits.Count, owing) switch
        {
            (0, _) => fr ? "Aucune facture de dépôt pour ce projet." : "No deposit invoice on this project.",
            (_, 0m) => fr ? $"Oui — le dépôt de {QuestionTexts.Money(billed, language)} est reçu en entier." : $"Yes — the {QuestionTexts.Money(billed, language)} deposit is in, in full.",
            _ when owing == billed => fr ? $"Non — rien n'est reçu; {QuestionTexts.Money(owing, language)} reste dû." : $"No — nothing received; {QuestionTexts.Money(owing, language)} still owed.",
            _ => fr ? $"En partie — {QuestionTexts.Money(billed - owing, language)} reçu, {QuestionTexts.Money(owing, language)} reste dû." : $"Partly — {QuestionTexts.Money(billed - owing, language)} received, {QuestionTexts.Money(owing, language)} still owed.",
        };
        var headline = QuestionTexts.Money(owing, language);
        return new AnswerCard
        {
            Language = language,
            Title = fr ? $"Dépôt pour {project.Label}" : $"Deposit for {project.Label}",
            Headline = headline,
            HeadlineAmount = owing,
            Summary = summary,
            Facts =
            [
                new(fr ? "Dépôt facturé" : "Deposit billed", QuestionTexts.Money(billed, language)),
                new(fr ? "Reçu" : "Received", QuestionTexts.Money(billed - owing, language)),
                new(fr ? "Reste dû" : "Still owed", headline),
            ],
            Citations = [.. deposits.Take(MaxCited).Select(d => Cite(d, language))],
            MoreRows = Math.Max(0, deposits.Count - MaxCited),
            FallbackText = $"{(fr ? "Dépôt pour" : "Deposit for")} {project.Label}: {summary}",
        };
    }

    /// <summary>An invoice as a cited row: "deposit · due 2026-10-15 · total $11,573.47", its balance as the amount.</summary>
    public static CitedRow Cite(InvoiceLine invoice, Language language) => new(
        "invoices",
        invoice.InvoiceId,
        $"{QuestionTexts.KindName(invoice.Kind, language)} · {QuestionTexts.Due(invoice.DueDate, language)} · {(language == Language.Fr ? "total" : "total")} {QuestionTexts.Money(invoice.Total, language)}",
        QuestionTexts.Money(invoice.Balance, language));

    /// <summary>A hold as a cited row, keyed by project and invoice.</summary>
    public static CitedRow Cite(HoldLine hold, Language language) => new(
        "retainage",
        hold.InvoiceId is null ? hold.ProjectId : $"{hold.ProjectId}/{hold.InvoiceId}",
        hold.ReleaseDueOn is { } due
            ? (language == Language.Fr ? $"retenue · libérable le {due:yyyy-MM-dd}" : $"hold · releasable {due:yyyy-MM-dd}")
            : (language == Language.Fr ? "retenue · date de libération inconnue" : "hold · release date unknown"),
        QuestionTexts.Money(hold.HeldAmount, language));
}
