namespace Allometry.Core.Diagnostics;

using Allometry.Core.Aging;

/// <summary>Open receivables by aging bucket (days beyond terms as of the report's date).</summary>
/// <param name="Totals">Every open balance by bucket; <see cref="AgingAmounts.Total"/> is the open AR.</param>
/// <param name="ByPayer">The payers with the largest open balances, largest first.</param>
/// <param name="PayersWithBalance">How many payers have an open balance (the table may show fewer).</param>
public sealed record AgingSection(AgingAmounts Totals, IReadOnlyList<AgingRow> ByPayer, int PayersWithBalance);
