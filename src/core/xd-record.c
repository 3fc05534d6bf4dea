/* xd-record.c — the canonical record of a meeting, finalising, verifying
 *
 * The format is described in xd-record.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xd-record.h"
#include "xd-store-private.h"

#define RECORD_HEADER "xetduyet-record\t1\n"
#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct {
  const char *table;
  const char *label;   /* N_(): names the part in a verification problem */
  const char *sql;     /* ?1 is the meeting's id */
} Section;

#define MEETING_SET "(SELECT criteria_set_id FROM meeting WHERE id = ?1)"

static const Section sections[] = {
  { "meeting", N_("the meeting’s details and rules"),
    "SELECT id, title, kind, legal_basis, number, number_suffix, issuing_body, parent_body,"
    " place, starts_at, ends_at, criteria_set_id, quorum_num, quorum_den, base,"
    " threshold_kind, threshold_num, threshold_den, tie_rule, created_at"
    " FROM meeting WHERE id = ?1" },
  { "criteria_set", N_("the criteria set"),
    "SELECT id, name, source, read_only, preset_key FROM criteria_set"
    " WHERE id = " MEETING_SET },
  { "criterion", N_("the criteria"),
    "SELECT id, position, code, text FROM criterion"
    " WHERE set_id = " MEETING_SET " ORDER BY position, id" },
  { "member", N_("the council and its attendance"),
    "SELECT id, position, full_name, title, organisation, role, voting, attendance,"
    " absence_reason FROM member WHERE meeting_id = ?1 ORDER BY position, id" },
  { "guest", N_("the guests"),
    "SELECT id, position, full_name, title, organisation FROM guest"
    " WHERE meeting_id = ?1 ORDER BY position, id" },
  { "dossier", N_("the dossiers"),
    "SELECT id, position, unit_name, unit_type, reference, received_on, summary, conclusion,"
    " verified_by, state FROM dossier WHERE meeting_id = ?1 ORDER BY position, id" },
  { "dossier_document", N_("the dossiers’ documents"),
    "SELECT dd.dossier_id AS dossier_id, dd.id AS id, dd.position AS position,"
    " dd.title AS title, dd.kind AS kind, dd.received AS received,"
    " dd.file_path AS file_path, dd.sha256 AS sha256"
    " FROM dossier_document dd JOIN dossier d ON d.id = dd.dossier_id"
    " WHERE d.meeting_id = ?1 ORDER BY d.position, d.id, dd.position, dd.id" },
  { "assessment", N_("the assessments"),
    "SELECT a.dossier_id AS dossier_id, a.criterion_id AS criterion_id,"
    " a.result AS result, a.note AS note"
    " FROM assessment a JOIN dossier d ON d.id = a.dossier_id"
    " WHERE d.meeting_id = ?1 ORDER BY d.position, d.id, a.criterion_id" },
  { "question", N_("the questions and their results"),
    "SELECT id, position, dossier_id, text, mode, state, quorum_num, quorum_den, base,"
    " threshold_kind, threshold_num, threshold_den, tie_rule, members_total,"
    " members_present, yes, no, abstain, outcome, explanation, quorum_overridden,"
    " opened_at, closed_at FROM question WHERE meeting_id = ?1 ORDER BY position, id" },
  { "vote", N_("the votes"),
    "SELECT v.question_id AS question_id, v.member_id AS member_id, v.choice AS choice"
    " FROM vote v JOIN question q ON q.id = v.question_id"
    " WHERE q.meeting_id = ?1 ORDER BY q.position, q.id, v.member_id" },
  { "tally", N_("the secret-ballot counts"),
    "SELECT t.question_id AS question_id, t.ballots_issued AS ballots_issued,"
    " t.ballots_valid AS ballots_valid, t.ballots_invalid AS ballots_invalid,"
    " t.yes AS yes, t.no AS no, t.abstain AS abstain"
    " FROM tally t JOIN question q ON q.id = t.question_id"
    " WHERE q.meeting_id = ?1 ORDER BY q.position, q.id" },
  { "minutes_section", N_("the text of the minutes"),
    "SELECT kind, body FROM minutes_section WHERE meeting_id = ?1 ORDER BY kind" },
};

#define N_SECTIONS G_N_ELEMENTS (sections)

