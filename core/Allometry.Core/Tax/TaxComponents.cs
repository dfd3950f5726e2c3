namespace Allometry.Core.Tax;

using Allometry.Core.Ledger;

/// <summary>The four tax lines of an invoice, as charged or as expected.</summary>
public readonly record struct TaxComponents(decimal Gst, decimal Hst, decimal Qst, decimal Pst)
{
    /// <summary>The components in the order invoices print them.</summary>
    public static IReadOnlyList<TaxComponent> All { get; } = [TaxComponent.Gst, TaxComponent.Hst, TaxComponent.Qst, TaxComponent.Pst];

    /// <summary>Sum of the components.</summary>
    public decimal Total => Gst + Hst + Qst + Pst;

    /// <summary>The amount of one component.</summary>
    public decimal this[TaxComponent component] => component switch
    {
        TaxComponent.Gst => Gst,
        TaxComponent.Hst => Hst,
        TaxComponent.Qst => Qst,
        TaxComponent.Pst => Pst,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown tax component."),
    };

    /// <summary>The components printed on an invoice.</summary>
    public static TaxComponents Of(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(invoice.Gst, invoice.Hst, invoice.Qst, invoice.Pst);
    }
}
