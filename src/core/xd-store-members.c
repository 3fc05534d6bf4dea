/* xd-store-members.c — the council of a meeting, attendance, and guests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-store-private.h"
#include "xd-text.h"

#define MEMBER_GONE _("The member no longer exists. They may have been removed.")
#define GUEST_GONE _("The guest no longer exists. They may have been removed.")

#define MEMBER_COLUMNS \
  "id, meeting_id, full_name, title, organisation, role, voting, attendance," \
  " absence_reason, position"

static XdMember *
member_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(XdMember) m = xd_member_new ();
  int i = 0;

  m->id = sqlite3_column_int64 (stmt, i++);
  m->meeting_id = sqlite3_column_int64 (stmt, i++);
  g_free (m->full_name); m->full_name = xd_store_column_text (stmt, i++);
  g_free (m->title); m->title = xd_store_column_text (stmt, i++);
  g_free (m->organisation); m->organisation = xd_store_column_text (stmt, i++);
  xd_role_from_string ((const char *) sqlite3_column_text (stmt, i++), &m->role);
  m->voting = sqlite3_column_int (stmt, i++) != 0;
  xd_attendance_from_string ((const char *) sqlite3_column_text (stmt, i++), &m->attendance);
  g_free (m->absence_reason); m->absence_reason = xd_store_column_text (stmt, i++);
  m->position = sqlite3_column_int (stmt, i++);

  return g_steal_pointer (&m);
}

static gboolean
require_name (const char  *name,
              const char  *message,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed != '\0')
    return TRUE;

  g_set_error_literal (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Chair first, then deputies, members, and the secretary; within a role,
 * as the council entered them. */
#define COUNCIL_ORDER \
  " ORDER BY CASE role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 WHEN 'member' THEN 2" \
  " ELSE 3 END, position, id"

GPtrArray *
xd_store_list_members (XdStore  *self,
                       gint64    meeting_id,
                       GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  return xd_store_list_by_id (self,
                              "SELECT " MEMBER_COLUMNS " FROM member WHERE meeting_id = ?"
                              COUNCIL_ORDER,
                              meeting_id, (XdStoreRowFunc) member_from_row,
                              (GDestroyNotify) xd_member_free, error);
}

XdMember *
xd_store_get_member (XdStore  *self,
                     gint64    member_id,
                     GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  return xd_store_get_by_id (self, "SELECT " MEMBER_COLUMNS " FROM member WHERE id = ?",
                             member_id, (XdStoreRowFunc) member_from_row,
                             MEMBER_GONE, error);
}

static gboolean
validate_member (const XdMember  *m,
                 GError         **error)
{
  return require_name (m->full_name, _("The member needs a name."), error);
}

static void
bind_member (sqlite3_stmt   *stmt,
             const XdMember *m)
{
  g_autofree char *key = xd_text_name_sort_key (m->full_name);
  int i = 1;

  xd_store_bind_text (stmt, i++, m->full_name);
  xd_store_bind_text (stmt, i++, m->title);
  xd_store_bind_text (stmt, i++, m->organisation);
  xd_store_bind_text (stmt, i++, xd_role_to_string (m->role));
  sqlite3_bind_int (stmt, i++, m->voting ? 1 : 0);
  xd_store_bind_text (stmt, i++, xd_attendance_to_string (m->attendance));
  xd_store_bind_text (stmt, i++, m->absence_reason);
  sqlite3_bind_int (stmt, i++, m->position);
  sqlite3_bind_blob (stmt, i++, key, (int) strlen (key), SQLITE_TRANSIENT);
}

/* A council has one chair and one secretary: say so in words, not as a
 * unique-index failure. */
static gboolean
check_single_role (XdStore         *self,
                   const XdMember  *m,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (m->role != XD_ROLE_CHAIR && m->role != XD_ROLE_SECRETARY)
    return TRUE;

  stmt = xd_store_prepare (self,
                           "SELECT full_name FROM member WHERE meeting_id = ? AND role = ?"
                           " AND id <> ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, m->meeting_id);
  xd_store_bind_text (stmt, 2, xd_role_to_string (m->role));
  sqlite3_bind_int64 (stmt, 3, m->id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  if (m->role == XD_ROLE_CHAIR)
    g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                 _("%s is already the chair of this meeting. Change their role first."),
                 (const char *) sqlite3_column_text (stmt, 0));
  else
    g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                 _("%s is already the secretary of this meeting. Change their role first."),
                 (const char *) sqlite3_column_text (stmt, 0));
  return FALSE;
}