/* Serialising
 * =========== */

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      switch (text[i])
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_c (out, text[i]);
          break;
        }
    }
}

static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "\\N");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT,
                              (gint64) sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                              sqlite3_column_double (stmt, column)));
      }
      break;
    case SQLITE_BLOB:
      {
        const guchar *bytes = sqlite3_column_blob (stmt, column);
        int length = sqlite3_column_bytes (stmt, column);

        g_string_append (out, "x'");
        for (int i = 0; i < length; i++)
          g_string_append_printf (out, "%02x", bytes[i]);
        g_string_append_c (out, '\'');
      }
      break;
    default:
      append_escaped (out, (const char *) sqlite3_column_text (stmt, column),
                      sqlite3_column_bytes (stmt, column));
      break;
    }
}

static gboolean
append_section (XdStore        *self,
                const Section  *section,
                gint64          meeting_id,
                GString        *out,
                guint          *n_rows,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (self, section->sql, error);
  int n_columns;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  n_columns = sqlite3_column_count (stmt);

  *n_rows = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, section->table);
      for (int i = 0; i < n_columns; i++)
        {
          g_string_append_printf (out, "\t%s=", sqlite3_column_name (stmt, i));
          append_value (out, stmt, i);
        }
      g_string_append_c (out, '\n');
      (*n_rows)++;
    }
  if (rc != SQLITE_DONE)
    return xd_store_set_error_from_db (self, sqlite3_extended_errcode (xd_store_get_db (self)),
                                       error);

  return TRUE;
}

/* The serialisation into @out and, when @part_hashes is not NULL, the
 * SHA-256 of each section's lines into @part_hashes[0 … N_SECTIONS-1]. */
static gboolean
serialize (XdStore  *self,
           gint64    meeting_id,
           GString  *out,
           char    **part_hashes,
           GError  **error)
{
  g_string_append (out, RECORD_HEADER);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      gsize start = out->len;
      guint n_rows = 0;

      if (!append_section (self, &sections[i], meeting_id, out, &n_rows, error))
        return FALSE;
      if (i == 0 && n_rows == 0)
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                       _("The meeting no longer exists. It may have been deleted."));
          return FALSE;
        }
      if (part_hashes != NULL)
        part_hashes[i] = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) out->str + start,
                                                      out->len - start);
    }

  return TRUE;
}

static char *
compute_hash (XdStore  *self,
              gint64    meeting_id,
              char    **part_hashes,
              GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!serialize (self, meeting_id, out, part_hashes, error))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str, out->len);
}

