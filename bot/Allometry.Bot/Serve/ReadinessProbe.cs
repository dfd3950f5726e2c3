namespace Allometry.Bot.Serve;

using Allometry.Bot.Scheduling;
using Allometry.Core.Postgres.Migrations;
using Npgsql;

/// <summary>
/// What <c>/readyz</c> answers: the database answers within a short timeout, every migration this
/// build knows is applied, and the scheduler runs. The first failing check is the reason, in
/// English and French; exceptions are reduced to their type and a short message (never a
/// connection string or a password).
/// </summary>
internal sealed class ReadinessProbe(NpgsqlDataSource dataSource, Migrator migrator, SchedulerService scheduler)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public sealed record Result(bool Ready, string Check, string Reason, string RaisonFr);

    public async Task<Result> CheckAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        IReadOnlyList<int> applied;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token).ConfigureAwait(false);
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            applied = await migrator.AppliedVersionsAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new Result(false, "database", "database unreachable (" + e.GetType().Name + ")", "base de données injoignable (" + e.GetType().Name + ")");
        }
        var missing = migrator.Scripts.Select(s => s.Version).Except(applied).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing);
            return new Result(false, "migrations", "migrations not applied: " + list, "migrations non appliquées : " + list);
        }
        if (!scheduler.IsRunning)
        {
            return new Result(false, "scheduler", "scheduler not running", "planificateur arrêté");
        }
        return new Result(true, "all", "ready", "prêt");
    }
}