typedef struct {
  const XdMember *member;
  gint64 id;
} MemberWrite;

static gboolean
add_member_locked (XdStore   *self,
                   gpointer   data,
                   GError   **error)
{
  MemberWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!xd_store_check_meeting_writable (self, w->member->meeting_id, error) ||
      !check_single_role (self, w->member, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO member (full_name, title, organisation, role, voting,"
                           " attendance, absence_reason, position, sort_key, meeting_id)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_member (stmt, w->member);
  sqlite3_bind_int64 (stmt, 10, w->member->meeting_id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "member", w->id, w->member->full_name, error);
}

gint64
xd_store_add_member (XdStore         *self,
                     const XdMember  *member,
                     GError         **error)
{
  MemberWrite w = { member, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (member != NULL, 0);

  if (!validate_member (member, error) ||
      !xd_store_write (self, add_member_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "member", w.id);
  return w.id;
}

static gboolean
update_member_locked (XdStore   *self,
                      gpointer   data,
                      GError   **error)
{
  MemberWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  XdMember fixed = *w->member;

  /* The meeting a member belongs to never changes. */
  fixed.meeting_id = xd_store_owner_of (self, "SELECT meeting_id FROM member WHERE id = ?",
                                        w->member->id, MEMBER_GONE, error);
  if (fixed.meeting_id == 0 ||
      !xd_store_check_meeting_writable (self, fixed.meeting_id, error) ||
      !check_single_role (self, &fixed, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "UPDATE member SET full_name = ?, title = ?, organisation = ?, role = ?,"
                           " voting = ?, attendance = ?, absence_reason = ?, position = ?,"
                           " sort_key = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_member (stmt, &fixed);
  sqlite3_bind_int64 (stmt, 10, fixed.id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "member", fixed.id, fixed.full_name, error);
}

gboolean
xd_store_update_member (XdStore         *self,
                        const XdMember  *member,
                        GError         **error)
{
  MemberWrite w = { member, member->id };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  if (!validate_member (member, error) ||
      !xd_store_write (self, update_member_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "member", member->id);
  return TRUE;
}

typedef struct {
  gint64 member_id;
  XdAttendance attendance;
  const char *reason;
} AttendanceWrite;

static gboolean
set_attendance_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  AttendanceWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  gint64 meeting_id;

  meeting_id = xd_store_owner_of (self, "SELECT meeting_id FROM member WHERE id = ?",
                                  w->member_id, MEMBER_GONE, error);
  if (meeting_id == 0 || !xd_store_check_meeting_writable (self, meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "UPDATE member SET attendance = ?, absence_reason = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, xd_attendance_to_string (w->attendance));
  /* A reason only makes sense for someone who is not there. */
  xd_store_bind_text (stmt, 2, w->attendance == XD_ATTENDANCE_PRESENT ? "" : w->reason);
  sqlite3_bind_int64 (stmt, 3, w->member_id);

  summary = g_strdup (xd_attendance_to_string (w->attendance));
  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "attendance", "member", w->member_id, summary, error);
}

gboolean
xd_store_set_attendance (XdStore       *self,
                         gint64         member_id,
                         XdAttendance   attendance,
                         const char    *absence_reason,
                         GError       **error)
{
  AttendanceWrite w = { member_id, attendance, absence_reason };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, set_attendance_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "member", member_id);
  return TRUE;
}

static gboolean
delete_member_locked (XdStore   *self,
                      gpointer   data,
                      GError   **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(XdMember) member = NULL;

  member = xd_store_get_member (self, id, error);
  if (member == NULL || !xd_store_check_meeting_writable (self, member->meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self, "SELECT 1 FROM vote WHERE member_id = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("%s has already voted in this meeting and cannot be removed. "
                     "Mark them absent instead."),
                   member->full_name);
      return FALSE;
    }

  return xd_store_delete_row (self, "DELETE FROM member WHERE id = ?", id,
                              "member", member->full_name, error);
}

gboolean
xd_store_delete_member (XdStore  *self,
                        gint64    member_id,
                        GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_member_locked, &member_id, error))
    return FALSE;

  xd_store_emit_changed (self, "member", member_id);
  return TRUE;
}

/* Guests
 * ====== */

static XdGuest *
guest_from_row (sqlite3_stmt *stmt)
{
  XdGuest *g = xd_guest_new ();

  g->id = sqlite3_column_int64 (stmt, 0);
  g->meeting_id = sqlite3_column_int64 (stmt, 1);
  g_free (g->full_name); g->full_name = xd_store_column_text (stmt, 2);
  g_free (g->title); g->title = xd_store_column_text (stmt, 3);
  g_free (g->organisation); g->organisation = xd_store_column_text (stmt, 4);
  g->position = sqlite3_column_int (stmt, 5);
  return g;
}

GPtrArray *
xd_store_list_guests (XdStore  *self,
                      gint64    meeting_id,
                      GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  return xd_store_list_by_id (self,
                              "SELECT id, meeting_id, full_name, title, organisation, position"
                              " FROM guest WHERE meeting_id = ? ORDER BY position, id",
                              meeting_id, (XdStoreRowFunc) guest_from_row,
                              (GDestroyNotify) xd_guest_free, error);
}

typedef struct {
  const XdGuest *guest;
  gint64 id;
} GuestWrite;

static gboolean
add_guest_locked (XdStore   *self,
                  gpointer   data,
                  GError   **error)
{
  GuestWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!xd_store_check_meeting_writable (self, w->guest->meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO guest (meeting_id, full_name, title, organisation, position)"
                           " VALUES (?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->guest->meeting_id);
  xd_store_bind_text (stmt, 2, w->guest->full_name);
  xd_store_bind_text (stmt, 3, w->guest->title);
  xd_store_bind_text (stmt, 4, w->guest->organisation);
  sqlite3_bind_int (stmt, 5, w->guest->position);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "guest", w->id, w->guest->full_name, error);
}

gint64
xd_store_add_guest (XdStore        *self,
                    const XdGuest  *guest,
                    GError        **error)
{
  GuestWrite w = { guest, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (guest != NULL, 0);

  if (!require_name (guest->full_name, _("The guest needs a name."), error) ||
      !xd_store_write (self, add_guest_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "guest", w.id);
  return w.id;
}

static gboolean
update_guest_locked (XdStore   *self,
                     gpointer   data,
                     GError   **error)
{
  GuestWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 meeting_id;

  meeting_id = xd_store_owner_of (self, "SELECT meeting_id FROM guest WHERE id = ?",
                                  w->guest->id, GUEST_GONE, error);
  if (meeting_id == 0 || !xd_store_check_meeting_writable (self, meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "UPDATE guest SET full_name = ?, title = ?, organisation = ?,"
                           " position = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, w->guest->full_name);
  xd_store_bind_text (stmt, 2, w->guest->title);
  xd_store_bind_text (stmt, 3, w->guest->organisation);
  sqlite3_bind_int (stmt, 4, w->guest->position);
  sqlite3_bind_int64 (stmt, 5, w->guest->id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "guest", w->guest->id, w->guest->full_name, error);
}

gboolean
xd_store_update_guest (XdStore        *self,
                       const XdGuest  *guest,
                       GError        **error)
{
  GuestWrite w = { guest, guest->id };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!require_name (guest->full_name, _("The guest needs a name."), error) ||
      !xd_store_write (self, update_guest_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "guest", guest->id);
  return TRUE;
}

static gboolean
delete_guest_locked (XdStore   *self,
                     gpointer   data,
                     GError   **error)
{
  gint64 id = *(gint64 *) data;
  gint64 meeting_id;

  meeting_id = xd_store_owner_of (self, "SELECT meeting_id FROM guest WHERE id = ?", id,
                                  GUEST_GONE, error);

  return meeting_id != 0 &&
         xd_store_check_meeting_writable (self, meeting_id, error) &&
         xd_store_delete_row (self, "DELETE FROM guest WHERE id = ?", id, "guest", NULL, error);
}

gboolean
xd_store_delete_guest (XdStore  *self,
                       gint64    guest_id,
                       GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_guest_locked, &guest_id, error))
    return FALSE;

  xd_store_emit_changed (self, "guest", guest_id);
  return TRUE;
}