/* "record=HASH meeting=HASH criteria_set=HASH …", the finalise entry's summary. */
static char *
describe_hashes (const char  *record_hash,
                 char       **part_hashes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "record=%s", record_hash);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_string_append_printf (text, " %s=%s", sections[i].table, part_hashes[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The value of "KEY=…" in a finalise entry's summary, or NULL. */
static char *
lookup_hash (const char *summary,
             const char *key)
{
  g_auto(GStrv) words = g_strsplit (summary != NULL ? summary : "", " ", -1);
  gsize key_length = strlen (key);

  for (guint i = 0; words[i] != NULL; i++)
    if (strncmp (words[i], key, key_length) == 0 && words[i][key_length] == '=')
      return g_strdup (words[i] + key_length + 1);
  return NULL;
}

static void
free_part_hashes (char **part_hashes)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_pointer (&part_hashes[i], g_free);
}

/**
 * xd_record_serialize:
 * @store: the database
 * @meeting_id: the meeting
 * @error: %XD_STORE_ERROR_NOT_FOUND when the meeting does not exist
 *
 * Returns: (transfer full): the canonical serialisation of the meeting's
 *   record, as described in xd-record.h
 */
char *
xd_record_serialize (XdStore  *store,
                     gint64    meeting_id,
                     GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (XD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!serialize (store, meeting_id, out, NULL, error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
xd_record_hash (XdStore  *store,
                gint64    meeting_id,
                GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute_hash (store, meeting_id, NULL, error);
}

char *
xd_record_verification_code (const char *record_hash)
{
  GString *code;

  g_return_val_if_fail (record_hash != NULL, NULL);
  g_return_val_if_fail (strlen (record_hash) >= 16, NULL);

  code = g_string_sized_new (20);
  for (guint i = 0; i < 16; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, g_ascii_toupper (record_hash[i]));
    }
  return g_string_free (code, FALSE);
}

/* Finalising
 * ========== */

static gboolean
check_questions_closed (XdStore  *self,
                        gint64    meeting_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *text;

  stmt = xd_store_prepare (self,
                           "SELECT text, state FROM question WHERE meeting_id = ?"
                           " AND state <> 'closed' ORDER BY position, id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  text = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "open") == 0)
    g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                 _("The vote on “%s” is still open. Close it before finalising the meeting."),
                 text);
  else
    g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                 _("“%s” has not been put to the vote yet. Hold the vote or delete the "
                   "question before finalising the meeting."),
                 text);
  return FALSE;
}

static gboolean
finalize_with (XdStore   *self,
               gint64     meeting_id,
               gboolean   require_closed_votes,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *title = NULL;
  g_autofree char *record_hash = NULL;
  g_autofree char *summary = NULL;
  char *part_hashes[N_SECTIONS] = { NULL, };

  stmt = xd_store_prepare (self, "SELECT title, state FROM meeting WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The meeting no longer exists. It may have been deleted."));
      return FALSE;
    }
  title = xd_store_column_text (stmt, 0);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "finalised") == 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED,
                   _("The meeting “%s” is already finalised."), title);
      return FALSE;
    }

  if (require_closed_votes && !check_questions_closed (self, meeting_id, error))
    return FALSE;

  record_hash = compute_hash (self, meeting_id, part_hashes, error);
  if (record_hash == NULL)
    {
      free_part_hashes (part_hashes);
      return FALSE;
    }
  summary = describe_hashes (record_hash, part_hashes);
  free_part_hashes (part_hashes);

  update = xd_store_prepare (self,
                             "UPDATE meeting SET state = 'finalised', record_hash = ?"
                             " WHERE id = ?",
                             error);
  if (update == NULL)
    return FALSE;
  xd_store_bind_text (update, 1, record_hash);
  sqlite3_bind_int64 (update, 2, meeting_id);

  return xd_store_step_done (self, update, error) &&
         xd_store_audit (self, "finalise", "meeting", meeting_id, summary, error);
}

static gboolean
finalize_locked (XdStore   *self,
                 gpointer   data,
                 GError   **error)
{
  return finalize_with (self, *(gint64 *) data, TRUE, error);
}

/* A meeting that reaches the finalised state any other way (an imported
 * finalised record, xd_store_update_meeting ()) gets its hash and its log
 * entry too, so verify never meets a finalised meeting without a code. */
gboolean
xd_record_finalize_in_transaction (XdStore  *self,
                                   gint64    meeting_id,
                                   GError  **error)
{
  return finalize_with (self, meeting_id, FALSE, error);
}

/**
 * xd_store_finalize_meeting:
 * @self: the database
 * @meeting_id: the meeting
 * @error: %XD_STORE_ERROR_FINALISED when it already is,
 *   %XD_STORE_ERROR_INVALID when a question is not closed,
 *   %XD_STORE_ERROR_NOT_FOUND when there is no such meeting
 *
 * Fixes the meeting's record: stores its hash (see xd_record_hash()),
 * marks it finalised and logs both, in one transaction.
 */
gboolean
xd_store_finalize_meeting (XdStore  *self,
                           gint64    meeting_id,
                           GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xd_store_write (self, finalize_locked, &meeting_id, error))
    return FALSE;

  xd_store_emit_changed (self, "meeting", meeting_id);
  return TRUE;
}

/* Verifying
 * ========= */

static void
add_problem (GPtrArray  *problems,
             char       *sentence)
{
  g_ptr_array_add (problems, sentence);
}

static char *
format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Recomputes every entry's hash and link; remembers the summary of the
 * last "finalise" entry of each meeting in @finalised (id → summary). */
