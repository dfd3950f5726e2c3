-- Follow-through of people's actions at evaluation (ExceptionEvaluator, SnoozeConditions).
--
-- A snooze "until payment received" / "until deposit received" records its condition in the
-- audit row of the action (after ->> 'snooze_condition'); the evaluation reads the latest
-- applied snooze of each snoozed exception to know the condition and the day it began. This
-- index makes that one probe per snoozed exception instead of a scan of the tenant's audit.
CREATE INDEX action_audit_exception_idx ON action_audit (tenant_id, exception_id, audit_id DESC)
    WHERE verb = 'snooze' AND outcome_kind = 'Applied';

SELECT allometry_isolate_tenant_tables();
