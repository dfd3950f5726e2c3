-- Issue 2, import speed: the write-time facts of 0018-0023 kept for what they cost per row written,
-- not per row stored. Measured on a 200,000-invoice ledger (EvaluationBenchmark, loaded machine):
-- importing 10,000 projects spent 1.3 s recomputing their totals and the 7,000 quotes as long
-- again (quadratic: 5x the projects, 25x the time), and a COPY of 168,000 applications spent
-- 1.7 s in a trigger on payments looking for payer changes that a COPY never makes.
-- 0019's trigger on applications stays as it was (one join of the statement's rows per column):
-- one join for both columns measured no faster at 200,000 invoices, and its plan (a misestimated
-- join, then a probe of the invoices per application) is a risk at a million.

-- 0019's recomputation of the named projects' project and quote columns. It filtered with
-- "ids IS NULL OR project_id = ANY (ids)": the OR keeps the array out of any index, so every
-- project of the tenant was tested against every id of the array (10,000 x 10,000 for an import
-- of 10,000 projects). Now the ids are a set joined to the projects (distinct: a statement's
-- quotes name a project many times, and an upsert may touch a row once), and the quotes are
-- summed by one grouped join instead of a sub-select per project, and a row whose values stay
-- is not rewritten (a project renamed moves no total). Same values: a project without
-- an accepted quote sums nothing (NULL, kept as 0) and has no first deposit quote.
CREATE OR REPLACE FUNCTION allometry_project_totals_projects(tenant text, ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ids IS NULL THEN
        INSERT INTO project_totals AS t (tenant_id, project_id, closed, completed_on, quoted, deposit_required, first_deposit_quote_on)
        SELECT p.tenant_id, p.project_id, coalesce(p.status = 'closed', false), p.completed_on,
               coalesce(sum(x.total_ex_tax), 0),
               coalesce(sum(round(x.total_ex_tax * coalesce(x.deposit_pct, p.deposit_pct) / 100, 2))
                   FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0), 0),
               min(x.accepted_on) FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0)
        FROM projects p
        LEFT JOIN quotes x ON x.tenant_id = p.tenant_id AND x.project_id = p.project_id
             AND (x.status = 'accepted' OR (x.status IS NULL AND x.accepted_on IS NOT NULL))
        WHERE p.tenant_id = tenant
        GROUP BY p.tenant_id, p.project_id
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET
            closed = excluded.closed, completed_on = excluded.completed_on, quoted = excluded.quoted,
            deposit_required = excluded.deposit_required, first_deposit_quote_on = excluded.first_deposit_quote_on
        WHERE (t.closed, t.completed_on, t.quoted, t.deposit_required, t.first_deposit_quote_on)
              IS DISTINCT FROM (excluded.closed, excluded.completed_on, excluded.quoted, excluded.deposit_required, excluded.first_deposit_quote_on);
    ELSE
        INSERT INTO project_totals AS t (tenant_id, project_id, closed, completed_on, quoted, deposit_required, first_deposit_quote_on)
        SELECT p.tenant_id, p.project_id, coalesce(p.status = 'closed', false), p.completed_on,
               coalesce(sum(x.total_ex_tax), 0),
               coalesce(sum(round(x.total_ex_tax * coalesce(x.deposit_pct, p.deposit_pct) / 100, 2))
                   FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0), 0),
               min(x.accepted_on) FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0)
        FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id)) k
        JOIN projects p ON p.tenant_id = tenant AND p.project_id = k.id
        LEFT JOIN quotes x ON x.tenant_id = p.tenant_id AND x.project_id = p.project_id
             AND (x.status = 'accepted' OR (x.status IS NULL AND x.accepted_on IS NOT NULL))
        GROUP BY p.tenant_id, p.project_id
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET
            closed = excluded.closed, completed_on = excluded.completed_on, quoted = excluded.quoted,
            deposit_required = excluded.deposit_required, first_deposit_quote_on = excluded.first_deposit_quote_on
        WHERE (t.closed, t.completed_on, t.quoted, t.deposit_required, t.first_deposit_quote_on)
              IS DISTINCT FROM (excluded.closed, excluded.completed_on, excluded.quoted, excluded.deposit_required, excluded.first_deposit_quote_on);
    END IF;
END
$$;

