-- The scheduler's own state: Quartz.NET 4.7's persistent ADO.NET job store (AdoJobStore with the
-- PostgreSQL delegate), clustered. Every host instance points at these tables; the row locks in
-- qrtz_locks and the check-ins in qrtz_scheduler_state are how one instance fires each trigger
-- once and how a live instance takes over the firings of a dead one.
--
-- Written from the store's documented requirements (the table and column names it validates at
-- start, AdoConstants, and the types its PostgreSQL delegate binds): times are .NET ticks in
-- bigint, flags are bool, serialized job data and calendars are bytea. Only the tables every
-- scheduler needs; the optional execution-history tables are left out because the host does not
-- turn UseExecutionHistory() on (its own logs and `allometry jobs list` say what ran).
--
-- Not tenant tables (no tenant_id, no row-level security): a job's data names its tenant, and
-- the job enters a TenantScope itself when it reads tenant rows. sched_name lets several
-- schedulers share the tables; Allometry runs one, "allometry".

-- A job: what runs (the .NET type), whether it survives without triggers, whether it may run
-- concurrently with itself, and its serialized JobDataMap.
CREATE TABLE qrtz_job_details (
    sched_name         text    NOT NULL,
    job_name           text    NOT NULL,
    job_group          text    NOT NULL,
    description        text,
    job_class_name     text    NOT NULL,
    is_durable         boolean NOT NULL,
    is_nonconcurrent   boolean NOT NULL,
    is_update_data     boolean NOT NULL,
    requests_recovery  boolean NOT NULL,
    job_data           bytea,
    PRIMARY KEY (sched_name, job_name, job_group)
);

-- A trigger: when its job fires next, its state (WAITING, ACQUIRED, EXECUTING, PAUSED, BLOCKED,
-- ERROR, COMPLETE, AWAITING), and the 4.x additions the store reads with every trigger: misfire
-- bookkeeping, execution groups and preferred nodes, retry policy, continuations, overlap policy,
-- pause records, the trigger's own misfire threshold and fixed-delay flag.
CREATE TABLE qrtz_triggers (
    sched_name               text    NOT NULL,
    trigger_name             text    NOT NULL,
    trigger_group            text    NOT NULL,
    job_name                 text    NOT NULL,
    job_group                text    NOT NULL,
    description              text,
    next_fire_time           bigint,
    prev_fire_time           bigint,
    priority                 integer,
    trigger_state            text    NOT NULL,
    trigger_type             text    NOT NULL,
    start_time               bigint  NOT NULL,
    end_time                 bigint,
    calendar_name            text,
    misfire_instr            smallint,
    misfire_orig_fire_time   bigint,
    execution_group          varchar(200),
    preferred_node           varchar(200),
    preferred_node_auto      boolean NOT NULL DEFAULT false,
    retry_policy             varchar(250),
    retry_attempt            integer,
    continues_trigger_name   text,
    continues_trigger_group  text,
    continuation_condition   integer,
    overlap_policy           integer,
    pause_reason             varchar(250),
    paused_by                varchar(200),
    paused_at                bigint,
    misfire_threshold        bigint,
    fixed_delay              boolean,
    job_data                 bytea,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);

