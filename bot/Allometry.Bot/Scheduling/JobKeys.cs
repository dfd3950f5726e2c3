namespace Allometry.Bot.Scheduling;

using System.Globalization;
using Allometry.Core.Postgres.Digests;
using Quartz;

/// <summary>
/// The names of Allometry's jobs in the Quartz store. Subscription jobs are named from the tenant
/// and the subscription id, so every instance that reconciles derives the same key and the store's
/// primary key (not luck) keeps one job per subscription.
/// </summary>
internal static class JobKeys
{
    public const string SystemGroup = "system";
    public const string DigestGroup = "digests";

    public static readonly JobKey ReconcileSubscriptions = new("reconcile-subscriptions", SystemGroup);
    public static readonly JobKey RenewalPipeline = new("renewal-pipeline", SystemGroup);
    public static readonly JobKey ResurfaceSnoozed = new("resurface-snoozed", SystemGroup);
    public static readonly JobKey EvaluateImports = new("evaluate-imports", SystemGroup);

    /// <summary>The system jobs as <c>allometry jobs run</c> names them.</summary>
    public static readonly IReadOnlyList<JobKey> System = [ReconcileSubscriptions, RenewalPipeline, ResurfaceSnoozed, EvaluateImports];

    public static JobKey ForSubscription(DigestSubscription subscription) => ForSubscription(subscription.TenantId, subscription.Kind, subscription.SubscriptionId);

    public static JobKey ForSubscription(string tenantId, DigestKind kind, long subscriptionId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{(kind == DigestKind.Weekly ? "weekly" : "morning")}:{tenantId}:{subscriptionId}"), DigestGroup);

    public static TriggerKey TriggerFor(JobKey job) => new(job.Name, job.Group);
}
