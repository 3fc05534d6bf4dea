/* xd-store-overview.c — what the Overview needs: progress of a meeting,
 * next year's meeting, the chair and the secretary, criteria order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xd-store-private.h"

/* Progress
 * ======== */

/* One statement, so the numbers are consistent with each other:
 *
 * - A dossier is *checked* when its state says the check is over (meets,
 *   fails or voted), or when every criterion of the meeting's criteria set
 *   has been assessed as met or not met for it.  A meeting without a set,
 *   or with an empty set, has nothing to assess: only the state counts.
 *   Assessments against criteria of another set (left over after the
 *   meeting changed its set) do not count.
 * - *Votes* to take are the meeting's questions plus one for every dossier
 *   that has no question yet: each dossier is voted on, and a dossier not
 *   yet put to the vote is work still to do.  Done are the closed questions.
 * - Members are the voting members only (a secretary who takes the minutes
 *   without a vote is not counted), present means marked present. */
#define PROGRESS_SQL \
  "WITH crit AS (SELECT c.id FROM criterion c JOIN meeting m ON c.set_id = m.criteria_set_id" \
  "              WHERE m.id = ?1)," \
  "     n AS (SELECT count(*) AS k FROM crit)" \
  " SELECT" \
  "  (SELECT count(*) FROM meeting WHERE id = ?1)," \
  "  (SELECT count(*) FROM dossier WHERE meeting_id = ?1)," \
  "  (SELECT count(*) FROM dossier d WHERE d.meeting_id = ?1 AND" \
  "    (d.state IN ('meets', 'fails', 'voted') OR" \
  "     ((SELECT k FROM n) > 0 AND" \
  "      (SELECT count(*) FROM assessment a WHERE a.dossier_id = d.id" \
  "        AND a.result IN ('met', 'not-met')" \
  "        AND a.criterion_id IN (SELECT id FROM crit)) = (SELECT k FROM n))))," \
  "  (SELECT count(*) FROM question WHERE meeting_id = ?1) +" \
  "  (SELECT count(*) FROM dossier d WHERE d.meeting_id = ?1 AND" \
  "    NOT EXISTS (SELECT 1 FROM question q WHERE q.dossier_id = d.id))," \
  "  (SELECT count(*) FROM question WHERE meeting_id = ?1 AND state = 'closed')," \
  "  (SELECT count(*) FROM member WHERE meeting_id = ?1 AND voting = 1)," \
  "  (SELECT count(*) FROM member WHERE meeting_id = ?1 AND voting = 1" \
  "    AND attendance = 'present')"

