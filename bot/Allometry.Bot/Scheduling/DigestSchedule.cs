namespace Allometry.Bot.Scheduling;

using System.Globalization;
using Allometry.Core.Postgres.Digests;
using Quartz;

/// <summary>
/// When a subscription's card goes out, as a Quartz cron trigger in the subscription's IANA zone:
/// a morning digest at its local time Monday to Friday, a weekly summary on its weekday. Quartz
/// evaluates the cron expression in that zone, so 07:30 stays 07:30 local across a daylight-saving
/// change. Holidays are not in the cron expression: the job checks <see cref="BusinessCalendar"/>
/// for the local date it fires for and skips a holiday (see <see cref="NextBusinessFireTimes"/>).
/// </summary>
internal static class DigestSchedule
{
    public const string TenantKey = "tenant";
    public const string SubscriptionKey = "subscription";
    public const string KindKey = "kind";

    /// <summary>The Quartz cron expression (seconds first) for <paramref name="subscription"/>.</summary>
    public static string CronExpression(DigestSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var days = subscription.Kind == DigestKind.Weekly
            ? DayName(subscription.Weekday ?? DayOfWeek.Monday)
            : "MON-FRI";
        return string.Create(CultureInfo.InvariantCulture, $"0 {subscription.LocalTime.Minute} {subscription.LocalTime.Hour} ? * {days}");
    }

    /// <summary>The zone a subscription's schedule runs in.</summary>
    /// <exception cref="ArgumentException">The zone is unknown on this machine.</exception>
    public static TimeZoneInfo Zone(DigestSubscription subscription) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(subscription.TimeZone, out var zone)
            ? zone
            : throw new ArgumentException($"Unknown time zone '{subscription.TimeZone}' for subscription {subscription.SubscriptionId} / fuseau horaire inconnu");

    /// <summary>The trigger of <paramref name="subscription"/>'s job, starting at <paramref name="startAt"/>.</summary>
    public static ITrigger Trigger(DigestSubscription subscription, DateTimeOffset startAt, TimeProvider time)
    {
        var job = JobKeys.ForSubscription(subscription);
        return TriggerBuilder.Create(time)
            .WithIdentity(JobKeys.TriggerFor(job))
            .ForJob(job)
            .WithDescription(Describe(subscription))
            .StartAt(startAt)
            // A firing missed while every instance was down (or the database was) runs once when
            // the cluster is back, as long as it is still the same local day (checked by the job).
            .WithSchedule(CronScheduleBuilder.Create(CronExpression(subscription)).InTimeZone(Zone(subscription)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }

    /// <summary>
    /// The next <paramref name="count"/> instants <paramref name="trigger"/> fires on a business day
    /// of <paramref name="holidays"/>, after <paramref name="after"/> — Quartz's own fire times,
    /// less the local dates the job would skip.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> NextBusinessFireTimes(ITrigger trigger, TimeZoneInfo zone, Core.Ledger.Province? holidays, DateTimeOffset after, int count)
    {
        var result = new List<DateTimeOffset>(count);
        var cursor = after;
        // Bounded: a cron expression that never fires again returns null, and no year has 250 holidays.
        for (var guard = 0; result.Count < count && guard < count + 400; guard++)
        {
            if (trigger.GetFireTimeAfter(cursor) is not { } next) break;
            if (BusinessCalendar.IsBusinessDay(LocalDate(next, zone), holidays)) result.Add(next);
            cursor = next;
        }
        return result;
    }

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The province whose holidays a subscription skips: its own province filter when it is QC or ON, else the host's default.</summary>
    public static Core.Ledger.Province? HolidaysFor(DigestSubscription subscription, Core.Ledger.Province? hostDefault) =>
        Enum.TryParse<Core.Ledger.Province>(subscription.Filter.Province, ignoreCase: true, out var own) && own is Core.Ledger.Province.QC or Core.Ledger.Province.ON
            ? own
            : hostDefault;

    private static string Describe(DigestSubscription s) => string.Create(CultureInfo.InvariantCulture,
        $"{(s.Kind == DigestKind.Weekly ? "weekly summary" : "morning digest")} {s.LocalTime:HH\\:mm} {s.TimeZone} → {s.Channel.Platform} {s.Channel.Realm}/{s.Channel.ConversationId}");

    private static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MON",
        DayOfWeek.Tuesday => "TUE",
        DayOfWeek.Wednesday => "WED",
        DayOfWeek.Thursday => "THU",
        DayOfWeek.Friday => "FRI",
        DayOfWeek.Saturday => "SAT",
        _ => "SUN",
    };
}
