namespace Allometry.Core.Tests.Cards;

using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

public sealed class DigestBuilderTests
{
    private static readonly DateOnly On = new(2026, 11, 21);

    [Fact]
    public void Build_SeveralExceptionsOnOneProject_OneRollUpLine()
    {
        var card = DigestBuilder.Build(
        [
            Candidate(1, "PRJ-1", Severity.High, 1000m, rank: 1),
            Candidate(2, "PRJ-1", Severity.Critical, 2500.50m, rank: 2),
            Candidate(3, "PRJ-2", Severity.Medium, 300m, rank: 3),
        ], new DigestFilter(), Language.Fr, On);

        Assert.Equal(2, card.Items.Count);
        var rollUp = card.Items[0];
        Assert.Equal([1L, 2L], rollUp.ExceptionIds);
        Assert.Equal(Severity.Critical, rollUp.Severity);
        Assert.Equal("3\u00A0500,50\u00A0$", rollUp.AmountText);
        Assert.Contains("2 exceptions", rollUp.Title, StringComparison.Ordinal);
        Assert.Equal([3L], card.Items[1].ExceptionIds);
        Assert.Equal(0, card.MoreOpen);
    }

    [Fact]
    public void Build_MinSeverity_DropsLowerSeverities()
    {
        var card = DigestBuilder.Build(
        [
            Candidate(1, "PRJ-1", Severity.Low, 1000m),
            Candidate(2, "PRJ-2", Severity.High, 10m),
            Candidate(3, "PRJ-3", Severity.Medium, 999m),
        ], new DigestFilter { MinSeverity = Severity.High }, Language.En, On);

        var item = Assert.Single(card.Items);
        Assert.Equal([2L], item.ExceptionIds);
    }

    [Fact]
    public void Build_TopN_FollowsQueueOrderAndCountsTheRest()
    {
        var card = DigestBuilder.Build(
        [
            Candidate(1, "PRJ-1", Severity.Critical, 9000m, rank: 3),
            Candidate(2, "PRJ-2", Severity.Low, 10m, rank: 1),
            Candidate(3, "PRJ-3", Severity.Medium, 500m, rank: 2),
            Candidate(4, "PRJ-4", Severity.Critical, 50000m, rank: null),
        ], new DigestFilter { Top = 2 }, Language.En, On);

        Assert.Equal([[2L], [3L]], card.Items.Select(i => i.ExceptionIds.ToArray()));
        Assert.Equal(2, card.MoreOpen);
        Assert.Contains(card.Facts, f => f.Value == "$59,510.00");
    }

    [Fact]
    public void Build_ProvincePmAndProjectFilters_KeepOnlyMatches()
    {
        IReadOnlyList<DigestCandidate> candidates =
        [
            Candidate(1, "PRJ-1", Severity.High, 100m) with { Province = "QC", ProjectManager = "marie@example.ca" },
            Candidate(2, "PRJ-2", Severity.High, 100m) with { Province = "ON", ProjectManager = "marie@example.ca" },
            Candidate(3, "PRJ-3", Severity.High, 100m) with { Province = "QC", ProjectManager = "luc@example.ca" },
        ];

        var byProvince = DigestBuilder.Build(candidates, new DigestFilter { Province = "qc" }, Language.En, On);
        var byPm = DigestBuilder.Build(candidates, new DigestFilter { ProjectManager = "MARIE@example.ca", Province = "QC" }, Language.En, On);
        var byProject = DigestBuilder.Build(candidates, new DigestFilter { Projects = ["PRJ-2"] }, Language.En, On);

        Assert.Equal([1L, 3L], byProvince.Items.SelectMany(i => i.ExceptionIds));
        Assert.Equal([1L], byPm.Items.SelectMany(i => i.ExceptionIds));
        Assert.Equal([2L], byProject.Items.SelectMany(i => i.ExceptionIds));
    }

    [Fact]
    public void Build_Nothing_SaysNothingToReportAndMentionsNobody()
    {
        var empty = DigestBuilder.Build([], new DigestFilter(), Language.Fr, On);
        var one = DigestBuilder.Build([Candidate(1, "PRJ-1", Severity.High, 1m)], new DigestFilter(), Language.En, On);

        Assert.Empty(empty.Items);
        Assert.Contains("rien à signaler", empty.FallbackText, StringComparison.Ordinal);
        Assert.DoesNotContain("@", one.FallbackText + string.Concat(one.Items.Select(i => i.Title + i.Subtitle)), StringComparison.Ordinal);
    }

    private static DigestCandidate Candidate(long id, string project, Severity severity, decimal amount, int? rank = null) => new()
    {
        ExceptionId = id,
        Version = 1,
        Severity = severity,
        AmountAtRisk = amount,
        Title = new LocalizedText($"Exception {id}", $"Exception {id}"),
        PayerId = "P-1",
        ProjectId = project,
        QueueRank = rank,
    };
}
