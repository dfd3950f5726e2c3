-- Issue 3, incremental evaluation: the indexes a project's evaluation reads through.
--
-- A project's slice reads the stored exceptions about the project and its invoices whatever
-- project they are filed under (a subject whose project changed), in the same round trip as the
-- slice, instead of looking each new finding up by fingerprint afterwards.
CREATE INDEX exceptions_subject_idx ON exceptions (tenant_id, subject_id);

-- SuspectedRetainage compares an aging-export line with its payer's other lines: a project's
-- slice reads those lines of its payers, never their whole receivables. A workbook ledger has
-- none, so the index stays empty there and costs its imports nothing.
CREATE INDEX invoices_aging_lines_idx ON invoices (tenant_id, payer_id) WHERE origin <> 'workbook';

-- A project's service contracts (the slice reads them, and the invoices they name, by project):
-- without it each incremental evaluation scanned the whole sheet.
CREATE INDEX service_contracts_project_idx ON service_contracts (tenant_id, project_id);
