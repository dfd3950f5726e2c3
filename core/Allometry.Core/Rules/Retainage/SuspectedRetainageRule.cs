namespace Allometry.Core.Rules.Retainage;

using System.Globalization;
using System.Text.RegularExpressions;
using Allometry.Core.Aging;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// SuspectedRetainage: on a bare aging export there is no retainage sheet, yet holdback is often
/// there, parked as a small open line (domain.md §4: "retainage by keyword or by a line ≈ 10 % of
/// a sibling invoice"). A line is suspected when its number says so (holdback, retenue, retainage,
/// retention, HB, RET) or when its open balance is exactly 10 % or 5 % (± 0.01) of another line of
/// the same payer issued on or before it. Medium when it sits in the 61+ buckets (it distorts
/// delinquency and is the kind of money that gets forgotten), Low otherwise. Amount = the balance.
/// </summary>
/// <remarks>
/// Only lines read from aging detail exports are examined: a ledger workbook states its retainage,
/// which the other retainage rules read. Summary exports have no lines to compare.
/// </remarks>
public sealed partial class SuspectedRetainageRule : IRule
{
    private static readonly decimal[] CommonRates = [10m, 5m];

    public string Id => "SuspectedRetainage";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices];

    [GeneratedRegex(@"(^|[^a-z])(holdback|retenue|retainage|retention|hb|ret)([^a-z]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RetainageWord();

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var lines = context.Ledger.Invoices
            .Where(i => i.Origin == InvoiceOrigin.AgingDetail && i.Status != InvoiceStatus.Void)
            .ToLookup(i => i.PayerId, StringComparer.Ordinal);
        foreach (var payerLines in lines)
        {
            foreach (var line in payerLines.Where(l => l.Balance > 0m))
            {
                var reason = ByKeyword(line) ?? BySibling(line, payerLines);
                if (reason is not null)
                {
                    yield return Build(context, line, reason);
                }
            }
        }
    }

    private static Suspicion? ByKeyword(Invoice line) =>
        RetainageWord().IsMatch(line.InvoiceId) ? new Suspicion(null, null) : null;

    private static Suspicion? BySibling(Invoice line, IEnumerable<Invoice> payerLines)
    {
        foreach (var sibling in payerLines.Where(s => s.InvoiceId != line.InvoiceId && s.Total > line.Balance && s.IssueDate <= line.IssueDate)
                     .OrderByDescending(s => s.IssueDate).ThenBy(s => s.InvoiceId, StringComparer.Ordinal))
        {
            foreach (var rate in CommonRates)
            {
                var share = Math.Round(sibling.Total * rate / 100m, 2, MidpointRounding.AwayFromZero);
                if (Math.Abs(share - line.Balance) <= 0.01m)
                {
                    return new Suspicion(sibling, rate);
                }
            }
        }
        return null;
    }

    private Finding Build(RuleContext context, Invoice line, Suspicion why)
    {
        var bucket = AgingBuckets.Of(context.AsOf, line.DueDate);
        var aged = bucket is AgingBucket.Days61To90 or AgingBucket.Over90;
        string M(decimal amount, Language language) => MoneyFormat.Format(amount, language, line.Currency);
        var days = AgingBuckets.DaysPastDue(context.AsOf, line.DueDate);
        var reasonEn = why.Sibling is { } s
            ? $"its open balance {M(line.Balance, Language.En)} is exactly {why.Rate:0}% of invoice {s.InvoiceId} ({M(s.Total, Language.En)})"
            : $"its number {line.InvoiceId} names it as holdback";
        var reasonFr = why.Sibling is { } t
            ? $"son solde de {M(line.Balance, Language.Fr)} correspond exactement à {why.Rate:0} % de la facture {t.InvoiceId} ({M(t.Total, Language.Fr)})"
            : $"son numéro {line.InvoiceId} l'identifie comme une retenue";
        var evidence = new List<Evidence> { new(LedgerSheets.Invoices, line.InvoiceId, "balance", null, Invariant(line.Balance)) };
        if (why.Sibling is { } sibling)
        {
            evidence.Add(new Evidence(LedgerSheets.Invoices, sibling.InvoiceId, "total",
                Invariant(line.Balance), Invariant(sibling.Total),
                new LocalizedText($"{why.Rate:0}% of this total", $"{why.Rate:0} % de ce total")));
        }
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = aged ? Severity.Medium : Severity.Low,
            Subject = new FindingSubject(SubjectKind.Invoice, line.InvoiceId),
            AmountAtRisk = line.Balance,
            Currency = line.Currency,
            PayerId = line.PayerId,
            ProjectId = line.ProjectId,
            Title = new LocalizedText(
                $"Line {line.InvoiceId} looks like retainage parked in the aging ({M(line.Balance, Language.En)})",
                $"La ligne {line.InvoiceId} ressemble à une retenue restée dans le classement chronologique ({M(line.Balance, Language.Fr)})"),
            Detail = new LocalizedText(
                $"The export shows no retainage, but {reasonEn}; it is {days} days past due. Holdback left in the aging inflates delinquency and is easily forgotten.",
                $"Le rapport n'indique aucune retenue, mais {reasonFr}; elle est échue depuis {days} jours. Une retenue laissée dans les comptes clients gonfle les retards et s'oublie facilement."),
            SuggestedAction = new LocalizedText(
                "Confirm whether it is holdback; if so, track its release date and invoice the release when due.",
                "Vérifier s'il s'agit d'une retenue; si oui, suivre sa date de libération et facturer la libération à l'échéance."),
            Evidence = evidence,
        };
    }

    private static string Invariant(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record Suspicion(Invoice? Sibling, decimal? Rate);
}
