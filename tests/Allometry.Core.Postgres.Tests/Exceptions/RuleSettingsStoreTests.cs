namespace Allometry.Core.Postgres.Tests.Exceptions;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Rules;
using Allometry.Core.Sample;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class RuleSettingsStoreTests(PostgresFixture postgres)
{
    private readonly ExceptionTestBed _bed = new(postgres);

    [Fact]
    public async Task LoadAsync_NoOverrides_DefaultsWithTheSellersPstRegistrations()
    {
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, SampleOperatorGenerator.Generate().ToBatch());

        var settings = await _bed.Settings.LoadAsync(tenant, CancellationToken.None);

        Assert.Equal(RuleSettings.Default.DepositTolerance, settings.DepositTolerance);
        Assert.Empty(settings.DisabledRules);
        Assert.Equal([Province.BC], settings.SellerPstRegistrations);
    }

    [Fact]
    public async Task SaveAsync_Overrides_AreReadBackOverTheDefaults()
    {
        // Arrange
        var tenant = ExceptionTestBed.NewTenant();
        var sample = SampleOperatorGenerator.Generate();
        await _bed.ImportAsync(tenant, sample.ToBatch());
        var rule = RuleCatalog.All.Count > 0 ? RuleCatalog.All[0].Id : null;
        var disabled = rule is null ? "[]" : $"[\"{rule}\"]";

        // Act
        await _bed.Settings.SaveAsync(tenant, $$"""
            {"deposit_tolerance": 2.50, "quebec_release_days": 45, "ontario_annual_release_start": "2027-01-01",
             "disabled_rules": {{disabled}}, "group_credit_limits": {"P-ROOT": 250000.00} }
            """, CancellationToken.None);
        var settings = await _bed.Settings.LoadAsync(tenant, CancellationToken.None);

        // Assert
        Assert.Equal((2.50m, 45, new DateOnly(2027, 1, 1)), (settings.DepositTolerance, settings.QuebecReleaseDays, settings.OntarioAnnualReleaseStart));
        Assert.Equal(RuleSettings.Default.HypothecWindowDays, settings.HypothecWindowDays);
        Assert.Equal(250_000m, settings.GroupCreditLimits["P-ROOT"]);
        Assert.Equal(rule is null ? 0 : 1, settings.DisabledRules.Count);
        Assert.Equal([Province.BC], settings.SellerPstRegistrations);
    }

    [Theory]
    [InlineData("""{"deposit_tolerence": 2}""", "deposit_tolerence")]
    [InlineData("""{"deposit_tolerance": "two"}""", "deposit_tolerance")]
    [InlineData("""{"disabled_rules": ["NoSuchRule"]}""", "NoSuchRule")]
    [InlineData("""{"seller_pst_registrations": ["BC"]}""", "meta sheet")]
    public async Task SaveAsync_InvalidOverrides_ThrowsNamingTheProblem(string json, string named)
    {
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());

        var ex = await Assert.ThrowsAsync<FormatException>(() => _bed.Settings.SaveAsync(tenant, json, CancellationToken.None));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownTenant_Defaults()
    {
        var settings = await _bed.Settings.LoadAsync("nobody-here", CancellationToken.None);

        Assert.Same(RuleSettings.Default, settings);
    }
}
