-- Fuzzy name search (payer and project names typed by people in chat) needs trigram indexes over
-- accent-free text. These extensions are "trusted": a database owner can create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
-- GIN over plain columns (invoices by payer or project in one index).
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index
-- expression. The usual wrapper pins the dictionary and declares the result IMMUTABLE.
CREATE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN unaccent('unaccent'::regdictionary, $1);

-- The text fuzzy search looks at: a name and its aliases, lower-cased and without accents.
CREATE FUNCTION f_search_text(name text, aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(f_unaccent(coalesce(name, '') || ' ' || coalesce(array_to_string(aliases, ' '), '')));
