-- Issue 3, full evaluation at a million invoices: what TaxScreen read by joining and probing, kept
-- at write time. At a million invoices the screen spent ~90 ms joining 58k invoice_tax_fits rows to
-- 50k projects and their payers to place each group, and ~55 ms probing the 5,682 payments received
-- before Nova Scotia's rate change, application by application, for the ~100 invoices they move
-- across it. Two facts replace both: the place of supply on each invoice_tax_fits row (the screen
-- reads only the groups whose fit lacks their place's pattern, by index), and the few invoices a
-- payment received before the change was applied to (the screen reads those due on or after it).
-- Statement triggers only (no trigger per row); every fact scans its statement's rows once.

-- Where an invoice is taxed (TaxReviewer, Allometry.Core.Tax.PlaceOfSupply): the payer's province
-- for a service project when the payer has one, else the project's site. NULL when the project is
-- missing (invoices.project_id has no foreign key): TaxScreen names those groups unplaced, as before.
CREATE FUNCTION allometry_place_of_supply(site province, supply supply_type, payer_province province)
RETURNS province
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN supply = 'service' AND payer_province IS NOT NULL THEN payer_province ELSE site END $$;

-- Functionally dependent on (tenant, project, payer): every row of a group's key carries the same.
-- Not part of the key, so moving a project's site rewrites a few rows and moves no count.
ALTER TABLE invoice_tax_fits ADD COLUMN province province;

-- TaxScreen reads, per province and side of the change, the fits that lack that place's pattern
-- (an array of a few dozen values: one index descent each), and the unplaced groups (NULL).
-- INCLUDE: the group's key comes from the index alone.
CREATE INDEX invoice_tax_fits_place_idx ON invoice_tax_fits (tenant_id, province, ns_after_change, tax_fit)
    INCLUDE (project_id, payer_id);

-- Re-places the invoice_tax_fits rows of the given projects from the current projects and payers
-- (the projects' and payers' triggers below). Writes only the rows whose place changed.
CREATE FUNCTION allometry_invoice_tax_fits_place(tenants text[], projects text[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE invoice_tax_fits t SET province = x.province
    FROM (
        SELECT f.tenant_id, f.project_id, f.payer_id, f.ns_after_change, f.tax_fit,
               allometry_place_of_supply(pr.site_province, pr.supply_type, py.province) AS province
        FROM (SELECT DISTINCT * FROM unnest(tenants, projects) AS k(tenant_id, project_id)) k
        JOIN invoice_tax_fits f ON f.tenant_id = k.tenant_id AND f.project_id = k.project_id
        LEFT JOIN projects pr ON pr.tenant_id = f.tenant_id AND pr.project_id = f.project_id
        LEFT JOIN payers py ON pr.supply_type = 'service' AND py.tenant_id = f.tenant_id AND py.payer_id = f.payer_id
    ) x
    WHERE t.tenant_id = x.tenant_id AND t.project_id = x.project_id AND t.payer_id = x.payer_id
      AND t.ns_after_change = x.ns_after_change AND t.tax_fit = x.tax_fit
      AND t.province IS DISTINCT FROM x.province;
$$;

-- 0021's rebuild (a first import's attached partition), now placing each group as it inserts it.
CREATE OR REPLACE FUNCTION allometry_invoice_tax_fits_rebuild(tenant text) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM invoice_tax_fits WHERE tenant_id = tenant;
    INSERT INTO invoice_tax_fits (tenant_id, project_id, payer_id, ns_after_change, tax_fit, invoices, province)
    SELECT tenant, g.project_id, g.payer_id, g.ns_after_change, g.tax_fit, g.invoices,
           allometry_place_of_supply(pr.site_province, pr.supply_type, py.province)
    FROM (
        SELECT project_id, payer_id, due_date >= allometry_ns_rate_change() AS ns_after_change, tax_fit, count(*) AS invoices
        FROM invoices
        WHERE tenant_id = tenant AND project_id IS NOT NULL
          AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
        GROUP BY 1, 2, 3, 4
    ) g
    LEFT JOIN projects pr ON pr.tenant_id = tenant AND pr.project_id = g.project_id
    LEFT JOIN payers py ON pr.supply_type = 'service' AND py.tenant_id = tenant AND py.payer_id = g.payer_id;
$$;

-- 0021's trigger function, unchanged but for placing the keys it inserts (an existing key keeps
-- its place: the projects' and payers' triggers keep that right).
CREATE OR REPLACE FUNCTION allometry_invoice_tax_fits() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tenants text[]; projects text[]; payers text[]; sides boolean[]; fits smallint[]; deltas bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO invoice_tax_fits AS t (tenant_id, project_id, payer_id, ns_after_change, tax_fit, invoices, province)
        SELECT g.tenant_id, g.project_id, g.payer_id, g.after_change, g.tax_fit, g.invoices,
               allometry_place_of_supply(pr.site_province, pr.supply_type, py.province)
        FROM (
            SELECT tenant_id, project_id, payer_id, due_date >= allometry_ns_rate_change() AS after_change, tax_fit, count(*) AS invoices
            FROM new_rows
            WHERE project_id IS NOT NULL AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
            GROUP BY 1, 2, 3, 4, 5
        ) g
        LEFT JOIN projects pr ON pr.tenant_id = g.tenant_id AND pr.project_id = g.project_id
        LEFT JOIN payers py ON pr.supply_type = 'service' AND py.tenant_id = g.tenant_id AND py.payer_id = g.payer_id
        ON CONFLICT (tenant_id, project_id, payer_id, ns_after_change, tax_fit)
            DO UPDATE SET invoices = t.invoices + excluded.invoices;
        RETURN NULL;
    END IF;

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
        RETURN NULL;
    END IF;

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
    INSERT INTO invoice_tax_fits AS t (tenant_id, project_id, payer_id, ns_after_change, tax_fit, invoices, province)
    SELECT d.tenant_id, d.project_id, d.payer_id, d.ns_after_change, d.tax_fit, d.delta,
           allometry_place_of_supply(pr.site_province, pr.supply_type, py.province)
    FROM d
    LEFT JOIN projects pr ON pr.tenant_id = d.tenant_id AND pr.project_id = d.project_id
    LEFT JOIN payers py ON pr.supply_type = 'service' AND py.tenant_id = d.tenant_id AND py.payer_id = d.payer_id
    WHERE d.delta > 0
    ON CONFLICT (tenant_id, project_id, payer_id, ns_after_change, tax_fit)
        DO UPDATE SET invoices = t.invoices + excluded.invoices;
    RETURN NULL;
END
$$;

-- A project written (inserted after its invoices, its site or supply type changed) or deleted
-- re-places its groups. An update re-places only the projects whose place inputs changed (a row
-- of old and new that has no twin on the other side: one hash aggregate, no join, so an import
-- updating 50k projects' other columns costs a pass over them and writes nothing); an insert only
-- the new projects that already have invoices.
CREATE FUNCTION allometry_invoice_tax_fits_projects() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tenants text[]; projects text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(tenant_id), array_agg(project_id) INTO tenants, projects FROM old_rows;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.tenant_id), array_agg(n.project_id) INTO tenants, projects
        FROM new_rows n
        WHERE EXISTS (SELECT 1 FROM invoice_tax_fits f WHERE f.tenant_id = n.tenant_id AND f.project_id = n.project_id);
    ELSE
        SELECT array_agg(c.tenant_id), array_agg(c.project_id) INTO tenants, projects
        FROM (
            SELECT DISTINCT tenant_id, project_id FROM (
                SELECT tenant_id, project_id, site_province, supply_type FROM new_rows
                UNION ALL
                SELECT tenant_id, project_id, site_province, supply_type FROM old_rows
            ) r
            GROUP BY tenant_id, project_id, site_province, supply_type
            HAVING count(*) = 1
        ) c;
    END IF;
    IF tenants IS NOT NULL THEN
        PERFORM allometry_invoice_tax_fits_place(tenants, projects);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_tax_fits_projects_insert AFTER INSERT ON projects
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_invoice_tax_fits_projects();
CREATE TRIGGER invoice_tax_fits_projects_update AFTER UPDATE ON projects
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_invoice_tax_fits_projects();
CREATE TRIGGER invoice_tax_fits_projects_delete AFTER DELETE ON projects
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_invoice_tax_fits_projects();

-- A payer's province places its service projects' invoices. Only an update can change it: a new
-- payer has no invoice yet and a referenced one cannot be deleted (foreign keys).
CREATE FUNCTION allometry_invoice_tax_fits_payers() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tenants text[]; projects text[];
BEGIN
    SELECT array_agg(f.tenant_id), array_agg(f.project_id) INTO tenants, projects
    FROM (
        SELECT DISTINCT f.tenant_id, f.project_id
        FROM new_rows n
        JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.payer_id = n.payer_id
        JOIN invoice_tax_fits f ON f.tenant_id = n.tenant_id AND f.payer_id = n.payer_id
        WHERE n.province IS DISTINCT FROM o.province
    ) f;
    IF tenants IS NOT NULL THEN
        PERFORM allometry_invoice_tax_fits_place(tenants, projects);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_tax_fits_payers_update AFTER UPDATE ON payers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_invoice_tax_fits_payers();

-- Every tenant's rows placed (the rebuild inserts them placed).
SELECT allometry_invoice_tax_fits_rebuild(tenant_id) FROM tenants;

-- The invoices a payment received before the rate change was applied to (a nonzero application):
-- their tax date is that payment's day (SalesTax.TaxDate), before the change, whatever their due
-- date. A few per ten thousand invoices. due_after_change marks the ones whose due date alone would
-- place them after it: TaxScreen reads those (~100 at a million invoices) by the partial index.
CREATE TABLE tax_early_paid_invoices (
    tenant_id        text COLLATE "C" NOT NULL,
    invoice_id       text COLLATE "C" NOT NULL,
    due_after_change boolean NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id)
);
CREATE INDEX tax_early_paid_invoices_after_idx ON tax_early_paid_invoices (tenant_id) WHERE due_after_change;

