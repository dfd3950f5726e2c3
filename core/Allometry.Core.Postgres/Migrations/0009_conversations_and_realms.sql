-- Conversations: which tenant a chat workspace belongs to, and where the bot was installed.
--
-- A message arrives with only the speaker's realm (Entra tenant id, Slack team id, "local"): the
-- realm is the first thing resolved, before any tenant is known, so no TenantScope can read it.
-- chat_realms is still a tenant table under row-level security (an app scope sees and binds only
-- its own tenant's realms); the lookup by realm goes through the owner's function below, which
-- returns nothing but the tenant id.

CREATE TABLE chat_realms (
    platform   text        NOT NULL CHECK (platform IN ('teams', 'slack', 'web_chat', 'cli')),
    realm      text        NOT NULL CHECK (realm <> ''),
    tenant_id  text COLLATE "C" NOT NULL REFERENCES tenants,
    bound_at   timestamptz NOT NULL DEFAULT now(),
    bound_by   text,
    -- One tenant per realm: a workspace never talks to two tenants' data.
    PRIMARY KEY (platform, realm)
);
CREATE INDEX chat_realms_tenant_idx ON chat_realms (tenant_id);

CREATE FUNCTION allometry_tenant_of_realm(p_platform text, p_realm text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT tenant_id FROM chat_realms WHERE platform = p_platform AND realm = p_realm $$;
REVOKE ALL ON FUNCTION allometry_tenant_of_realm(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION allometry_tenant_of_realm(text, text) TO allometry_app;

-- A conversation the bot is in (Teams personal chat, channel or group chat; Slack IM or channel;
-- a web-chat conversation): the reference proactive posts need (service_url for Teams and Direct
-- Line), and the project a channel is bound to ("what's owed?" there means that project).
CREATE TABLE chat_conversations (
    tenant_id        text COLLATE "C" NOT NULL REFERENCES tenants,
    platform         text        NOT NULL CHECK (platform IN ('teams', 'slack', 'web_chat', 'cli')),
    realm            text        NOT NULL,
    conversation_id  text        NOT NULL,
    service_url      text,
    kind             text        NOT NULL CHECK (kind IN ('personal', 'channel', 'group')),
    project_id       text COLLATE "C",
    installed_at     timestamptz NOT NULL DEFAULT now(),
    installed_by     text,
    PRIMARY KEY (tenant_id, platform, realm, conversation_id)
);

SELECT allometry_isolate_tenant_tables();
