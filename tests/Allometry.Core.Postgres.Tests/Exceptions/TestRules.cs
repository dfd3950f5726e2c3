namespace Allometry.Core.Postgres.Tests.Exceptions;

using System.Globalization;
using Allometry.Core.Exceptions;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// Rules written for the lifecycle tests, so they do not depend on the catalogue's rules (which
/// evolve on their own): an unpaid deposit per project (explains its closures), and a payer's
/// open balance (payer-level, out of reach of a project evaluation).
/// </summary>
internal sealed class UnpaidDepositTestRule : IRule, IExplainsClosure
{
    public const string RuleId = "TestUnpaidDeposit";

    public string Id => RuleId;
    public int Version => 1;
    public IReadOnlyList<string> RequiredSheets => [LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.Ledger.Invoices
            .Where(i => i.Kind == InvoiceKind.Deposit && i.Balance > 0m && i.ProjectId is not null)
            .Select(i => new Finding
            {
                RuleId = RuleId,
                RuleVersion = Version,
                Severity = i.Balance >= 10_000m ? Severity.Critical : Severity.High,
                Subject = new FindingSubject(SubjectKind.Project, i.ProjectId!),
                AmountAtRisk = i.Balance,
                PayerId = i.PayerId,
                ProjectId = i.ProjectId,
                Title = new LocalizedText($"Deposit unpaid on {i.ProjectId}", $"Acompte impayé sur {i.ProjectId}"),
                Detail = new LocalizedText($"{i.Balance:F2} owed", $"{i.Balance:F2} dû"),
                SuggestedAction = new LocalizedText("Chase the deposit", "Relancer l'acompte"),
                Evidence = [new Evidence(LedgerSheets.Invoices, i.InvoiceId, "balance", "0.00", i.Balance.ToString("F2", CultureInfo.InvariantCulture))],
            });

    public LocalizedText? ClosureReason(FindingSubject subject, RuleContext context)
    {
        var received = context.Ledger.InvoicesOfProject(subject.Id)
            .Where(i => i.Kind == InvoiceKind.Deposit)
            .SelectMany(i => context.Ledger.ApplicationsTo(i.InvoiceId))
            .Select(a => context.Ledger.Payment(a.PaymentId)?.ReceivedOn)
            .Max();
        return received is { } on
            ? new LocalizedText($"deposit received {on:yyyy-MM-dd}", $"acompte reçu le {on:yyyy-MM-dd}")
            : null;
    }
}

internal sealed class PayerBalanceTestRule : IRule
{
    public const string RuleId = "TestPayerBalance";

    public string Id => RuleId;
    public int Version => 1;
    public IReadOnlyList<string> RequiredSheets => [LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        context.Ledger.Payers
            .Select(p => (Payer: p, Open: context.Ledger.InvoicesOfPayer(p.PayerId).Sum(i => i.Balance)))
            .Where(x => x.Open > 0m)
            .Select(x => new Finding
            {
                RuleId = RuleId,
                RuleVersion = Version,
                Severity = Severity.Low,
                Subject = new FindingSubject(SubjectKind.Payer, x.Payer.PayerId),
                AmountAtRisk = x.Open,
                PayerId = x.Payer.PayerId,
                Title = new LocalizedText("Open balance", "Solde ouvert"),
                Detail = new LocalizedText($"{x.Open:F2} open", $"{x.Open:F2} ouvert"),
                SuggestedAction = new LocalizedText("Review", "Revoir"),
            });
}

/// <summary>A clock stopped at one instant, in UTC.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
