namespace Allometry.Core.Postgres.Tests.Conversations;

using System.Globalization;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Ledger;
using Allometry.Core.People;
using Allometry.Core.Postgres.Tests.Actions;
using Allometry.Core.Postgres.Tests.Questions;
using Allometry.Testing;

/// <summary>The tenant's stored permission settings, honoured by questions and card clicks through the conversation door.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationPermissionSettingsTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ConversationTestBed _bed = new(postgres);

    private static Dictionary<string, string?> Data(ActionVerb verb, ExceptionPick pick, params (string Key, string Value)[] args)
    {
        var data = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["verb"] = LedgerVocabulary.ToCode(verb),
            ["exception"] = pick.Id.ToString(CultureInfo.InvariantCulture),
            ["version"] = pick.Version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in args) data[key] = value;
        return data;
    }

    private async Task<Workspace> WorkspaceWhereEveryProjectIsSomeoneElsesAsync()
    {
        var space = await _bed.NewWorkspaceAsync();
        await _bed.Actions.ExecuteAsync("UPDATE projects SET pm_email = 'someone.else@borealis.example' WHERE tenant_id = @tenant", new { tenant = space.Tenant });
        return space;
    }

    [Fact]
    public async Task OnMessageAsync_PmAsksAboutAnotherPmsProject_AnsweredOnlyWhenTheSettingIsOn()
    {
        // Arrange
        var space = await WorkspaceWhereEveryProjectIsSomeoneElsesAsync();
        var expected = SampleFigures.ProjectOwed(ConversationTestBed.Sample, "PRJ-1111");

        // Act
        var closed = await _bed.Service.OnMessageAsync(space.Say(Role.ProjectManager, "balance PRJ-1111"), Ct);
        await _bed.Settings.SetAsync(space.Tenant, "permissions.project_managers_see_all_projects", "true", Ct);
        var opened = await _bed.Service.OnMessageAsync(space.Say(Role.ProjectManager, "balance PRJ-1111"), Ct);

        // Assert
        var refusal = Assert.IsType<NoticeCard>(Assert.Single(closed.Cards));
        Assert.DoesNotContain(Allometry.Core.Localization.MoneyFormat.Number(expected, refusal.Language), refusal.Text + refusal.FallbackText, StringComparison.Ordinal);
        Assert.Equal(expected, Assert.IsType<AnswerCard>(Assert.Single(opened.Cards)).HeadlineAmount);
    }

    [Fact]
    public async Task OnActionAsync_PmNotesAnotherPmsException_AppliedOnlyWhenTheSettingIsOn()
    {
        // Arrange
        var space = await WorkspaceWhereEveryProjectIsSomeoneElsesAsync();
        var pick = (await _bed.Actions.OpenAsync(space.Tenant))[0];
        var note = Data(ActionVerb.AddNote, pick, ("note", "Called the owner"));

        // Act
        var closed = await _bed.Service.OnActionAsync(space.Click(Role.ProjectManager, note), Ct);
        var notesWhileClosed = await _bed.CountAsync("SELECT count(*) FROM exception_notes WHERE tenant_id = @tenant", new { tenant = space.Tenant });
        await _bed.Settings.SetAsync(space.Tenant, "permissions.project_managers_see_all_projects", "oui", Ct);
        var opened = await _bed.Service.OnActionAsync(space.Click(Role.ProjectManager, note), Ct);

        // Assert
        Assert.False(closed.ReplacesOriginal);
        Assert.Contains("own projects", Assert.IsType<NoticeCard>(Assert.Single(closed.Cards)).Text + closed.Cards[0].FallbackText, StringComparison.Ordinal);
        Assert.Equal(0, notesWhileClosed);
        Assert.True(opened.ReplacesOriginal);
        Assert.Equal(1, await _bed.CountAsync("SELECT count(*) FROM exception_notes WHERE tenant_id = @tenant", new { tenant = space.Tenant }));
    }

    [Fact]
    public async Task OnActionAsync_ReleaseAboveTheStoredThreshold_WaitsForASecondApproval()
    {
        // Arrange
        var space = await _bed.NewWorkspaceAsync();
        var picks = await _bed.Actions.WithRetainageAsync(space.Tenant);
        var release = (ExceptionPick pick) => Data(ActionVerb.ReleaseRetainage, pick, ("amount", "75.50"), ("date", ActionTestBedToday));

        // Act: 75.50 is above a 50.00 threshold, and far below the 25,000.00 default.
        await _bed.Settings.SetAsync(space.Tenant, "permissions.second_approval_threshold", "50", Ct);
        await _bed.Service.OnActionAsync(space.Click(Role.Finance, release(picks[0])), Ct);
        await _bed.Settings.SetAsync(space.Tenant, "permissions.second_approval_threshold", "default", Ct);
        await _bed.Service.OnActionAsync(space.Click(Role.Finance, release(picks[1])), Ct);

        // Assert
        const string Sql = "SELECT count(*) FROM retainage_releases WHERE tenant_id = @tenant AND project_id = @project AND status = @status";
        Assert.Equal(1, await _bed.CountAsync(Sql, new { tenant = space.Tenant, project = picks[0].ProjectId, status = "pending" }));
        Assert.Equal(1, await _bed.CountAsync(Sql, new { tenant = space.Tenant, project = picks[1].ProjectId, status = "applied" }));
    }

    private static string ActionTestBedToday => ActionTestBed.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
