-- Issue 3, full evaluation at a million invoices: TaxScreen's grouping of a tenant's reviewable
-- invoices, kept as the ledger changes instead of read from an index of every invoice. An
-- index-only scan of a million entries cost about the whole evaluation's floor by itself, and
-- building that index made a first import's ATTACH sixteen times slower.

-- Nova Scotia's HST change (Allometry.Core.Tax.SalesTax.NsRateChange), the one date the tax
-- classes below turn on. Stated once for every function here, and a function (not a literal in
-- each statement) so a test can hold it equal to the C# constant (TaxFitTotalsTests). IMMUTABLE:
-- inlined as a constant, like the literal it replaces. 0018's partial index on payments keeps its
-- own literal: an index predicate must be spelled out for the planner to match the query's.
CREATE FUNCTION allometry_ns_rate_change() RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT DATE '2025-04-01' $$;

-- How many reviewable invoices (TaxReviewer.IsReviewable: workbook rows, not void, total and
-- subtotal not negative) with a project share a project, bill-to payer, tax fit (invoices.tax_fit)
-- and side of the rate change by due date (the tax date unless a payment received before the
-- change was applied: TaxScreen reads those few from the payments). A key with no invoice left has
-- no row. A few rows per project: the screen joins these to the projects' places of supply.
CREATE TABLE invoice_tax_fits (
    tenant_id        text COLLATE "C" NOT NULL,
    project_id       text COLLATE "C" NOT NULL,
    payer_id         text COLLATE "C" NOT NULL,
    ns_after_change  boolean  NOT NULL,
    tax_fit          smallint NOT NULL,
    invoices         integer  NOT NULL CHECK (invoices > 0),
    PRIMARY KEY (tenant_id, project_id, payer_id, ns_after_change, tax_fit)
);

-- Rebuilds a tenant's rows from its invoices (a first import's attached partition, whose copied
-- rows fired no trigger; this migration). One set-based pass in the caller's transaction.
CREATE FUNCTION allometry_invoice_tax_fits_rebuild(tenant text) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM invoice_tax_fits WHERE tenant_id = tenant;
    INSERT INTO invoice_tax_fits (tenant_id, project_id, payer_id, ns_after_change, tax_fit, invoices)
    SELECT tenant, project_id, payer_id, due_date >= allometry_ns_rate_change(), tax_fit, count(*)
    FROM invoices
    WHERE tenant_id = tenant AND project_id IS NOT NULL
      AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
    GROUP BY project_id, payer_id, due_date >= allometry_ns_rate_change(), tax_fit;
$$;

