namespace Allometry.Adapters.Ledger.Aging;

using System.Globalization;
using System.Text.RegularExpressions;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// Reads a detail export (QuickBooks A/R Aging Detail, Zoho Books AR Aging Details): one
/// invoice (<see cref="InvoiceOrigin.AgingDetail"/>) per transaction line, between the bucket
/// section rows (<c>Current</c>, <c>1 - 30 days past due</c>) and their <c>Total for …</c> rows.
/// <list type="bullet">
/// <item>Id: the printed number; a line without one gets <c>&lt;type&gt;-&lt;yyyyMMdd&gt;-&lt;customer slug&gt;</c>.</item>
/// <item>Credit memos, credit notes and payments are credits: amount and balance are made negative
/// whatever sign the vendor printed (an unapplied payment is a negative balance).</item>
/// <item>Due date: the printed one; else, when the export states days past due (Zoho's <c>Age</c>,
/// QuickBooks' <c>Past Due</c>), <c>as-of − days</c>, never before the issue date — which is the
/// issue date itself when the report ages by invoice date; else the issue date.</item>
/// <item>Subtotal = total = the amount; no tax components (exports do not carry them).</item>
/// </list>
/// </summary>
internal static partial class AgingDetailReader
{
    private static readonly string[] CreditWords =
        ["credit", "avoir", "payment", "paiement", "reglement", "encaissement", "receipt", "recu", "unapplied", "non applique"];

    public static void Read(AgingReadContext context, IReadOnlyList<TabularRow> rows, AgingPayerBook payers, List<Invoice> invoices)
    {
        var layout = context.Layout;
        var customer = layout.Column(AgingColumnRole.Customer)!.Value;
        var date = layout.Column(AgingColumnRole.Date)!.Value;
        var amount = layout.Column(AgingColumnRole.Amount) ?? layout.Column(AgingColumnRole.Total);
        var balance = layout.Column(AgingColumnRole.Balance) ?? amount!.Value;
        var checkedColumns = (amount is int a && a != balance ? [a, balance] : new List<int> { balance });
        var totals = new AgingTotals(context, checkedColumns);
        var ids = new UniqueIds();

        for (var i = layout.HeaderRow + 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank) continue;
            var label = AgingRowLabels.FirstText(row);
            var hasValues = row.Cell(date) is not null || checkedColumns.Any(c => row.Cell(c) is not null);
            var name = row.Cell(customer);
            // Zoho prints "Total" in the Date column, QuickBooks "Total for …" in the section column.
            if (AgingRowLabels.IsTotal(label, out var group) && hasValues)
            {
                if (group is null)
                {
                    totals.CloseGrand(row);
                    continue;
                }
                if (totals.TryCloseGroup(row, group) || name is null) continue;
            }
            if (!hasValues)
            {
                if (label is not null) totals.OpenGroup(label);
                continue;
            }
            if (ReadLine(context, row, name, amount, balance, payers, ids) is { } invoice)
            {
                invoices.Add(invoice);
                totals.AddLine(amount is int ac && ac != balance ? [invoice.Total, invoice.Balance] : [invoice.Balance]);
            }
        }
    }

    private static Invoice? ReadLine(
        AgingReadContext context, TabularRow row, string? name, int? amountColumn, int balanceColumn, AgingPayerBook payers, UniqueIds ids)
    {
        var layout = context.Layout;
        var customer = layout.Column(AgingColumnRole.Customer)!.Value;
        var ok = true;
        if (name is null)
        {
            context.Error(ImportIssueCode.RequiredValueMissing, row, customer, null);
            ok = false;
        }
        ok &= context.TryDate(row, layout.Column(AgingColumnRole.Date)!.Value, out var issued);
        if (row.Cell(balanceColumn) is null)
        {
            context.Error(ImportIssueCode.RequiredValueMissing, row, balanceColumn, null);
            ok = false;
        }
        ok &= context.TryAmount(row, balanceColumn, out var open);
        var total = open;
        if (amountColumn is int ac && row.Cell(ac) is not null) ok &= context.TryAmount(row, ac, out total);
        DateOnly? due = null;
        if (layout.Column(AgingColumnRole.DueDate) is int dc && row.Cell(dc) is not null)
        {
            ok &= context.TryDate(row, dc, out var printed);
            due = printed;
        }
        if (!ok) return null;

        var type = layout.Column(AgingColumnRole.Type) is int tc ? row.Cell(tc) : null;
        if (IsCredit(type))
        {
            total = -Math.Abs(total);
            open = -Math.Abs(open);
        }
        due ??= DueFromDays(context, row, issued) ?? issued;

        var source = new RowRef(0, row.Number);
        var payerId = payers.Register(name!, source);
        var typeSlug = AgingText.Slug(type ?? "");
        var number = layout.Column(AgingColumnRole.Number) ?? layout.Column(AgingColumnRole.Reference);
        var printedNumber = number is int nc ? row.Cell(nc) : null;
        var id = printedNumber is not null
            ? ids.Claim(printedNumber, typeSlug.Length > 0 ? typeSlug : null)
            : ids.Claim($"{(typeSlug.Length > 0 ? typeSlug : "line")}-{issued:yyyyMMdd}-{AgingPayerBook.SlugOf(payerId)}");
        return new Invoice
        {
            InvoiceId = id,
            PayerId = payerId,
            Kind = InvoiceKind.Other,
            IssueDate = issued,
            DueDate = due.Value,
            Subtotal = total,
            Total = total,
            Balance = open,
            Origin = InvoiceOrigin.AgingDetail,
            Source = source,
        };
    }

    private static bool IsCredit(string? type)
    {
        var normalized = AgingText.Normalize(type);
        return normalized.Length > 0 && CreditWords.Any(w => normalized.Contains(w, StringComparison.Ordinal));
    }

    private static DateOnly? DueFromDays(AgingReadContext context, TabularRow row, DateOnly issued)
    {
        var column = context.Layout.Column(AgingColumnRole.Age) ?? context.Layout.Column(AgingColumnRole.PastDue);
        if (column is not int c || row.Cell(c) is not { } text) return null;
        if (LeadingInteger().Match(text) is not { Success: true } m) return null;
        var days = int.Parse(m.Value.Replace('\u2212', '-'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var due = context.AsOf.AddDays(-Math.Max(days, 0));
        return due < issued ? issued : due;
    }

    [GeneratedRegex(@"^[-\u2212]?\d{1,5}")]
    private static partial Regex LeadingInteger();
}
