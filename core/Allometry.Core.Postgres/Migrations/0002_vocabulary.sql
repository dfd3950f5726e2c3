-- The closed vocabularies of the import contract, spelled as LedgerVocabulary.ToCode spells the
-- C# enums (a test compares these lists with LedgerVocabulary.AllCodes). One domain per
-- vocabulary keeps the list in one place however many columns use it.
CREATE DOMAIN province AS text
    CHECK (VALUE IN ('AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'));
CREATE DOMAIN language_code AS text
    CHECK (VALUE IN ('en', 'fr'));
CREATE DOMAIN invoice_kind AS text
    CHECK (VALUE IN ('deposit', 'progress', 'final', 'retainage_release', 'service', 'other'));
CREATE DOMAIN invoice_status AS text
    CHECK (VALUE IN ('open', 'paid', 'void'));
CREATE DOMAIN invoice_origin AS text
    CHECK (VALUE IN ('workbook', 'aging_detail', 'aging_summary'));
CREATE DOMAIN supply_type AS text
    CHECK (VALUE IN ('goods', 'lease', 'construction', 'service'));
CREATE DOMAIN release_rule AS text
    CHECK (VALUE IN ('on_csp', 'on_annual', 'qc_reception', 'days_after_final'));
CREATE DOMAIN project_status AS text
    CHECK (VALUE IN ('quoted', 'active', 'delivered', 'installed', 'substantially_complete', 'closed'));
CREATE DOMAIN delivery_status AS text
    CHECK (VALUE IN ('pending', 'delivered', 'installed', 'cancelled'));
CREATE DOMAIN quote_status AS text
    CHECK (VALUE IN ('draft', 'sent', 'accepted', 'declined', 'expired'));
CREATE DOMAIN entity_link_kind AS text
    CHECK (VALUE IN ('parent', 'affiliate', 'successor', 'handoff'));

-- Percentages as written (50 means 50 %).
CREATE DOMAIN percentage AS numeric(7, 4) CHECK (VALUE BETWEEN 0 AND 100);
