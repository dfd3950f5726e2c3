-- The ledger of each tenant as its imports left it. Every table is keyed by (tenant_id, the
-- contract's natural id) and remembers which import last changed a row (import_id, as_of), where
-- that import read it (src_index into imports.sources, src_row as a person counts rows: header = 1)
-- and when (updated_at). Previous versions of changed rows go to ledger_history.
--
-- import_id columns are deliberately not foreign keys: they are an audit trail, and a foreign key
-- would add a trigger call per row to million-row loads.

CREATE TABLE tenants (
    tenant_id                text COLLATE "C" PRIMARY KEY,
    -- Names the tenant's partition of invoices (tenant ids are free text, not identifiers).
    tenant_no                integer     GENERATED ALWAYS AS IDENTITY UNIQUE,
    name                     text        NOT NULL,
    currency                 char(3)     NOT NULL DEFAULT 'CAD',
    seller_province          province,
    seller_gst_hst_number    text,
    seller_qst_number        text,
    seller_pst_registrations province[]  NOT NULL DEFAULT '{}',
    language                 language_code NOT NULL DEFAULT 'en',
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now()
);

-- The import journal: one row per import that committed (a rejected import writes nothing).
CREATE TABLE imports (
    import_id       bigserial   PRIMARY KEY,
    tenant_id       text COLLATE "C" NOT NULL REFERENCES tenants,
    as_of           date        NOT NULL,
    sources         text[]      NOT NULL,
    content_sha256  text,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    -- {"invoices": {"read": 10, "inserted": 2, "updated": 1, "unchanged": 7}, ...}
    counts          jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX imports_tenant_idx ON imports (tenant_id, import_id DESC);

CREATE TABLE payers (
    tenant_id       text COLLATE "C" NOT NULL REFERENCES tenants,
    payer_id        text COLLATE "C" NOT NULL,
    name            text          NOT NULL,
    aliases         text[]        NOT NULL DEFAULT '{}',
    province        province,
    gst_hst_number  text,
    qst_number      text,
    credit_limit    numeric(14,2),
    language        language_code,
    email           text,
    src_index       integer,
    src_row         integer,
    import_id       bigint        NOT NULL,
    as_of           date          NOT NULL,
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, payer_id)
);
CREATE INDEX payers_search_idx ON payers USING gin (f_search_text(name, aliases) gin_trgm_ops);

CREATE TABLE entity_links (
    tenant_id       text COLLATE "C" NOT NULL,
    from_payer_id   text COLLATE "C" NOT NULL,
    to_payer_id     text COLLATE "C" NOT NULL,
    kind            entity_link_kind NOT NULL,
    effective_date  date,
    note            text,
    src_index       integer,
    src_row         integer,
    import_id       bigint           NOT NULL,
    as_of           date             NOT NULL,
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, from_payer_id, to_payer_id, kind),
    FOREIGN KEY (tenant_id, from_payer_id) REFERENCES payers,
    FOREIGN KEY (tenant_id, to_payer_id) REFERENCES payers
);
CREATE INDEX entity_links_to_idx ON entity_links (tenant_id, to_payer_id);

CREATE TABLE projects (
    tenant_id          text COLLATE "C" NOT NULL,
    project_id         text COLLATE "C" NOT NULL,
    name               text           NOT NULL,
    site_province      province       NOT NULL,
    site_city          text,
    pm_email           text,
    contract_payer_id  text COLLATE "C" NOT NULL,
    current_payer_id   text COLLATE "C",
    supply_type        supply_type,
    deposit_pct        percentage,
    retainage_pct      percentage,
    release_rule       release_rule,
    release_days       integer,
    contract_date      date,
    csp_published_on   date,
    reception_on       date,
    fin_travaux_on     date,
    completed_on       date,
    status             project_status,
    src_index          integer,
    src_row            integer,
    import_id          bigint         NOT NULL,
    as_of              date           NOT NULL,
    updated_at         timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, project_id),
    FOREIGN KEY (tenant_id, contract_payer_id) REFERENCES payers,
    FOREIGN KEY (tenant_id, current_payer_id) REFERENCES payers
);
CREATE INDEX projects_contract_payer_idx ON projects (tenant_id, contract_payer_id);
CREATE INDEX projects_current_payer_idx ON projects (tenant_id, current_payer_id) WHERE current_payer_id IS NOT NULL;
CREATE INDEX projects_search_idx ON projects USING gin (f_search_text(name, ARRAY[site_city]) gin_trgm_ops);

