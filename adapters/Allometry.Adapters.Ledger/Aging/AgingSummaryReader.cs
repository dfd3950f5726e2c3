namespace Allometry.Adapters.Ledger.Aging;

using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// Reads a summary export (QuickBooks A/R Aging Summary, Zoho Books AR Aging Summary, Sage
/// aged receivables): one line per customer, one column per bucket. A summary names no
/// documents, so each non-zero customer × bucket cell becomes one synthetic invoice
/// (<see cref="InvoiceOrigin.AgingSummary"/>) dated so that it ages into the same bucket:
/// <list type="bullet">
/// <item>due-date basis (QuickBooks, Zoho Books): <c>DueDate = as-of − the bucket's lower bound in days
/// past due</c> (Current → as-of, <c>1 - 30</c> → as-of − 1, <c>91 and over</c> → as-of − 91), so
/// <c>as-of − due</c> falls inside the bucket; the issue date is unknown and set to the due date;</item>
/// <item>invoice-date basis (Sage): <c>IssueDate = as-of − the bucket's lower bound in days since the
/// invoice</c> (<c>&lt; 30 days</c> → as-of, <c>&lt; 60 days</c> → as-of − 30, <c>Older</c> → as-of − 120)
/// and <c>DueDate = IssueDate</c>, since Sage does not say the terms.</item>
/// </list>
/// The cell amount is the invoice's total and balance; a negative cell is a credit.
/// </summary>
internal static class AgingSummaryReader
{
    public static void Read(AgingReadContext context, IReadOnlyList<TabularRow> rows, AgingPayerBook payers, List<Invoice> invoices)
    {
        var layout = context.Layout;
        var customer = layout.Column(AgingColumnRole.Customer) ?? throw new InvalidOperationException("A summary layout has a customer column.");
        var total = layout.Column(AgingColumnRole.Total) ?? layout.Column(AgingColumnRole.Balance);
        var reference = layout.Column(AgingColumnRole.Reference);
        var creditLimit = layout.Column(AgingColumnRole.CreditLimit);
        var checkedColumns = layout.Buckets.Select(b => b.Index).Concat(total is int t ? [t] : []).ToList();
        var totals = new AgingTotals(context, checkedColumns);
        var ids = new UniqueIds();

        for (var i = layout.HeaderRow + 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank) continue;
            var label = AgingRowLabels.FirstText(row);
            var hasAmounts = checkedColumns.Any(c => row.Cell(c) is not null);
            var name = row.Cell(customer);
            if (AgingRowLabels.IsTotal(label, out var group) && hasAmounts)
            {
                if (group is null)
                {
                    totals.CloseGrand(row);
                    continue;
                }
                if (totals.TryCloseGroup(row, group) || name is null) continue;
            }
            if (!hasAmounts)
            {
                // Parent customers, notes and footers ("Accrual basis …", timestamps) carry no amounts.
                if (label is not null) totals.OpenGroup(label);
                continue;
            }
            if (name is null)
            {
                context.Error(ImportIssueCode.RequiredValueMissing, row, customer, null);
                continue;
            }
            ReadLine(context, row, name, total, totals, payers, invoices, ids, reference, creditLimit);
        }
    }

    private static void ReadLine(
        AgingReadContext context, TabularRow row, string name, int? totalColumn, AgingTotals totals,
        AgingPayerBook payers, List<Invoice> invoices, UniqueIds ids, int? referenceColumn, int? creditLimitColumn)
    {
        var buckets = context.Layout.Buckets;
        var amounts = new decimal[buckets.Count];
        var ok = true;
        for (var k = 0; k < buckets.Count; k++)
        {
            ok &= context.TryAmount(row, buckets[k].Index, out amounts[k]);
        }
        var rowTotal = 0m;
        var hasTotal = totalColumn is int tc && row.Cell(tc) is not null;
        if (totalColumn is int t) ok &= context.TryAmount(row, t, out rowTotal);
        decimal? limit = null;
        if (creditLimitColumn is int lc && row.Cell(lc) is not null)
        {
            ok &= context.TryAmount(row, lc, out var l);
            limit = l;
        }
        if (!ok) return;

        var sum = amounts.Sum();
        var lineValues = new List<decimal>(amounts);
        if (totalColumn is not null) lineValues.Add(hasTotal ? rowTotal : sum);
        totals.AddLine(lineValues);
        if (hasTotal && Math.Abs(sum - rowTotal) > AgingReadContext.Tolerance)
        {
            context.Error(ImportIssueCode.AgingTotalMismatch, row, totalColumn, row.Cell(totalColumn!.Value),
                AgingReadContext.Money(sum), AgingReadContext.Money(rowTotal));
        }

        var source = new RowRef(0, row.Number);
        var payerId = payers.Register(name, source, referenceColumn is int rc ? row.Cell(rc) : null, limit);
        for (var k = 0; k < buckets.Count; k++)
        {
            if (amounts[k] == 0m) continue;
            var interval = buckets[k].Interval;
            var date = context.AsOf.AddDays(interval.IsCurrent ? 0 : -interval.LowerDays);
            invoices.Add(new Invoice
            {
                InvoiceId = ids.Claim($"AGING-{AgingPayerBook.SlugOf(payerId)}-{interval.Key}"),
                PayerId = payerId,
                Kind = InvoiceKind.Other,
                IssueDate = date,
                DueDate = date,
                Subtotal = amounts[k],
                Total = amounts[k],
                Balance = amounts[k],
                Origin = InvoiceOrigin.AgingSummary,
                Source = source,
            });
        }
    }
}
