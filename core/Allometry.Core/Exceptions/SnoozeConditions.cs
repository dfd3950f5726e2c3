namespace Allometry.Core.Exceptions;

using System.Globalization;
using Allometry.Core.Actions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// Decides, at evaluation, whether a snooze "until payment received" or "until deposit received"
/// has met its condition on the ledger, and says why in both languages ("payment received
/// 2026-11-20"). The evaluator asks it for every snoozed exception that still has its finding.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><term>Payment received</term><description>a payment of the payer now following the exception
/// up (the re-routed entity, else its payer; a project's current, else contract, payer when it names
/// none), or any payment applied to the exception's invoice, received on or after the day the snooze
/// began and no later than the ledger's as-of date.</description></item>
/// <item><term>Deposit received</term><description>a payment applied to a deposit invoice of the
/// exception's project, received on or after the day the snooze began and no later than the as-of date.</description></item>
/// </list>
/// A payment received the day the snooze began counts: the person asked to hear about the money,
/// and a same-day payment is the money they were waiting for. The earliest qualifying payment is
/// the one named. A snooze with no condition, or none recorded, is left to its date.
/// </remarks>
public sealed class SnoozeConditions(LedgerSnapshot ledger, DateOnly asOf)
{
    /// <summary>The reason the snooze's condition is met, or null when it is not (or has none).</summary>
    public LocalizedText? Met(ExceptionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status != ExceptionStatus.Snoozed || state.SnoozedOn is not { } since) return null;
        return state.SnoozeCondition switch
        {
            SnoozeCondition.PaymentReceived => FirstPayment(state, since) is { } on
                ? new LocalizedText($"payment received {Iso(on)}", $"paiement reçu le {Iso(on)}")
                : null,
            SnoozeCondition.DepositReceived => FirstDeposit(state, since) is { } on
                ? new LocalizedText($"deposit received {Iso(on)}", $"acompte reçu le {Iso(on)}")
                : null,
            _ => null,
        };
    }

    private DateOnly? FirstPayment(ExceptionState state, DateOnly since)
    {
        var dates = new List<DateOnly>();
        if (PayerOf(state) is { } payerId)
        {
            dates.AddRange(ledger.PaymentsOf(payerId).Where(p => p.Amount > 0m).Select(p => p.ReceivedOn));
        }
        if (state.Subject.Kind == SubjectKind.Invoice)
        {
            dates.AddRange(ReceivedFor(state.Subject.Id));
        }
        return Earliest(dates, since);
    }

    private DateOnly? FirstDeposit(ExceptionState state, DateOnly since)
    {
        var projectId = state.ProjectId ?? (state.Subject.Kind == SubjectKind.Project ? state.Subject.Id : null);
        if (projectId is null) return null;
        var dates = ledger.InvoicesOfProject(projectId)
            .Where(i => i.Kind == InvoiceKind.Deposit)
            .SelectMany(i => ReceivedFor(i.InvoiceId));
        return Earliest(dates, since);
    }

    // Received dates of the payments applied (a positive amount) to an invoice.
    private IEnumerable<DateOnly> ReceivedFor(string invoiceId) =>
        ledger.ApplicationsTo(invoiceId)
            .Where(a => a.Amount > 0m)
            .Select(a => ledger.Payment(a.PaymentId))
            .OfType<Payment>()
            .Select(p => p.ReceivedOn);

    private DateOnly? Earliest(IEnumerable<DateOnly> dates, DateOnly since)
    {
        DateOnly? first = null;
        foreach (var on in dates)
        {
            if (on < since || on > asOf) continue;
            if (first is null || on < first) first = on;
        }
        return first;
    }

    private string? PayerOf(ExceptionState state)
    {
        if (state.ReroutedPayerId is { } rerouted) return rerouted;
        if (state.PayerId is { } payer) return payer;
        return ledger.Project(state.ProjectId) is { } project ? project.CurrentPayerId ?? project.ContractPayerId : null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
