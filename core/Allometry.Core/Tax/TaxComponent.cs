namespace Allometry.Core.Tax;

/// <summary>One tax line of an invoice, named as the <c>invoices</c> sheet names its column.</summary>
public enum TaxComponent { Gst, Hst, Qst, Pst }
