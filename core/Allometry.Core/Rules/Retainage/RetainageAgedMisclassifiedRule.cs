namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Aging;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>
/// RetainageAgedMisclassified: holdback left in an invoice's balance (the payer paid it net of the
/// holdback) ages in the 61–90 or 90+ bucket although its release is not due yet, inflating the
/// delinquency figures. Report it apart; exclude it from ADD.
/// </summary>
/// <remarks>
/// An invoice qualifies when it is open, more than 60 days past its due date, and its balance
/// is the retainage recorded against it (<see cref="NetOfHoldback"/>: holds of the retainage
/// sheet, else its <c>retainage_held</c> column). "Not yet due": no release date of that
/// retainage (<see cref="ReleaseCalendar"/>) is behind the as-of date — when one is, the release
/// rules report it instead; with no projects sheet no release date is known, which counts as not
/// due. Subject: the invoice. Amount = the retainage in the balance. Severity Info.
/// </remarks>
public sealed class RetainageAgedMisclassifiedRule : IRule
{
    public string Id => "RetainageAgedMisclassified";

    public int Version => 1;

    /// <summary>Projects and the retainage sheet are read when present; invoices alone suffice.</summary>
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var (ledger, settings) = (context.Ledger, context.Settings);
        foreach (var invoice in ledger.Invoices)
        {
            if (invoice.Status == InvoiceStatus.Void || invoice.Kind == InvoiceKind.RetainageRelease || invoice.Balance <= 0m) continue;
            var bucket = AgingBuckets.Of(context.AsOf, invoice.DueDate);
            if (bucket is not (AgingBucket.Days61To90 or AgingBucket.Over90)) continue;
            var retainage = NetOfHoldback.InBalance(ledger, invoice, settings);
            if (retainage <= 0m) continue;
            var release = ReleaseOf(context, invoice);
            if (release is { } due && due.PassedBy(context.AsOf)) continue;
            yield return Build(context, invoice, bucket, retainage, release);
        }
    }

    /// <summary>The earliest release date of the invoice's open retainage, if anything sets one.</summary>
    private static ReleaseDate? ReleaseOf(RuleContext context, Invoice invoice)
    {
        if (invoice.ProjectId is not { } projectId) return null;
        var calendar = ReleaseCalendar.For(context.Ledger, projectId, context.Settings);
        return ProjectRetainage.Of(context.Ledger, projectId).Open
            .Where(l => l.InvoiceId == invoice.InvoiceId)
            .Select(calendar.DueOf)
            .OfType<ReleaseDate>()
            .OrderBy(d => d.On)
            .Cast<ReleaseDate?>()
            .FirstOrDefault();
    }

    /// <summary>Where the release date comes from: the hold's recorded date, or the project's date it counts from.</summary>
    private static IEnumerable<Evidence> ReleaseEvidence(RuleContext context, Invoice invoice, ReleaseDate? release)
    {
        if (release is not { } due || invoice.ProjectId is not { } projectId) yield break;
        var (sheet, row, field) = due.Basis == ReleaseBasis.Recorded
            ? (LedgerSheets.Retainage, $"{projectId}/{invoice.InvoiceId}", "release_due_on")
            : (LedgerSheets.Projects, projectId, ReleaseWording.AnchorField(due.Basis) ?? "release_days");
        var value = field == "contract_date" ? context.Ledger.Project(projectId)?.ContractDate ?? due.Anchor : due.Anchor;
        yield return new(sheet, row, field, $"release after {Date(context.AsOf)}", Date(value), ReleaseWording.Why(due));
    }

    private Finding Build(RuleContext context, Invoice invoice, AgingBucket bucket, decimal retainage, ReleaseDate? release)
    {
        var t = For(context);
        var days = AgingBuckets.DaysPastDue(context.AsOf, invoice.DueDate);
        var paid = invoice.Total - invoice.Balance;
        var (bucketEn, bucketFr) = (AgingBuckets.Label(bucket, Language.En), AgingBuckets.Label(bucket, Language.Fr));
        var (untilEn, untilFr) = release is { } r ? ($"before {Date(r.On)}", $"avant le {Date(r.On)}") : ("yet", "pour l'instant");
        var id = invoice.InvoiceId;
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Info,
            Subject = new FindingSubject(SubjectKind.Invoice, id),
            AmountAtRisk = retainage,
            Currency = t.Currency,
            PayerId = invoice.PayerId,
            ProjectId = invoice.ProjectId,
            Title = new($"Holdback aging as overdue — invoice {id}", $"Retenue classée en retard — facture {id}"),
            Detail = new(
                $"The {t.En(retainage)} left on invoice {id} is holdback the payer withheld ({t.En(paid)} of {t.En(invoice.Total)} paid). " +
                $"It sits in the {bucketEn} bucket, {DaysEn(days)} past the invoice's due date, although its release is not due {untilEn}.",
                $"Le solde de {t.Fr(retainage)} de la facture {id} est la retenue gardée par le client ({t.Fr(paid)} payés sur " +
                $"{t.Fr(invoice.Total)}). Il figure dans la tranche « {bucketFr} », {DaysFr(days)} après l'échéance de la facture, " +
                $"alors que sa libération n'est pas exigible {untilFr}."),
            SuggestedAction = new(
                "Report this holdback apart from the aging and leave it out of ADD; collect it when its release falls due.",
                "Présentez cette retenue à part du classement chronologique et excluez-la du retard moyen (ADD); encaissez-la à la libération."),
            Evidence =
            [
                new(LedgerSheets.Invoices, id, "due_date", null, Date(invoice.DueDate), new(
                    $"{DaysEn(days)} past due: {bucketEn}.", $"{DaysFr(days)} de retard : {bucketFr}.")),
                new(LedgerSheets.Invoices, id, "balance", null, Amount(invoice.Balance)),
                new(LedgerSheets.Invoices, id, "retainage_held", Amount(invoice.Balance), Amount(ProjectRetainage.OnInvoice(context.Ledger, invoice)),
                    new("The balance is the retainage recorded against the invoice.", "Le solde correspond à la retenue inscrite pour la facture.")),
                .. ReleaseEvidence(context, invoice, release),
            ],
        };
    }
}
