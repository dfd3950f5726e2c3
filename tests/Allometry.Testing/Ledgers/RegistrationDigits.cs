namespace Allometry.Testing.Ledgers;

using System.Globalization;

/// <summary>Business numbers with a valid Luhn check digit (the CRA's BN check), for generated payers and sellers.</summary>
public static class RegistrationDigits
{
    public static string WithCheckDigit(string payload)
    {
        for (var check = 0; check <= 9; check++)
        {
            var candidate = payload + check.ToString(CultureInfo.InvariantCulture);
            if (IsLuhnValid(candidate)) return candidate;
        }
        throw new InvalidOperationException("Unreachable: one of ten check digits always satisfies Luhn.");
    }

    public static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
