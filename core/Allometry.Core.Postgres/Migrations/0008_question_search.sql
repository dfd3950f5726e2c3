-- Fuzzy name search for chat questions, inside the asker's tenant, through the trigram indexes.
--
-- Under row-level security the planner cannot use projects_search_idx / payers_search_idx:
-- pg_trgm's operators are not LEAKPROOF, so a query run as allometry_app evaluates them after the
-- tenant policy, row by row (f_unaccent included) — tens of milliseconds on a large tenant. This
-- function runs as the owner (SECURITY DEFINER, so the indexes apply) and filters on exactly what
-- the tenant_isolation policy compares: the transaction's allometry.tenant_id setting. The tenant
-- is never an argument, so a caller cannot name another tenant; outside a TenantScope the setting
-- is empty and nothing matches.
CREATE FUNCTION f_question_candidates(q text, want_projects boolean, want_payers boolean)
RETURNS TABLE (kind text, id text, name text, pmemail text, score float8, whole float8)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT 'project', p.project_id::text, p.name, p.pm_email,
           word_similarity(lower(f_unaccent(q)), f_search_text(p.name, ARRAY[p.site_city]))::float8,
           similarity(lower(f_unaccent(q)), f_search_text(p.name, ARRAY[p.site_city]))::float8
    FROM projects p
    WHERE want_projects
      AND lower(f_unaccent(q)) <% f_search_text(p.name, ARRAY[p.site_city])
      AND p.tenant_id = current_setting('allometry.tenant_id', true)
    UNION ALL
    SELECT 'payer', y.payer_id::text, y.name, NULL,
           word_similarity(lower(f_unaccent(q)), f_search_text(y.name, y.aliases))::float8,
           similarity(lower(f_unaccent(q)), f_search_text(y.name, y.aliases))::float8
    FROM payers y
    WHERE want_payers
      AND lower(f_unaccent(q)) <% f_search_text(y.name, y.aliases)
      AND y.tenant_id = current_setting('allometry.tenant_id', true)
$$;

REVOKE ALL ON FUNCTION f_question_candidates(text, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION f_question_candidates(text, boolean, boolean) TO allometry_app;
