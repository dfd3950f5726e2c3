-- Digests: channel subscriptions (morning digest, weekly executive summary) and the figures each
-- weekly summary computed, so the next week's summary can show week-over-week deltas against what
-- was actually reported. The host's scheduler reads kind, local_time, weekday and time_zone.

-- A channel that receives a digest. filters: {"province": "QC", "project_manager": "pm@…",
-- "projects": ["PRJ-1"], "min_severity": "medium", "top": 10}; absent keys match everything.
CREATE TABLE digest_subscriptions (
    tenant_id        text COLLATE "C" NOT NULL REFERENCES tenants,
    subscription_id  bigint GENERATED ALWAYS AS IDENTITY,
    kind             text        NOT NULL CHECK (kind IN ('morning', 'weekly')),
    platform         text        NOT NULL CHECK (platform IN ('teams', 'slack', 'web_chat', 'cli')),
    realm            text        NOT NULL,
    conversation_id  text        NOT NULL,
    service_url      text,
    language         language_code NOT NULL DEFAULT 'en',
    local_time       time        NOT NULL,
    -- IANA zone ("America/Toronto"), validated by SubscriptionStore.
    time_zone        text        NOT NULL,
    -- ISO day of week (1 = Monday) a weekly summary goes out; null for a morning digest (every day).
    weekday          smallint    CHECK (weekday BETWEEN 1 AND 7),
    filters          jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filters) = 'object'),
    created_by       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- The local date of the last digest posted; the scheduler's "already sent today" mark.
    last_sent_on     date,
    PRIMARY KEY (tenant_id, subscription_id),
    CONSTRAINT digest_subscriptions_weekday CHECK ((kind = 'weekly') = (weekday IS NOT NULL))
);
CREATE INDEX digest_subscriptions_channel_idx ON digest_subscriptions (platform, realm, conversation_id);

-- The figures of one weekly summary as computed (exact to the cent). One row per subscription and
-- week ending; recomputing the same week replaces its row.
CREATE TABLE weekly_summary_snapshots (
    tenant_id          text COLLATE "C" NOT NULL,
    subscription_id    bigint        NOT NULL,
    week_ending        date          NOT NULL,
    total_ar           numeric(14,2) NOT NULL,
    overdue            numeric(14,2) NOT NULL,
    retainage_held     numeric(14,2) NOT NULL,
    retainage_due      numeric(14,2) NOT NULL,
    retainage_overdue  numeric(14,2) NOT NULL,
    deposits_at_risk   numeric(14,2) NOT NULL,
    open_exceptions    integer       NOT NULL,
    amount_at_risk     numeric(14,2) NOT NULL,
    computed_at        timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, subscription_id, week_ending),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES digest_subscriptions ON DELETE CASCADE
);

SELECT allometry_isolate_tenant_tables();
