-- Grain runtime tables. Times are Unix milliseconds (the same in SQLite and PostgreSQL).
CREATE TABLE grain_state (
  grain_type TEXT NOT NULL,
  grain_key TEXT NOT NULL,
  state_name TEXT NOT NULL,
  version BIGINT NOT NULL,
  data TEXT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (grain_type, grain_key, state_name)
);

CREATE TABLE outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  claimed_by TEXT NULL,
  claimed_until BIGINT NULL,
  completed_at BIGINT NULL,
  last_error TEXT NULL
);
CREATE INDEX outbox_pending ON outbox (due_at, id) WHERE completed_at IS NULL;

CREATE TABLE reminders (
  grain_type TEXT NOT NULL,
  grain_key TEXT NOT NULL,
  name TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  period_ms BIGINT NOT NULL,
  first_due_at BIGINT NOT NULL,
  version BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  claimed_by TEXT NULL,
  claimed_until BIGINT NULL,
  PRIMARY KEY (grain_type, grain_key, name)
);
CREATE INDEX reminders_due ON reminders (due_at);

CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE silos (
  silo_id TEXT PRIMARY KEY,
  host_name TEXT NOT NULL,
  process_id INTEGER NOT NULL,
  roles TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  heartbeat_at BIGINT NOT NULL,
  stopped_at BIGINT NULL
);

-- Wake the pumps of every silo at once when work arrives, instead of at their next poll.
CREATE FUNCTION callping_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION callping_notify('callping_outbox');
CREATE TRIGGER reminders_notify AFTER INSERT OR UPDATE OF due_at ON reminders
  FOR EACH STATEMENT EXECUTE FUNCTION callping_notify('callping_reminders');
