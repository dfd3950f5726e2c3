namespace Allometry.Core.Scoring;

using Allometry.Core.Aging;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>Reads <see cref="ScoreInputs"/> for every payer from a ledger, its findings and the open disputes.</summary>
internal static class ScoreInputCollector
{
    public static IReadOnlyList<ScoreInputs> Collect(LedgerSnapshot ledger, RuleEvaluation evaluation, DateOnly asOf, ScoringSettings settings,
        IReadOnlyCollection<OpenDispute> disputes, ReceivableHolders holders)
    {
        var weights = settings.Weights;
        var openDisputes = disputes.Where(d => d.OpenedOn <= asOf).ToList();
        var structural = evaluation.Findings
            .Where(f => RiskScorer.StructuralRules.ContainsKey(f.RuleId))
            .Select(f => (PayerId: FindingPayers.Of(f, ledger), Fact: new StructuralFact(RiskScorer.StructuralRules[f.RuleId], f.RuleId, f.Fingerprint)))
            .Where(x => x.PayerId is not null)
            .ToLookup(x => x.PayerId!, x => x.Fact, StringComparer.Ordinal);

        var payerIds = ledger.Payers.Select(p => p.PayerId)
            .Concat(holders.Holders)
            .Concat(evaluation.Findings.Select(f => FindingPayers.Of(f, ledger)).OfType<string>())
            .Concat(openDisputes.Select(d => d.PayerId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var openAr = payerIds.ToDictionary(id => id, id => OpenAr(holders.InvoicesOf(id)), StringComparer.Ordinal);
        var percentile = Percentile([.. openAr.Values.Where(v => v > 0m)], weights.ExposurePercentile);

        return
        [
            .. payerIds.Select(id =>
            {
                var invoices = holders.InvoicesOf(id).Where(i => i.Status != InvoiceStatus.Void).ToList();
                var (dbt, oldest) = OldestBeyondTerms(invoices, asOf, settings.Rules);
                var mine = openDisputes.Where(d => string.Equals(d.PayerId, id, StringComparison.Ordinal)).ToList();
                return new ScoreInputs
                {
                    PayerId = id,
                    AsOf = asOf,
                    Currency = ledger.Meta.Currency,
                    ReroutedInvoiceIds = holders.MovedTo(id),
                    OldestDaysBeyondTerms = dbt,
                    OldestInvoiceId = oldest,
                    History = Lateness(ledger, invoices, asOf, weights.HistoryMonths),
                    Recent = Lateness(ledger, invoices, asOf, weights.TrendMonths),
                    BrokenPromises = BrokenPromises(ledger, id, asOf, weights.PromiseWindowDays, settings.Rules.PromiseTolerance),
                    OpenAr = openAr[id],
                    CreditLimit = ledger.Payer(id)?.CreditLimit,
                    PortfolioPercentileBalance = percentile,
                    ShortPaidInvoiceIds = ShortPaid(ledger, invoices, asOf, settings.Rules),
                    IsDisputed = mine.Count > 0,
                    DisputedInvoiceIds = [.. mine.Select(d => d.InvoiceId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    Structural =
                    [
                        .. structural[id].DistinctBy(s => s.Fingerprint, StringComparer.Ordinal)
                            .OrderBy(s => s.Flag).ThenBy(s => s.Fingerprint, StringComparer.Ordinal),
                    ],
                };
            }),
        ];
    }

    /// <summary>Σ balances of the invoices that are not void; credit notes count negative.</summary>
    private static decimal OpenAr(IEnumerable<Invoice> invoices) =>
        invoices.Where(i => i.Status != InvoiceStatus.Void).Sum(i => i.Balance);

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it; 0 for none.</summary>
    public static decimal Percentile(IReadOnlyList<decimal> values, int percent)
    {
        if (values.Count == 0) return 0m;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100m * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static (int Days, string? InvoiceId) OldestBeyondTerms(IEnumerable<Invoice> invoices, DateOnly asOf, RuleSettings rules)
    {
        var oldest = invoices
            .Where(i => Receivables.IsOverdue(i, asOf, rules))
            .Select(i => (Days: AgingBuckets.DaysPastDue(asOf, i.DueDate), i.InvoiceId))
            .OrderByDescending(x => x.Days).ThenBy(x => x.InvoiceId, StringComparer.Ordinal)
            .FirstOrDefault();
        return oldest.InvoiceId is null ? (0, null) : oldest;
    }

    /// <summary>Applications to the payer's invoices received within the last <paramref name="months"/> months up to the as-of date.</summary>
    private static LatenessWindow Lateness(LedgerSnapshot ledger, IEnumerable<Invoice> invoices, DateOnly asOf, int months)
    {
        var from = asOf.AddMonths(-months);
        var (count, applied, weighted) = (0, 0m, 0m);
        foreach (var invoice in invoices)
        {
            foreach (var application in ledger.ApplicationsTo(invoice.InvoiceId))
            {
                if (application.Amount <= 0m || ledger.Payment(application.PaymentId) is not { } payment) continue;
                if (payment.ReceivedOn < from || payment.ReceivedOn > asOf) continue;
                var late = Math.Max(0, payment.ReceivedOn.DayNumber - invoice.DueDate.DayNumber);
                count++;
                applied += application.Amount;
                weighted += late * application.Amount;
            }
        }
        return new LatenessWindow(months, from, asOf, count, applied, weighted);
    }

    /// <summary>
    /// Promises of the payer dated within the window and before the as-of date, short by more than
    /// the tolerance on the promised date. What counts as paid follows the BrokenPromise rule:
    /// applications to the invoice (payments of the payer, for a promise on the account) from the
    /// day the promise was recorded, or the invoice's issue date (the payer's oldest open invoice's)
    /// when that is unknown.
    /// </summary>
    private static IReadOnlyList<BrokenPromiseFact> BrokenPromises(LedgerSnapshot ledger, string payerId, DateOnly asOf, int windowDays, decimal tolerance)
    {
        var since = asOf.AddDays(-windowDays);
        var broken = new List<BrokenPromiseFact>();
        var promises = ledger.PromisesOf(payerId)
            .Where(p => p.PromisedOn < asOf && p.PromisedOn >= since)
            .DistinctBy(p => (p.InvoiceId, p.PromisedOn))
            .OrderBy(p => p.PromisedOn).ThenBy(p => p.InvoiceId, StringComparer.Ordinal);
        foreach (var promise in promises)
        {
            decimal paid;
            if (promise.InvoiceId is not null)
            {
                if (ledger.Invoice(promise.InvoiceId) is not { } invoice) continue;
                var from = promise.RecordedOn ?? invoice.IssueDate;
                paid = ledger.ApplicationsTo(invoice.InvoiceId)
                    .Where(a => ledger.Payment(a.PaymentId) is { } p && p.ReceivedOn >= from && p.ReceivedOn <= promise.PromisedOn)
                    .Sum(a => a.Amount);
            }
            else
            {
                var from = promise.RecordedOn
                    ?? ledger.InvoicesOfPayer(payerId).Where(Receivables.IsOpen).Select(i => (DateOnly?)i.IssueDate).Min()
                    ?? promise.PromisedOn;
                paid = ledger.PaymentsOf(payerId).Where(p => p.ReceivedOn >= from && p.ReceivedOn <= promise.PromisedOn).Sum(p => p.Amount);
            }
            if (paid < promise.PromisedAmount - tolerance)
            {
                broken.Add(new BrokenPromiseFact(promise.InvoiceId, promise.PromisedOn, promise.PromisedAmount, paid));
            }
        }
        return broken;
    }

    /// <summary>
    /// Invoices whose residual after a payment (above the short-pay tolerance, and not just the
    /// holdback) has been open longer than the tenant's short-pay days since the last payment.
    /// </summary>
    private static IReadOnlyList<string> ShortPaid(LedgerSnapshot ledger, IEnumerable<Invoice> invoices, DateOnly asOf, RuleSettings rules) =>
    [
        .. invoices
            .Where(i => i.Balance > rules.ShortPayTolerance && !Receivables.IsHoldbackResidual(i, rules.ShortPayTolerance))
            .Where(i =>
            {
                var last = ledger.ApplicationsTo(i.InvoiceId)
                    .Select(a => ledger.Payment(a.PaymentId))
                    .Where(p => p is not null && p.ReceivedOn <= asOf)
                    .Select(p => (DateOnly?)p!.ReceivedOn)
                    .Max();
                return last is { } on && asOf.DayNumber - on.DayNumber > rules.ShortPayDays;
            })
            .Select(i => i.InvoiceId)
            .Order(StringComparer.Ordinal),
    ];
}
