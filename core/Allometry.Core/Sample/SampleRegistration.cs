namespace Allometry.Core.Sample;

using System.Globalization;
using System.Text;
using Allometry.Core.Tax;

/// <summary>
/// GST/HST and QST registration numbers (domain.md §1): a 9-digit business number whose last
/// digit is a Luhn check digit, + <c>RT0001</c>; a 10-digit QST number + <c>TQ0001</c>.
/// </summary>
internal static class SampleRegistration
{
    /// <summary>The fictional seller's numbers; fixed so every sample prints the same header.</summary>
    public static readonly string SellerGstHst = WithCheckDigit("71234567") + "RT0001";
    public static readonly string SellerQst = "1223456789TQ0001";

    /// <summary>As printed on the seller's invoices: both numbers, <c>;</c>-separated.</summary>
    public static string Printed => $"{SellerGstHst}; {SellerQst}";

    public static string NewGstHst(Random rng) => WithCheckDigit(Digits(rng, 8)) + "RT0001";

    /// <summary>A business number whose check digit is deliberately wrong.</summary>
    public static string NewInvalidGstHst(Random rng)
    {
        var valid = WithCheckDigit(Digits(rng, 8));
        var wrong = (valid[8] - '0' + 1 + rng.Next(8)) % 10;
        return valid[..8] + wrong.ToString(CultureInfo.InvariantCulture) + "RT0001";
    }

    public static string NewQst(Random rng) => Digits(rng, 10) + "TQ0001";

    /// <summary>The 8-digit payload followed by its Luhn check digit.</summary>
    public static string WithCheckDigit(string payload) => RegistrationNumbers.WithCheckDigit(payload);

    private static string Digits(Random rng, int count)
    {
        var sb = new StringBuilder(count);
        sb.Append((char)('1' + rng.Next(9)));
        for (var i = 1; i < count; i++) sb.Append((char)('0' + rng.Next(10)));
        return sb.ToString();
    }
}
