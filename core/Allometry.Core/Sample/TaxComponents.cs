namespace Allometry.Core.Sample;

/// <summary>The tax lines printed on an invoice.</summary>
internal readonly record struct TaxComponents(decimal Gst, decimal Hst, decimal Qst, decimal Pst)
{
    public decimal Total => Gst + Hst + Qst + Pst;
}
