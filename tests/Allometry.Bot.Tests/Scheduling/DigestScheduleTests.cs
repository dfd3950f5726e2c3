namespace Allometry.Bot.Tests.Scheduling;

using Allometry.Bot.Scheduling;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Ledger;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Quartz;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    private static DigestSubscription Subscription(DigestKind kind = DigestKind.Morning, string at = "07:30", string? province = null, DayOfWeek? weekday = null) => new()
    {
        SubscriptionId = 42,
        TenantId = "demo",
        Kind = kind,
        Channel = new ChannelAddress(Platform.Slack, "T1", "C1"),
        LocalTime = TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
        TimeZone = "America/Toronto",
        Weekday = weekday,
        Filter = new DigestFilter { Province = province },
    };

    private static IReadOnlyList<DateTimeOffset> FireTimes(DigestSubscription subscription, DateTimeOffset from, DateTimeOffset to, Province? holidays = null)
    {
        var trigger = DigestSchedule.Trigger(subscription, from, TimeProvider.System);
        return [.. DigestSchedule.NextBusinessFireTimes(trigger, Toronto, holidays, from, 50).Where(t => t < to)];
    }

    [Fact]
    public void NextBusinessFireTimes_SpringForwardWeek_0730LocalOnBothSides()
    {
        // Arrange: clocks go forward at 02:00 on Sunday 14 March 2027 (EST −5 → EDT −4).
        var from = new DateTimeOffset(2027, 3, 10, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero);

        // Act
        var times = FireTimes(Subscription(), from, to);

        // Assert
        Assert.Equal(8, times.Count); // Wed 10, Thu 11, Fri 12, Mon 15 … Fri 19: weekdays only
        Assert.All(times, t => Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, Toronto).DateTime)));
        Assert.Equal(new DateTimeOffset(2027, 3, 12, 12, 30, 0, TimeSpan.Zero), times.Single(t => t.Day == 12)); // Friday, EST
        Assert.Equal(new DateTimeOffset(2027, 3, 15, 11, 30, 0, TimeSpan.Zero), times.Single(t => t.Day == 15)); // Monday, EDT
        Assert.DoesNotContain(times, t => TimeZoneInfo.ConvertTime(t, Toronto).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void NextBusinessFireTimes_FallBackWeek_0730LocalOnBothSides()
    {
        // Arrange: clocks go back at 02:00 on Sunday 1 November 2026 (EDT −4 → EST −5).
        var from = new DateTimeOffset(2026, 10, 28, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 5, 0, 0, 0, TimeSpan.Zero);

        // Act
        var times = FireTimes(Subscription(), from, to);

        // Assert
        Assert.Equal(6, times.Count); // Wed 28, Thu 29, Fri 30, Mon 2, Tue 3, Wed 4
        Assert.All(times, t => Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, Toronto).DateTime)));
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 11, 30, 0, TimeSpan.Zero), times.Single(t => t.Month == 10 && t.Day == 30));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 30, 0, TimeSpan.Zero), times.Single(t => t.Month == 11 && t.Day == 2));
    }

    [Fact]
    public void NextBusinessFireTimes_QuebecSubscriptionFeteNationaleWeek_SkipsJune24()
    {
        // Arrange
        var from = new DateTimeOffset(2026, 6, 22, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 6, 27, 0, 0, 0, TimeSpan.Zero);
        var quebec = Subscription(province: "QC");
        var ontario = Subscription(province: "ON");

        // Act
        var qc = FireTimes(quebec, from, to, DigestSchedule.HolidaysFor(quebec, null));
        var on = FireTimes(ontario, from, to, DigestSchedule.HolidaysFor(ontario, null));

        // Assert
        Assert.Equal([22, 23, 25, 26], qc.Select(t => t.Day));
        Assert.Equal([22, 23, 24, 25, 26], on.Select(t => t.Day));
    }

    [Fact]
    public void HolidaysFor_NoProvinceFilter_HostDefaultApplies()
    {
        // Act
        var none = DigestSchedule.HolidaysFor(Subscription(), null);
        var hostDefault = DigestSchedule.HolidaysFor(Subscription(), Province.ON);
        var bc = DigestSchedule.HolidaysFor(Subscription(province: "BC"), Province.QC);

        // Assert
        Assert.Null(none);
        Assert.Equal(Province.ON, hostDefault);
        Assert.Equal(Province.QC, bc);
    }

    [Fact]
    public void Trigger_WeeklySummaryDefault_MondayAt0800InItsZone()
    {
        // Arrange
        var weekly = Subscription(DigestKind.Weekly, "08:00");
        var from = new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);

        // Act
        var trigger = (ICronTrigger)DigestSchedule.Trigger(weekly, from, TimeProvider.System);
        var next = trigger.GetFireTimeAfter(from);

        // Assert
        Assert.Equal("0 0 8 ? * MON", trigger.CronExpressionString);
        Assert.Equal("America/Toronto", trigger.TimeZone.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(new JobKey("weekly:demo:42", JobKeys.DigestGroup), trigger.JobKey);
    }
}
