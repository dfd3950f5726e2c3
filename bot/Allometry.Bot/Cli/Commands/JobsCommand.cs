namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using Allometry.Bot.Hosting;
using Allometry.Bot.Scheduling;
using Allometry.Bot.Serve;
using Allometry.Core.Localization;
using Allometry.Core.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

/// <summary>
/// <c>allometry jobs list</c> (the scheduler's jobs with their next and previous fire times) and
/// <c>allometry jobs run &lt;job&gt; [--tenant T --subscription id]</c> (run one now, in this process,
/// with the same idempotent keys as a scheduled firing).
/// </summary>
internal static class JobsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var jobs = new Command("jobs", "Scheduled jobs / tâches planifiées");
        jobs.Add(List(env));
        jobs.Add(Run(env));
        return jobs;
    }

    private static Command List(CliEnvironment env)
    {
        var lang = CommonOptions.Lang();
        var command = new Command("list", "List jobs and their next run / lister les tâches") { lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var runner = await StartAsync(env, ct);
                var rows = await runner.Get<JobRunner>().ListAsync(ct);
                var table = new Table().AddColumns(
                    language == Language.Fr ? "Tâche" : "Job", language == Language.Fr ? "Horaire" : "Schedule",
                    language == Language.Fr ? "Prochaine (UTC)" : "Next (UTC)", language == Language.Fr ? "Précédente (UTC)" : "Previous (UTC)",
                    language == Language.Fr ? "État" : "State");
                foreach (var row in rows)
                {
                    table.AddRow(Markup.Escape(row.Group + "/" + row.Job), Markup.Escape(row.Description), When(row.Next), When(row.Previous), Markup.Escape(row.State));
                }
                env.Out.Write(table);
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command Run(CliEnvironment env)
    {
        var job = new Argument<string>("job") { Description = "digest, reconcile-subscriptions, renewal-pipeline, resurface-snoozed or evaluate-imports" };
        var tenant = CommonOptions.Tenant("Tenant of the subscription (digest)");
        var subscription = new Option<long?>("--subscription") { Description = "Subscription id (digest) / numéro d'abonnement" };
        var lang = CommonOptions.Lang();
        var command = new Command("run", "Run a job now / exécuter une tâche maintenant") { job, tenant, subscription, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var runner = await StartAsync(env, ct);
                var name = parse.GetValue(job)!;
                object? result;
                try
                {
                    result = await runner.Get<JobRunner>().RunAsync(name, parse.GetValue(tenant), parse.GetValue(subscription), ct);
                }
                catch (InvalidOperationException e)
                {
                    // A job that cannot do its work here (a missing piece of the environment) says so; nothing was half done.
                    env.Error.MarkupLine((language == Language.Fr ? "[red]La tâche a échoué :[/] " : "[red]The job failed:[/] ") + Markup.Escape(e.Message));
                    return CliRun.EnvironmentProblem;
                }
                env.Out.MarkupLine((language == Language.Fr ? "[green]Tâche exécutée :[/] " : "[green]Job ran:[/] ")
                    + Markup.Escape(name) + (result is null ? "" : " → " + Markup.Escape(Convert.ToString(result, CultureInfo.InvariantCulture) ?? "")));
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static string When(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    private static async Task<Runner> StartAsync(CliEnvironment env, CancellationToken ct)
    {
        var app = await env.StartAsync(ct);
        try
        {
            var configuration = ServeCommand.Configuration(env, null);
            var settings = HostConfiguration.Read(configuration);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(app.Database.DataSource);
            services.AddAllometryPostgres();
            services.AddAllometryScheduling(settings.Scheduler);
            services.AddSingleton<IScheduledCardPublisher, ScheduledCardOutbox>();
            services.AddSingleton<JobRunner>();
            return new Runner(app, services.BuildServiceProvider());
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private sealed class Runner(AppServices app, ServiceProvider provider) : IAsyncDisposable
    {
        public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

        public async ValueTask DisposeAsync()
        {
            await provider.DisposeAsync();
            await app.DisposeAsync();
        }
    }
}
