namespace Allometry.Core.Postgres.Tests.Exceptions;

using Allometry.Core.Actions;
using Allometry.Core.Ledger;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tests.Actions;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Testing;
using Dapper;

/// <summary>
/// A re-route made through the action service moves the follow-up: the collections queue, the
/// new payer's exposure factor, and the stored re-route survives re-evaluation.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RerouteFollowThroughTests(PostgresFixture postgres)
{
    private readonly ActionTestBed _bed = new(postgres);

    private RiskQueueService Queue() => new(new LedgerSnapshotStore(postgres.DataSource), new RuleSettingsStore(postgres.DataSource));

    private ExceptionEvaluator Evaluator() => new(postgres.DataSource, new LedgerSnapshotStore(postgres.DataSource),
        new RuleSettingsStore(postgres.DataSource), new FixedTimeProvider(ActionTestBed.Now));

    // OLD owes 40,000 on F1 (due 2026-02-14, long overdue) and its affiliate NEW 5,000 on G1; both with a 50,000 limit.
    private async Task<(string Tenant, IReadOnlyDictionary<Role, InternalUser> People)> TenantAsync()
    {
        var tenant = "rr-" + Guid.NewGuid().ToString("N")[..8];
        var b = new LedgerBatchBuilder { AsOf = new DateOnly(2026, 11, 20) };
        b.Payers.Add(new Payer { PayerId = "OLD", Name = "Old Entity Ltd", CreditLimit = 50_000m });
        b.Payers.Add(new Payer { PayerId = "NEW", Name = "New Entity Ltd", CreditLimit = 50_000m });
        b.EntityLinks.Add(new EntityLink { FromPayerId = "OLD", ToPayerId = "NEW", Kind = EntityLinkKind.Affiliate });
        b.Invoice("F1", "OLD", 40_000m).Invoice("G1", "NEW", 5_000m);
        await new LedgerImporter(postgres.DataSource).ImportAsync(tenant, b.Build(), CancellationToken.None);
        await Evaluator().EvaluateTenantAsync(tenant, null, CancellationToken.None);
        var users = await SampleUsers.SeedAsync(_bed.Users, tenant, CancellationToken.None);
        return (tenant, users.GroupBy(u => u.RoleIn(tenant)!.Value).ToDictionary(g => g.Key, g => g.First()));
    }

    private async Task<ExceptionPick> PickAsync(string tenant, string fingerprint)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<ExceptionPick>(
            "SELECT exception_id AS Id, version AS Version, payer_id AS PayerId, project_id AS ProjectId FROM exceptions WHERE tenant_id = @tenant AND fingerprint = @fingerprint",
            new { tenant, fingerprint });
    }

    [Fact]
    public async Task Reroute_ToALinkedEntity_MovesTheMoneyAndTheExceptionInTheQueueAndKeepsItOnReEvaluation()
    {
        // Arrange
        var (tenant, people) = await TenantAsync();
        const string fingerprint = "OverdueInvoice|Invoice:F1";
        var pick = await PickAsync(tenant, fingerprint);
        var (from, to, invoiceId, balance) = ("OLD", "NEW", "F1", 40_000m);
        var before = (await Queue().BuildAsync(tenant, CancellationToken.None))!;

        // Act
        var outcome = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Reroute, people[Role.Coordinator], pick,
            new ActionArguments { PayerId = to }), CancellationToken.None);
        var after = (await Queue().BuildAsync(tenant, CancellationToken.None))!;
        var again = await Evaluator().EvaluateTenantAsync(tenant, null, CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        decimal OpenAr(Core.Scoring.CollectionsQueue queue, string payer) => queue.Scores.For(payer)?.Inputs.OpenAr ?? 0m;
        Assert.Equal(OpenAr(before, from) - balance, OpenAr(after, from));
        Assert.Equal(OpenAr(before, to) + balance, OpenAr(after, to));
        Assert.Contains(invoiceId, after.Scores.For(to)!.Inputs.ReroutedInvoiceIds);
        var item = Assert.Single(after.Items, i => i.PayerId == to);
        Assert.Contains(item.Findings, f => f.Fingerprint == fingerprint && f.PayerId == to);
        Assert.DoesNotContain(after.Items, i => i.PayerId == from && i.Findings.Any(f => f.Fingerprint == fingerprint));
        Assert.Equal(0, again.Changed);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.Equal(to, await connection.ExecuteScalarAsync<string>(
            "SELECT rerouted_payer_id FROM exceptions WHERE tenant_id = @tenant AND exception_id = @id", new { tenant, id = pick.Id }));
    }
}
