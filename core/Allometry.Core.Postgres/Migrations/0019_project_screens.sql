-- Issue 3, full evaluation at a million invoices: the indexes the project screens
-- (Exceptions/Screening: deposits, quotes, renewals, retainage) read instead of the invoices.
-- Most are partial on a kind of invoice a ledger holds a few of per thousand, so they stay small
-- and cost an import little. Indexes of the partitioned invoices table are created on a tenant's
-- new partition when the first import attaches it (ATTACH PARTITION builds what the parent has).

-- Final invoices that count, by project and date: the latest one starts RetainageNeverInvoiced's
-- clock and a days_after_final release.
CREATE INDEX invoices_final_idx ON invoices (tenant_id, project_id, issue_date)
    WHERE kind = 'final' AND status <> 'void';

-- Retainage release invoices that count: what was billed for release.
CREATE INDEX invoices_release_idx ON invoices (tenant_id, project_id) INCLUDE (invoice_id, subtotal)
    WHERE kind = 'retainage_release' AND status <> 'void';

-- Service invoices that count, by project and payer: the renewal invoice of a service contract.
CREATE INDEX invoices_service_idx ON invoices (tenant_id, project_id, payer_id, issue_date)
    WHERE kind = 'service' AND status <> 'void';

-- Retainage held on invoices (ProjectRetainage's lines when a project has no holds).
CREATE INDEX invoices_retainage_idx ON invoices (tenant_id, project_id) INCLUDE (retainage_held)
    WHERE retainage_held > 0 AND status <> 'void' AND kind <> 'retainage_release';

-- A project's holds with what the retainage screens add up, index only.
CREATE INDEX retainage_holds_project_idx ON retainage_holds (tenant_id, project_id)
    INCLUDE (held_amount, release_invoice_id, released_on);

-- Unreleased holds with a recorded release date: the release screens' dated candidates.
CREATE INDEX retainage_holds_due_idx ON retainage_holds (tenant_id, release_due_on)
    WHERE release_due_on IS NOT NULL AND release_invoice_id IS NULL AND released_on IS NULL;

-- Quebec completions: HypothecDeadline's window.
CREATE INDEX projects_fin_travaux_idx ON projects (tenant_id, fin_travaux_on) WHERE fin_travaux_on IS NOT NULL;

-- Per-project facts of the whole ledger that the deposit and quote screens would otherwise add up
-- over every quote and invoice (an index-only sum of a million invoices costs as much as the full
-- evaluation's floor). Kept as the ledger changes, so a screen reads a few rows through an index:
--   invoiced, counted, finals, deposits: over the project's invoices that are neither void nor
--     retainage releases, Σ subtotal + retainage held (QuoteInvoiceVariance's invoiced), how many,
--     how many finals, how many deposit invoices;
--   deposit_paid: Σ applications to the project's deposit invoices that are not void
--     (DepositGateUnpaid's deposit received);
--   closed, completed_on: the project's;
--   foreign_applications: applications to its invoices paid by someone else than the bill-to;
--   quoted, deposit_required, first_deposit_quote_on: over its accepted quotes (status accepted,
--     or no status and an acceptance date), Σ total before tax, Σ round(total × deposit % / 100, 2)
--     with the quote's percentage else the project's, when positive, and the earliest acceptance
--     of a quote with a positive percentage.
-- Invoice and application columns move by deltas in statement-level triggers (one set-based
-- upsert per statement, so a merge of a million rows fires each once); project and quote columns
-- are recomputed for the projects a statement touched. A first import's invoices are copied into
-- a table before it is attached as a partition and fire no trigger: the importer rebuilds the
-- tenant's rows then (allometry_project_totals_rebuild).
CREATE TABLE project_totals (
    tenant_id               text COLLATE "C" NOT NULL,
    project_id              text COLLATE "C" NOT NULL,
    invoiced                numeric NOT NULL DEFAULT 0,
    counted                 bigint  NOT NULL DEFAULT 0,
    finals                  bigint  NOT NULL DEFAULT 0,
    deposits                bigint  NOT NULL DEFAULT 0,
    deposit_paid            numeric NOT NULL DEFAULT 0,
    closed                  boolean NOT NULL DEFAULT false,
    completed_on            date,
    quoted                  numeric NOT NULL DEFAULT 0,
    deposit_required        numeric NOT NULL DEFAULT 0,
    first_deposit_quote_on  date,
    -- Applications to the project's invoices from a payment of another payer than the invoice's
    -- (PayerChangeExposure's third-party payers; any count above zero makes the project a candidate).
    foreign_applications    bigint  NOT NULL DEFAULT 0,
    -- What the deposit is short of (DepositGateUnpaid fires above its tolerance).
    deposit_gap             numeric GENERATED ALWAYS AS (deposit_required - deposit_paid) STORED,
    -- Invoiced per unit quoted, when the rule compares them at all.
    billed_ratio            numeric GENERATED ALWAYS AS (CASE WHEN quoted > 0 AND counted > 0 THEN invoiced / quoted END) STORED,
    -- From when QuoteInvoiceVariance reads the project as completed (always, once closed or finalled).
    completed_from          date GENERATED ALWAYS AS (CASE WHEN closed OR finals > 0 THEN '-infinity'::date ELSE completed_on END) STORED,
    PRIMARY KEY (tenant_id, project_id)
);

-- DepositGateUnpaid: the open projects whose deposit is short by more than the tolerance.
CREATE INDEX project_totals_deposit_gap_idx ON project_totals (tenant_id, deposit_gap)
    WHERE deposit_required > 0 AND NOT closed;
-- DepositNotInvoiced: open projects without a deposit invoice, by their first deposit quote.
CREATE INDEX project_totals_deposit_quote_idx ON project_totals (tenant_id, first_deposit_quote_on)
    WHERE deposits = 0 AND NOT closed AND first_deposit_quote_on IS NOT NULL;
-- QuoteInvoiceVariance: billed far above the quote; completed projects billed below it; and the
-- few with a quote under a dollar, whose ratio a cent moves too far for the bounds.
CREATE INDEX project_totals_billed_ratio_idx ON project_totals (tenant_id, billed_ratio) WHERE billed_ratio IS NOT NULL;
CREATE INDEX project_totals_completed_idx ON project_totals (tenant_id, completed_from, billed_ratio) WHERE billed_ratio IS NOT NULL;
CREATE INDEX project_totals_small_quote_idx ON project_totals (tenant_id) WHERE billed_ratio IS NOT NULL AND quoted < 1;

-- Recomputes the project and quote columns of the projects named (every project when ids is null).
CREATE FUNCTION allometry_project_totals_projects(tenant text, ids text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO project_totals AS t (tenant_id, project_id, closed, completed_on, quoted, deposit_required, first_deposit_quote_on)
    SELECT p.tenant_id, p.project_id, coalesce(p.status = 'closed', false), p.completed_on,
           coalesce(q.quoted, 0), coalesce(q.required, 0), q.first_on
    FROM projects p
    LEFT JOIN LATERAL (
        SELECT sum(x.total_ex_tax) AS quoted,
               sum(round(x.total_ex_tax * coalesce(x.deposit_pct, p.deposit_pct) / 100, 2))
                   FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0) AS required,
               min(x.accepted_on) FILTER (WHERE coalesce(x.deposit_pct, p.deposit_pct) > 0) AS first_on
        FROM quotes x
        WHERE x.tenant_id = p.tenant_id AND x.project_id = p.project_id
          AND (x.status = 'accepted' OR (x.status IS NULL AND x.accepted_on IS NOT NULL))
    ) q ON true
    WHERE p.tenant_id = tenant AND (ids IS NULL OR p.project_id = ANY (ids))
    ON CONFLICT (tenant_id, project_id) DO UPDATE SET
        closed = excluded.closed, completed_on = excluded.completed_on, quoted = excluded.quoted,
        deposit_required = excluded.deposit_required, first_deposit_quote_on = excluded.first_deposit_quote_on;
$$;

-- Rebuilds a tenant's rows from its ledger (a first import's attached partition; this migration).
CREATE FUNCTION allometry_project_totals_rebuild(tenant text) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM project_totals WHERE tenant_id = tenant;
    INSERT INTO project_totals (tenant_id, project_id, invoiced, counted, finals, deposits, deposit_paid, foreign_applications)
    SELECT tenant, project_id, sum(invoiced), sum(counted), sum(finals), sum(deposits), sum(deposit_paid), sum(foreign_applications)
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
    GROUP BY project_id;
    SELECT allometry_project_totals_projects(tenant, NULL);
$$;

-- Deltas of invoices: +new rows −old rows (what they count); a deposit invoice that starts or
-- stops counting, or changes project, carries the applications it already has.
CREATE FUNCTION allometry_project_totals_invoices() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO project_totals AS t (tenant_id, project_id, invoiced, counted, finals, deposits)
        SELECT tenant_id, project_id, sum(subtotal + retainage_held), count(*),
               count(*) FILTER (WHERE kind = 'final'), count(*) FILTER (WHERE kind = 'deposit')
        FROM new_rows
        WHERE project_id IS NOT NULL AND status <> 'void' AND kind <> 'retainage_release'
        GROUP BY tenant_id, project_id
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET
            invoiced = t.invoiced + excluded.invoiced, counted = t.counted + excluded.counted,
            finals = t.finals + excluded.finals, deposits = t.deposits + excluded.deposits;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO project_totals AS t (tenant_id, project_id, invoiced, counted, finals, deposits, deposit_paid)
        SELECT tenant_id, project_id, sum(invoiced), sum(counted), sum(finals), sum(deposits), sum(deposit_paid)
        FROM (
            SELECT n.tenant_id, n.project_id, n.subtotal + n.retainage_held AS invoiced, 1 AS counted,
                   CASE WHEN n.kind = 'final' THEN 1 ELSE 0 END AS finals,
                   CASE WHEN n.kind = 'deposit' THEN 1 ELSE 0 END AS deposits, 0 AS deposit_paid
            FROM new_rows n
            WHERE n.project_id IS NOT NULL AND n.status <> 'void' AND n.kind <> 'retainage_release'
            UNION ALL
            SELECT o.tenant_id, o.project_id, -(o.subtotal + o.retainage_held), -1,
                   CASE WHEN o.kind = 'final' THEN -1 ELSE 0 END, CASE WHEN o.kind = 'deposit' THEN -1 ELSE 0 END, 0
            FROM old_rows o
            WHERE o.project_id IS NOT NULL AND o.status <> 'void' AND o.kind <> 'retainage_release'
            UNION ALL
            SELECT m.tenant_id, m.project_id, 0, 0, 0, 0, m.sign * (
                       SELECT coalesce(sum(a.amount), 0) FROM payment_applications a
                       WHERE a.tenant_id = m.tenant_id AND a.invoice_id = m.invoice_id)
            FROM (
                SELECT n.tenant_id, n.invoice_id, n.project_id, 1 AS sign
                FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.invoice_id = n.invoice_id
                WHERE n.project_id IS NOT NULL AND n.kind = 'deposit' AND n.status <> 'void'
                  AND NOT (o.project_id IS NOT DISTINCT FROM n.project_id AND o.kind = 'deposit' AND o.status <> 'void')
                UNION ALL
                SELECT o.tenant_id, o.invoice_id, o.project_id, -1
                FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.invoice_id = n.invoice_id
                WHERE o.project_id IS NOT NULL AND o.kind = 'deposit' AND o.status <> 'void'
                  AND NOT (o.project_id IS NOT DISTINCT FROM n.project_id AND n.kind = 'deposit' AND n.status <> 'void')
            ) m
        ) d
        GROUP BY tenant_id, project_id
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET
            invoiced = t.invoiced + excluded.invoiced, counted = t.counted + excluded.counted,
            finals = t.finals + excluded.finals, deposits = t.deposits + excluded.deposits,
            deposit_paid = t.deposit_paid + excluded.deposit_paid;
        -- An invoice that changes bill-to or project moves its third-party applications.
        INSERT INTO project_totals AS t (tenant_id, project_id, foreign_applications)
        SELECT tenant_id, project_id, sum(delta)
        FROM (
            SELECT n.tenant_id, n.project_id, CASE WHEN p.payer_id <> n.payer_id THEN 1 ELSE 0 END AS delta
            FROM new_rows n
            JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.invoice_id = n.invoice_id
            JOIN payment_applications a ON a.tenant_id = n.tenant_id AND a.invoice_id = n.invoice_id
            JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
            WHERE n.project_id IS NOT NULL
              AND (o.payer_id IS DISTINCT FROM n.payer_id OR o.project_id IS DISTINCT FROM n.project_id)
            UNION ALL
            SELECT o.tenant_id, o.project_id, CASE WHEN p.payer_id <> o.payer_id THEN -1 ELSE 0 END
            FROM new_rows n
            JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.invoice_id = n.invoice_id
            JOIN payment_applications a ON a.tenant_id = o.tenant_id AND a.invoice_id = o.invoice_id
            JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
            WHERE o.project_id IS NOT NULL
              AND (o.payer_id IS DISTINCT FROM n.payer_id OR o.project_id IS DISTINCT FROM n.project_id)
        ) d
        GROUP BY tenant_id, project_id
        HAVING sum(delta) <> 0
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET foreign_applications = t.foreign_applications + excluded.foreign_applications;
    ELSE
        -- Applications reference their invoice, so a deleted invoice has none left to carry.
        UPDATE project_totals t SET
            invoiced = t.invoiced - d.invoiced, counted = t.counted - d.counted,
            finals = t.finals - d.finals, deposits = t.deposits - d.deposits
        FROM (
            SELECT tenant_id, project_id, sum(subtotal + retainage_held) AS invoiced, count(*) AS counted,
                   count(*) FILTER (WHERE kind = 'final') AS finals, count(*) FILTER (WHERE kind = 'deposit') AS deposits
            FROM old_rows
            WHERE project_id IS NOT NULL AND status <> 'void' AND kind <> 'retainage_release'
            GROUP BY tenant_id, project_id
        ) d
        WHERE t.tenant_id = d.tenant_id AND t.project_id = d.project_id;
    END IF;
    RETURN NULL;
END
$$;

-- Deltas of applications: what they add to (or take from) a counted deposit invoice's project.
CREATE FUNCTION allometry_project_totals_applications() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO project_totals AS t (tenant_id, project_id, deposit_paid)
        SELECT i.tenant_id, i.project_id, sum(a.amount)
        FROM new_rows a
        JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
        WHERE i.project_id IS NOT NULL AND i.kind = 'deposit' AND i.status <> 'void'
        GROUP BY i.tenant_id, i.project_id
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET deposit_paid = t.deposit_paid + excluded.deposit_paid;
        INSERT INTO project_totals AS t (tenant_id, project_id, foreign_applications)
        SELECT i.tenant_id, i.project_id, count(*)
        FROM new_rows a
        JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
        JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
        WHERE i.project_id IS NOT NULL AND p.payer_id <> i.payer_id
        GROUP BY i.tenant_id, i.project_id
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET foreign_applications = t.foreign_applications + excluded.foreign_applications;
    ELSIF TG_OP = 'UPDATE' THEN
        -- The key (payment, invoice) does not change: only the amount moves.
        INSERT INTO project_totals AS t (tenant_id, project_id, deposit_paid)
        SELECT i.tenant_id, i.project_id, sum(a.amount)
        FROM (SELECT tenant_id, invoice_id, amount FROM new_rows
              UNION ALL
              SELECT tenant_id, invoice_id, -amount FROM old_rows) a
        JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
        WHERE i.project_id IS NOT NULL AND i.kind = 'deposit' AND i.status <> 'void'
        GROUP BY i.tenant_id, i.project_id
        ON CONFLICT (tenant_id, project_id) DO UPDATE SET deposit_paid = t.deposit_paid + excluded.deposit_paid;
    ELSE
        UPDATE project_totals t SET deposit_paid = t.deposit_paid - d.amount
        FROM (
            SELECT i.tenant_id, i.project_id, sum(a.amount) AS amount
            FROM old_rows a
            JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
            WHERE i.project_id IS NOT NULL AND i.kind = 'deposit' AND i.status <> 'void'
            GROUP BY i.tenant_id, i.project_id
        ) d
        WHERE t.tenant_id = d.tenant_id AND t.project_id = d.project_id;
        UPDATE project_totals t SET foreign_applications = t.foreign_applications - d.n
        FROM (
            SELECT i.tenant_id, i.project_id, count(*) AS n
            FROM old_rows a
            JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
            JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
            WHERE i.project_id IS NOT NULL AND p.payer_id <> i.payer_id
            GROUP BY i.tenant_id, i.project_id
        ) d
        WHERE t.tenant_id = d.tenant_id AND t.project_id = d.project_id;
    END IF;
    RETURN NULL;
END
$$;

-- Projects and quotes: the touched projects' columns are recomputed (a project's deposit % is
-- the fallback of its quotes'; a quote may move between projects).
CREATE FUNCTION allometry_project_totals_quotes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM allometry_project_totals_projects(tenant_id, array_agg(project_id)) FROM new_rows GROUP BY tenant_id;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM allometry_project_totals_projects(tenant_id, array_agg(project_id))
        FROM (SELECT tenant_id, project_id FROM new_rows UNION SELECT tenant_id, project_id FROM old_rows) t
        GROUP BY tenant_id;
    ELSE
        PERFORM allometry_project_totals_projects(tenant_id, array_agg(project_id)) FROM old_rows GROUP BY tenant_id;
    END IF;
    RETURN NULL;
END
$$;

-- A payment that changes payer turns its applications into third-party ones, or back.
CREATE FUNCTION allometry_project_totals_payments() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO project_totals AS t (tenant_id, project_id, foreign_applications)
    SELECT i.tenant_id, i.project_id,
           sum(CASE WHEN n.payer_id <> i.payer_id THEN 1 ELSE 0 END - CASE WHEN o.payer_id <> i.payer_id THEN 1 ELSE 0 END)
    FROM new_rows n
    JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.payment_id = n.payment_id
    JOIN payment_applications a ON a.tenant_id = n.tenant_id AND a.payment_id = n.payment_id
    JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
    WHERE o.payer_id IS DISTINCT FROM n.payer_id AND i.project_id IS NOT NULL
    GROUP BY i.tenant_id, i.project_id
    ON CONFLICT (tenant_id, project_id) DO UPDATE SET foreign_applications = t.foreign_applications + excluded.foreign_applications;
    RETURN NULL;
END
$$;

-- A trigger with transition tables serves one event.
CREATE TRIGGER project_totals_invoices_insert AFTER INSERT ON invoices
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_invoices();
CREATE TRIGGER project_totals_invoices_update AFTER UPDATE ON invoices
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_invoices();
CREATE TRIGGER project_totals_invoices_delete AFTER DELETE ON invoices
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_invoices();
CREATE TRIGGER project_totals_applications_insert AFTER INSERT ON payment_applications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_applications();
CREATE TRIGGER project_totals_applications_update AFTER UPDATE ON payment_applications
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_applications();
CREATE TRIGGER project_totals_applications_delete AFTER DELETE ON payment_applications
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_applications();
CREATE TRIGGER project_totals_payments_update AFTER UPDATE ON payments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_payments();
CREATE TRIGGER project_totals_projects_insert AFTER INSERT ON projects
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_quotes();
CREATE TRIGGER project_totals_projects_update AFTER UPDATE ON projects
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_quotes();
CREATE TRIGGER project_totals_quotes_insert AFTER INSERT ON quotes
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_quotes();
CREATE TRIGGER project_totals_quotes_update AFTER UPDATE ON quotes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_quotes();
CREATE TRIGGER project_totals_quotes_delete AFTER DELETE ON quotes
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_project_totals_quotes();

SELECT allometry_project_totals_rebuild(tenant_id) FROM tenants;

SELECT allometry_isolate_tenant_tables();
