namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using System.Data;
using Allometry.Core.Imports;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Testing;
using Dapper;

/// <summary>
/// Imports a ledger, runs a rule over the whole snapshot (the authority) and a screen over the
/// database, in the same state.
/// </summary>
internal sealed class ScreenTestBed(PostgresFixture postgres)
{
    public static string NewTenant() => "scr-" + Guid.NewGuid().ToString("N")[..8];

    public async Task<string> ImportAsync(LedgerBatch batch)
    {
        var tenant = NewTenant();
        await ImportAsync(tenant, batch);
        return tenant;
    }

    /// <summary>Imports into an existing tenant: a later import merges through the parent tables (the triggers' path).</summary>
    public Task ImportAsync(string tenant, LedgerBatch batch) =>
        new LedgerImporter(postgres.DataSource).ImportAsync(tenant, batch, CancellationToken.None);

    /// <summary>The projects <paramref name="ruleId"/> reports on and the screen's candidates, at one as-of date.</summary>
    public async Task<(IReadOnlySet<string> Reported, IReadOnlySet<string> Screened)> CompareAsync(
        IRuleScreen screen, string tenant, string ruleId, DateOnly asOf, RuleSettings? settings = null)
    {
        var findings = await FindingsAsync(tenant, ruleId, asOf, settings);
        var screened = await ScreenAsync(screen, tenant, asOf, settings);
        return (findings.Select(f => f.ProjectId).OfType<string>().ToHashSet(StringComparer.Ordinal),
                screened.NamedProjectIds.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>What <paramref name="ruleId"/> reports over the tenant's whole ledger.</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(string tenant, string ruleId, DateOnly asOf, RuleSettings? settings = null)
    {
        var snapshot = await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None);
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule {ruleId}.", nameof(ruleId));
        var evaluation = new RuleEngine([rule]).Evaluate(new RuleContext(snapshot, asOf, settings ?? RuleSettings.Default));
        Assert.Empty(evaluation.Skipped);
        return evaluation.Findings;
    }

    /// <summary>The screen's candidates, read as the evaluator reads them (repeatable read).</summary>
    public async Task<ScreenResult> ScreenAsync(IRuleScreen screen, string tenant, DateOnly asOf, RuleSettings? settings = null)
    {
        var s = settings ?? RuleSettings.Default;
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        var result = await screen.RunAsync(connection, new ScreenContext(tenant, asOf, s, s.SellerPstRegistrations), CancellationToken.None);
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>Projects with an open invoice (balance ≠ 0, not void): the base scope every screened read loads.</summary>
    public async Task<IReadOnlySet<string>> OpenProjectsAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var ids = await connection.QueryAsync<string>(
            "SELECT DISTINCT project_id FROM invoices WHERE tenant_id = @tenant AND balance <> 0 AND status <> 'void' AND project_id IS NOT NULL",
            new { tenant });
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Asserts every finding's project is a candidate. A finding without a project is about what
    /// the screened read always loads (a projectless contract, projectless open invoices).
    /// </summary>
    public static void AssertCovers(ScreenResult screened, IEnumerable<Finding> findings, string context)
    {
        foreach (var finding in findings.Where(f => f.ProjectId is not null))
        {
            Assert.True(screened.NamedProjectIds.Contains(finding.ProjectId!),
                $"{context}: {finding.RuleId} on {finding.Subject.Kind} {finding.Subject.Id} (project {finding.ProjectId}) is not a candidate");
        }
    }
}
