-- Grain runtime tables. Times are Unix milliseconds (the same in SQLite and PostgreSQL).
CREATE TABLE grain_state (
  grain_type TEXT NOT NULL,
  grain_key TEXT NOT NULL,
  state_name TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (grain_type, grain_key, state_name)
);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  claimed_by TEXT NULL,
  claimed_until INTEGER NULL,
  completed_at INTEGER NULL,
  last_error TEXT NULL
);
CREATE INDEX outbox_pending ON outbox (due_at, id) WHERE completed_at IS NULL;

CREATE TABLE reminders (
  grain_type TEXT NOT NULL,
  grain_key TEXT NOT NULL,
  name TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  period_ms INTEGER NOT NULL,
  first_due_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  claimed_by TEXT NULL,
  claimed_until INTEGER NULL,
  PRIMARY KEY (grain_type, grain_key, name)
);
CREATE INDEX reminders_due ON reminders (due_at);

CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE silos (
  silo_id TEXT PRIMARY KEY,
  host_name TEXT NOT NULL,
  process_id INTEGER NOT NULL,
  roles TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL,
  stopped_at INTEGER NULL
);
