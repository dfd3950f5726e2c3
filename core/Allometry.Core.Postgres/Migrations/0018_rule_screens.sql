-- Issue 3, full evaluation at a million invoices: what the rule screens (Exceptions/Screening)
-- read instead of decoding the whole ledger. Every value here is row-local and kept at write
-- time, so a screen reads an index, never recomputes a million rows.

-- Which sales-tax patterns an invoice's four components fit EXACTLY, as a bit set (the codes and
-- their rates are Allometry.Core.Tax.TaxFit; a test compares this function with TaxFit.Classify
-- over a grid of subtotals, half-cent boundaries and negatives included). Each component is
-- rounded to the cent half away from zero, as SalesTax.Round does (numeric round() does the same).
-- A bit set, not one code: a tiny or zero subtotal fits several patterns at once (5 % and 9.975 %
-- of $0.05 both round to 0.00), and a single code would have to pick one and wrongly reject the
-- others. 0 = fits no pattern (no tax at all on a taxable amount, or any error).
-- Inlined into the generated column (one SQL expression, not STRICT), so COPY evaluates it
-- without a function call per row. The nonzero component picks the only patterns that can fit
-- (an HST invoice can fit nothing but an HST rate), so a row costs two or three multiplications
-- (half what testing all seven patterns costs: measured ~0.5 s per million rows, under load).
CREATE FUNCTION allometry_tax_fit(subtotal numeric, gst numeric, hst numeric, qst numeric, pst numeric)
RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT (CASE
        WHEN hst <> 0 THEN
            CASE WHEN gst = 0 AND qst = 0 AND pst = 0 THEN
                  CASE WHEN hst = round(subtotal * 0.13, 2) THEN 4 ELSE 0 END
                | CASE WHEN hst = round(subtotal * 0.15, 2) THEN 8 ELSE 0 END
                | CASE WHEN hst = round(subtotal * 0.14, 2) THEN 16 ELSE 0 END
            ELSE 0 END
        WHEN qst <> 0 THEN
            CASE WHEN pst = 0 AND gst = round(subtotal * 0.05, 2) AND qst = round(subtotal * 0.09975, 2) THEN 2 ELSE 0 END
        WHEN pst <> 0 THEN
            CASE WHEN gst = round(subtotal * 0.05, 2) THEN
                  CASE WHEN pst = round(subtotal * 0.07, 2) THEN 32 ELSE 0 END
                | CASE WHEN pst = round(subtotal * 0.06, 2) THEN 64 ELSE 0 END
            ELSE 0 END
        WHEN gst <> 0 THEN
            CASE WHEN gst = round(subtotal * 0.05, 2) THEN
                  1
                | CASE WHEN round(subtotal * 0.09975, 2) = 0 THEN 2 ELSE 0 END
                | CASE WHEN round(subtotal * 0.07, 2) = 0 THEN 32 ELSE 0 END
                | CASE WHEN round(subtotal * 0.06, 2) = 0 THEN 64 ELSE 0 END
            ELSE 0 END
        ELSE
              CASE WHEN round(subtotal * 0.05, 2) = 0 THEN 1 ELSE 0 END
            | CASE WHEN round(subtotal * 0.05, 2) = 0 AND round(subtotal * 0.09975, 2) = 0 THEN 2 ELSE 0 END
            | CASE WHEN round(subtotal * 0.13, 2) = 0 THEN 4 ELSE 0 END
            | CASE WHEN round(subtotal * 0.15, 2) = 0 THEN 8 ELSE 0 END
            | CASE WHEN round(subtotal * 0.14, 2) = 0 THEN 16 ELSE 0 END
            | CASE WHEN round(subtotal * 0.05, 2) = 0 AND round(subtotal * 0.07, 2) = 0 THEN 32 ELSE 0 END
            | CASE WHEN round(subtotal * 0.05, 2) = 0 AND round(subtotal * 0.06, 2) = 0 THEN 64 ELSE 0 END
    END)::smallint
$$;

-- Stored: computed once as a row is written (the first-import partition gets it through
-- CREATE TABLE ... LIKE invoices INCLUDING GENERATED, see InvoicePartition).
ALTER TABLE invoices
    ADD COLUMN tax_fit smallint NOT NULL GENERATED ALWAYS AS (allometry_tax_fit(subtotal, gst, hst, qst, pst)) STORED;

