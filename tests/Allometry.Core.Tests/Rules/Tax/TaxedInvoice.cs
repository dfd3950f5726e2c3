namespace Allometry.Core.Tests.Rules.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>Invoice edits the tax rule tests need: print given components and keep total and balance consistent.</summary>
internal static class TaxedInvoice
{
    /// <summary>The invoice printing exactly these components; total and balance follow.</summary>
    public static Invoice Taxed(this Invoice invoice, decimal gst = 0m, decimal hst = 0m, decimal qst = 0m, decimal pst = 0m)
    {
        var total = invoice.Subtotal + gst + hst + qst + pst;
        return invoice with { Gst = gst, Hst = hst, Qst = qst, Pst = pst, Total = total, Balance = total };
    }

    /// <summary>Both languages written, and different (a forgotten translation shows up as a copy).</summary>
    public static void AssertBilingual(Finding finding)
    {
        foreach (var text in new[] { finding.Title, finding.Detail, finding.SuggestedAction })
        {
            Assert.False(string.IsNullOrWhiteSpace(text.En));
            Assert.False(string.IsNullOrWhiteSpace(text.Fr));
            Assert.NotEqual(text.En, text.Fr);
        }
    }
}
