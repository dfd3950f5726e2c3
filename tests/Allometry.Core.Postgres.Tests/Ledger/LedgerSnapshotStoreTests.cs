namespace Allometry.Core.Postgres.Tests.Ledger;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Sample;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class LedgerSnapshotStoreTests(PostgresFixture postgres)
{
    private readonly LedgerImporter _importer = new(postgres.DataSource);
    private readonly LedgerSnapshotStore _store = new(postgres.DataSource);

    private static string NewTenant() => "snap-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task LoadAsync_ImportedSample_ReadsBackEveryRecordExactly()
    {
        // Arrange
        var tenant = NewTenant();
        var sample = SampleOperatorGenerator.Generate();
        await _importer.ImportAsync(tenant, sample.ToBatch(), CancellationToken.None);

        // Act
        var snapshot = await _store.LoadAsync(tenant, CancellationToken.None);

        // Assert: lists inside records compare by reference, so aliases are compared apart.
        AssertSameRecords(sample.Payers.Select(p => p with { Aliases = [] }), snapshot.Payers.Select(p => p with { Aliases = [] }), p => p.PayerId);
        Assert.Equal(
            sample.Payers.OrderBy(p => p.PayerId, StringComparer.Ordinal).Select(p => string.Join('|', p.Aliases)),
            snapshot.Payers.OrderBy(p => p.PayerId, StringComparer.Ordinal).Select(p => string.Join('|', p.Aliases)));
        AssertSameRecords(sample.EntityLinks, snapshot.EntityLinks, l => $"{l.FromPayerId}|{l.ToPayerId}|{l.Kind}");
        AssertSameRecords(sample.Projects, snapshot.Projects, p => p.ProjectId);
        AssertSameRecords(sample.Deliveries, snapshot.Deliveries, d => $"{d.ProjectId}|{d.Milestone}");
        AssertSameRecords(sample.Quotes, snapshot.Quotes, q => q.QuoteId);
        AssertSameRecords(sample.Invoices, snapshot.Invoices, i => i.InvoiceId);
        AssertSameRecords(sample.Payments, snapshot.Payments, p => p.PaymentId);
        AssertSameRecords(sample.PaymentApplications, snapshot.PaymentApplications, a => $"{a.PaymentId}|{a.InvoiceId}");
        AssertSameRecords(sample.Retainage, snapshot.Retainage, h => $"{h.ProjectId}|{h.InvoiceId}");
        AssertSameRecords(sample.ServiceContracts, snapshot.ServiceContracts, c => c.ContractId);
        AssertSameRecords(sample.Promises, snapshot.Promises, p => $"{p.PayerId}|{p.InvoiceId}|{p.PromisedOn:O}");
        AssertSameRecords(sample.BankTransactions, snapshot.BankTransactions, t => t.TransactionId!);
        Assert.Equal(sample.Meta with { SellerPstRegistrations = [] }, snapshot.Meta with { SellerPstRegistrations = [] });
        Assert.Equal(sample.Meta.SellerPstRegistrations, snapshot.Meta.SellerPstRegistrations);
        Assert.Equal(LedgerSheets.All.Order(StringComparer.Ordinal), snapshot.PresentSheets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_MinimalLedger_PresentSheetsAreThoseWithRows()
    {
        // Arrange
        var tenant = NewTenant();
        var batch = new LedgerBatch
        {
            Meta = new LedgerMeta { AsOf = new DateOnly(2026, 3, 31) },
            Payers = [new Payer { PayerId = "P1", Name = "Payeur un" }],
            Invoices =
            [
                new Invoice
                {
                    InvoiceId = "I1", PayerId = "P1", Kind = InvoiceKind.Other, IssueDate = new DateOnly(2026, 3, 1),
                    DueDate = new DateOnly(2026, 3, 31), Subtotal = 10m, Total = 10m, Balance = 10m,
                },
            ],
        };
        await _importer.ImportAsync(tenant, batch, CancellationToken.None);

        // Act
        var snapshot = await _store.LoadAsync(tenant, CancellationToken.None);

        // Assert
        Assert.Equal([LedgerSheets.Invoices, LedgerSheets.Meta, LedgerSheets.Payers], snapshot.PresentSheets.Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2026, 3, 31), snapshot.Meta.AsOf);
        Assert.Equal(tenant, snapshot.Meta.Tenant);
        Assert.Equal(10m, Assert.Single(snapshot.Invoices).Balance);
    }

    [Fact]
    public async Task LoadAsync_LaterImport_TakesTheLatestAsOfAndOnlyThisTenantsRows()
    {
        // Arrange
        var tenant = NewTenant();
        var other = NewTenant();
        var sample = SampleOperatorGenerator.Generate();
        await _importer.ImportAsync(tenant, sample.ToBatch(), CancellationToken.None);
        await _importer.ImportAsync(other, sample.ToBatch(), CancellationToken.None);
        var later = sample.ToBatch();
        later = new LedgerBatch { Meta = sample.Meta with { AsOf = sample.Meta.AsOf.AddDays(1) }, PresentSheets = later.PresentSheets, Payers = later.Payers, Invoices = later.Invoices };
        await _importer.ImportAsync(tenant, later, CancellationToken.None);

        // Act
        var snapshot = await _store.LoadAsync(tenant, CancellationToken.None);

        // Assert
        Assert.Equal(sample.Meta.AsOf.AddDays(1), snapshot.Meta.AsOf);
        Assert.Equal(sample.Invoices.Count, snapshot.Invoices.Count);
    }

    [Fact]
    public async Task LoadAsync_UnknownTenant_Throws()
    {
        var ex = await Assert.ThrowsAsync<LedgerNotFoundException>(() => _store.LoadAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], CancellationToken.None));

        Assert.Contains("no imported ledger", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadProjectAsync_SampleProject_ReadsItsInvoicesAndPaymentsNotItsPayersWholeReceivables()
    {
        // Arrange
        var tenant = NewTenant();
        var sample = SampleOperatorGenerator.Generate();
        await _importer.ImportAsync(tenant, sample.ToBatch(), CancellationToken.None);
        var full = LedgerSnapshot.From(sample.ToBatch());
        var project = sample.Projects
            .Where(p => full.InvoicesOfProject(p.ProjectId).Any())
            .MaxBy(p => full.InvoicesOfPayer(p.ContractPayerId).Count() - full.InvoicesOfProject(p.ProjectId).Count())!;
        var own = full.InvoicesOfProject(project.ProjectId).Select(i => i.InvoiceId).ToHashSet(StringComparer.Ordinal);
        var paid = full.PaymentApplications.Where(a => own.Contains(a.InvoiceId)).Select(a => a.PaymentId).ToHashSet(StringComparer.Ordinal);

        // Act
        var slice = await _store.LoadProjectAsync(tenant, project.ProjectId, CancellationToken.None);

        // Assert: every invoice of the project and every payment applied to one, each with all its applications
        Assert.Subset(slice.Invoices.Select(i => i.InvoiceId).ToHashSet(StringComparer.Ordinal), own);
        Assert.Subset(slice.Payments.Select(p => p.PaymentId).ToHashSet(StringComparer.Ordinal), paid);
        Assert.All(slice.Payments, p => Assert.Equal(full.UnappliedAmount(full.Payment(p.PaymentId)!), slice.UnappliedAmount(p)));
        // and not the payer's other receivables
        Assert.True(slice.Invoices.Count < full.InvoicesOfPayer(project.ContractPayerId).Count(),
            $"{slice.Invoices.Count} invoices read for {project.ProjectId}, its payer has {full.InvoicesOfPayer(project.ContractPayerId).Count()}");
    }

    private static void AssertSameRecords<T>(IEnumerable<T> expected, IEnumerable<T> actual, Func<T, string> key)
    {
        var want = expected.OrderBy(key, StringComparer.Ordinal).ToList();
        var got = actual.OrderBy(key, StringComparer.Ordinal).ToList();
        Assert.Equal(want.Count, got.Count);
        for (var i = 0; i < want.Count; i++)
        {
            Assert.Equal(want[i], got[i]);
        }
    }
}
