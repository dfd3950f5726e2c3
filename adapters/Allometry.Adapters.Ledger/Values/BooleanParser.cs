namespace Allometry.Adapters.Ledger.Values;

/// <summary>true/false, yes/no, oui/non, vrai/faux, 1/0 — case-insensitive.</summary>
internal static class BooleanParser
{
    public static bool TryParse(string? text, out bool value)
    {
        value = false;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "oui" or "o" or "vrai" or "1":
                value = true;
                return true;
            case "false" or "no" or "n" or "non" or "faux" or "0":
                return true;
            default:
                return false;
        }
    }
}
