namespace Allometry.Core.Tests.Aging;

using Allometry.Core.Aging;
using Allometry.Core.Localization;

public sealed class AgingBucketsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Theory]
    [InlineData(-10, AgingBucket.Current)]
    [InlineData(0, AgingBucket.Current)]
    [InlineData(1, AgingBucket.Days1To30)]
    [InlineData(30, AgingBucket.Days1To30)]
    [InlineData(31, AgingBucket.Days31To60)]
    [InlineData(60, AgingBucket.Days31To60)]
    [InlineData(61, AgingBucket.Days61To90)]
    [InlineData(90, AgingBucket.Days61To90)]
    [InlineData(91, AgingBucket.Over90)]
    [InlineData(400, AgingBucket.Over90)]
    public void Of_DaysBeforeAsOf_BucketBoundaries(int daysPastDue, AgingBucket expected)
    {
        var due = AsOf.AddDays(-daysPastDue);

        Assert.Equal(expected, AgingBuckets.Of(AsOf, due));
    }

    [Fact]
    public void DaysPastDue_DueInFuture_Zero()
    {
        Assert.Equal(0, AgingBuckets.DaysPastDue(AsOf, AsOf.AddDays(5)));
        Assert.Equal(61, AgingBuckets.DaysPastDue(AsOf, AsOf.AddDays(-61)));
    }

    [Fact]
    public void Label_EveryBucket_DiffersByLanguage()
    {
        foreach (var bucket in AgingBuckets.All)
        {
            Assert.NotEqual(AgingBuckets.Label(bucket, Language.En), AgingBuckets.Label(bucket, Language.Fr));
        }
    }

    [Fact]
    public void AgingAmounts_AddAndSum_ExactToTheCent()
    {
        var amounts = default(AgingAmounts)
            .Add(AgingBucket.Current, 0.10m)
            .Add(AgingBucket.Current, 0.20m)
            .Add(AgingBucket.Over90, 1234.56m)
            .Add(AgingBucket.Days31To60, -100.01m);

        Assert.Equal(0.30m, amounts.Current);
        Assert.Equal(1134.85m, amounts.Total);
        Assert.Equal(1134.55m, amounts.Overdue);
        Assert.Equal(1234.56m, amounts[AgingBucket.Over90]);
    }

    [Fact]
    public void Reconciles_RowsDisagreeWithTotals_False()
    {
        var row = new AgingRow("P1", "Payer", new AgingAmounts(10m, 0, 0, 0, 0), 1);
        var good = new AgingSummary("t", AsOf, "CAD", [row], [row], row.Amounts);
        var bad = good with { ByProject = [row with { Amounts = new AgingAmounts(10.01m, 0, 0, 0, 0) }] };

        Assert.True(good.Reconciles);
        Assert.False(bad.Reconciles);
    }
}