gboolean
xd_store_get_progress (XdStore            *self,
                       gint64              meeting_id,
                       XdMeetingProgress  *out,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  stmt = xd_store_prepare (self, PROGRESS_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return xd_store_set_error_from_db (self, sqlite3_extended_errcode (xd_store_get_db (self)),
                                       error);
  if (sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The meeting no longer exists. It may have been deleted."));
      return FALSE;
    }

  out->dossiers_total = sqlite3_column_int (stmt, 1);
  out->dossiers_checked = sqlite3_column_int (stmt, 2);
  out->questions_total = sqlite3_column_int (stmt, 3);
  out->questions_closed = sqlite3_column_int (stmt, 4);
  out->members_total = sqlite3_column_int (stmt, 5);
  out->members_present = sqlite3_column_int (stmt, 6);
  return TRUE;
}

/* Next year's meeting
 * =================== */

/* A run of exactly four digits that reads as a year. */
static gboolean
is_year_at (const char *s,
            const char *start,
            gsize       len)
{
  const char *p = s;
  int year;

  if (p + 4 > start + len)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  /* Not part of a longer number ("12021"), of a document reference
   * ("124/2021/TT-BCA") or of a date ("09/01/2022"): those stay as they are. */
  if (p > start && (g_ascii_isdigit (p[-1]) || p[-1] == '/'))
    return FALSE;
  if (p + 4 < start + len && (g_ascii_isdigit (p[4]) || p[4] == '/'))
    return FALSE;

  year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  return year >= 1900 && year <= 2998;
}

char *
xd_meeting_title_for_next_year (const char *title)
{
  g_autoptr(GString) out = NULL;
  gsize len;
  gboolean found = FALSE;

  g_return_val_if_fail (title != NULL, NULL);

  len = strlen (title);
  out = g_string_sized_new (len + 16);

  /* Every year moves on: "tổng kết 2021, phương hướng 2022" becomes
   * "tổng kết 2022, phương hướng 2023". */
  for (const char *p = title; *p != '\0'; )
    {
      if (is_year_at (p, title, len))
        {
          int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');

          g_string_append_printf (out, "%04d", year + 1);
          p += 4;
          found = TRUE;
        }
      else
        g_string_append_c (out, *p++);
    }

  /* The title goes into the minutes, which are Vietnamese in every UI
   * language, so the mark of a copy is too. */
  if (!found)
    g_string_append (out, " (bản sao)");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct {
  gint64 source_id;
  gint64 id;
} DuplicateWrite;

static gboolean
duplicate_meeting_locked (XdStore   *self,
                          gpointer   data,
                          GError   **error)
{
  DuplicateWrite *w = data;
  g_autoptr(XdMeeting) source = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *title = NULL;

  /* Reading a finalised meeting is fine: the copy is a new, open record. */
  source = xd_store_get_meeting (self, w->source_id, error);
  if (source == NULL)
    return FALSE;
  title = xd_meeting_title_for_next_year (source->title);

  stmt = xd_store_prepare (self,
                           "INSERT INTO meeting (title, kind, legal_basis, number, number_suffix,"
                           " issuing_body, parent_body, place, starts_at, ends_at, criteria_set_id,"
                           " quorum_num, quorum_den, base, threshold_kind, threshold_num,"
                           " threshold_den, tie_rule, state)"
                           " SELECT ?, kind, legal_basis, 0, number_suffix, issuing_body,"
                           " parent_body, place, NULL, NULL, criteria_set_id, quorum_num,"
                           " quorum_den, base, threshold_kind, threshold_num, threshold_den,"
                           " tie_rule, 'draft' FROM meeting WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, title);
  sqlite3_bind_int64 (stmt, 2, w->source_id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;
  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The same council, not yet marked present or absent. */
  stmt = xd_store_prepare (self,
                           "INSERT INTO member (meeting_id, full_name, title, organisation, role,"
                           " voting, attendance, absence_reason, position, sort_key)"
                           " SELECT ?, full_name, title, organisation, role, voting, 'unknown', '',"
                           " position, sort_key FROM member WHERE meeting_id = ?"
                           " ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->id);
  sqlite3_bind_int64 (stmt, 2, w->source_id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  return xd_store_audit (self, "duplicate", "meeting", w->id, title, error);
}

gint64
xd_store_duplicate_meeting (XdStore  *self,
                            gint64    meeting_id,
                            GError  **error)
{
  DuplicateWrite w = { meeting_id, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);

  if (!xd_store_write (self, duplicate_meeting_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "meeting", w.id);
  xd_store_emit_changed (self, "member", 0);
  return w.id;
}

/* Chair and secretary
 * =================== */

typedef struct {
  gint64 meeting_id;
  XdRole role;
  gint64 member_id;
} RoleWrite;

static gboolean
set_meeting_role_locked (XdStore   *self,
                         gpointer   data,
                         GError   **error)
{
  RoleWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  const char *role = xd_role_to_string (w->role);

  if (!xd_store_check_meeting_writable (self, w->meeting_id, error))
    return FALSE;

  if (w->member_id != 0)
    {
      gint64 owner = xd_store_owner_of (self, "SELECT meeting_id FROM member WHERE id = ?",
                                        w->member_id,
                                        _("The member no longer exists. They may have been removed."),
                                        error);
      if (owner == 0)
        return FALSE;
      if (owner != w->meeting_id)
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                       _("This person is not a member of this meeting’s council."));
          return FALSE;
        }
    }

  /* First the old holder steps down, so the one-chair rule holds at every
   * statement; both changes commit together or not at all. */
  stmt = xd_store_prepare (self,
                           "UPDATE member SET role = 'member'"
                           " WHERE meeting_id = ? AND role = ? AND id <> ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->meeting_id);
  xd_store_bind_text (stmt, 2, role);
  sqlite3_bind_int64 (stmt, 3, w->member_id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (w->member_id != 0)
    {
      stmt = xd_store_prepare (self, "UPDATE member SET role = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      xd_store_bind_text (stmt, 1, role);
      sqlite3_bind_int64 (stmt, 2, w->member_id);
      if (!xd_store_step_done (self, stmt, error))
        return FALSE;
    }

  summary = g_strdup_printf ("%s=%" G_GINT64_FORMAT, role, w->member_id);
  return xd_store_audit (self, "set-role", "meeting", w->meeting_id, summary, error);
}

gboolean
xd_store_set_meeting_role (XdStore  *self,
                           gint64    meeting_id,
                           XdRole    role,
                           gint64    member_id,
                           GError  **error)
{
  RoleWrite w = { meeting_id, role, member_id };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (role == XD_ROLE_CHAIR || role == XD_ROLE_SECRETARY, FALSE);
  g_return_val_if_fail (member_id >= 0, FALSE);

  if (!xd_store_write (self, set_meeting_role_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "member", 0);
  return TRUE;
}

/* Order of criteria
 * ================= */

typedef struct {
  gint64 criterion_id;
  int position;
} MoveWrite;

static gboolean
move_criterion_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  MoveWrite *w = data;
  g_autoptr(XdCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  XdCriterion *moved = NULL;
  gint64 set_id;
  guint index = 0;

  set_id = xd_store_owner_of (self, "SELECT set_id FROM criterion WHERE id = ?",
                              w->criterion_id, _("The criterion no longer exists."), error);
  if (set_id == 0)
    return FALSE;
  set = xd_store_get_criteria_set (self, set_id, error);
  if (set == NULL)
    return FALSE;
  if (set->read_only)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("“%s” is a preset and cannot be changed. Make a copy to change it."),
                   set->name);
      return FALSE;
    }
  if (!xd_store_check_criteria_set_writable (self, set_id, error))
    return FALSE;

  criteria = xd_store_list_criteria (self, set_id, error);
  if (criteria == NULL)
    return FALSE;
  for (guint i = 0; i < criteria->len; i++)
    if (((XdCriterion *) g_ptr_array_index (criteria, i))->id == w->criterion_id)
      index = i;
  moved = g_ptr_array_steal_index (criteria, index);
  g_ptr_array_insert (criteria, CLAMP (w->position, 0, (int) criteria->len), moved);

  /* Positions are rewritten 0, 1, 2 … so gaps and ties from earlier edits
   * disappear; a set holds a handful of criteria. */
  stmt = xd_store_prepare (self, "UPDATE criterion SET position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < criteria->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_int64 (stmt, 2, ((XdCriterion *) g_ptr_array_index (criteria, i))->id);
      if (!xd_store_step_done (self, stmt, error))
        return FALSE;
    }

  return xd_store_audit (self, "move", "criterion", w->criterion_id, moved->code, error);
}

gboolean
xd_store_move_criterion (XdStore  *self,
                         gint64    criterion_id,
                         int       new_position,
                         GError  **error)
{
  MoveWrite w = { criterion_id, new_position };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, move_criterion_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "criterion", criterion_id);
  return TRUE;
}
