-- Teams: conversations whose writes the connector refused with 403 MessageWritesBlocked (the user
-- blocked the bot, or a chat no longer accepts its posts). Recorded so every instance, before and
-- after a restart, stops posting there quietly instead of calling the connector again; cleared when
-- the conversation speaks to the bot again (a message, a conversationUpdate, a re-installation).
--
-- No tenant_id, on purpose (as slack_installations in 0012): the outbox's channel knows a Teams
-- conversation id and its Entra realm, not the tenant, and a block is a fact about the platform's
-- conversation, not about any tenant's data. The Teams adapter reads and writes it as the owner;
-- allometry_app gets no grant.

CREATE TABLE teams_write_blocks (
    -- The id the outbox addresses (a channel, a chat, a thread, or a user's 29: id for a 1:1) and,
    -- for a 1:1, also the personal chat's a: id the post actually went to: one row each.
    conversation_id  text PRIMARY KEY CHECK (conversation_id <> ''),
    realm            text,
    -- The connector's answer that blocked it: the error code (never the message, which may quote
    -- content) and the HTTP status.
    error_code       text NOT NULL CHECK (error_code <> ''),
    http_status      integer NOT NULL CHECK (http_status BETWEEN 400 AND 599),
    blocked_at       timestamptz NOT NULL,
    -- Posts refused since without calling the connector, and the latest one, for the operator's list.
    refused_posts    integer NOT NULL DEFAULT 0 CHECK (refused_posts >= 0),
    last_refused_at  timestamptz
);
CREATE INDEX teams_write_blocks_blocked_at ON teams_write_blocks (blocked_at);

SELECT allometry_isolate_tenant_tables();
