/* xd-migrations.c — the schema, one forward-only step per version
 *
 * A step is never edited once released: a later change is a new step, so a
 * file of any earlier version reaches today's schema by the same path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include "xd-store-private.h"

/* Version 1: every record of the product.
 *
 * ON DELETE is chosen per link: what belongs to a meeting goes with it
 * (CASCADE); a criterion that has been assessed, or a member who has voted,
 * cannot disappear silently (RESTRICT); an optional link is cut (SET NULL). */
static const char migration_1[] =
  "CREATE TABLE criteria_set ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  source TEXT NOT NULL DEFAULT '',"
  "  read_only INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),"
  "  preset_key TEXT UNIQUE"
  ");"
  "CREATE TABLE criterion ("
  "  id INTEGER PRIMARY KEY,"
  "  set_id INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  code TEXT NOT NULL CHECK (length(trim(code)) > 0),"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  UNIQUE (set_id, code)"
  ");"
  "CREATE INDEX criterion_by_set ON criterion (set_id, position);"
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL DEFAULT '',"
  "  legal_basis TEXT NOT NULL DEFAULT '',"
  "  number INTEGER NOT NULL DEFAULT 0 CHECK (number >= 0),"
  "  number_suffix TEXT NOT NULL DEFAULT '',"
  "  issuing_body TEXT NOT NULL DEFAULT '',"
  "  parent_body TEXT NOT NULL DEFAULT '',"
  "  place TEXT NOT NULL DEFAULT '',"
  "  starts_at TEXT CHECK (starts_at IS NULL OR starts_at GLOB"
  "    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),"
  "  ends_at TEXT CHECK (ends_at IS NULL OR ends_at GLOB"
  "    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),"
  "  criteria_set_id INTEGER REFERENCES criteria_set (id) ON DELETE RESTRICT,"
  "  quorum_num INTEGER NOT NULL DEFAULT 2,"
  "  quorum_den INTEGER NOT NULL DEFAULT 3,"
  "  base TEXT NOT NULL DEFAULT 'all' CHECK (base IN ('all', 'present', 'cast')),"
  "  threshold_kind TEXT NOT NULL DEFAULT 'more-than'"
  "    CHECK (threshold_kind IN ('more-than', 'at-least')),"
  "  threshold_num INTEGER NOT NULL DEFAULT 1,"
  "  threshold_den INTEGER NOT NULL DEFAULT 2,"
  "  tie_rule TEXT NOT NULL DEFAULT 'chair' CHECK (tie_rule IN ('chair', 'fail', 'revote')),"
  "  state TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (state IN ('draft', 'in-session', 'closed', 'finalised')),"
  "  record_hash TEXT,"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  CHECK (quorum_den > 0 AND quorum_num >= 0 AND quorum_num <= quorum_den),"
  "  CHECK (threshold_den > 0 AND threshold_num >= 0 AND threshold_num <= threshold_den)"
  ");"
  "CREATE TABLE member ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT 'member'"
  "    CHECK (role IN ('chair', 'deputy', 'member', 'secretary')),"
  "  voting INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),"
  "  attendance TEXT NOT NULL DEFAULT 'unknown'"
  "    CHECK (attendance IN ('unknown', 'present', 'absent', 'excused')),"
  "  absence_reason TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  sort_key BLOB NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX member_by_meeting ON member (meeting_id, position);"
  /* A meeting has one chair and one person taking the minutes. */
  "CREATE UNIQUE INDEX member_one_chair ON member (meeting_id) WHERE role = 'chair';"
  "CREATE UNIQUE INDEX member_one_secretary ON member (meeting_id) WHERE role = 'secretary';"
  "CREATE TABLE guest ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX guest_by_meeting ON guest (meeting_id, position);"
  "CREATE TABLE dossier ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  unit_name TEXT NOT NULL CHECK (length(trim(unit_name)) > 0),"
  "  unit_type TEXT NOT NULL DEFAULT 'ward'"
  "    CHECK (unit_type IN ('ward', 'commune', 'township', 'other')),"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  received_on TEXT CHECK (received_on IS NULL OR received_on GLOB"
  "    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  conclusion TEXT NOT NULL DEFAULT '',"
  "  verified_by TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT 'received'"
  "    CHECK (state IN ('received', 'checking', 'meets', 'fails', 'voted')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  search_key TEXT NOT NULL DEFAULT '',"
  /* The same unit's same submission twice is a mistake; an empty reference
   * still allows one unit once. */
  "  UNIQUE (meeting_id, unit_name, reference)"
  ");"
  "CREATE INDEX dossier_by_meeting ON dossier (meeting_id, position);"
  "CREATE TABLE dossier_document ("
  "  id INTEGER PRIMARY KEY,"
  "  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN"
  "    ('submission', 'report', 'registration', 'minutes', 'self-scoring', 'other')),"
  "  received INTEGER NOT NULL DEFAULT 0 CHECK (received IN (0, 1)),"
  "  file_path TEXT,"
  "  sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),"
  "  CHECK ((file_path IS NULL) = (sha256 IS NULL))"
  ");"
  "CREATE INDEX document_by_dossier ON dossier_document (dossier_id, position);"
  "CREATE TABLE assessment ("
  "  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,"
  "  criterion_id INTEGER NOT NULL REFERENCES criterion (id) ON DELETE RESTRICT,"
  "  result TEXT NOT NULL DEFAULT 'not-assessed'"
  "    CHECK (result IN ('not-assessed', 'met', 'not-met')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (dossier_id, criterion_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX assessment_by_criterion ON assessment (criterion_id);"
  "CREATE TABLE question ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  dossier_id INTEGER REFERENCES dossier (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  mode TEXT NOT NULL DEFAULT 'open' CHECK (mode IN ('open', 'secret')),"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  /* The snapshot taken on closing: rule, who could vote, the result. */
  "  quorum_num INTEGER, quorum_den INTEGER,"
  "  base TEXT CHECK (base IS NULL OR base IN ('all', 'present', 'cast')),"
  "  threshold_kind TEXT CHECK (threshold_kind IS NULL OR threshold_kind IN ('more-than', 'at-least')),"
  "  threshold_num INTEGER, threshold_den INTEGER,"
  "  tie_rule TEXT CHECK (tie_rule IS NULL OR tie_rule IN ('chair', 'fail', 'revote')),"
  "  members_total INTEGER CHECK (members_total IS NULL OR members_total >= 0),"
  "  members_present INTEGER CHECK (members_present IS NULL OR members_present >= 0),"
  "  yes INTEGER CHECK (yes IS NULL OR yes >= 0),"
  "  no INTEGER CHECK (no IS NULL OR no >= 0),"
  "  abstain INTEGER CHECK (abstain IS NULL OR abstain >= 0),"
  "  outcome TEXT NOT NULL DEFAULT 'none'"
  "    CHECK (outcome IN ('none', 'passed', 'failed', 'tie-revote', 'no-quorum')),"
  "  explanation TEXT NOT NULL DEFAULT '',"
  "  quorum_overridden INTEGER NOT NULL DEFAULT 0 CHECK (quorum_overridden IN (0, 1)),"
  "  opened_at TEXT,"
  "  closed_at TEXT,"
  "  CHECK ((state = 'closed') = (outcome <> 'none'))"
  ");"
  "CREATE INDEX question_by_meeting ON question (meeting_id, position);"
  "CREATE INDEX question_by_dossier ON question (dossier_id);"
  /* Open (named) votes only; a secret ballot never reaches this table. */
  "CREATE TABLE vote ("
  "  question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE RESTRICT,"
  "  choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),"
  "  PRIMARY KEY (question_id, member_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX vote_by_member ON vote (member_id);"
  "CREATE TRIGGER vote_open_only BEFORE INSERT ON vote"
  "  WHEN (SELECT mode FROM question WHERE id = NEW.question_id) <> 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'named vote on a secret question'); END;"
  "CREATE TABLE tally ("
  "  question_id INTEGER PRIMARY KEY REFERENCES question (id) ON DELETE CASCADE,"
  "  ballots_issued INTEGER NOT NULL CHECK (ballots_issued >= 0),"
  "  ballots_valid INTEGER NOT NULL CHECK (ballots_valid >= 0),"
  "  ballots_invalid INTEGER NOT NULL CHECK (ballots_invalid >= 0),"
  "  yes INTEGER NOT NULL CHECK (yes >= 0),"
  "  no INTEGER NOT NULL CHECK (no >= 0),"
  "  abstain INTEGER NOT NULL CHECK (abstain >= 0)"
  ");"
  "CREATE TABLE minutes_section ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('opening', 'discussion', 'conclusion', 'recipients')),"
  "  body TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (meeting_id, kind)"
  ") WITHOUT ROWID;"
  /* Each entry's hash covers the previous entry's hash, so a row changed or
   * removed behind the program's back breaks the chain. */
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL UNIQUE"
  ");";

/* Version 2: diacritic-insensitive search over units.  The folded key is
 * computed by the program (xd_text_fold), the trigram index finds any
 * substring of three or more letters without scanning every row. */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE dossier_search USING fts5 ("
  "  search_key, content = 'dossier', content_rowid = 'id', tokenize = 'trigram'"
  ");"
  "INSERT INTO dossier_search (rowid, search_key) SELECT id, search_key FROM dossier;"
  "CREATE TRIGGER dossier_search_insert AFTER INSERT ON dossier BEGIN"
  "  INSERT INTO dossier_search (rowid, search_key) VALUES (NEW.id, NEW.search_key);"
  "END;"
  "CREATE TRIGGER dossier_search_delete AFTER DELETE ON dossier BEGIN"
  "  INSERT INTO dossier_search (dossier_search, rowid, search_key)"
  "    VALUES ('delete', OLD.id, OLD.search_key);"
  "END;"
  "CREATE TRIGGER dossier_search_update AFTER UPDATE OF search_key ON dossier BEGIN"
  "  INSERT INTO dossier_search (dossier_search, rowid, search_key)"
  "    VALUES ('delete', OLD.id, OLD.search_key);"
  "  INSERT INTO dossier_search (rowid, search_key) VALUES (NEW.id, NEW.search_key);"
  "END;";

static const char *const migrations[] = {
  migration_1,
  migration_2,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == XD_STORE_SCHEMA_VERSION);

/* Indexes that only make reads faster.  The Overview counts a meeting's
 * dossiers and questions by state; without these that reads every row
 * (21 ms at 10,000 dossiers, build-aux/bench; 5 ms with them).  The
 * minutes' table and the Overview count each dossier's criteria met or
 * assessed: in the table, rows carry their notes, so that read 400,000
 * rows' worth of notes at 10,000 dossiers (107 ms; 56 ms with the index,
 * which the first opening builds in about 0.2 s).  A search of one or two
 * letters reads every dossier's search key: from the table, that touched
 * every row (16 ms for "p"; 4 ms from the index).  They are
 * not part of the file's format: a version without them reads a file that
 * has them, and the other way round.  So they are added when a file is
 * opened for writing, not by a migration, which would raise the format's
 * version and make older copies of the program refuse the file. */
static const char read_indexes[] =
  "CREATE INDEX IF NOT EXISTS dossier_by_meeting_state ON dossier (meeting_id, state);"
  "CREATE INDEX IF NOT EXISTS question_by_meeting_state ON question (meeting_id, state);"
  "CREATE INDEX IF NOT EXISTS assessment_by_dossier_result"
  "  ON assessment (dossier_id, result, criterion_id);"
  "CREATE INDEX IF NOT EXISTS dossier_search_keys"
  "  ON dossier (meeting_id, position, id, search_key);";

/* 1 when a file has every one of them. */
static const char read_indexes_present[] =
  "SELECT count(*) = 4 FROM sqlite_master WHERE type = 'index' AND name IN"
  " ('dossier_by_meeting_state', 'question_by_meeting_state',"
  "  'assessment_by_dossier_result', 'dossier_search_keys')";

const char *
xd_migration_get_read_indexes_sql (void)
{
  return read_indexes;
}

const char *
xd_migration_get_read_indexes_present_sql (void)
{
  return read_indexes_present;
}

const char *
xd_migration_get_sql (int to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= XD_STORE_SCHEMA_VERSION, NULL);

  return migrations[to_version - 1];
}
