-- Issue 3, incremental evaluation of one project (p99 <= 10 ms at 1,000,000 invoices): the slice's
-- look-ups answered from index pages alone. At 1M invoices the ledger outgrows shared buffers and
-- the slice's time went to reading heap pages (pg_stat_activity: IO:DataFileRead), one page per
-- payment or application visited, scattered over the whole table.

-- UnappliedDeposit's part of the slice (LedgerSnapshotStore.SliceCreditsSql) reads every payment of
-- the project's payers that carries a reference, to test the reference against the project's
-- invoice ids: with the reference in the index, a payer's payments are a few adjacent index pages
-- instead of one heap page each.
CREATE INDEX payments_reference_idx ON payments (tenant_id, payer_id) INCLUDE (payment_id, reference)
    WHERE reference IS NOT NULL;

-- The slice starts from the payments applied to the project's invoices (SlicePayersSql): with the
-- payment id in the index, that is an index-only scan. 0019's index on the same key keeps its
-- amount (the screens' index-only sums) and gains the payment id; one index, not two.
DROP INDEX payment_applications_invoice_idx;
CREATE INDEX payment_applications_invoice_idx ON payment_applications (tenant_id, invoice_id) INCLUDE (amount, payment_id);
