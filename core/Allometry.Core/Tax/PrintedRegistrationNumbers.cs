namespace Allometry.Core.Tax;

/// <summary>
/// The registration numbers found in the free text an invoice prints, normalized without spaces
/// (<c>123456782RT0001</c>, <c>1234567890TQ0001</c>).
/// </summary>
/// <param name="GstHst">GST/HST numbers whose business number passes its Luhn check digit.</param>
/// <param name="InvalidGstHst">Numbers shaped like a GST/HST number whose check digit is wrong.</param>
/// <param name="Qst">QST numbers (10 digits + TQ + 4 digits).</param>
public sealed record PrintedRegistrationNumbers(IReadOnlyList<string> GstHst, IReadOnlyList<string> InvalidGstHst, IReadOnlyList<string> Qst)
{
    /// <summary>Nothing found.</summary>
    public static PrintedRegistrationNumbers None { get; } = new([], [], []);

    /// <summary>At least one valid GST/HST number is printed.</summary>
    public bool HasGstHst => GstHst.Count > 0;

    /// <summary>At least one QST number is printed.</summary>
    public bool HasQst => Qst.Count > 0;
}
