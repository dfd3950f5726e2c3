namespace Allometry.Core.Rules.Deposits;

using Allometry.Core.Ledger;

/// <summary>What a project's accepted quotes commit the customer to: the price and the deposit.</summary>
internal static class QuoteTerms
{
    /// <summary>A quote marked accepted, or carrying an acceptance date when the sheet has no status.</summary>
    public static bool IsAccepted(Quote quote) =>
        quote.Status == QuoteStatus.Accepted || (quote.Status is null && quote.AcceptedOn is not null);

    /// <summary>
    /// The project's accepted quotes, oldest acceptance first. More than one is read as a change
    /// order on top of the original; superseded versions are expected to be expired or declined.
    /// </summary>
    public static IReadOnlyList<Quote> AcceptedQuotes(LedgerSnapshot ledger, string projectId) =>
        [.. ledger.QuotesOf(projectId).Where(IsAccepted).OrderBy(q => q.AcceptedOn).ThenBy(q => q.QuoteId, StringComparer.Ordinal)];

    /// <summary>The deposit percentage the quote states, else the project's.</summary>
    public static decimal? DepositPct(Quote quote, Project? project) => quote.DepositPct ?? project?.DepositPct;

    /// <summary>Deposit required by a quote: its percentage × its total before tax, rounded to the cent.</summary>
    public static decimal RequiredDeposit(Quote quote, Project? project) =>
        decimal.Round(quote.TotalExTax * (DepositPct(quote, project) ?? 0m) / 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>Who the follow-up goes to: the project's current payer, its contract payer, else the quote's.</summary>
    public static string? PayerOf(Project? project, Quote? quote) =>
        project?.CurrentPayerId ?? project?.ContractPayerId ?? quote?.PayerId;

    /// <summary>An invoice that still counts (void ones are as if never issued).</summary>
    public static bool Counts(Invoice invoice) => invoice.Status != InvoiceStatus.Void;
}
