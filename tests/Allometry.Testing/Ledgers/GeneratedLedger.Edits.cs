namespace Allometry.Testing.Ledgers;

using System.Globalization;
using Allometry.Core.Ledger;
using Allometry.Core.Tax;

// Edits the plants make to rows already generated, keeping the ledger importable: applications
// never exceed their invoice or payment, a paid invoice stays paid by what is applied to it.
public sealed partial class GeneratedLedger
{
    private readonly LedgerPlants _plants;
    private readonly Random _plantRng;
    private readonly HashSet<int> _droppedPayments = [];
    private readonly HashSet<int> _droppedApplications = [];
    private Dictionary<string, int>? _applicationOfInvoice;
    private Dictionary<string, int>? _paymentIndex;
    private int _indexedApplications;
    private int _plantedInvoiceNo;
    private int _plantedPaymentNo;

    /// <summary>Promises (the promises sheet, present only when a plant made some).</summary>
    public List<PaymentPromise> Promises { get; } = [];

    /// <summary>The payments the batch carries (a plant may drop one when it un-pays an invoice).</summary>
    public IReadOnlyList<Payment> LivePayments => _droppedPayments.Count == 0 ? Payments : [.. Payments.Where((_, i) => !_droppedPayments.Contains(i))];

    /// <summary>The applications the batch carries.</summary>
    public IReadOnlyList<PaymentApplication> LiveApplications =>
        _droppedApplications.Count == 0 ? Applications : [.. Applications.Where((_, i) => !_droppedApplications.Contains(i))];

    private bool Roll(double probability) => probability > 0 && _plantRng.NextDouble() < probability;

    private int Between(int min, int maxExclusive) => _plantRng.Next(min, maxExclusive);

    private string NextInvoiceId() => "INV-P" + (++_plantedInvoiceNo).ToString("D6", CultureInfo.InvariantCulture);

    private string NextPaymentId() => "PMT-P" + (++_plantedPaymentNo).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The index in <see cref="Applications"/> of the (single, generated) application to an invoice.</summary>
    private int? ApplicationOf(string invoiceId)
    {
        _applicationOfInvoice ??= new(StringComparer.Ordinal);
        // Applications are appended as projects are generated: index the new ones.
        for (; _indexedApplications < Applications.Count; _indexedApplications++)
        {
            _applicationOfInvoice.TryAdd(Applications[_indexedApplications].InvoiceId, _indexedApplications);
        }
        return _applicationOfInvoice.TryGetValue(invoiceId, out var index) && !_droppedApplications.Contains(index) ? index : null;
    }

    private int PaymentIndex(string paymentId)
    {
        if (_paymentIndex is null || _paymentIndex.Count != Payments.Count)
        {
            _paymentIndex = new(StringComparer.Ordinal);
            for (var i = 0; i < Payments.Count; i++) _paymentIndex[Payments[i].PaymentId] = i;
        }
        return _paymentIndex[paymentId];
    }


    /// <summary>When the invoice's tax became payable, as the rules will read it (first recorded payment before the due date).</summary>
    private DateOnly TaxDateOf(Invoice invoice) =>
        SalesTax.TaxDate(invoice.DueDate, ApplicationOf(invoice.InvoiceId) is { } a ? Payments[PaymentIndex(Applications[a].PaymentId)].ReceivedOn : null);

    /// <summary>Sets an invoice's subtotal and taxes; a paid invoice stays paid (its application and payment follow the new total).</summary>
    private void Retax(int index, decimal subtotal, TaxComponents taxes, Province? taxProvince = null)
    {
        var invoice = Invoices[index];
        var total = subtotal + taxes.Total + 0.00m;
        var paid = invoice.Total - invoice.Balance;
        var balance = invoice.Balance == 0m ? 0m : Math.Max(0m, total - paid) + 0.00m;
        Invoices[index] = invoice with
        {
            Subtotal = subtotal + 0.00m, Gst = taxes.Gst + 0.00m, Hst = taxes.Hst + 0.00m, Qst = taxes.Qst + 0.00m, Pst = taxes.Pst + 0.00m,
            Total = total, Balance = balance, TaxProvince = taxProvince ?? invoice.TaxProvince,
            Status = balance == 0m ? InvoiceStatus.Paid : InvoiceStatus.Open,
        };
        SetApplied(index, total - balance);
    }

    /// <summary>Makes what the generated payment applies to an invoice <paramref name="applied"/>, moving the payment's amount by as much.</summary>
    private void SetApplied(int invoiceIndex, decimal applied)
    {
        if (ApplicationOf(Invoices[invoiceIndex].InvoiceId) is not { } a) return;
        var application = Applications[a];
        var p = PaymentIndex(application.PaymentId);
        var delta = applied - application.Amount;
        if (applied <= 0m)
        {
            // Nothing applied any more: the application goes, and the payment with it when it paid only this.
            _droppedApplications.Add(a);
            if (Payments[p].Amount - application.Amount <= 0m) _droppedPayments.Add(p);
            else Payments[p] = Payments[p] with { Amount = Payments[p].Amount - application.Amount };
            return;
        }
        Applications[a] = application with { Amount = applied + 0.00m };
        Payments[p] = Payments[p] with { Amount = Payments[p].Amount + delta };
    }

    /// <summary>Leaves an invoice open with <paramref name="balance"/> (its whole total by default).</summary>
    private void LeaveOpen(int index, decimal? balance = null)
    {
        var invoice = Invoices[index];
        var open = balance ?? invoice.Total;
        Invoices[index] = invoice with { Balance = open + 0.00m, Status = open == 0m ? InvoiceStatus.Paid : InvoiceStatus.Open };
        SetApplied(index, invoice.Total - open);
    }

    /// <summary>Taxes <paramref name="subtotal"/> for <paramref name="place"/> on <paramref name="taxDate"/>, with PST where the seller is registered.</summary>
    private TaxComponents TaxFor(Province place, DateOnly taxDate, decimal subtotal) =>
        SalesTax.Compute(place, taxDate, subtotal, Meta.SellerPstRegistrations.Contains(place));

    /// <summary>Adds an invoice (and, when <paramref name="paidOn"/> is set, a payment and its application paying it in full).</summary>
    private int AddInvoice(Invoice invoice, DateOnly? paidOn, string? payerOfPayment = null)
    {
        Invoices.Add(invoice);
        if (paidOn is { } on && invoice.Total > 0m && invoice.Balance == 0m)
        {
            var paymentId = NextPaymentId();
            Payments.Add(new Payment { PaymentId = paymentId, PayerId = payerOfPayment ?? invoice.PayerId, ReceivedOn = on, Amount = invoice.Total, Reference = invoice.InvoiceId, Method = "eft" });
            Applications.Add(new PaymentApplication { PaymentId = paymentId, InvoiceId = invoice.InvoiceId, Amount = invoice.Total });
        }
        return Invoices.Count - 1;
    }

    private static string InvalidGstHst()
    {
        var valid = SellerGstHst[..9];
        var wrong = (char)('0' + ((valid[8] - '0' + 1) % 10));
        return valid[..8] + wrong + "RT0001";
    }
}
