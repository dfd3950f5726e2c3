namespace Allometry.Adapters.Ledger.Workbook;

/// <summary>
/// One column of a workbook sheet: its contract name, whether the contract requires it, and the
/// other headers (French, vendor) that mean the same column.
/// </summary>
internal sealed record WorkbookColumn(string Name, bool Required, IReadOnlyList<string> Aliases)
{
    public static WorkbookColumn Req(string name, params string[] aliases) => new(name, true, aliases);

    public static WorkbookColumn Opt(string name, params string[] aliases) => new(name, false, aliases);
}
