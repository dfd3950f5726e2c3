-- The screened full evaluation (Exceptions/Screening/ScreenedLedgerLoader) reads the projects its
-- screens name whole, a few hundred to a few thousand of them, invoice by invoice of each. The only
-- index by project so far is the GIN lookup index (payer and project together, 0003), whose bitmap
-- scan costs ~0.09 ms a project at a million invoices against ~0.01 ms for a btree probe.
CREATE INDEX invoices_project_idx ON invoices (tenant_id, project_id);

SELECT allometry_isolate_tenant_tables();
