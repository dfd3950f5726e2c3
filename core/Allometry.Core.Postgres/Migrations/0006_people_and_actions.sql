-- People and actions: internal users and the chat identities linked to them, their roles per
-- tenant, the tenant's escalation map, and what people did from cards and commands (idempotency
-- keys with their outcome, an append-only audit, notes, promises, retainage releases).

-- A person, by verified email. Shared across tenants (fractional-ops users work several), so no
-- tenant_id: a row holds only who the person is; what they may see lives in tenant_memberships.
CREATE TABLE app_users (
    user_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text        NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name        text        NOT NULL,
    language    language_code NOT NULL DEFAULT 'en',
    time_zone   text        NOT NULL DEFAULT 'America/Toronto',
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_users_email_key UNIQUE (email)
);

-- A chat identity (Slack user in a team, Teams AAD object in an Entra tenant, web chat, CLI).
CREATE TABLE platform_identities (
    platform          text        NOT NULL CHECK (platform IN ('teams', 'slack', 'web_chat', 'cli')),
    realm             text        NOT NULL,
    platform_user_id  text        NOT NULL,
    user_id           bigint      NOT NULL REFERENCES app_users,
    linked_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (platform, realm, platform_user_id)
);
CREATE INDEX platform_identities_user_idx ON platform_identities (user_id);

GRANT SELECT, INSERT, UPDATE ON platform_identities TO allometry_app;

CREATE DOMAIN app_role AS text
    CHECK (VALUE IN ('viewer', 'project_manager', 'coordinator', 'finance', 'executive'));

-- A person's role in a tenant.
CREATE TABLE tenant_memberships (
    tenant_id   text COLLATE "C" NOT NULL REFERENCES tenants,
    user_id     bigint      NOT NULL REFERENCES app_users,
    role        app_role    NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);

-- Inside a tenant scope a person is visible only when they work for that tenant: the policy asks
-- tenant_memberships, which row-level security already filters to the scope's tenant. Adding
-- a person who already works elsewhere goes through the owner's function below, which returns
-- only their id (their other memberships stay invisible).
ALTER TABLE app_users ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_users_of_tenant ON app_users FOR SELECT TO allometry_app
    USING (EXISTS (SELECT 1 FROM tenant_memberships m WHERE m.user_id = app_users.user_id));
GRANT SELECT ON app_users TO allometry_app;

CREATE FUNCTION allometry_upsert_user(p_email text, p_name text, p_language text, p_time_zone text) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        INSERT INTO app_users (email, name, language, time_zone) VALUES (p_email, p_name, p_language, p_time_zone)
        ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, language = EXCLUDED.language
        RETURNING user_id
    $$;
REVOKE ALL ON FUNCTION allometry_upsert_user(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION allometry_upsert_user(text, text, text, text) TO allometry_app;

-- The escalation chain coordinator → finance → executive: who receives an escalation at each step.
CREATE TABLE escalation_contacts (
    tenant_id  text COLLATE "C" NOT NULL REFERENCES tenants,
    role       app_role NOT NULL CHECK (role IN ('finance', 'executive')),
    email      text     NOT NULL,
    PRIMARY KEY (tenant_id, role)
);

-- A project manager's manager, when the platform directory cannot tell.
CREATE TABLE pm_managers (
    tenant_id      text COLLATE "C" NOT NULL REFERENCES tenants,
    pm_email       text NOT NULL,
    manager_email  text NOT NULL,
    PRIMARY KEY (tenant_id, pm_email)
);

-- One row per delivery key: the outcome it got, returned again to a retried delivery.
CREATE TABLE action_deliveries (
    tenant_id        text COLLATE "C" NOT NULL REFERENCES tenants,
    idempotency_key  text        NOT NULL,
    verb             text        NOT NULL,
    exception_id     bigint,
    outcome_kind     text        NOT NULL,
    message_en       text        NOT NULL,
    message_fr       text        NOT NULL,
    version          integer,
    at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, idempotency_key)
);

-- Append-only: one row per applied action (and per release request / approval).
CREATE TABLE action_audit (
    tenant_id         text COLLATE "C" NOT NULL REFERENCES tenants,
    audit_id          bigint GENERATED ALWAYS AS IDENTITY,
    at                timestamptz NOT NULL,
    user_id           bigint      NOT NULL,
    user_email        text        NOT NULL,
    platform          text        NOT NULL,
    realm             text        NOT NULL,
    platform_user_id  text        NOT NULL,
    verb              text        NOT NULL,
    exception_id      bigint,
    idempotency_key   text        NOT NULL,
    outcome_kind      text        NOT NULL,
    before            jsonb,
    after             jsonb,
    message_platform  text,
    conversation_id   text,
    message_id        text,
    PRIMARY KEY (tenant_id, audit_id)
);
CREATE INDEX action_audit_at_idx ON action_audit (tenant_id, at);

CREATE FUNCTION f_action_audit_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'action_audit is append-only';
END $$;
CREATE TRIGGER action_audit_append_only BEFORE UPDATE ON action_audit
    FOR EACH ROW EXECUTE FUNCTION f_action_audit_is_append_only();

CREATE TABLE exception_notes (
    tenant_id     text COLLATE "C" NOT NULL,
    note_id       bigint GENERATED ALWAYS AS IDENTITY,
    exception_id  bigint      NOT NULL,
    user_id       bigint      NOT NULL,
    body          text        NOT NULL CHECK (body <> ''),
    at            timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, note_id),
    FOREIGN KEY (tenant_id, exception_id) REFERENCES exceptions
);

-- Promises to pay recorded in chat. Kept apart from the ledger's promises (which each import
-- replaces); the score's broken-promise factor reads both.
CREATE TABLE chat_promises (
    tenant_id        text COLLATE "C" NOT NULL,
    promise_id       bigint GENERATED ALWAYS AS IDENTITY,
    exception_id     bigint        NOT NULL,
    payer_id         text COLLATE "C" NOT NULL,
    invoice_id       text COLLATE "C",
    promised_on      date          NOT NULL,
    promised_amount  numeric(14,2) NOT NULL CHECK (promised_amount > 0),
    recorded_on      date          NOT NULL,
    user_id          bigint        NOT NULL,
    PRIMARY KEY (tenant_id, promise_id),
    FOREIGN KEY (tenant_id, exception_id) REFERENCES exceptions
);
CREATE INDEX chat_promises_payer_idx ON chat_promises (tenant_id, payer_id);

-- Retainage marked released from chat: pending until a second finance approval above the
-- tenant's threshold, then applied. approved_by is the second approver (null when none was needed).
CREATE TABLE retainage_releases (
    tenant_id          text COLLATE "C" NOT NULL,
    release_id         bigint GENERATED ALWAYS AS IDENTITY,
    exception_id       bigint        NOT NULL,
    project_id         text COLLATE "C" NOT NULL,
    amount             numeric(14,2) NOT NULL CHECK (amount > 0),
    released_on        date          NOT NULL,
    status             text          NOT NULL CHECK (status IN ('pending', 'applied')),
    requested_by       bigint        NOT NULL,
    requested_at       timestamptz   NOT NULL,
    approved_by        bigint,
    approved_at        timestamptz,
    follow_up_exception_id bigint,
    PRIMARY KEY (tenant_id, release_id),
    FOREIGN KEY (tenant_id, exception_id) REFERENCES exceptions,
    CHECK (approved_by IS NULL OR approved_by <> requested_by)
);
CREATE UNIQUE INDEX retainage_releases_one_pending ON retainage_releases (tenant_id, exception_id) WHERE status = 'pending';

SELECT allometry_isolate_tenant_tables();
