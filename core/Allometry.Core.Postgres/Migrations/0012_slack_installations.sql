-- Slack: installed workspaces (bot tokens encrypted at rest), Events API receipts (a retried
-- delivery is processed once), and the input forms of rendered card actions (a click opens the
-- action's modal).
--
-- None of these tables carries tenant_id, on purpose. An install, an event or a click arrives
-- keyed by Slack team id before anyone knows the tenant (the realm mapping binds team to tenant
-- later, in the conversation), and bot tokens must never be readable from tenant-scoped code: the
-- adapter reads them as the owner, and allometry_app gets no grant on these tables.

CREATE TABLE slack_installations (
    team_id          text PRIMARY KEY CHECK (team_id ~ '^[A-Z0-9]{2,32}$'),
    enterprise_id    text CHECK (enterprise_id ~ '^[A-Z0-9]{2,32}$'),
    app_id           text NOT NULL,
    bot_user_id      text NOT NULL,
    scopes           text NOT NULL,
    -- AES-256-GCM: 12-byte nonce || 16-byte tag || ciphertext, team_id as associated data, so a
    -- row's token cannot be moved to another team's row and still decrypt.
    token_ciphertext bytea NOT NULL CHECK (octet_length(token_ciphertext) > 28),
    -- Which key encrypted it (first bytes of the key's SHA-256), for rotation.
    key_id           text NOT NULL,
    installed_by     text,
    installed_at     timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE TABLE slack_event_receipts (
    event_id    text PRIMARY KEY,
    team_id     text NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX slack_event_receipts_received_at ON slack_event_receipts (received_at);

CREATE TABLE slack_action_forms (
    -- SHA-256 (base64url) of the button's payload: the click carries the payload, not the inputs.
    form_key  text PRIMARY KEY,
    language  text NOT NULL CHECK (language IN ('en', 'fr')),
    action    jsonb NOT NULL,
    stored_at timestamptz NOT NULL
);
CREATE INDEX slack_action_forms_stored_at ON slack_action_forms (stored_at);

SELECT allometry_isolate_tenant_tables();
