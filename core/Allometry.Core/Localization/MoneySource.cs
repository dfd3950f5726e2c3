namespace Allometry.Core.Localization;

/// <summary>Who wrote an amount, which decides how many decimals <see cref="MoneyParser.TryParseMoney"/> accepts.</summary>
public enum MoneySource
{
    /// <summary>
    /// A ledger export or workbook cell: at most two <em>significant</em> decimals. Exports print
    /// fixed precision (<c>10.000</c>, <c>1234.5000</c>), and the file's own format is consistent, so
    /// trailing zeros are only precision.
    /// </summary>
    File,

    /// <summary>
    /// A person typing in chat or on the command line: at most two decimals <em>written</em>.
    /// <c>12.345</c> may be twelve thousand (a French or European thousands dot) or twelve dollars
    /// and a fraction; an action that moves money refuses rather than guess.
    /// </summary>
    Person,
}
