namespace Allometry.Bot.Scheduling;

using System.Globalization;
using Quartz;

/// <summary>Reads a job's data map, which the store keeps as strings, with errors that name the key.</summary>
internal static class JobData
{
    public static string RequiredString(IJobExecutionContext context, string key) =>
        context.MergedJobDataMap.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text
            ? text
            : throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{key}' in its data / la tâche n'a pas de « {key} »");

    public static string? OptionalString(IJobExecutionContext context, string key) =>
        context.MergedJobDataMap.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text : null;

    public static long RequiredLong(IJobExecutionContext context, string key) =>
        long.TryParse(RequiredString(context, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new JobExecutionException($"Job {context.JobDetail.Key}: '{key}' is not a number / « {key} » n'est pas un nombre");

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
