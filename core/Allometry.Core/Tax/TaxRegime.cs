namespace Allometry.Core.Tax;

/// <summary>Which sales taxes a province levies (domain.md §1).</summary>
public enum TaxRegime
{
    /// <summary>GST only: AB, YT, NT, NU.</summary>
    Gst,
    /// <summary>GST plus a provincial sales tax the seller charges only where registered: BC, MB (RST), SK.</summary>
    GstPst,
    /// <summary>Harmonized sales tax, one component: ON, NB, NL, NS, PE.</summary>
    Hst,
    /// <summary>GST plus Quebec sales tax on the price excluding GST (TPS + TVQ).</summary>
    GstQst,
}