-- Deltas per statement from the transition tables: +1 a new reviewable row, -1 an old one (an
-- update is both, so a row that keeps its key moves nothing and writes nothing). A key brought to
-- zero is deleted (the CHECK keeps any drift from hiding as a zero or negative count). No SECURITY
-- DEFINER: the rows written are the tenant's whose invoices changed.
CREATE FUNCTION allometry_invoice_tax_fits() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tenants text[]; projects text[]; payers text[]; sides boolean[]; fits smallint[]; deltas bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO invoice_tax_fits AS t (tenant_id, project_id, payer_id, ns_after_change, tax_fit, invoices)
        SELECT tenant_id, project_id, payer_id, due_date >= allometry_ns_rate_change(), tax_fit, count(*)
        FROM new_rows
        WHERE project_id IS NOT NULL AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (tenant_id, project_id, payer_id, ns_after_change, tax_fit)
            DO UPDATE SET invoices = t.invoices + excluded.invoices;
        RETURN NULL;
    END IF;

    -- The deltas per key, gathered once (new_rows exists for an update only).
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(tenant_id), array_agg(project_id), array_agg(payer_id), array_agg(after_change), array_agg(tax_fit), array_agg(delta)
        INTO tenants, projects, payers, sides, fits, deltas
        FROM (
            SELECT tenant_id, project_id, payer_id, after_change, tax_fit, sum(n) AS delta
            FROM (
                SELECT tenant_id, project_id, payer_id, due_date >= allometry_ns_rate_change() AS after_change, tax_fit, 1 AS n
                FROM new_rows
                WHERE project_id IS NOT NULL AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
                UNION ALL
                SELECT tenant_id, project_id, payer_id, due_date >= allometry_ns_rate_change(), tax_fit, -1
                FROM old_rows
                WHERE project_id IS NOT NULL AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
            ) c
            GROUP BY 1, 2, 3, 4, 5
            HAVING sum(n) <> 0
        ) d;
    ELSE
        SELECT array_agg(tenant_id), array_agg(project_id), array_agg(payer_id), array_agg(after_change), array_agg(tax_fit), array_agg(delta)
        INTO tenants, projects, payers, sides, fits, deltas
        FROM (
            SELECT tenant_id, project_id, payer_id, due_date >= allometry_ns_rate_change() AS after_change, tax_fit, -count(*) AS delta
            FROM old_rows
            WHERE project_id IS NOT NULL AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
            GROUP BY 1, 2, 3, 4, 5
        ) d;
    END IF;
    IF deltas IS NULL THEN
        RETURN NULL; -- nothing reviewable moved (a balance or status change, say)
    END IF;

    -- One statement, three disjoint sets of keys: a decrement to zero deletes, another decrement
    -- updates, an increment upserts (an upsert cannot carry a decrement: the CHECK is tested on the
    -- row proposed for insertion before the conflict is found).
    WITH d AS (
        SELECT * FROM unnest(tenants, projects, payers, sides, fits, deltas)
            AS d(tenant_id, project_id, payer_id, ns_after_change, tax_fit, delta)
    ), emptied AS (
        DELETE FROM invoice_tax_fits t
        USING d
        WHERE d.delta < 0 AND t.invoices + d.delta = 0
          AND t.tenant_id = d.tenant_id AND t.project_id = d.project_id AND t.payer_id = d.payer_id
          AND t.ns_after_change = d.ns_after_change AND t.tax_fit = d.tax_fit
    ), decremented AS (
        UPDATE invoice_tax_fits t SET invoices = t.invoices + d.delta
        FROM d
        WHERE d.delta < 0 AND t.invoices + d.delta <> 0
          AND t.tenant_id = d.tenant_id AND t.project_id = d.project_id AND t.payer_id = d.payer_id
          AND t.ns_after_change = d.ns_after_change AND t.tax_fit = d.tax_fit
    )
    INSERT INTO invoice_tax_fits AS t (tenant_id, project_id, payer_id, ns_after_change, tax_fit, invoices)
    SELECT tenant_id, project_id, payer_id, ns_after_change, tax_fit, delta
    FROM d
    WHERE delta > 0
    ON CONFLICT (tenant_id, project_id, payer_id, ns_after_change, tax_fit)
        DO UPDATE SET invoices = t.invoices + excluded.invoices;
    RETURN NULL;
END
$$;

-- A trigger with transition tables serves one event.
CREATE TRIGGER invoice_tax_fits_insert AFTER INSERT ON invoices
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_invoice_tax_fits();
CREATE TRIGGER invoice_tax_fits_update AFTER UPDATE ON invoices
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_invoice_tax_fits();
CREATE TRIGGER invoice_tax_fits_delete AFTER DELETE ON invoices
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_invoice_tax_fits();

-- The grouping now reads invoice_tax_fits: the index of every reviewable invoice goes.
DROP INDEX invoices_tax_screen_idx;

-- What TaxScreen still reads from the invoices: the reviewable ones without a project (a project's
-- invoices are grouped above), usually none, so the index costs an import nothing.
CREATE INDEX invoices_tax_unassigned_idx ON invoices (tenant_id)
    WHERE project_id IS NULL AND tax_province IS NOT NULL
      AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0;

SELECT allometry_invoice_tax_fits_rebuild(tenant_id) FROM tenants;

SELECT allometry_isolate_tenant_tables();
