-- The durable outbox: every card to post, update or delete is written here in the same
-- transaction as the state change that caused it, and a dispatcher delivers it later. The message
-- map remembers where each exception's card landed, so a state change can update every copy in
-- place. digest_deliveries makes "one digest card per exception per subscription per day" a key.
--
-- Who touches what: request-serving code enqueues inside its TenantScope (row-level security
-- applies: a tenant can only enqueue for itself and only read its own map). The dispatcher works
-- across tenants with the owner connection (like imports and other cross-tenant jobs): it reads
-- and writes only these three tables, by primary key, and copies each row's own tenant_id into
-- what it writes, so no tenant's data crosses into another's.

CREATE TABLE outbox (
    outbox_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        text COLLATE "C" NOT NULL REFERENCES tenants,
    platform         text        NOT NULL CHECK (platform IN ('teams', 'slack', 'web_chat', 'cli')),
    realm            text        NOT NULL,
    conversation_id  text        NOT NULL,
    service_url      text,
    kind             text        NOT NULL CHECK (kind IN ('post', 'update', 'delete')),
    -- The posted copy an update or delete acts on (Slack ts, Teams activity id); null for a post.
    message_id       text,
    -- Core.Cards.Card as System.Text.Json writes it ("card" discriminator); null for a delete.
    card             jsonb,
    -- The card's language, so the message map knows in which language to update a copy.
    language         language_code,
    exception_id     bigint,
    -- Unique per tenant: enqueueing the same thing twice (a retried job) is a no-op.
    dedupe_key       text        NOT NULL CHECK (dedupe_key <> ''),
    -- Bumped when a newer version of an exception's card replaces a post's card before it landed;
    -- marking the post sent compares it with the revision it claimed and enqueues the newer card.
    revision         integer     NOT NULL DEFAULT 0,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    -- A short machine code (ratelimited, http_500, channel_not_found); never a body or a token.
    last_error       text        CHECK (length(last_error) <= 80),
    lease_owner      text,
    lease_until      timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    CONSTRAINT outbox_dedupe_key UNIQUE (tenant_id, dedupe_key),
    CONSTRAINT outbox_target CHECK ((kind = 'post') = (message_id IS NULL)),
    CONSTRAINT outbox_card CHECK ((kind = 'delete') = (card IS NULL)),
    CONSTRAINT outbox_lease CHECK ((status = 'sending') = (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
);

-- The dispatcher's claim: the oldest due row of each conversation (its "lane").
CREATE INDEX outbox_lane_idx ON outbox (platform, realm, conversation_id, next_attempt_at, outbox_id)
    WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_exception_idx ON outbox (tenant_id, exception_id) WHERE exception_id IS NOT NULL AND status IN ('pending', 'sending');
CREATE INDEX outbox_dead_idx ON outbox (updated_at) WHERE status = 'dead';

-- Where an exception's card is posted. One copy per conversation: a later post of the same
-- exception in the same conversation (tomorrow's digest) becomes the copy that state changes update.
CREATE TABLE message_map (
    tenant_id        text COLLATE "C" NOT NULL REFERENCES tenants,
    exception_id     bigint      NOT NULL,
    platform         text        NOT NULL CHECK (platform IN ('teams', 'slack', 'web_chat', 'cli')),
    realm            text        NOT NULL,
    conversation_id  text        NOT NULL,
    service_url      text,
    -- Slack ts, Teams activity id, Direct Line activity id.
    message_id       text        NOT NULL,
    language         language_code NOT NULL DEFAULT 'en',
    posted_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, exception_id, platform, conversation_id)
);

-- One row per exception card a subscription's digest posted on a local day: the key, not the
-- scheduler's luck, stops a second card for the same exception in the same channel that day.
-- Its outbox row has the dedupe key digest:<subscription>:<local date>:<exception>.
CREATE TABLE digest_deliveries (
    tenant_id        text COLLATE "C" NOT NULL,
    subscription_id  bigint      NOT NULL,
    exception_id     bigint      NOT NULL,
    local_date       date        NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id, exception_id, local_date),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES digest_subscriptions ON DELETE CASCADE
);

SELECT allometry_isolate_tenant_tables();
