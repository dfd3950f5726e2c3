namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Localization;

/// <summary>The words and evidence of a <see cref="QuoteInvoiceVarianceRule"/> finding.</summary>
internal static class QuoteInvoiceVarianceFinding
{
    public static Finding Build(IRule rule, RuleContext context, VarianceFacts f)
    {
        var w = Wording.For(context);
        var gap = Math.Abs(f.Invoiced - f.Quoted);
        var share = Wording.Share(f.Invoiced, f.Quoted);
        var quoteIds = string.Join(", ", f.Quotes.Select(q => q.QuoteId));
        var (quoteEn, quoteFr) = f.Quotes.Count == 1
            ? ($"quote {quoteIds} totals", $"la soumission {quoteIds} totalise")
            : ($"quotes {quoteIds} total", $"les soumissions {quoteIds} totalisent");
        var facts = new LocalizedText(
            $"Project {f.ProjectId}: {quoteEn} {w.En(f.Quoted)} before tax; invoices total {w.En(f.Invoiced)} " +
            $"before tax, holdback included ({Wording.PercentEn(share)} of the quote).",
            $"Projet {f.ProjectId} : {quoteFr} {w.Fr(f.Quoted)} avant taxes; les factures totalisent " +
            $"{w.Fr(f.Invoiced)} avant taxes, retenue comprise ({Wording.PercentFr(share)} de la soumission).");
        var s = context.Settings;
        var (title, why, action) = f.Variance switch
        {
            Variance.Leakage => (
                new LocalizedText("Completed project invoiced below its quote", "Projet terminé facturé sous la soumission"),
                new LocalizedText(
                    $"The project is complete and {w.En(gap)} short of the quote, below the {Wording.PercentEn(s.QuoteLeakagePercent)} floor.",
                    $"Le projet est terminé et il manque {w.Fr(gap)} par rapport à la soumission, sous le seuil de {Wording.PercentFr(s.QuoteLeakagePercent)}."),
                new LocalizedText(
                    $"Bill the {w.En(gap)} gap, or record the change order that reduced the scope.",
                    $"Facturer l'écart de {w.Fr(gap)}, ou consigner l'ordre de changement qui a réduit la portée des travaux.")),
            Variance.OverBilled => (
                new LocalizedText("Invoiced above the quote", "Facturé au-delà de la soumission"),
                new LocalizedText(
                    $"The project is complete and billed {w.En(gap)} above the quote, beyond the allowance of {w.En(f.Allowance)} " +
                    $"(the greater of {w.En(s.QuoteOverbillMinimum)} and {Wording.PercentEn(s.QuoteOverbillPercent)}).",
                    $"Le projet est terminé et facturé {w.Fr(gap)} au-delà de la soumission, plus que la marge de {w.Fr(f.Allowance)} " +
                    $"(le plus élevé de {w.Fr(s.QuoteOverbillMinimum)} et {Wording.PercentFr(s.QuoteOverbillPercent)})."),
                new LocalizedText(
                    $"Have the customer sign a change order for the extra {w.En(gap)}, or credit it before it turns into a dispute.",
                    $"Faire signer au client un ordre de changement pour l'excédent de {w.Fr(gap)}, ou le créditer avant qu'il ne tourne au litige.")),
            _ => (
                new LocalizedText("Billing drifting above the quote", "Facturation qui dépasse la soumission"),
                new LocalizedText(
                    $"The project is still under way and already billed {w.En(gap)} above the quote, more than {Wording.PercentEn(s.QuoteDriftPercent)}.",
                    $"Le projet est encore en cours et déjà facturé {w.Fr(gap)} au-delà de la soumission, soit plus de {Wording.PercentFr(s.QuoteDriftPercent)}."),
                new LocalizedText(
                    "Get a change order signed before billing any further.",
                    "Faire signer un ordre de changement avant de facturer davantage.")),
        };
        var evidence = new List<Evidence>();
        evidence.AddRange(f.Quotes.Select(q => new Evidence(LedgerSheets.Quotes, q.QuoteId, "total_ex_tax", null, Wording.Amount(q.TotalExTax))));
        foreach (var i in f.Invoices)
        {
            evidence.Add(new(LedgerSheets.Invoices, i.InvoiceId, "subtotal", null, Wording.Amount(i.Subtotal)));
            if (i.RetainageHeld != 0m)
            {
                evidence.Add(new(LedgerSheets.Invoices, i.InvoiceId, "retainage_held", null, Wording.Amount(i.RetainageHeld)));
            }
        }
        var expected = (f.Variance == Variance.Leakage ? ">= " : "<= ") + Wording.Amount(f.Bound);
        evidence.Add(new(LedgerSheets.Projects, f.ProjectId, "invoiced_ex_tax", expected, Wording.Amount(f.Invoiced), new(
            "Σ subtotal + retainage_held of the project's invoices (void and retainage releases excluded).",
            "Σ sous-total + retenue des factures du projet (factures annulées et libérations de retenue exclues).")));
        return new Finding
        {
            RuleId = rule.Id,
            RuleVersion = rule.Version,
            Severity = f.Variance == Variance.Drift ? Severity.Medium : Severity.High,
            Subject = new FindingSubject(SubjectKind.Project, f.ProjectId),
            AmountAtRisk = gap,
            Currency = w.Currency,
            PayerId = QuoteTerms.PayerOf(f.Project, f.Quotes[0]),
            ProjectId = f.ProjectId,
            Title = title,
            Detail = new($"{facts.En} {why.En}", $"{facts.Fr} {why.Fr}"),
            SuggestedAction = action,
            Evidence = evidence,
        };
    }
}