static gboolean
verify_chain (XdStore     *self,
              GPtrArray   *problems,
              GHashTable  *finalised,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (ZERO_HASH);
  gint64 prev_id = 0;
  int rc;

  stmt = xd_store_prepare (self,
                           "SELECT id, at, action, entity, entity_id, summary, prev_hash, hash"
                           " FROM audit_log ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *at = xd_store_column_text (stmt, 1);
      g_autofree char *action = xd_store_column_text (stmt, 2);
      g_autofree char *entity = xd_store_column_text (stmt, 3);
      gint64 entity_id = sqlite3_column_int64 (stmt, 4);
      g_autofree char *summary = xd_store_column_text (stmt, 5);
      g_autofree char *prev_hash = xd_store_column_text (stmt, 6);
      g_autofree char *hash = xd_store_column_text (stmt, 7);
      g_autofree char *computed = NULL;
      g_autofree char *shown = format_id (id);

      /* The program never deletes an entry, and ids follow one another:
       * a gap is an entry removed. */
      if (id > prev_id + 1)
        {
          g_autofree char *first = format_id (prev_id + 1);
          g_autofree char *last = format_id (id - 1);

          if (id == prev_id + 2)
            add_problem (problems,
                         g_strdup_printf (_("The audit log entry %s was removed."), first));
          else
            add_problem (problems,
                         g_strdup_printf (_("The audit log entries %s to %s were removed."),
                                          first, last));
        }
      else if (g_strcmp0 (prev_hash, expected_prev) != 0)
        {
          g_autofree char *before = format_id (prev_id);

          add_problem (problems,
                       prev_id == 0
                       ? g_strdup_printf (_("The audit log entry %s was changed: it no longer "
                                            "starts the log."), shown)
                       : g_strdup_printf (_("The audit log entry %s or %s was changed or "
                                            "replaced."), before, shown));
        }

      computed = xd_store_audit_hash (prev_hash, at, action, entity, entity_id, summary);
      if (g_strcmp0 (computed, hash) != 0)
        add_problem (problems,
                     g_strdup_printf (_("The audit log entry %s was changed."), shown));

      if (g_str_equal (action, "finalise") && g_str_equal (entity, "meeting"))
        g_hash_table_insert (finalised, g_memdup2 (&entity_id, sizeof entity_id),
                             g_steal_pointer (&summary));

      g_free (expected_prev);
      expected_prev = g_steal_pointer (&hash);
      prev_id = id;
    }
  if (rc != SQLITE_DONE)
    return xd_store_set_error_from_db (self, sqlite3_extended_errcode (xd_store_get_db (self)),
                                       error);

  return TRUE;
}

static gboolean
verify_meeting (XdStore     *self,
                gint64       meeting_id,
                const char  *title,
                gboolean     is_finalised,
                const char  *stored_hash,
                const char  *logged_summary,
                GPtrArray   *problems,
                GError     **error)
{
  g_autofree char *computed = NULL;
  g_autofree char *logged_hash = NULL;
  g_autofree char *code = NULL;
  char *part_hashes[N_SECTIONS] = { NULL, };

  if (!is_finalised)
    {
      if (stored_hash != NULL)
        {
          code = xd_record_verification_code (stored_hash);
          add_problem (problems,
                       g_strdup_printf (_("The meeting “%s” has the verification code %s but is "
                                          "no longer finalised: it was reopened behind the "
                                          "program’s back."), title, code));
        }
      return TRUE;
    }
  if (stored_hash == NULL || strlen (stored_hash) != 64)
    {
      add_problem (problems,
                   g_strdup_printf (_("The meeting “%s” is marked finalised but has no valid "
                                      "verification code: it was changed behind the "
                                      "program’s back."), title));
      return TRUE;
    }

  code = xd_record_verification_code (stored_hash);
  logged_hash = logged_summary != NULL ? lookup_hash (logged_summary, "record") : NULL;
  if (logged_hash == NULL)
    add_problem (problems,
                 g_strdup_printf (_("The finalising of the meeting “%s” is missing from the "
                                    "audit log."), title));
  else if (!g_str_equal (logged_hash, stored_hash))
    add_problem (problems,
                 g_strdup_printf (_("The verification code %s of the meeting “%s” is not the "
                                    "one the audit log recorded when it was finalised."),
                                  code, title));

  computed = compute_hash (self, meeting_id, part_hashes, error);
  if (computed == NULL)
    {
      free_part_hashes (part_hashes);
      return FALSE;
    }

  /* When only the stored code was replaced, the record itself still
   * matches the code the audit log holds: the problem above says it all. */
  if (!g_str_equal (computed, stored_hash) &&
      (logged_hash == NULL || !g_str_equal (computed, logged_hash)))
    {
      g_autoptr(GString) parts = g_string_new (NULL);

      /* The finalise entry knows each part's hash: name what changed. */
      for (guint i = 0; logged_summary != NULL && i < N_SECTIONS; i++)
        {
          g_autofree char *logged_part = lookup_hash (logged_summary, sections[i].table);

          if (logged_part != NULL && !g_str_equal (logged_part, part_hashes[i]))
            {
              if (parts->len > 0)
                g_string_append (parts, ", ");
              g_string_append (parts, _(sections[i].label));
            }
        }

      if (parts->len > 0)
        add_problem (problems,
                     g_strdup_printf (_("The record of the finalised meeting “%s” no longer "
                                        "matches its verification code %s: %s changed after "
                                        "finalising."), title, code, parts->str));
      else
        add_problem (problems,
                     g_strdup_printf (_("The record of the finalised meeting “%s” no longer "
                                        "matches its verification code %s: it was changed "
                                        "after finalising."), title, code));
    }

  free_part_hashes (part_hashes);
  return TRUE;
}

