/**
 * Numbered schema migrations. Each runs in one transaction together with its `user_version` bump,
 * so a crash leaves the file at the previous version, never between two.
 * Append only: never edit a migration that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table other tables reference (SQLite cannot alter a CHECK): foreign keys are switched off
   * around the migration's transaction, as SQLite's documented rebuild asks, and checked before it commits.
   */
  rebuildsReferencedTable?: true;
}

/**
 * The spend table's triggers: the rollup kept equal to a GROUP BY over the lines, and lines immutable.
 * Created by version 1 and again by version 2's rebuild of the table; frozen like the migrations using it.
 */
const SPEND_TRIGGERS = `CREATE TRIGGER spend_rollup_insert AFTER INSERT ON spend BEGIN
  INSERT INTO spend_monthly (month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count)
  VALUES (NEW.month, coalesce(NEW.initiative_id, 0), NEW.category, coalesce(NEW.vendor, ''), NEW.currency,
          coalesce(NEW.batch_id, 0), NEW.amount_micro, 1)
  ON CONFLICT DO UPDATE SET amount_micro = amount_micro + excluded.amount_micro, line_count = line_count + 1;
END;

CREATE TRIGGER spend_rollup_delete AFTER DELETE ON spend BEGIN
  UPDATE spend_monthly SET amount_micro = amount_micro - OLD.amount_micro, line_count = line_count - 1
   WHERE month = OLD.month AND initiative_id = coalesce(OLD.initiative_id, 0) AND category = OLD.category
     AND vendor = coalesce(OLD.vendor, '') AND currency = OLD.currency AND batch_id = coalesce(OLD.batch_id, 0);
  DELETE FROM spend_monthly
   WHERE line_count = 0 AND month = OLD.month AND initiative_id = coalesce(OLD.initiative_id, 0)
     AND category = OLD.category AND vendor = coalesce(OLD.vendor, '') AND currency = OLD.currency
     AND batch_id = coalesce(OLD.batch_id, 0);
END;

CREATE TRIGGER spend_no_update BEFORE UPDATE ON spend BEGIN
  SELECT RAISE(ABORT, 'spend lines are immutable: undo the batch and import again');
END;
`;

export const APPLICATION_ID = 0x43414953; // "CAIS": marks a file as a CAIO Scorecard workspace

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'data model',
    sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('spend','budget','benefits','kpis','initiatives','fx')),
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_size INTEGER NOT NULL DEFAULT 0,
  sheet TEXT,
  imported_at TEXT NOT NULL,
  row_count INTEGER NOT NULL DEFAULT 0,
  excluded_count INTEGER NOT NULL DEFAULT 0,
  total_micro INTEGER,
  currency TEXT,
  mapping_json TEXT,
  problems_json TEXT,
  status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed','undone')),
  undone_at TEXT
) STRICT;

