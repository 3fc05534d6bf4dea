/* xd-store-meetings.c — meetings and the free-text sections of their minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "xd-record.h"
#include "xd-store-private.h"

#define MEETING_COLUMNS \
  "id, title, kind, legal_basis, number, number_suffix, issuing_body, parent_body," \
  " place, starts_at, ends_at, criteria_set_id, quorum_num, quorum_den, base," \
  " threshold_kind, threshold_num, threshold_den, tie_rule, state," \
  " record_hash"

static XdMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  int i = 0;

  m->id = sqlite3_column_int64 (stmt, i++);
  g_free (m->title); m->title = xd_store_column_text (stmt, i++);
  g_free (m->kind); m->kind = xd_store_column_text (stmt, i++);
  g_free (m->legal_basis); m->legal_basis = xd_store_column_text (stmt, i++);
  m->number = sqlite3_column_int (stmt, i++);
  g_free (m->number_suffix); m->number_suffix = xd_store_column_text (stmt, i++);
  g_free (m->issuing_body); m->issuing_body = xd_store_column_text (stmt, i++);
  g_free (m->parent_body); m->parent_body = xd_store_column_text (stmt, i++);
  g_free (m->place); m->place = xd_store_column_text (stmt, i++);
  m->starts_at = xd_store_column_text_or_null (stmt, i++);
  m->ends_at = xd_store_column_text_or_null (stmt, i++);
  m->criteria_set_id = sqlite3_column_int64 (stmt, i++);
  m->rule.quorum_num = sqlite3_column_int (stmt, i++);
  m->rule.quorum_den = sqlite3_column_int (stmt, i++);
  xd_base_from_string ((const char *) sqlite3_column_text (stmt, i++), &m->rule.base);
  xd_threshold_kind_from_string ((const char *) sqlite3_column_text (stmt, i++),
                                 &m->rule.threshold_kind);
  m->rule.threshold_num = sqlite3_column_int (stmt, i++);
  m->rule.threshold_den = sqlite3_column_int (stmt, i++);
  xd_tie_rule_from_string ((const char *) sqlite3_column_text (stmt, i++), &m->rule.tie_rule);
  xd_meeting_state_from_string ((const char *) sqlite3_column_text (stmt, i++), &m->state);
  m->record_hash = xd_store_column_text_or_null (stmt, i++);

  return g_steal_pointer (&m);
}

/* "2022-01-09T08:00", a real date and time of day. */
static gboolean
is_valid_datetime (const char *text)
{
  int y, mo, d, h, mi;
  char tail;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 16 ||
      sscanf (text, "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5)
    return FALSE;

  return g_date_valid_dmy (d, mo, y) && h >= 0 && h < 24 && mi >= 0 && mi < 60;
}

static gboolean
validate_meeting (const XdMeeting  *m,
                  GError          **error)
{
  g_autofree char *title = g_strstrip (g_strdup (m->title));

  if (*title == '\0')
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The meeting needs a title."));
      return FALSE;
    }
  if (!is_valid_datetime (m->starts_at) || !is_valid_datetime (m->ends_at))
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The start or end time of the meeting is not a valid date and time."));
      return FALSE;
    }
  if (m->starts_at != NULL && m->ends_at != NULL && strcmp (m->ends_at, m->starts_at) < 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The meeting cannot end before it starts."));
      return FALSE;
    }
  if (!xd_rule_is_valid (&m->rule))
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The voting rules are not valid: check the quorum and the majority."));
      return FALSE;
    }
  if (m->number < 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The document number cannot be negative."));
      return FALSE;
    }

  return TRUE;
}

static void
bind_meeting (sqlite3_stmt    *stmt,
              const XdMeeting *m)
{
  int i = 1;

  xd_store_bind_text (stmt, i++, m->title);
  xd_store_bind_text (stmt, i++, m->kind);
  xd_store_bind_text (stmt, i++, m->legal_basis);
  sqlite3_bind_int (stmt, i++, m->number);
  xd_store_bind_text (stmt, i++, m->number_suffix);
  xd_store_bind_text (stmt, i++, m->issuing_body);
  xd_store_bind_text (stmt, i++, m->parent_body);
  xd_store_bind_text (stmt, i++, m->place);
  xd_store_bind_text_or_null (stmt, i++, m->starts_at);
  xd_store_bind_text_or_null (stmt, i++, m->ends_at);
  xd_store_bind_id_or_null (stmt, i++, m->criteria_set_id);
  sqlite3_bind_int (stmt, i++, m->rule.quorum_num);
  sqlite3_bind_int (stmt, i++, m->rule.quorum_den);
  xd_store_bind_text (stmt, i++, xd_base_to_string (m->rule.base));
  xd_store_bind_text (stmt, i++, xd_threshold_kind_to_string (m->rule.threshold_kind));
  sqlite3_bind_int (stmt, i++, m->rule.threshold_num);
  sqlite3_bind_int (stmt, i++, m->rule.threshold_den);
  xd_store_bind_text (stmt, i++, xd_tie_rule_to_string (m->rule.tie_rule));
  xd_store_bind_text (stmt, i++, xd_meeting_state_to_string (m->state));
}

GPtrArray *
xd_store_list_meetings (XdStore  *self,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_meeting_free);
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT " MEETING_COLUMNS " FROM meeting"
                           " ORDER BY coalesce (starts_at, created_at) DESC, id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, meeting_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