-- TaxScreen groups a tenant's reviewable invoices by (project, payer, fit) with their due dates
-- from this index alone (index-only scan, in index order: no sort). The predicate is
-- TaxReviewer.IsReviewable; due_date decides Nova Scotia's rate (the only rate that changed).
CREATE INDEX invoices_tax_screen_idx ON invoices (tenant_id, project_id, payer_id, tax_fit, due_date)
    WHERE origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0;

-- RegistrationScreen reads the handful of distinct printed registration strings by a loose
-- index scan, then the invoices printing a deficient one. The predicate is the rule's
-- (workbook rows, not void). A btree entry must stay under a third of a page, so the rare string
-- longer than 1000 bytes lives in the second, normally empty, index instead of failing an import.
CREATE INDEX invoices_registration_idx ON invoices (tenant_id, registration_numbers)
    WHERE origin = 'workbook' AND status <> 'void'
      AND (registration_numbers IS NULL OR octet_length(registration_numbers) <= 1000);
CREATE INDEX invoices_long_registration_idx ON invoices (tenant_id)
    WHERE origin = 'workbook' AND status <> 'void' AND octet_length(registration_numbers) > 1000;

-- Open receivables (the screened load's base scope): partial, so a paid-up ledger keeps it small.
CREATE INDEX invoices_open_idx ON invoices (tenant_id, project_id) WHERE balance <> 0 AND status <> 'void';

-- What a payment has applied, kept equal to the sum of its applications, so "payments with an
-- unapplied rest" is an index read instead of a sum over every application.
ALTER TABLE payments ADD COLUMN applied_amount numeric(14,2) NOT NULL DEFAULT 0;

UPDATE payments p SET applied_amount = a.applied
FROM (SELECT tenant_id, payment_id, sum(amount) AS applied FROM payment_applications GROUP BY tenant_id, payment_id) a
WHERE p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id AND a.applied <> 0;

-- Set-based: one UPDATE per statement from the transition tables (a COPY of 840k applications
-- fires it once, not 840k times). Deltas, so a statement touching one application of a payment
-- does not re-sum the others. No SECURITY DEFINER: the payments updated belong to the tenant
-- whose applications changed, which the tenant_isolation policy lets the app role update.
CREATE FUNCTION allometry_payments_applied() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE payments p SET applied_amount = p.applied_amount + d.delta
        FROM (SELECT tenant_id, payment_id, sum(amount) AS delta FROM new_rows GROUP BY tenant_id, payment_id) d
        WHERE p.tenant_id = d.tenant_id AND p.payment_id = d.payment_id AND d.delta <> 0;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE payments p SET applied_amount = p.applied_amount - d.delta
        FROM (SELECT tenant_id, payment_id, sum(amount) AS delta FROM old_rows GROUP BY tenant_id, payment_id) d
        WHERE p.tenant_id = d.tenant_id AND p.payment_id = d.payment_id AND d.delta <> 0;
    ELSE
        UPDATE payments p SET applied_amount = p.applied_amount + d.delta
        FROM (
            SELECT tenant_id, payment_id, sum(amount) AS delta
            FROM (SELECT tenant_id, payment_id, amount FROM new_rows
                  UNION ALL
                  SELECT tenant_id, payment_id, -amount FROM old_rows) c
            GROUP BY tenant_id, payment_id
        ) d
        WHERE p.tenant_id = d.tenant_id AND p.payment_id = d.payment_id AND d.delta <> 0;
    END IF;
    RETURN NULL;
END
$$;

-- A trigger with transition tables serves one event only.
CREATE TRIGGER payment_applications_applied_insert AFTER INSERT ON payment_applications
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION allometry_payments_applied();
CREATE TRIGGER payment_applications_applied_update AFTER UPDATE ON payment_applications
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION allometry_payments_applied();
CREATE TRIGGER payment_applications_applied_delete AFTER DELETE ON payment_applications
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION allometry_payments_applied();

CREATE INDEX payments_unapplied_idx ON payments (tenant_id) WHERE amount <> applied_amount;

-- TaxScreen: the payments received before Nova Scotia's rate change (2025-04-01, SalesTax.NsRateChange)
-- move the tax date of the invoices they pay before it. Few, and fewer as time passes.
CREATE INDEX payments_before_ns_change_idx ON payments (tenant_id, payment_id) WHERE received_on < DATE '2025-04-01';

SELECT allometry_isolate_tenant_tables();