CREATE TABLE initiatives (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  owner TEXT,
  business_unit TEXT,
  stage TEXT NOT NULL DEFAULT 'idea' CHECK (stage IN ('idea','experiment','pilot','production','retired')),
  risk_tier INTEGER NOT NULL DEFAULT 1 CHECK (risk_tier BETWEEN 1 AND 4),
  approval_date TEXT,
  has_baseline INTEGER NOT NULL DEFAULT 0 CHECK (has_baseline IN (0,1)),
  has_outcome_instrumentation INTEGER NOT NULL DEFAULT 0 CHECK (has_outcome_instrumentation IN (0,1)),
  concept_approved_date TEXT,
  production_date TEXT,
  description TEXT,
  extra_json TEXT,
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;

CREATE TABLE spend (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  month TEXT NOT NULL,
  amount_micro INTEGER NOT NULL,
  currency TEXT NOT NULL,
  initiative_id INTEGER REFERENCES initiatives(id),
  category TEXT NOT NULL CHECK (category IN ('platform','model_api','compute','labor','tooling','other')),
  vendor TEXT,
  cost_center TEXT,
  description TEXT,
  tokens_in INTEGER,
  tokens_out INTEGER,
  requests INTEGER,
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;
CREATE INDEX spend_batch ON spend(batch_id);
CREATE INDEX spend_month ON spend(month, initiative_id);

-- Monthly rollup kept exact by triggers, so reports never rescan the line table.
CREATE TABLE spend_monthly (
  month TEXT NOT NULL,
  initiative_id INTEGER NOT NULL DEFAULT 0, -- 0 = shared platform
  category TEXT NOT NULL,
  vendor TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL,
  batch_id INTEGER NOT NULL DEFAULT 0,
  amount_micro INTEGER NOT NULL,
  line_count INTEGER NOT NULL,
  PRIMARY KEY (month, initiative_id, category, vendor, currency, batch_id)
) STRICT, WITHOUT ROWID;

${SPEND_TRIGGERS}
CREATE TABLE budget (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  amount_micro INTEGER NOT NULL,
  currency TEXT NOT NULL,
  initiative_id INTEGER REFERENCES initiatives(id),
  category TEXT CHECK (category IS NULL OR category IN ('platform','model_api','compute','labor','tooling','other')),
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;
CREATE INDEX budget_month ON budget(month);
CREATE INDEX budget_batch ON budget(batch_id);

CREATE TABLE benefits (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  month TEXT NOT NULL,
  initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
  amount_micro INTEGER NOT NULL,
  currency TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('revenue','cost_savings','productivity','risk_avoidance','other')),
  realized INTEGER NOT NULL CHECK (realized IN (0,1)),
  description TEXT,
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;
CREATE INDEX benefits_month ON benefits(month, initiative_id);
CREATE INDEX benefits_batch ON benefits(batch_id);

CREATE TABLE fx_rates (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  currency TEXT NOT NULL,
  rate TEXT NOT NULL, -- decimal text: units of reporting currency per 1 unit of currency
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;
CREATE INDEX fx_month ON fx_rates(month, currency);
CREATE INDEX fx_batch ON fx_rates(batch_id);

CREATE TABLE kpis (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL CHECK (unit IN ('ratio','currency','count','days','hours','score')),
  direction TEXT NOT NULL CHECK (direction IN ('higher','lower','band')),
  target REAL NOT NULL,
  amber REAL NOT NULL,
  tolerance REAL,
  aggregation TEXT NOT NULL CHECK (aggregation IN ('last','mean','sum')),
  frequency TEXT NOT NULL CHECK (frequency IN ('weekly','monthly','quarterly')),
  owner TEXT,
  builtin INTEGER NOT NULL CHECK (builtin IN (0,1)),
  derived INTEGER NOT NULL CHECK (derived IN (0,1)),
  input INTEGER NOT NULL DEFAULT 0 CHECK (input IN (0,1)),
  sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE kpi_observations (
  id INTEGER PRIMARY KEY,
  kpi_id TEXT NOT NULL REFERENCES kpis(id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  value REAL NOT NULL,
  initiative_id INTEGER REFERENCES initiatives(id),
  segment TEXT,
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;
CREATE INDEX kpi_obs_kpi ON kpi_observations(kpi_id, period_end);
CREATE INDEX kpi_obs_batch ON kpi_observations(batch_id);

CREATE TABLE commentary (
  period TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('kpi','risks','decisions','priorities','summary')),
  ref TEXT NOT NULL DEFAULT '', -- KPI id for scope 'kpi'
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (period, scope, ref)
) STRICT;

CREATE TABLE pack_snapshots (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  created_at TEXT NOT NULL,
  inputs_sha256 TEXT NOT NULL,
  report_json TEXT NOT NULL,
  files_json TEXT NOT NULL
) STRICT;

CREATE TABLE saved_mappings (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  format TEXT NOT NULL,
  header_signature TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (header_signature, kind)
) STRICT;
`,
  },
  {
    version: 2,
    name: 'spend lines: cheaper checks and one index',
    // The spend table takes a million lines in one import; two things in version 1 cost more than the row itself:
    //  - `category IN (…)`: SQLite builds the IN list's lookup table on every statement run, i.e. for every row
    //    (≈ 1.4 µs per line); the same rule written as comparisons costs nothing measurable;
    //  - the `spend_month` index, which no query reads (reports read `spend_monthly`; overlaps and the
    //    initiative check of undo read it too): ≈ 1.5 µs per line to keep up.
    // SQLite cannot alter a CHECK, so the table is rebuilt (the documented way: new table, copy, drop, rename).
    // Nothing references `spend`, and DROP TABLE fires no DELETE trigger, so the rollup is untouched.
    sql: `
CREATE TABLE spend_v2 (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  month TEXT NOT NULL,
  amount_micro INTEGER NOT NULL,
  currency TEXT NOT NULL,
  initiative_id INTEGER REFERENCES initiatives(id),
  category TEXT NOT NULL CHECK (category = 'platform' OR category = 'model_api' OR category = 'compute'
                             OR category = 'labor' OR category = 'tooling' OR category = 'other'),
  vendor TEXT,
  cost_center TEXT,
  description TEXT,
  tokens_in INTEGER,
  tokens_out INTEGER,
  requests INTEGER,
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;
INSERT INTO spend_v2 SELECT id, date, month, amount_micro, currency, initiative_id, category, vendor, cost_center,
  description, tokens_in, tokens_out, requests, batch_id, source_row FROM spend;
DROP TABLE spend;
ALTER TABLE spend_v2 RENAME TO spend;
CREATE INDEX spend_batch ON spend(batch_id);

${SPEND_TRIGGERS}`,
  },
  {
    version: 3,
    name: "import batches: the file's own totals reconciled",
    // The control rows a file's totals and subtotals were found in, each checked against the rows it
    // covers, and the file total against the imported sum (JSON of shared/import/controlRows.ts's
    // Reconciliation); NULL for a file without total rows and for batches imported before.
    sql: `ALTER TABLE import_batches ADD COLUMN reconciliation_json TEXT;`,
  },
  {
    version: 4,
    name: 'benefit lines: assumption register (range, driver, owner, source, confidence, evidence date)',
    // The range is in the line's own currency and micro-units, like its amount (the base case), and is both
    // ends or neither, around the base. Edits made in the app are kept in benefit_edits (before and after,
    // as JSON, with the time), so a register entry that differs from its import row says when and from what.
    // The workspace id seeds the sensitivity analysis: the same file gives the same bands on any machine.
    sql: `
ALTER TABLE benefits ADD COLUMN low_micro INTEGER;
ALTER TABLE benefits ADD COLUMN high_micro INTEGER
  CHECK ((low_micro IS NULL) = (high_micro IS NULL) AND (high_micro IS NULL OR low_micro <= amount_micro AND amount_micro <= high_micro));
ALTER TABLE benefits ADD COLUMN assumption TEXT;
ALTER TABLE benefits ADD COLUMN owner TEXT;
ALTER TABLE benefits ADD COLUMN source TEXT;
ALTER TABLE benefits ADD COLUMN confidence TEXT CHECK (confidence IS NULL OR confidence IN ('low','medium','high'));
ALTER TABLE benefits ADD COLUMN evidence_date TEXT;

CREATE TABLE benefit_edits (
  id INTEGER PRIMARY KEY,
  benefit_id INTEGER NOT NULL REFERENCES benefits(id) ON DELETE CASCADE,
  edited_at TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL
) STRICT;
CREATE INDEX benefit_edits_benefit ON benefit_edits(benefit_id);

INSERT OR IGNORE INTO settings (key, value) VALUES ('workspaceId', json_quote(lower(hex(randomblob(16)))));
`,
  },
  {
    version: 5,
    name: 'KPI targets: history, each in force from a fiscal quarter',
    // A target (with its amber threshold and band tolerance) takes effect from a quarter; earlier quarters
    // keep the one they had. 'FY0000-Q1' sorts before every quarter label: "from the start". Existing targets
    // become that first row, so nothing already reported is re-scored. The kpis row keeps the latest target
    // (the one in force from the latest quarter) for the code that shows "the" target.
    sql: `
CREATE TABLE kpi_target_history (
  id INTEGER PRIMARY KEY,
  kpi_id TEXT NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
  effective_from TEXT NOT NULL CHECK (effective_from GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),
  target REAL NOT NULL,
  amber REAL NOT NULL,
  tolerance REAL,
  changed_at TEXT NOT NULL,
  note TEXT,
  UNIQUE (kpi_id, effective_from)
) STRICT;
INSERT INTO kpi_target_history (kpi_id, effective_from, target, amber, tolerance, changed_at, note)
  SELECT id, 'FY0000-Q1', target, amber, tolerance, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL FROM kpis;`,
  },
  {
    version: 6,
    name: 'commitments and prepaid credits',
    // A commitment (a minimum spend) or prepaid credit with a vendor, in its own currency, over [start, end].
    // The batches' kind CHECK gains 'commitments': SQLite cannot alter a CHECK, so import_batches is rebuilt
    // (new table, copy, drop, rename) with foreign keys off, as every line table references it.
    rebuildsReferencedTable: true,
    sql: `
CREATE TABLE import_batches_v6 (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('spend','budget','benefits','kpis','initiatives','fx','commitments')),
  format TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_size INTEGER NOT NULL DEFAULT 0,
  sheet TEXT,
  imported_at TEXT NOT NULL,
  row_count INTEGER NOT NULL DEFAULT 0,
  excluded_count INTEGER NOT NULL DEFAULT 0,
  total_micro INTEGER,
  currency TEXT,
  mapping_json TEXT,
  problems_json TEXT,
  status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed','undone')),
  undone_at TEXT,
  reconciliation_json TEXT
) STRICT;
INSERT INTO import_batches_v6 SELECT id, kind, format, file_name, file_sha256, file_size, sheet, imported_at,
  row_count, excluded_count, total_micro, currency, mapping_json, problems_json, status, undone_at,
  reconciliation_json FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_v6 RENAME TO import_batches;

CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  vendor TEXT NOT NULL,
  amount_micro INTEGER NOT NULL CHECK (amount_micro > 0),
  currency TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  type TEXT NOT NULL CHECK (type IN ('prepaid','commitment')),
  initiative_id INTEGER REFERENCES initiatives(id),
  description TEXT,
  batch_id INTEGER REFERENCES import_batches(id),
  source_row INTEGER
) STRICT;
CREATE INDEX commitments_batch ON commitments(batch_id);`,
  },
  {
    version: 7,
    name: 'import batches: the notes on how the file was read',
    // What the preview said about how amounts were formed (net of credits, a year's budget spread over its
    // months, a currency assumed or read from number formats), kept with the batch for the figures' sources.
    sql: `ALTER TABLE import_batches ADD COLUMN notes_json TEXT;`,
  },
  {
    version: 8,
    name: 'spend lines: undo finds a batch by its rowid range, without the batch index',
    // The `spend_batch` index cost ≈ 0.5 µs per line on a million-line import (≈ 13% of storing it) and was read
    // by two statements only: undo's DELETE and a batch's export. Lines get ever-growing rowids (max + 1), so
    // an import's lines lie between its first and last; each rollup group now keeps the least and greatest
    // rowid of its lines (a superset once lines are deleted, never less), and those two read the range
    // (`WHERE id BETWEEN first AND last AND batch_id = ?`: the rowid is the table's own key). Kept by the
    // insert trigger (recreated with the two columns) and by bulk imports, which drop that trigger.
    sql: `
ALTER TABLE spend_monthly ADD COLUMN first_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE spend_monthly ADD COLUMN last_id INTEGER NOT NULL DEFAULT 0;
UPDATE spend_monthly SET (first_id, last_id) =
  (SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM spend WHERE batch_id = spend_monthly.batch_id)
  WHERE batch_id <> 0;
UPDATE spend_monthly SET (first_id, last_id) =
  (SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM spend WHERE batch_id IS NULL)
  WHERE batch_id = 0;
DROP INDEX spend_batch;
DROP TRIGGER spend_rollup_insert;
CREATE TRIGGER spend_rollup_insert AFTER INSERT ON spend BEGIN
  INSERT INTO spend_monthly (month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count,
                             first_id, last_id)
  VALUES (NEW.month, coalesce(NEW.initiative_id, 0), NEW.category, coalesce(NEW.vendor, ''), NEW.currency,
          coalesce(NEW.batch_id, 0), NEW.amount_micro, 1, NEW.id, NEW.id)
  ON CONFLICT DO UPDATE SET amount_micro = amount_micro + excluded.amount_micro, line_count = line_count + 1,
    first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id);
END;`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
