-- Exactly-once posts across a crash. A dispatcher killed between the platform's "ok" and marking
-- the row sent leaves it 'sending' until its lease expires; the next claim cannot know whether
-- that post landed. These columns let it ask the platform instead of posting a second card:
-- each post carries the key allometry-outbox-<outbox_id>, and the claim says since when the
-- row's posts may have landed unrecorded.

-- When the current (or last) claim of the row started: the earliest moment its post can carry.
ALTER TABLE outbox ADD COLUMN attempt_started_at timestamptz;

-- Set by a claim that takes a post over from an expired lease: the start of the first attempt
-- whose outcome is unknown. Until the row is sent, every attempt first looks the post up (from
-- this instant on) before posting. Null for a post never interrupted, and for updates and
-- deletes (doing those twice changes nothing).
ALTER TABLE outbox ADD COLUMN unsettled_since timestamptz;

-- How the last interrupted post was settled, kept after it is sent so an operator can see it:
-- found (the lost post was found and recorded, nothing re-posted), not_found (looked up, absent,
-- posted once), lookup_failed:<code> or no_lookup (posted again without knowing: a duplicate card
-- is possible). A short machine code, never a body.
ALTER TABLE outbox ADD COLUMN reconciliation text CHECK (length(reconciliation) <= 80);

SELECT allometry_isolate_tenant_tables();