CREATE TABLE deliveries (
    tenant_id     text COLLATE "C" NOT NULL,
    project_id    text COLLATE "C" NOT NULL,
    milestone     text             NOT NULL,
    scheduled_on  date             NOT NULL,
    delivered_on  date,
    status        delivery_status,
    src_index     integer,
    src_row       integer,
    import_id     bigint           NOT NULL,
    as_of         date             NOT NULL,
    updated_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, project_id, milestone),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects
);

CREATE TABLE quotes (
    tenant_id     text COLLATE "C" NOT NULL,
    quote_id      text COLLATE "C" NOT NULL,
    project_id    text COLLATE "C" NOT NULL,
    payer_id      text COLLATE "C",
    quote_date    date,
    accepted_on   date,
    total_ex_tax  numeric(14,2)  NOT NULL,
    deposit_pct   percentage,
    status        quote_status,
    src_index     integer,
    src_row       integer,
    import_id     bigint         NOT NULL,
    as_of         date           NOT NULL,
    updated_at    timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, quote_id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects,
    FOREIGN KEY (tenant_id, payer_id) REFERENCES payers
);
CREATE INDEX quotes_project_idx ON quotes (tenant_id, project_id);

-- Partitioned by tenant: a tenant's first import loads its invoices into a fresh partition with
-- no index (as fast as a plain COPY), builds the indexes in bulk and attaches it; later imports
-- merge through the parent. The importer creates the partitions (invoices_t<tenant_no>).
CREATE TABLE invoices (
    tenant_id             text COLLATE "C" NOT NULL,
    invoice_id            text COLLATE "C" NOT NULL,
    payer_id              text COLLATE "C" NOT NULL,
    project_id            text COLLATE "C",
    kind                  invoice_kind    NOT NULL,
    issue_date            date            NOT NULL,
    due_date              date            NOT NULL,
    subtotal              numeric(14,2)   NOT NULL,
    gst                   numeric(14,2)   NOT NULL DEFAULT 0,
    hst                   numeric(14,2)   NOT NULL DEFAULT 0,
    qst                   numeric(14,2)   NOT NULL DEFAULT 0,
    pst                   numeric(14,2)   NOT NULL DEFAULT 0,
    total                 numeric(14,2)   NOT NULL,
    balance               numeric(14,2)   NOT NULL,
    retainage_held        numeric(14,2)   NOT NULL DEFAULT 0,
    tax_province          province,
    registration_numbers  text,
    currency              char(3)         NOT NULL DEFAULT 'CAD' CHECK (currency ~ '^[A-Z]{3}$'),
    status                invoice_status  NOT NULL DEFAULT 'open',
    origin                invoice_origin  NOT NULL DEFAULT 'workbook',
    src_index             integer,
    src_row               integer,
    import_id             bigint          NOT NULL,
    as_of                 date            NOT NULL,
    updated_at            timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, invoice_id),
    FOREIGN KEY (tenant_id, payer_id) REFERENCES payers
) PARTITION BY LIST (tenant_id);
-- One GIN index answers "invoices of payer X" and "invoices of project Y" alike (GIN, unlike a
-- btree, serves any subset of its columns) and builds in one pass: two btrees cost a million-row
-- load twice as much. The optional project reference has no foreign key for the same reason (its
-- validation would double the time to attach a partition); the importer checks it like every
-- other reference, in bulk, before writing.
CREATE INDEX invoices_lookup_idx ON invoices USING gin (tenant_id, payer_id, project_id);

CREATE TABLE payments (
    tenant_id    text COLLATE "C" NOT NULL,
    payment_id   text COLLATE "C" NOT NULL,
    payer_id     text COLLATE "C" NOT NULL,
    received_on  date          NOT NULL,
    amount       numeric(14,2) NOT NULL,
    reference    text,
    method       text,
    src_index    integer,
    src_row      integer,
    import_id    bigint        NOT NULL,
    as_of        date          NOT NULL,
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, payment_id),
    FOREIGN KEY (tenant_id, payer_id) REFERENCES payers
);
CREATE INDEX payments_payer_idx ON payments (tenant_id, payer_id);