-- Recomputes the given invoices' rows from their applications and payments.
CREATE FUNCTION allometry_tax_early_paid_refresh(tenants text[], invoices text[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM tax_early_paid_invoices t
    USING unnest(tenants, invoices) AS k(tenant_id, invoice_id)
    WHERE t.tenant_id = k.tenant_id AND t.invoice_id = k.invoice_id;
    INSERT INTO tax_early_paid_invoices (tenant_id, invoice_id, due_after_change)
    SELECT i.tenant_id, i.invoice_id, i.due_date >= allometry_ns_rate_change()
    FROM (SELECT DISTINCT * FROM unnest(tenants, invoices) AS k(tenant_id, invoice_id)) k
    JOIN invoices i ON i.tenant_id = k.tenant_id AND i.invoice_id = k.invoice_id
    WHERE EXISTS (
        SELECT 1 FROM payment_applications a
        JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
        WHERE a.tenant_id = i.tenant_id AND a.invoice_id = i.invoice_id AND a.amount <> 0
          AND p.received_on < allometry_ns_rate_change());
$$;

-- Rebuilds a tenant's rows (this migration). One set-based pass.
CREATE FUNCTION allometry_tax_early_paid_rebuild(tenant text) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM tax_early_paid_invoices WHERE tenant_id = tenant;
    INSERT INTO tax_early_paid_invoices (tenant_id, invoice_id, due_after_change)
    SELECT i.tenant_id, i.invoice_id, i.due_date >= allometry_ns_rate_change()
    FROM invoices i
    WHERE i.tenant_id = tenant AND i.invoice_id IN (
        SELECT a.invoice_id FROM payment_applications a
        JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
        WHERE a.tenant_id = tenant AND a.amount <> 0 AND p.received_on < allometry_ns_rate_change());
$$;

-- Applications written: only those of a payment received before the change can move an invoice
-- in or out (the join keeps a first import's 840k applications to the few thousand that can).
CREATE FUNCTION allometry_tax_early_paid_applications() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tenants text[]; invoices text[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(k.tenant_id), array_agg(k.invoice_id) INTO tenants, invoices
        FROM (SELECT DISTINCT r.tenant_id, r.invoice_id FROM new_rows r
              JOIN payments p ON p.tenant_id = r.tenant_id AND p.payment_id = r.payment_id
              WHERE p.received_on < allometry_ns_rate_change()) k;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(k.tenant_id), array_agg(k.invoice_id) INTO tenants, invoices
        FROM (SELECT DISTINCT r.tenant_id, r.invoice_id FROM old_rows r
              JOIN payments p ON p.tenant_id = r.tenant_id AND p.payment_id = r.payment_id
              WHERE p.received_on < allometry_ns_rate_change()) k;
    ELSE
        SELECT array_agg(k.tenant_id), array_agg(k.invoice_id) INTO tenants, invoices
        FROM (SELECT DISTINCT r.tenant_id, r.invoice_id
              FROM (SELECT tenant_id, payment_id, invoice_id FROM new_rows
                    UNION ALL
                    SELECT tenant_id, payment_id, invoice_id FROM old_rows) r
              JOIN payments p ON p.tenant_id = r.tenant_id AND p.payment_id = r.payment_id
              WHERE p.received_on < allometry_ns_rate_change()) k;
    END IF;
    IF tenants IS NOT NULL THEN
        PERFORM allometry_tax_early_paid_refresh(tenants, invoices);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tax_early_paid_applications_insert AFTER INSERT ON payment_applications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_tax_early_paid_applications();
CREATE TRIGGER tax_early_paid_applications_update AFTER UPDATE ON payment_applications
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_tax_early_paid_applications();
CREATE TRIGGER tax_early_paid_applications_delete AFTER DELETE ON payment_applications
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_tax_early_paid_applications();

-- A payment moved across the change (its received date before the change on one side only). A
-- new payment has no application yet and an applied one cannot be deleted (foreign keys). The
-- applications' own trigger updates every applied payment (applied_amount, 0018): the filter on
-- both sides keeps that to the few payments received before the change.
CREATE FUNCTION allometry_tax_early_paid_payments() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tenants text[]; invoices text[];
BEGIN
    SELECT array_agg(k.tenant_id), array_agg(k.invoice_id) INTO tenants, invoices
    FROM (
        SELECT DISTINCT a.tenant_id, a.invoice_id
        FROM (
            SELECT tenant_id, payment_id FROM (
                SELECT tenant_id, payment_id FROM new_rows WHERE received_on < allometry_ns_rate_change()
                UNION ALL
                SELECT tenant_id, payment_id FROM old_rows WHERE received_on < allometry_ns_rate_change()
            ) e
            GROUP BY tenant_id, payment_id
            HAVING count(*) = 1
        ) c
        JOIN payment_applications a ON a.tenant_id = c.tenant_id AND a.payment_id = c.payment_id
    ) k;
    IF tenants IS NOT NULL THEN
        PERFORM allometry_tax_early_paid_refresh(tenants, invoices);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tax_early_paid_payments_update AFTER UPDATE ON payments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_tax_early_paid_payments();

-- An invoice's due date moved across the change. Only updates: a new invoice has no application
-- yet and an applied one cannot be deleted (foreign keys). The join starts from the few rows kept.
CREATE FUNCTION allometry_tax_early_paid_invoices() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tax_early_paid_invoices t SET due_after_change = n.due_date >= allometry_ns_rate_change()
    FROM new_rows n
    WHERE t.tenant_id = n.tenant_id AND t.invoice_id = n.invoice_id
      AND t.due_after_change <> (n.due_date >= allometry_ns_rate_change());
    RETURN NULL;
END
$$;

CREATE TRIGGER tax_early_paid_invoices_update AFTER UPDATE ON invoices
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allometry_tax_early_paid_invoices();

SELECT allometry_tax_early_paid_rebuild(tenant_id) FROM tenants;

SELECT allometry_isolate_tenant_tables();