static gboolean
meeting_exists (XdStore  *self,
                gint64    meeting_id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (self, "SELECT 1 FROM meeting WHERE id = ?",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report_deleted (gint64      meeting_id,
                const char *logged_summary,
                GPtrArray  *problems)
{
  g_autofree char *shown = format_id (meeting_id);
  g_autofree char *logged_hash = lookup_hash (logged_summary, "record");
  g_autofree char *code = NULL;

  if (logged_hash != NULL && strlen (logged_hash) >= 16)
    code = xd_record_verification_code (logged_hash);
  add_problem (problems,
               g_strdup_printf (_("The finalised meeting %s (verification code %s) was "
                                  "deleted behind the program’s back."),
                                shown, code != NULL ? code : "—"));
}

/**
 * xd_store_verify:
 * @self: the database
 * @meeting_id: the meeting to check, or 0 for every finalised meeting
 * @problems_out: (element-type utf8): receives one sentence per difference
 * @error: why the check could not run
 *
 * Recomputes the audit log's hash chain and the record hash of the
 * finalised meeting(s), and compares them with what is stored.
 *
 * Returns: %TRUE when the check ran (@problems_out may still be empty)
 */
gboolean
xd_store_verify (XdStore    *self,
                 gint64      meeting_id,
                 GPtrArray  *problems_out,
                 GError    **error)
{
  g_autoptr(GHashTable) finalised = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting_id >= 0, FALSE);
  g_return_val_if_fail (problems_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  finalised = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!verify_chain (self, problems_out, finalised, error))
    return FALSE;

  if (meeting_id != 0 && !meeting_exists (self, meeting_id, &local_error))
    {
      const char *logged = g_hash_table_lookup (finalised, &meeting_id);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (logged == NULL)
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                       _("The meeting no longer exists. It may have been deleted."));
          return FALSE;
        }
      report_deleted (meeting_id, logged, problems_out);
      return TRUE;
    }

  stmt = xd_store_prepare (self,
                           "SELECT id, title, state, record_hash FROM meeting"
                           " WHERE (?1 = 0 OR id = ?1)"
                           " AND (state = 'finalised' OR record_hash IS NOT NULL)"
                           " ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *title = xd_store_column_text (stmt, 1);
      gboolean is_finalised = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2),
                                         "finalised") == 0;
      g_autofree char *stored_hash = xd_store_column_text_or_null (stmt, 3);

      if (!verify_meeting (self, id, title, is_finalised, stored_hash,
                           g_hash_table_lookup (finalised, &id), problems_out, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return xd_store_set_error_from_db (self, sqlite3_extended_errcode (xd_store_get_db (self)),
                                       error);

  /* A finalised meeting cannot be deleted from the program. */
  if (meeting_id == 0)
    {
      g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_hash_table_iter_init (&iter, finalised);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 id = *(gint64 *) key;

          if (!meeting_exists (self, id, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              g_array_append_val (missing, id);
            }
        }
      /* Hash table order is arbitrary; problems come in the meetings' order. */
      g_array_sort (missing, compare_ids);
      for (guint i = 0; i < missing->len; i++)
        {
          gint64 id = g_array_index (missing, gint64, i);

          report_deleted (id, g_hash_table_lookup (finalised, &id), problems_out);
        }
    }

  return TRUE;
}
