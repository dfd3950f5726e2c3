-- Tenant isolation in the database itself, not only in WHERE clauses.
--
-- Request-serving code runs inside a TenantScope: a transaction that does
-- SET LOCAL ROLE allometry_app and set_config('allometry.tenant_id', <tenant>, true).
-- allometry_app is not a superuser and owns nothing, so the policies below apply to it; the
-- owner (migrations, imports, cross-tenant jobs) is not filtered.

-- Roles are cluster-wide and several databases (one per test run) may migrate at once.
DO $$
BEGIN
    CREATE ROLE allometry_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- A non-superuser owner needs membership to SET ROLE.
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT allometry_app TO %I', current_user);
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO allometry_app;

-- Puts every table that has a tenant_id column under the tenant_isolation policy, and grants the
-- app role what it needs. Idempotent: later migrations call it after creating tables.
CREATE FUNCTION allometry_isolate_tenant_tables() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.oid::regclass AS tbl, c.relname
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t.tbl);
        IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = t.tbl AND polname = 'tenant_isolation') THEN
            EXECUTE format(
                'CREATE POLICY tenant_isolation ON %s TO allometry_app '
                'USING (tenant_id = current_setting(''allometry.tenant_id'', true)) '
                'WITH CHECK (tenant_id = current_setting(''allometry.tenant_id'', true))', t.tbl);
        END IF;
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO allometry_app', t.tbl);
    END LOOP;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO allometry_app;
END
$$;

SELECT allometry_isolate_tenant_tables();