CREATE TABLE payment_applications (
    tenant_id    text COLLATE "C" NOT NULL,
    payment_id   text COLLATE "C" NOT NULL,
    invoice_id   text COLLATE "C" NOT NULL,
    amount       numeric(14,2) NOT NULL,
    src_index    integer,
    src_row      integer,
    import_id    bigint        NOT NULL,
    as_of        date          NOT NULL,
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, payment_id, invoice_id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments,
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices
);
CREATE INDEX payment_applications_invoice_idx ON payment_applications (tenant_id, invoice_id);

-- A hold is identified by (project, invoice); a project-level hold has no invoice, hence
-- NULLS NOT DISTINCT (PostgreSQL 15) instead of a primary key.
CREATE TABLE retainage_holds (
    tenant_id           text COLLATE "C" NOT NULL,
    project_id          text COLLATE "C" NOT NULL,
    invoice_id          text COLLATE "C",
    held_amount         numeric(14,2) NOT NULL,
    release_due_on      date,
    released_on         date,
    release_invoice_id  text COLLATE "C",
    collected_on        date,
    src_index           integer,
    src_row             integer,
    import_id           bigint        NOT NULL,
    as_of               date          NOT NULL,
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT retainage_holds_key UNIQUE NULLS NOT DISTINCT (tenant_id, project_id, invoice_id),
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects,
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices,
    FOREIGN KEY (tenant_id, release_invoice_id) REFERENCES invoices
);

CREATE TABLE service_contracts (
    tenant_id                text COLLATE "C" NOT NULL,
    contract_id              text COLLATE "C" NOT NULL,
    payer_id                 text COLLATE "C" NOT NULL,
    project_id               text COLLATE "C",
    annual_fee               numeric(14,2) NOT NULL,
    renewal_date             date          NOT NULL,
    service_active           boolean,
    last_renewal_invoice_id  text COLLATE "C",
    src_index                integer,
    src_row                  integer,
    import_id                bigint        NOT NULL,
    as_of                    date          NOT NULL,
    updated_at               timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, contract_id),
    FOREIGN KEY (tenant_id, payer_id) REFERENCES payers,
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects,
    FOREIGN KEY (tenant_id, last_renewal_invoice_id) REFERENCES invoices
);

-- A promise is identified by (payer, invoice, promised_on); a promise may cover no single invoice.
CREATE TABLE promises (
    tenant_id        text COLLATE "C" NOT NULL,
    payer_id         text COLLATE "C" NOT NULL,
    invoice_id       text COLLATE "C",
    promised_on      date          NOT NULL,
    promised_amount  numeric(14,2) NOT NULL,
    recorded_on      date,
    src_index        integer,
    src_row          integer,
    import_id        bigint        NOT NULL,
    as_of            date          NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT promises_key UNIQUE NULLS NOT DISTINCT (tenant_id, payer_id, invoice_id, promised_on),
    FOREIGN KEY (tenant_id, payer_id) REFERENCES payers,
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices
);

-- transaction_id is the bank's id, or "auto:" + a digest of the line (+ "#n" for the n-th
-- identical line) when the statement has none, so re-importing a statement finds the same rows.
CREATE TABLE bank_transactions (
    tenant_id       text COLLATE "C" NOT NULL REFERENCES tenants,
    transaction_id  text COLLATE "C" NOT NULL,
    posted_on       date          NOT NULL,
    amount          numeric(14,2) NOT NULL,
    description     text,
    reference       text,
    account         text,
    src_index       integer,
    src_row         integer,
    import_id       bigint        NOT NULL,
    as_of           date          NOT NULL,
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, transaction_id)
);
CREATE INDEX bank_transactions_posted_idx ON bank_transactions (tenant_id, posted_on);

-- The previous version of every row an import changed, as it was before the change.
CREATE TABLE ledger_history (
    history_id  bigserial    PRIMARY KEY,
    tenant_id   text COLLATE "C" NOT NULL,
    -- The table the row lives in (invoices, payers, ...).
    entity      text         NOT NULL,
    -- The natural id; a JSON array of the parts for composite keys.
    entity_key  text         NOT NULL,
    import_id   bigint       NOT NULL REFERENCES imports,
    changed_at  timestamptz  NOT NULL DEFAULT now(),
    previous    jsonb        NOT NULL
);
CREATE INDEX ledger_history_entity_idx ON ledger_history (tenant_id, entity, entity_key, history_id);
CREATE INDEX ledger_history_import_idx ON ledger_history (import_id);
