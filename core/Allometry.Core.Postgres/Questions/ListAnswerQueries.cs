namespace Allometry.Core.Postgres.Questions;

using System.Globalization;
using Allometry.Core.Localization;
using Allometry.Core.Questions;
using Dapper;
using Npgsql;

/// <summary>
/// The reads behind list answers, inside the caller's tenant scope. <c>@pm</c>, when set, keeps a
/// restricted project manager to the projects they manage.
/// </summary>
public static class ListAnswerQueries
{
    /// <summary>How many rows a list answer reads.</summary>
    public const int Top = 25;

    private const string TopDebtorsSql = """
        SELECT y.payer_id AS rowid, y.name AS label, sum(i.balance) AS amount, count(*)::int AS n
        FROM invoices i JOIN payers y ON y.tenant_id = i.tenant_id AND y.payer_id = i.payer_id
        WHERE i.tenant_id = @tenant AND i.status <> 'void' AND i.balance <> 0
          AND (@pm::text IS NULL OR i.project_id IN (SELECT project_id FROM projects WHERE tenant_id = @tenant AND lower(pm_email) = @pm))
        GROUP BY y.payer_id, y.name
        HAVING sum(i.balance) > 0
        ORDER BY amount DESC, y.payer_id
        LIMIT @top
        """;

    private const string OverdueDepositsSql = """
        SELECT i.invoice_id AS rowid, coalesce(p.name, i.project_id, '') AS label, i.balance AS amount, (@asOf - i.due_date) AS n
        FROM invoices i LEFT JOIN projects p ON p.tenant_id = i.tenant_id AND p.project_id = i.project_id
        WHERE i.tenant_id = @tenant AND i.kind = 'deposit' AND i.status <> 'void' AND i.balance > 0 AND i.due_date < @asOf
          AND (@pm::text IS NULL OR lower(p.pm_email) = @pm)
        ORDER BY i.due_date, i.invoice_id
        """;

    private const string RenewalsSql = """
        SELECT s.contract_id AS rowid, y.name AS label, s.annual_fee AS amount, (s.renewal_date - @asOf) AS n
        FROM service_contracts s JOIN payers y ON y.tenant_id = s.tenant_id AND y.payer_id = s.payer_id
        LEFT JOIN projects p ON p.tenant_id = s.tenant_id AND p.project_id = s.project_id
        WHERE s.tenant_id = @tenant AND s.renewal_date >= @asOf AND s.renewal_date <= @asOf + @days
          AND (@pm::text IS NULL OR lower(p.pm_email) = @pm)
        ORDER BY s.renewal_date, s.contract_id
        """;

    // Risk-queue order: the payer's rank in the scored collections queue first (unranked payers
    // last), then severity and money at risk — the order the queue cards and digests follow.
    private const string ExceptionsSql = """
        SELECT e.exception_id::text AS rowid, CASE WHEN @fr THEN e.title_fr ELSE e.title_en END AS label,
               e.amount_at_risk AS amount, e.severity_rank::int AS n, e.payer_id AS payer
        FROM exceptions e LEFT JOIN projects p ON p.tenant_id = e.tenant_id AND p.project_id = e.project_id
        LEFT JOIN unnest(@rankedPayers::text[], @ranks::int[]) AS q(payer_id, queue_rank) ON q.payer_id = e.payer_id
        WHERE e.tenant_id = @tenant AND e.status = 'open'
          AND (@pm::text IS NULL OR lower(p.pm_email) = @pm)
          AND (@mine::text IS NULL OR lower(e.assigned_to) = @mine OR lower(p.pm_email) = @mine)
        ORDER BY coalesce(q.queue_rank, 2147483647), e.severity_rank DESC, e.amount_at_risk DESC, e.exception_id
        LIMIT @top
        """;

    private const string ChangesSql = """
        SELECT e.exception_id::text AS rowid, CASE WHEN @fr THEN e.title_fr ELSE e.title_en END AS label,
               e.amount_at_risk AS amount, 0 AS n, h.kind
        FROM exception_history h JOIN exceptions e ON e.tenant_id = h.tenant_id AND e.exception_id = h.exception_id
        LEFT JOIN projects p ON p.tenant_id = e.tenant_id AND p.project_id = e.project_id
        WHERE h.tenant_id = @tenant AND h.at >= @since
          AND (@pm::text IS NULL OR lower(p.pm_email) = @pm)
        ORDER BY h.at DESC, h.exception_id
        LIMIT @top
        """;

    /// <summary>The rows of a list intent, described in <paramref name="language"/>.</summary>
    public static async Task<IReadOnlyList<RankedLine>> ReadAsync(
        NpgsqlConnection c, NpgsqlTransaction t, string tenant, QuestionIntent intent, ListQuery query, Language language, CancellationToken ct)
    {
        var fr = language == Language.Fr;
        var pm = query.RestrictToPm?.ToLowerInvariant();
        var args = new
        {
            tenant, pm, top = Top, asOf = query.AsOf, days = query.Days, fr,
            mine = intent == QuestionIntent.MyQueue ? query.Asker.ToLowerInvariant() : null, since = query.Since,
            rankedPayers = query.PayerRanks.Keys.ToArray(), ranks = query.PayerRanks.Values.ToArray(),
        };
        var (sql, sheet) = intent switch
        {
            QuestionIntent.TopDebtors => (TopDebtorsSql, "payers"),
            QuestionIntent.OverdueDeposits => (OverdueDepositsSql, "invoices"),
            QuestionIntent.RenewalsDue => (RenewalsSql, "service_contracts"),
            QuestionIntent.TopRisks or QuestionIntent.MyQueue => (ExceptionsSql, "exceptions"),
            QuestionIntent.ChangedSinceYesterday => (ChangesSql, "exceptions"),
            _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Not a list intent."),
        };
        var rows = await c.QueryAsync<ListRow>(new CommandDefinition(sql, args, t, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new RankedLine(sheet, r.RowId, Describe(intent, r, fr, query.PayerScores), r.Amount))];
    }

    private static string Describe(QuestionIntent intent, ListRow r, bool fr, IReadOnlyDictionary<string, decimal> scores)
    {
        if (intent is QuestionIntent.TopRisks or QuestionIntent.MyQueue && r.Payer is { } payer && scores.TryGetValue(payer, out var score))
        {
            var points = score.ToString("0", CultureInfo.InvariantCulture);
            return fr ? $"{r.Label} · risque {points}/100" : $"{r.Label} · risk {points}/100";
        }
        var n = r.N.ToString(CultureInfo.InvariantCulture);
        return intent switch
        {
            QuestionIntent.TopDebtors => fr ? $"{r.Label} · {n} facture(s) ouverte(s)" : $"{r.Label} · {n} open invoice(s)",
            QuestionIntent.OverdueDeposits => fr ? $"{r.Label} · en retard de {n} j" : $"{r.Label} · {n} days overdue",
            QuestionIntent.RenewalsDue => fr ? $"{r.Label} · renouvellement dans {n} j" : $"{r.Label} · renews in {n} days",
            QuestionIntent.ChangedSinceYesterday => $"{r.Label} · {r.Kind}",
            _ => r.Label,
        };
    }

    private sealed class ListRow
    {
        public string RowId { get; init; } = "";
        public string Label { get; init; } = "";
        public decimal? Amount { get; init; }
        public int N { get; init; }
        public string? Kind { get; init; }
        public string? Payer { get; init; }
    }
}