XdMeeting *
xd_store_get_meeting (XdStore  *self,
                      gint64    meeting_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self, "SELECT " MEETING_COLUMNS " FROM meeting WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The meeting no longer exists. It may have been deleted."));
      return NULL;
    }

  return meeting_from_row (stmt);
}

typedef struct {
  const XdMeeting *meeting;
  gint64 id;
} MeetingWrite;

static gboolean
add_meeting_locked (XdStore   *self,
                    gpointer   data,
                    GError   **error)
{
  MeetingWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = xd_store_prepare (self,
                           "INSERT INTO meeting (title, kind, legal_basis, number, number_suffix,"
                           " issuing_body, parent_body, place, starts_at, ends_at, criteria_set_id,"
                           " quorum_num, quorum_den, base, threshold_kind, threshold_num,"
                           " threshold_den, tie_rule, state)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, w->meeting);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "meeting", w->id, w->meeting->title, error);
}

gint64
xd_store_add_meeting (XdStore          *self,
                      const XdMeeting  *meeting,
                      GError          **error)
{
  MeetingWrite w = { meeting, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (meeting != NULL, 0);

  if (!validate_meeting (meeting, error) ||
      !xd_store_write (self, add_meeting_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "meeting", w.id);
  return w.id;
}

static gboolean
update_meeting_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  MeetingWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(XdMeeting) current = NULL;
  XdMeeting fields;
  gboolean finalising;

  if (!xd_store_check_meeting_writable (self, w->meeting->id, error))
    return FALSE;
  current = xd_store_get_meeting (self, w->meeting->id, error);
  if (current == NULL)
    return FALSE;

  /* Finalising is more than a state: the record's hash is stored and
   * logged, so the fields are written first and the state last. */
  fields = *w->meeting;
  finalising = w->meeting->state == XD_MEETING_FINALISED;
  if (finalising)
    fields.state = current->state;

  stmt = xd_store_prepare (self,
                           "UPDATE meeting SET title = ?, kind = ?, legal_basis = ?, number = ?,"
                           " number_suffix = ?, issuing_body = ?, parent_body = ?, place = ?,"
                           " starts_at = ?, ends_at = ?, criteria_set_id = ?, quorum_num = ?,"
                           " quorum_den = ?, base = ?, threshold_kind = ?, threshold_num = ?,"
                           " threshold_den = ?, tie_rule = ?, state = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, &fields);
  sqlite3_bind_int64 (stmt, 20, w->meeting->id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "meeting", w->meeting->id, w->meeting->title, error) &&
         (!finalising || xd_record_finalize_in_transaction (self, w->meeting->id, error));
}

gboolean
xd_store_update_meeting (XdStore          *self,
                         const XdMeeting  *meeting,
                         GError          **error)
{
  MeetingWrite w = { meeting, meeting->id };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);

  if (!validate_meeting (meeting, error) ||
      !xd_store_write (self, update_meeting_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "meeting", meeting->id);
  return TRUE;
}

static gboolean
delete_meeting_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(XdMeeting) meeting = NULL;

  /* A finalised record is evidence: it is never deleted from the app. */
  if (!xd_store_check_meeting_writable (self, id, error))
    return FALSE;
  meeting = xd_store_get_meeting (self, id, error);
  if (meeting == NULL)
    return FALSE;

  /* Votes hold their members with RESTRICT; with the meeting they all go. */
  stmt = xd_store_prepare (self,
                           "DELETE FROM vote WHERE question_id IN"
                           " (SELECT id FROM question WHERE meeting_id = ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;
  return xd_store_delete_row (self, "DELETE FROM meeting WHERE id = ?", id, "meeting", meeting->title, error);
}

gboolean
xd_store_delete_meeting (XdStore  *self,
                         gint64    meeting_id,
                         GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_meeting_locked, &meeting_id, error))
    return FALSE;

  xd_store_emit_changed (self, "meeting", meeting_id);
  return TRUE;
}

/* Minutes sections
 * ================ */

char *
xd_store_get_section (XdStore        *self,
                      gint64          meeting_id,
                      XdSectionKind   kind,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT body FROM minutes_section WHERE meeting_id = ? AND kind = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  xd_store_bind_text (stmt, 2, xd_section_kind_to_string (kind));

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("");

  return xd_store_column_text (stmt, 0);
}

typedef struct {
  gint64 meeting_id;
  XdSectionKind kind;
  const char *body;
} SectionWrite;

static gboolean
set_section_locked (XdStore   *self,
                    gpointer   data,
                    GError   **error)
{
  SectionWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!xd_store_check_meeting_writable (self, w->meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO minutes_section (meeting_id, kind, body) VALUES (?, ?, ?)"
                           " ON CONFLICT (meeting_id, kind) DO UPDATE SET body = excluded.body",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->meeting_id);
  xd_store_bind_text (stmt, 2, xd_section_kind_to_string (w->kind));
  xd_store_bind_text (stmt, 3, w->body);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "minutes_section", w->meeting_id,
                         xd_section_kind_to_string (w->kind), error);
}

gboolean
xd_store_set_section (XdStore        *self,
                      gint64          meeting_id,
                      XdSectionKind   kind,
                      const char     *body,
                      GError        **error)
{
  SectionWrite w = { meeting_id, kind, body };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, set_section_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "minutes_section", meeting_id);
  return TRUE;
}
