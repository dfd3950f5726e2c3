-- Per-tenant rule settings and the exception lifecycle: what the rules found, what people did
-- about it, and every change since (Allometry.Core.Exceptions.ExceptionLifecycle).

-- Overrides of RuleSettings' documented defaults, as snake_case keys of the property names:
-- {"deposit_tolerance": 2.50, "disabled_rules": ["AgingConcentration"],
--  "group_credit_limits": {"P-ROOT": 250000}}. Keys not set keep the default; an unknown key is
-- an error when the settings are read, so a typo never silently leaves a default in place.
CREATE TABLE tenant_settings (
    tenant_id   text COLLATE "C" PRIMARY KEY REFERENCES tenants,
    settings    jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Vocabularies spelled as LedgerVocabulary.ToCode spells the C# enums (a test compares them).
CREATE DOMAIN severity AS text
    CHECK (VALUE IN ('info', 'low', 'medium', 'high', 'critical'));
CREATE DOMAIN subject_kind AS text
    CHECK (VALUE IN ('payer', 'project', 'invoice', 'retainage_hold', 'service_contract', 'linked_group',
                     'payment', 'quote', 'delivery', 'promise'));
CREATE DOMAIN exception_status AS text
    CHECK (VALUE IN ('open', 'snoozed', 'closed', 'dismissed'));
CREATE DOMAIN exception_change_kind AS text
    CHECK (VALUE IN ('opened', 'updated', 'closed', 'reopened', 'resurfaced', 'snooze_ended',
                     'snoozed', 'restored', 'dismissed', 'escalated', 'rerouted', 'assigned', 'note_added'));

-- Queues order by severity: a rank sorts where the text would not.
CREATE FUNCTION f_severity_rank(severity) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN CASE $1 WHEN 'info' THEN 0 WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 WHEN 'critical' THEN 4 END;

-- One row per condition ever found (fingerprint = rule + subject), in whatever state it is now.
-- The finding's content is replaced on each change; human state (snooze, escalation, re-routing,
-- assignment, dismissal) is written by card actions and kept by re-evaluation.
CREATE TABLE exceptions (
    tenant_id          text COLLATE "C" NOT NULL REFERENCES tenants,
    exception_id       bigint GENERATED ALWAYS AS IDENTITY,
    fingerprint        text COLLATE "C" NOT NULL,
    rule_id            text COLLATE "C" NOT NULL,
    rule_version       integer       NOT NULL,
    subject_kind       subject_kind  NOT NULL,
    subject_id         text COLLATE "C" NOT NULL,
    payer_id           text COLLATE "C",
    project_id         text COLLATE "C",
    severity           severity      NOT NULL,
    severity_rank      smallint      NOT NULL GENERATED ALWAYS AS (f_severity_rank(severity)) STORED,
    amount_at_risk     numeric(14,2) NOT NULL,
    currency           char(3)       NOT NULL DEFAULT 'CAD' CHECK (currency ~ '^[A-Z]{3}$'),
    title_en           text          NOT NULL,
    title_fr           text          NOT NULL,
    detail_en          text          NOT NULL,
    detail_fr          text          NOT NULL,
    action_en          text          NOT NULL,
    action_fr          text          NOT NULL,
    -- [{"sheet", "row_id", "field", "expected", "actual", "note_en", "note_fr"}, ...]
    evidence           jsonb         NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(evidence) = 'array'),
    -- FindingContent.Hash of the content above: re-evaluation compares it instead of the text.
    content_hash       text          NOT NULL,
    status             exception_status NOT NULL DEFAULT 'open',
    snoozed_until      date,
    snooze_reason      text,
    escalated_to       text,
    escalation_note    text,
    rerouted_payer_id  text COLLATE "C",
    assigned_to        text,
    dismissed_reason   text,
    -- Bumped by every change, by the evaluation or a person: cards carry it for optimistic concurrency.
    version            integer       NOT NULL DEFAULT 1 CHECK (version > 0),
    -- As-of dates of the ledgers evaluated, not wall-clock days.
    first_seen_on      date          NOT NULL,
    last_seen_on       date          NOT NULL,
    closed_on          date,
    close_reason_en    text,
    close_reason_fr    text,
    reopened_count     integer       NOT NULL DEFAULT 0,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, exception_id),
    CONSTRAINT exceptions_fingerprint_key UNIQUE (tenant_id, fingerprint),
    CONSTRAINT exceptions_closed_has_reason CHECK (status <> 'closed' OR (closed_on IS NOT NULL AND close_reason_en IS NOT NULL AND close_reason_fr IS NOT NULL))
);
-- The queue and the cards: open exceptions of a tenant, a project or a payer, worst first.
CREATE INDEX exceptions_open_idx ON exceptions (tenant_id, severity_rank DESC, amount_at_risk DESC) WHERE status = 'open';
CREATE INDEX exceptions_project_idx ON exceptions (tenant_id, project_id, severity_rank DESC) WHERE project_id IS NOT NULL;
CREATE INDEX exceptions_payer_idx ON exceptions (tenant_id, payer_id, severity_rank DESC) WHERE payer_id IS NOT NULL;

-- Append-only: one entry per version of an exception. before/after hold only the columns that
-- changed (see f_jsonb_changes), plus the version; an exception's first entry has no before.
CREATE TABLE exception_history (
    tenant_id     text COLLATE "C" NOT NULL,
    exception_id  bigint       NOT NULL,
    version       integer      NOT NULL,
    at            timestamptz  NOT NULL DEFAULT now(),
    kind          exception_change_kind NOT NULL,
    -- 'system' for the evaluation; 'user:<id>' for a person.
    actor         text         NOT NULL,
    before        jsonb,
    after         jsonb        NOT NULL,
    PRIMARY KEY (tenant_id, exception_id, version),
    FOREIGN KEY (tenant_id, exception_id) REFERENCES exceptions
);

-- History is never rewritten; rows only leave with their tenant (TenantDirectory.DeleteAsync).
CREATE FUNCTION f_exception_history_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'exception_history is append-only';
END $$;
CREATE TRIGGER exception_history_append_only BEFORE UPDATE ON exception_history
    FOR EACH ROW EXECUTE FUNCTION f_exception_history_is_append_only();

-- The keys of "after" whose values differ in "before" (bookkeeping columns aside).
CREATE FUNCTION f_jsonb_changes(before jsonb, after jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(jsonb_object_agg(a.key, a.value), '{}')
            FROM jsonb_each(after) a
            WHERE a.key NOT IN ('updated_at', 'created_at', 'severity_rank', 'content_hash')
              AND (before -> a.key IS DISTINCT FROM a.value OR a.key = 'version'));