-- The schedule of each trigger kind lives beside the trigger row, one table per kind.
CREATE TABLE qrtz_simple_triggers (
    sched_name       text   NOT NULL,
    trigger_name     text   NOT NULL,
    trigger_group    text   NOT NULL,
    repeat_count     bigint NOT NULL,
    repeat_interval  bigint NOT NULL,
    times_triggered  bigint NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

-- Cron triggers carry their IANA zone: the store evaluates "07:30 on weekdays" in that zone, so
-- the fire instant moves with daylight saving time and the local time does not.
CREATE TABLE qrtz_cron_triggers (
    sched_name       text NOT NULL,
    trigger_name     text NOT NULL,
    trigger_group    text NOT NULL,
    cron_expression  text NOT NULL,
    time_zone_id     text,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

-- Calendar-interval and daily-time-interval triggers keep their settings in generic slots.
CREATE TABLE qrtz_simprop_triggers (
    sched_name     text NOT NULL,
    trigger_name   text NOT NULL,
    trigger_group  text NOT NULL,
    str_prop_1     text,
    str_prop_2     text,
    str_prop_3     text,
    int_prop_1     integer,
    int_prop_2     integer,
    long_prop_1    bigint,
    long_prop_2    bigint,
    dec_prop_1     numeric,
    dec_prop_2     numeric,
    bool_prop_1    boolean,
    bool_prop_2    boolean,
    time_zone_id   text,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

-- Any other trigger kind, serialized whole.
CREATE TABLE qrtz_blob_triggers (
    sched_name     text NOT NULL,
    trigger_name   text NOT NULL,
    trigger_group  text NOT NULL,
    blob_data      bytea,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers ON DELETE CASCADE
);

CREATE TABLE qrtz_calendars (
    sched_name     text  NOT NULL,
    calendar_name  text  NOT NULL,
    calendar       bytea NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
);

-- Paused groups, with who paused them and why (so a pause survives a restart of every node).
CREATE TABLE qrtz_paused_trigger_grps (
    sched_name     text NOT NULL,
    trigger_group  text NOT NULL,
    pause_reason   varchar(250),
    paused_by      varchar(200),
    paused_at      bigint,
    PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE qrtz_paused_job_grps (
    sched_name    text NOT NULL,
    job_group     text NOT NULL,
    pause_reason  varchar(250),
    paused_by     varchar(200),
    paused_at     bigint,
    PRIMARY KEY (sched_name, job_group)
);

-- Firings in progress, per instance: what a surviving instance reads to recover the jobs of an
-- instance that stopped checking in (requests_recovery) and to release non-concurrent jobs.
CREATE TABLE qrtz_fired_triggers (
    sched_name                text    NOT NULL,
    entry_id                  text    NOT NULL,
    trigger_name              text    NOT NULL,
    trigger_group             text    NOT NULL,
    instance_name             text    NOT NULL,
    fired_time                bigint  NOT NULL,
    sched_time                bigint  NOT NULL,
    priority                  integer NOT NULL,
    state                     text    NOT NULL,
    job_name                  text,
    job_group                 text,
    is_nonconcurrent          boolean NOT NULL,
    requests_recovery         boolean,
    execution_group           varchar(200),
    progress                  integer,
    progress_message          varchar(250),
    interrupt_requested_time  bigint,
    PRIMARY KEY (sched_name, entry_id)
);

-- One row per live instance, refreshed every check-in interval; a row older than the interval
-- plus the tolerance marks a dead instance.
CREATE TABLE qrtz_scheduler_state (
    sched_name         text   NOT NULL,
    instance_name      text   NOT NULL,
    last_checkin_time  bigint NOT NULL,
    checkin_interval   bigint NOT NULL,
    quartz_version     varchar(20),
    PRIMARY KEY (sched_name, instance_name)
);

-- The cluster's mutexes (TRIGGER_ACCESS, STATE_ACCESS), taken with SELECT … FOR UPDATE.
CREATE TABLE qrtz_locks (
    sched_name  text NOT NULL,
    lock_name   text NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
);

-- The reads the store makes on every firing round: due triggers by state and time, a job's
-- triggers, a group's triggers, an instance's firings at recovery.
CREATE INDEX qrtz_triggers_due_idx ON qrtz_triggers (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr);
CREATE INDEX qrtz_triggers_job_idx ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX qrtz_triggers_group_idx ON qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX qrtz_triggers_calendar_idx ON qrtz_triggers (sched_name, calendar_name);
CREATE INDEX qrtz_job_details_group_idx ON qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX qrtz_fired_triggers_instance_idx ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX qrtz_fired_triggers_job_idx ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX qrtz_fired_triggers_trigger_idx ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
