namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Testing;

/// <summary>What the screened rules find over the whole ledger, and what the screen names.</summary>
internal sealed record ScreenRun(LedgerSnapshot Ledger, IReadOnlyList<Finding> Findings, ScreenResult Result, IReadOnlySet<Province> Registrations)
{
    /// <summary>The findings whose invoice lies neither in a returned project nor among the returned invoices.</summary>
    public IReadOnlyList<string> Missed =>
    [
        .. Findings
            .Where(f => Ledger.Invoice(f.Subject.Id) is not { } invoice
                        || !(invoice.ProjectId is { } project && Result.NamedProjectIds.Contains(project))
                           && !Result.InvoiceIds.Contains(invoice.InvoiceId))
            .Select(f => $"{f.RuleId} {f.Subject.Id}"),
    ];
}

/// <summary>Runs a screen and its rules (over the whole snapshot) on one imported tenant.</summary>
internal sealed class ScreenHarness(PostgresFixture postgres)
{
    public async Task<ScreenRun> RunAsync(string tenant, IRuleScreen screen, RuleSettings settings, DateOnly asOf)
    {
        var ledger = await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None);
        var rules = RuleCatalog.All.Where(r => screen.RuleIds.Contains(r.Id)).ToList();
        if (rules.Count != screen.RuleIds.Count) throw new InvalidOperationException("A screened rule is not in the catalogue.");
        var findings = new RuleEngine(rules).Evaluate(new RuleContext(ledger, asOf, settings)).Findings;
        var registrations = new HashSet<Province>(settings.SellerPstRegistrations);
        registrations.UnionWith(ledger.Meta.SellerPstRegistrations);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var result = await screen.RunAsync(connection, new ScreenContext(tenant, asOf, settings, registrations), CancellationToken.None);
        return new ScreenRun(ledger, findings, result, registrations);
    }
}
