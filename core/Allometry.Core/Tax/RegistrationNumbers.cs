namespace Allometry.Core.Tax;

using System.Text.RegularExpressions;

/// <summary>
/// GST/HST and QST registration numbers (domain.md §1). A GST/HST number is the 9-digit business
/// number (BN), whose last digit is a Luhn check digit, + <c>RT</c> + a 4-digit program account
/// (<c>^\d{9}\s?RT\s?\d{4}$</c>); a QST number is 10 digits + <c>TQ</c> + 4 digits
/// (<c>^\d{10}\s?TQ\s?\d{4}$</c>). Digits are ASCII only.
/// </summary>
/// <remarks>
/// <see href="https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/registering-your-business/business-number.html">CRA: the business number</see>,
/// <see href="https://www.revenuquebec.ca/en/businesses/consumption-taxes/gsthst-and-qst/registration-for-the-gst-and-qst/">Revenu Québec: registration</see>.
/// </remarks>
public static partial class RegistrationNumbers
{
    [GeneratedRegex(@"^[0-9]{9}\s?RT\s?[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex GstHstShape();

    [GeneratedRegex(@"^[0-9]{10}\s?TQ\s?[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex QstShape();

    // In free text a number must not be glued to more digits on either side, so a
    // 10-digit QST number never yields a 9-digit BN and "RT00011" is not "RT0001".
    [GeneratedRegex(@"(?<![0-9])([0-9]{9})\s?RT\s?([0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex GstHstInText();

    [GeneratedRegex(@"(?<![0-9])([0-9]{10})\s?TQ\s?([0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex QstInText();

    /// <summary>True when <paramref name="number"/> is a GST/HST number with a valid BN check digit.</summary>
    public static bool IsValidGstHst(string? number) =>
        number is not null && GstHstShape().IsMatch(number) && IsLuhnValid(number[..9]);

    /// <summary>True when <paramref name="number"/> has the shape of a QST number.</summary>
    public static bool IsValidQst(string? number) => number is not null && QstShape().IsMatch(number);

    /// <summary>A business number's 8-digit payload followed by the Luhn check digit that makes it valid.</summary>
    public static string WithCheckDigit(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        for (var check = 0; check <= 9; check++)
        {
            var candidate = payload + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsLuhnValid(candidate)) return candidate;
        }
        throw new ArgumentException($"'{payload}' is not made of digits.", nameof(payload));
    }

    /// <summary>The Luhn check (the BN's last digit): doubling every second digit from the right, the sum is a multiple of 10.</summary>
    public static bool IsLuhnValid(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length == 0) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (d is < 0 or > 9) return false;
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>
    /// Finds the registration numbers in the text printed on an invoice, which may hold both
    /// ("TPS/GST 123456782 RT0001 — TVQ/QST 1234567890 TQ0001"), in order of appearance, each once.
    /// </summary>
    public static PrintedRegistrationNumbers Parse(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return PrintedRegistrationNumbers.None;
        var valid = new List<string>();
        var invalid = new List<string>();
        foreach (Match m in GstHstInText().Matches(printed))
        {
            var number = $"{m.Groups[1].Value}RT{m.Groups[2].Value}";
            var into = IsLuhnValid(m.Groups[1].Value) ? valid : invalid;
            if (!into.Contains(number)) into.Add(number);
        }
        var qst = new List<string>();
        foreach (Match m in QstInText().Matches(printed))
        {
            var number = $"{m.Groups[1].Value}TQ{m.Groups[2].Value}";
            if (!qst.Contains(number)) qst.Add(number);
        }
        return new PrintedRegistrationNumbers(valid, invalid, qst);
    }
}
