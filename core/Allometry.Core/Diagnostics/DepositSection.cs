namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>Deposits: deposit invoices still unpaid, and what the deposit rules found.</summary>
/// <param name="UnpaidDepositInvoices">Deposit invoices with a balance; null when invoice kinds are unknown (aging exports).</param>
/// <param name="UnpaidDeposits">Their balances.</param>
/// <param name="UnavailableReason">Why the figures are not known; null when they are.</param>
/// <param name="Rules">What the deposit rules found (unpaid before delivery, not invoiced, not applied).</param>
public sealed record DepositSection(int? UnpaidDepositInvoices, decimal? UnpaidDeposits, LocalizedText? UnavailableReason, TopicFindings Rules);