-- 0019's rebuild of a tenant's rows (a first import's attached partition), in one insert: the
-- project and quote columns are joined to the invoice and application sums instead of written
-- over them by a second pass that rewrote every row (an update of every project).
CREATE OR REPLACE FUNCTION allometry_project_totals_rebuild(tenant text) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM project_totals WHERE tenant_id = tenant;
    INSERT INTO project_totals (tenant_id, project_id, invoiced, counted, finals, deposits, deposit_paid, foreign_applications,
                                closed, completed_on, quoted, deposit_required, first_deposit_quote_on)
    SELECT tenant, coalesce(f.project_id, q.project_id),
           coalesce(f.invoiced, 0), coalesce(f.counted, 0), coalesce(f.finals, 0), coalesce(f.deposits, 0),
           coalesce(f.deposit_paid, 0), coalesce(f.foreign_applications, 0),
           coalesce(q.closed, false), q.completed_on, coalesce(q.quoted, 0), coalesce(q.deposit_required, 0), q.first_on
    FROM (
        SELECT project_id, sum(invoiced) AS invoiced, sum(counted) AS counted, sum(finals) AS finals, sum(deposits) AS deposits,
               sum(deposit_paid) AS deposit_paid, sum(foreign_applications) AS foreign_applications
        FROM (
            SELECT i.project_id, sum(i.subtotal + i.retainage_held) AS invoiced, count(*) AS counted,
                   count(*) FILTER (WHERE i.kind = 'final') AS finals, count(*) FILTER (WHERE i.kind = 'deposit') AS deposits,
                   0 AS deposit_paid, 0 AS foreign_applications
            FROM invoices i
            WHERE i.tenant_id = tenant AND i.project_id IS NOT NULL AND i.status <> 'void' AND i.kind <> 'retainage_release'
            GROUP BY i.project_id
            UNION ALL
            SELECT i.project_id, 0, 0, 0, 0, sum(a.amount), 0
            FROM invoices i
            JOIN payment_applications a ON a.tenant_id = i.tenant_id AND a.invoice_id = i.invoice_id
            WHERE i.tenant_id = tenant AND i.project_id IS NOT NULL AND i.kind = 'deposit' AND i.status <> 'void'
            GROUP BY i.project_id
            UNION ALL
            SELECT i.project_id, 0, 0, 0, 0, 0, count(*)
            FROM payment_applications a
            JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
            JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
            WHERE a.tenant_id = tenant AND i.project_id IS NOT NULL AND p.payer_id <> i.payer_id
            GROUP BY i.project_id
        ) t
        GROUP BY project_id
    ) f
    FULL JOIN (
        SELECT p.project_id, coalesce(p.status = 'closed', false) AS closed, p.completed_on,
               sum(x.total_ex_tax) AS quoted,
               sum(round(x.total_ex_tax * coalesce(x.deposit_pct, p.deposit_pct) / 100, 2))
                   FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0) AS deposit_required,
               min(x.accepted_on) FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0) AS first_on
        FROM projects p
        LEFT JOIN quotes x ON x.tenant_id = p.tenant_id AND x.project_id = p.project_id
             AND (x.status = 'accepted' OR (x.status IS NULL AND x.accepted_on IS NOT NULL))
        WHERE p.tenant_id = tenant
        GROUP BY p.tenant_id, p.project_id
    ) q ON q.project_id = f.project_id;
$$;

-- 0019's trigger on projects and quotes, skipping the tenant whose first import rebuilds its
-- rows when it attaches its invoices (the importer names it in allometry.project_totals_pending
-- for its transaction, set_config(..., true), and clears it before the rebuild, which reads every
-- project and quote). Recomputing the projects as they are merged, then the quotes, then all
-- again in the rebuild wrote every project row three times.
CREATE OR REPLACE FUNCTION allometry_project_totals_quotes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    pending text := nullif(current_setting('allometry.project_totals_pending', true), '');
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM allometry_project_totals_projects(tenant_id, array_agg(project_id))
        FROM new_rows WHERE tenant_id IS DISTINCT FROM pending GROUP BY tenant_id;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM allometry_project_totals_projects(tenant_id, array_agg(project_id))
        FROM (SELECT tenant_id, project_id FROM new_rows UNION SELECT tenant_id, project_id FROM old_rows) t
        WHERE tenant_id IS DISTINCT FROM pending
        GROUP BY tenant_id;
    ELSE
        PERFORM allometry_project_totals_projects(tenant_id, array_agg(project_id))
        FROM old_rows WHERE tenant_id IS DISTINCT FROM pending GROUP BY tenant_id;
    END IF;
    RETURN NULL;
END
$$;

-- 0019's payments trigger turned third-party applications on or off when a payment changed payer.
-- As a statement trigger it ran on every update of payments, among them 0018's applied_amount
-- update after every statement on applications, and joined all of that statement's payments old
-- to new (1.7 s after a COPY of 168,000 applications) to find none. A payment changes payer
-- rarely: a row trigger that fires only then (the WHEN is tested as the row is updated, at no
-- cost for the others) does the same work for the few rows concerned.
DROP TRIGGER project_totals_payments_update ON payments;
DROP FUNCTION allometry_project_totals_payments();

CREATE FUNCTION allometry_project_totals_payment_payer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO project_totals AS t (tenant_id, project_id, foreign_applications)
    SELECT i.tenant_id, i.project_id,
           sum(CASE WHEN NEW.payer_id <> i.payer_id THEN 1 ELSE 0 END - CASE WHEN OLD.payer_id <> i.payer_id THEN 1 ELSE 0 END)
    FROM payment_applications a
    JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
    WHERE a.tenant_id = NEW.tenant_id AND a.payment_id = NEW.payment_id AND i.project_id IS NOT NULL
    GROUP BY i.tenant_id, i.project_id
    HAVING sum(CASE WHEN NEW.payer_id <> i.payer_id THEN 1 ELSE 0 END - CASE WHEN OLD.payer_id <> i.payer_id THEN 1 ELSE 0 END) <> 0
    ON CONFLICT (tenant_id, project_id) DO UPDATE SET foreign_applications = t.foreign_applications + excluded.foreign_applications;
    RETURN NULL;
END
$$;

-- The payment id is the key (never changed by an update: the applications reference it).
CREATE TRIGGER project_totals_payment_payer AFTER UPDATE OF payer_id ON payments
    FOR EACH ROW WHEN (OLD.payer_id IS DISTINCT FROM NEW.payer_id)
    EXECUTE FUNCTION allometry_project_totals_payment_payer();

SELECT allometry_isolate_tenant_tables();
