namespace Allometry.Core.Postgres.Tests.Settings;

using Allometry.Core.Actions;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Settings;
using Allometry.Core.Postgres.Tests.Exceptions;
using Allometry.Core.Postgres.Tests.Outbox;
using Allometry.Core.Rules;
using Allometry.Testing;
using Dapper;

/// <summary>One settings row read by the engine (rule thresholds) and by permissions ("permissions"), written one checked key at a time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantSettingsStoreTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ExceptionTestBed _bed = new(postgres);
    private readonly ManualClock _clock = new(ExceptionTestBed.Now);

    private TenantSettingsStore Store() => new(postgres.DataSource, _clock);

    private async Task<string> NewTenantAsync()
    {
        var tenant = ExceptionTestBed.NewTenant();
        await _bed.ImportAsync(tenant, DepositLedger.Build());
        return tenant;
    }

    private async Task<string?> StoredAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT settings::text FROM tenant_settings WHERE tenant_id = @tenant", new { tenant });
    }

    [Fact]
    public async Task GetAsync_NothingStored_Defaults()
    {
        var tenant = await NewTenantAsync();

        var settings = await Store().GetAsync(tenant, Ct);

        Assert.Equal(PermissionSettings.Default, settings);
    }

    [Fact]
    public async Task SetAsync_PermissionsAndRuleThresholds_EachReaderSeesItsOwnPart()
    {
        // Arrange
        var tenant = await NewTenantAsync();
        var store = Store();

        // Act
        await store.SetAsync(tenant, "permissions.project_managers_see_all_projects", "true", Ct);
        await store.SetAsync(tenant, "PERMISSIONS.SECOND-APPROVAL-THRESHOLD", "12500.50", Ct);
        await store.SetAsync(tenant, "deposit_tolerance", "2.50", Ct);
        await store.SetAsync(tenant, "disabled_rules", $"{RuleCatalog.All[0].Id}, {RuleCatalog.All[1].Id}", Ct);
        await store.SetAsync(tenant, "group_credit_limits", "P-ROOT=250000, P-2=10.5", Ct);
        var permissions = await Store().GetAsync(tenant, Ct);
        var rules = await _bed.Settings.LoadAsync(tenant, Ct);

        // Assert
        Assert.Equal(new PermissionSettings { ProjectManagersSeeAllProjects = true, SecondApprovalThreshold = 12_500.50m }, permissions);
        Assert.Equal(2.50m, rules.DepositTolerance);
        Assert.Equal([RuleCatalog.All[0].Id, RuleCatalog.All[1].Id], rules.DisabledRules.Order(StringComparer.Ordinal));
        Assert.Equal(250_000m, rules.GroupCreditLimits["P-ROOT"]);
        Assert.Equal(RuleSettings.Default.QuebecReleaseDays, rules.QuebecReleaseDays);
    }

    [Fact]
    public async Task ListAsync_SomeSet_EverySettingWithValueAndDefault()
    {
        // Arrange
        var tenant = await NewTenantAsync();
        var store = Store();
        await store.SetAsync(tenant, "quebec_release_days", "45", Ct);

        // Act
        var listed = await store.ListAsync(tenant, Ct);

        // Assert
        var byKey = listed.ToDictionary(v => v.Setting.Key);
        Assert.Equal(TenantSettingCatalog.All.Count, listed.Count);
        Assert.Equal("45", TenantSetting.Format(byKey["quebec_release_days"].Effective));
        Assert.Equal("30", TenantSetting.Format(byKey["quebec_release_days"].Setting.Default));
        Assert.True(byKey["quebec_release_days"].IsSet);
        Assert.False(byKey["permissions.second_approval_threshold"].IsSet);
        Assert.Equal("25000", TenantSetting.Format(byKey["permissions.second_approval_threshold"].Effective));
        Assert.Equal("false", TenantSetting.Format(byKey["permissions.project_managers_see_all_projects"].Effective));
        Assert.Equal("2026-01-01", TenantSetting.Format(byKey["ontario_annual_release_start"].Effective));
        Assert.DoesNotContain("seller_pst_registrations", byKey.Keys);
    }

    [Theory]
    [InlineData("permissions.second_approval_threshold", "-5")]
    [InlineData("permissions.second_approval_threshold", "25 000,00")]
    [InlineData("permissions.project_managers_see_all_projects", "maybe")]
    [InlineData("quebec_release_days", "4.5")]
    [InlineData("ontario_annual_release_start", "01/01/2027")]
    [InlineData("disabled_rules", "NoSuchRule")]
    [InlineData("group_credit_limits", "P-ROOT:250000")]
    public async Task SetAsync_BadValue_RefusedInBothLanguagesNamingTheKeyAndNothingWritten(string key, string value)
    {
        // Arrange
        var tenant = await NewTenantAsync();
        var store = Store();
        await store.SetAsync(tenant, "deposit_tolerance", "3", Ct);
        var before = await StoredAsync(tenant);

        // Act
        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => store.SetAsync(tenant, key, value, Ct));

        // Assert
        Assert.StartsWith(key + ":", ex.Text.En, StringComparison.Ordinal);
        Assert.StartsWith(key + " :", ex.Text.Fr, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", ex.Text.En, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(tenant));
    }

    [Fact]
    public async Task SetAsync_UnknownKey_RefusedNamingItAndListingTheKnownOnes()
    {
        var tenant = await NewTenantAsync();

        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => Store().SetAsync(tenant, "permissions.pm_see_all", "true", Ct));

        Assert.Contains("'permissions.pm_see_all'", ex.Text.En, StringComparison.Ordinal);
        Assert.Contains("« permissions.pm_see_all »", ex.Text.Fr, StringComparison.Ordinal);
        Assert.Contains("permissions.project_managers_see_all_projects", ex.Text.En, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(tenant));
    }

    [Fact]
    public async Task SetAsync_UnknownTenant_RefusedAndNoRowCreated()
    {
        var ex = await Assert.ThrowsAsync<LocalizedArgumentException>(() => Store().SetAsync("no-such-tenant", "deposit_tolerance", "2", Ct));

        Assert.Contains("no-such-tenant", ex.Text.Fr, StringComparison.Ordinal);
        Assert.Null(await StoredAsync("no-such-tenant"));
    }

    [Fact]
    public async Task SetAsync_Default_RemovesTheOverrideAndAnEmptyPermissionsObject()
    {
        // Arrange
        var tenant = await NewTenantAsync();
        var store = Store();
        await store.SetAsync(tenant, "permissions.second_approval_threshold", "100", Ct);

        // Act
        var reset = await store.SetAsync(tenant, "permissions.second_approval_threshold", "default", Ct);

        // Assert
        Assert.False(reset.IsSet);
        Assert.Equal("{}", await StoredAsync(tenant));
        Assert.Equal(PermissionSettings.Default, await store.GetAsync(tenant, Ct));
    }

    [Fact]
    public async Task GetAsync_ChangedByAnotherProcess_SeenWhenTheCacheExpiresButAtOnceAfterOwnSet()
    {
        // Arrange
        var tenant = await NewTenantAsync();
        var store = Store();
        Assert.False((await store.GetAsync(tenant, Ct)).ProjectManagersSeeAllProjects);
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""INSERT INTO tenant_settings (tenant_id, settings) VALUES (@tenant, '{"permissions": {"project_managers_see_all_projects": true}}')""", new { tenant });
        }

        // Act
        var cached = await store.GetAsync(tenant, Ct);
        _clock.Advance(TenantSettingsStore.CacheFor);
        var expired = await store.GetAsync(tenant, Ct);
        await store.SetAsync(tenant, "permissions.project_managers_see_all_projects", "false", Ct);
        var afterSet = await store.GetAsync(tenant, Ct);

        // Assert
        Assert.False(cached.ProjectManagersSeeAllProjects);
        Assert.True(expired.ProjectManagersSeeAllProjects);
        Assert.False(afterSet.ProjectManagersSeeAllProjects);
    }

    [Fact]
    public async Task ListenAsync_ChangeCommittedByAnotherStore_ForgottenAtOnceWithoutWaitingForExpiry()
    {
        // Arrange: the host's store caches the default; the CLI (another store, another process) sets it.
        var tenant = await NewTenantAsync();
        var host = Store();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = host.ListenAsync(listening, stop.Token);
        await listening.Task.WaitAsync(stop.Token);
        Assert.False((await host.GetAsync(tenant, Ct)).ProjectManagersSeeAllProjects);

        // Act
        await new TenantSettingsStore(postgres.DataSource, _clock).SetAsync(tenant, "permissions.project_managers_see_all_projects", "true", Ct);
        var seen = false;
        for (var i = 0; i < 100 && !seen; i++)
        {
            seen = (await host.GetAsync(tenant, Ct)).ProjectManagersSeeAllProjects;
            if (!seen) await Task.Delay(50, Ct);
        }
        await stop.CancelAsync();
        await listener;

        // Assert: the clock never moved, so only the notification can have dropped the cached entry.
        Assert.True(seen);
    }

    [Fact]
    public async Task RuleSettingsStoreSaveAsync_ReplacingRuleOverrides_KeepsThePermissions()
    {
        // Arrange
        var tenant = await NewTenantAsync();
        var store = Store();
        await store.SetAsync(tenant, "permissions.second_approval_threshold", "100", Ct);
        await store.SetAsync(tenant, "deposit_tolerance", "3", Ct);

        // Act
        await _bed.Settings.SaveAsync(tenant, """{"quebec_release_days": 45}""", Ct);

        // Assert
        var rules = await _bed.Settings.LoadAsync(tenant, Ct);
        Assert.Equal((45, RuleSettings.Default.DepositTolerance), (rules.QuebecReleaseDays, rules.DepositTolerance));
        Assert.Equal(100m, (await Store().GetAsync(tenant, Ct)).SecondApprovalThreshold);
    }

    [Fact]
    public async Task RuleSettingsStoreSaveAsync_PermissionsInTheRuleOverrides_Refused()
    {
        var tenant = await NewTenantAsync();

        var ex = await Assert.ThrowsAsync<FormatException>(() => _bed.Settings.SaveAsync(tenant, """{"permissions": {"second_approval_threshold": 1}}""", Ct));

        Assert.Contains("allometry settings set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePermissions_UnknownPermissionKey_FormatExceptionNamingIt()
    {
        var ex = Assert.Throws<FormatException>(() => TenantSettingsStore.ParsePermissions("""{"permissions": {"pm_see_all": true}}"""));

        Assert.Contains("pm_see_all", ex.Message, StringComparison.Ordinal);
    }
}
