namespace Allometry.Core.Aging;

/// <summary>One line of an aging summary: a payer or a project, with its open balances by bucket.</summary>
/// <param name="Key">The payer or project id; empty for invoices without a project.</param>
/// <param name="Name">What a person calls it.</param>
/// <param name="Amounts">Open balances by bucket.</param>
/// <param name="OpenInvoices">How many open invoices make up the balances.</param>
public sealed record AgingRow(string Key, string Name, AgingAmounts Amounts, int OpenInvoices);
