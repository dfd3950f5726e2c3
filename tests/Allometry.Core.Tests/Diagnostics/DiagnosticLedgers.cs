namespace Allometry.Core.Tests.Diagnostics;

using Allometry.Core.Diagnostics;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Tests.Rules;

/// <summary>Small ledgers for the diagnostic report, and the report built over them.</summary>
internal static class DiagnosticLedgers
{
    public static readonly DateOnly AsOf = TestLedger.AsOf;

    /// <summary>The sheets an aging export brings.</summary>
    public static readonly string[] AgingSheets = [LedgerSheets.Payers, LedgerSheets.Invoices];

    /// <summary>An invoice with no tax, so totals are the amounts a test states.</summary>
    public static TestLedger Plain(this TestLedger ledger, string id, string payerId, DateOnly issued, DateOnly due, decimal total, decimal balance,
        InvoiceKind kind = InvoiceKind.Progress, InvoiceOrigin origin = InvoiceOrigin.Workbook) =>
        ledger.Invoice(id, payerId, null, total, kind, issued, due, balance,
            i => i with { Gst = 0m, Qst = 0m, Hst = 0m, Pst = 0m, Total = total, Balance = balance, Origin = origin });

    public static DiagnosticReport Report(TestLedger ledger, IEnumerable<string>? sheets = null, IReadOnlyList<IRule>? rules = null, DiagnosticOptions? options = null)
    {
        var context = new RuleContext(ledger.Snapshot(sheets), AsOf, RuleSettings.Default);
        var engine = new RuleEngine(rules ?? []);
        return DiagnosticReportBuilder.Build(context, engine.Evaluate(context), engine.Rules, options);
    }
}
