-- People administration: an administrator links and unlinks chat identities (allometry users
-- link|unlink). Tenant permission settings need no schema: they live in tenant_settings.settings
-- under "permissions" (Settings.TenantSettingsStore), beside the rule thresholds.

-- platform_identities has no tenant_id (a person's identity is theirs, whichever tenants they work
-- for), so the tenant policy cannot guard it. Unlinking gets its own rule instead: a tenant scope
-- may delete only the identities of people who work for that tenant (tenant_memberships is itself
-- filtered to the scope's tenant), never another tenant's link. Reading, linking and re-linking
-- keep the access they had.
ALTER TABLE platform_identities ENABLE ROW LEVEL SECURITY;
CREATE POLICY platform_identities_read ON platform_identities FOR SELECT TO allometry_app USING (true);
CREATE POLICY platform_identities_link ON platform_identities FOR INSERT TO allometry_app WITH CHECK (true);
CREATE POLICY platform_identities_relink ON platform_identities FOR UPDATE TO allometry_app USING (true) WITH CHECK (true);
CREATE POLICY platform_identities_unlink_own_people ON platform_identities FOR DELETE TO allometry_app
    USING (EXISTS (SELECT 1 FROM tenant_memberships m WHERE m.user_id = platform_identities.user_id));
GRANT DELETE ON platform_identities TO allometry_app;

SELECT allometry_isolate_tenant_tables();
