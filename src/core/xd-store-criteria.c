/* xd-store-criteria.c — criteria sets and their criteria
 *
 * Shipped presets are read-only: a council that wants other criteria copies
 * the preset and edits the copy, so the preset always says what the law says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-store-private.h"

static XdCriteriaSet *
set_from_row (sqlite3_stmt *stmt)
{
  XdCriteriaSet *s = xd_criteria_set_new ();

  s->id = sqlite3_column_int64 (stmt, 0);
  g_free (s->name); s->name = xd_store_column_text (stmt, 1);
  g_free (s->source); s->source = xd_store_column_text (stmt, 2);
  s->read_only = sqlite3_column_int (stmt, 3) != 0;
  return s;
}

GPtrArray *
xd_store_list_criteria_sets (XdStore  *self,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) xd_criteria_set_free);
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT id, name, source, read_only FROM criteria_set"
                           " ORDER BY read_only DESC, name",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, set_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

XdCriteriaSet *
xd_store_get_criteria_set (XdStore  *self,
                           gint64    set_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT id, name, source, read_only FROM criteria_set WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The criteria set no longer exists."));
      return NULL;
    }

  return set_from_row (stmt);
}

static gboolean
validate_set (const XdCriteriaSet  *set,
              GError              **error)
{
  g_autofree char *name = g_strstrip (g_strdup (set->name));

  if (*name != '\0')
    return TRUE;

  g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
               _("The criteria set needs a name."));
  return FALSE;
}

/* Presets are protected here, not only in the UI, so no caller can edit one. */
static gboolean
check_set_editable (XdStore  *self,
                    gint64    set_id,
                    GError  **error)
{
  g_autoptr(XdCriteriaSet) set = xd_store_get_criteria_set (self, set_id, error);

  if (set == NULL)
    return FALSE;
  if (set->read_only)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("“%s” is a preset and cannot be changed. Make a copy to change it."),
                   set->name);
      return FALSE;
    }
  return xd_store_check_criteria_set_writable (self, set_id, error);
}

static gboolean
check_name_free (XdStore     *self,
                 const char  *name,
                 gint64       except_id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = xd_store_prepare (self, "SELECT 1 FROM criteria_set WHERE name = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("A criteria set named “%s” already exists. Choose another name."), name);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const XdCriteriaSet *set;
  gint64 id;
} SetWrite;

static gboolean
add_set_locked (XdStore   *self,
                gpointer   data,
                GError   **error)
{
  SetWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_name_free (self, w->set->name, 0, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO criteria_set (name, source, read_only) VALUES (?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, w->set->name);
  xd_store_bind_text (stmt, 2, w->set->source);
  sqlite3_bind_int (stmt, 3, w->set->read_only ? 1 : 0);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "criteria_set", w->id, w->set->name, error);
}

/* A set is added editable; xd_store_install_presets () marks presets. */
gint64
xd_store_add_criteria_set (XdStore              *self,
                           const XdCriteriaSet  *set,
                           GError              **error)
{
  SetWrite w = { set, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (set != NULL, 0);

  if (!validate_set (set, error) || !xd_store_write (self, add_set_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "criteria_set", w.id);
  return w.id;
}

static gboolean
update_set_locked (XdStore   *self,
                   gpointer   data,
                   GError   **error)
{
  SetWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_set_editable (self, w->set->id, error) ||
      !check_name_free (self, w->set->name, w->set->id, error))
    return FALSE;

  stmt = xd_store_prepare (self, "UPDATE criteria_set SET name = ?, source = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, w->set->name);
  xd_store_bind_text (stmt, 2, w->set->source);
  sqlite3_bind_int64 (stmt, 3, w->set->id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "criteria_set", w->set->id, w->set->name, error);
}

gboolean
xd_store_update_criteria_set (XdStore              *self,
                              const XdCriteriaSet  *set,
                              GError              **error)
{
  SetWrite w = { set, set->id };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!validate_set (set, error) || !xd_store_write (self, update_set_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "criteria_set", set->id);
  return TRUE;
}

static gboolean
delete_set_locked (XdStore   *self,
                   gpointer   data,
                   GError   **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_set_editable (self, id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "SELECT title FROM meeting WHERE criteria_set_id = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The criteria set is used by the meeting “%s” and cannot be deleted."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return xd_store_delete_row (self, "DELETE FROM criteria_set WHERE id = ?", id, "criteria_set", NULL, error);
}

gboolean
xd_store_delete_criteria_set (XdStore  *self,
                              gint64    set_id,
                              GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_set_locked, &set_id, error))
    return FALSE;

  xd_store_emit_changed (self, "criteria_set", set_id);
  return TRUE;
}

typedef struct {
  gint64 source_id;
  const char *name;
  gint64 id;
} SetCopy;

static gboolean
copy_set_locked (XdStore   *self,
                 gpointer   data,
                 GError   **error)
{
  SetCopy *w = data;
  g_autoptr(XdCriteriaSet) source = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SetWrite add;

  source = xd_store_get_criteria_set (self, w->source_id, error);
  if (source == NULL)
    return FALSE;

  g_free (source->name);
  source->name = g_strdup (w->name);
  source->read_only = FALSE;
  add.set = source;
  add.id = 0;
  if (!validate_set (source, error) || !add_set_locked (self, &add, error))
    return FALSE;
  w->id = add.id;

  stmt = xd_store_prepare (self,
                           "INSERT INTO criterion (set_id, position, code, text)"
                           " SELECT ?, position, code, text FROM criterion WHERE set_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->id);
  sqlite3_bind_int64 (stmt, 2, w->source_id);

  return xd_store_step_done (self, stmt, error);
}

gint64
xd_store_copy_criteria_set (XdStore     *self,
                            gint64       set_id,
                            const char  *new_name,
                            GError     **error)
{
  SetCopy w = { set_id, new_name, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (new_name != NULL, 0);

  if (!xd_store_write (self, copy_set_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "criteria_set", w.id);
  return w.id;
}

GPtrArray *
xd_store_list_criteria (XdStore  *self,
                        gint64    set_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_criterion_free);
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT id, set_id, position, code, text FROM criterion"
                           " WHERE set_id = ? ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XdCriterion *c = xd_criterion_new ();

      c->id = sqlite3_column_int64 (stmt, 0);
      c->set_id = sqlite3_column_int64 (stmt, 1);
      c->position = sqlite3_column_int (stmt, 2);
      g_free (c->code); c->code = xd_store_column_text (stmt, 3);
      g_free (c->text); c->text = xd_store_column_text (stmt, 4);
      g_ptr_array_add (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
validate_criterion (const XdCriterion  *c,
                    GError            **error)
{
  g_autofree char *code = g_strstrip (g_strdup (c->code));
  g_autofree char *text = g_strstrip (g_strdup (c->text));

  if (*code == '\0' || *text == '\0')
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("A criterion needs a number and a text."));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const XdCriterion *criterion;
  gint64 id;
  gboolean preset;   /* installing a preset: the set is read-only on purpose */
} CriterionWrite;

static gboolean
add_criterion_locked (XdStore   *self,
                      gpointer   data,
                      GError   **error)
{
  CriterionWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!w->preset && !check_set_editable (self, w->criterion->set_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO criterion (set_id, position, code, text) VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->criterion->set_id);
  sqlite3_bind_int (stmt, 2, w->criterion->position);
  xd_store_bind_text (stmt, 3, w->criterion->code);
  xd_store_bind_text (stmt, 4, w->criterion->text);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "criterion", w->id, w->criterion->code, error);
}

gint64
xd_store_add_criterion (XdStore            *self,
                        const XdCriterion  *criterion,
                        GError            **error)
{
  CriterionWrite w = { criterion, 0, FALSE };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (criterion != NULL, 0);

  if (!validate_criterion (criterion, error) ||
      !xd_store_write (self, add_criterion_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "criterion", w.id);
  return w.id;
}

static gboolean
update_criterion_locked (XdStore   *self,
                         gpointer   data,
                         GError   **error)
{
  CriterionWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 set_id;

  set_id = xd_store_owner_of (self, "SELECT set_id FROM criterion WHERE id = ?",
                              w->criterion->id, _("The criterion no longer exists."), error);
  if (set_id == 0)
    return FALSE;
  if (!check_set_editable (self, set_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "UPDATE criterion SET position = ?, code = ?, text = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, w->criterion->position);
  xd_store_bind_text (stmt, 2, w->criterion->code);
  xd_store_bind_text (stmt, 3, w->criterion->text);
  sqlite3_bind_int64 (stmt, 4, w->criterion->id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "criterion", w->criterion->id, w->criterion->code, error);
}

gboolean
xd_store_update_criterion (XdStore            *self,
                           const XdCriterion  *criterion,
                           GError            **error)
{
  CriterionWrite w = { criterion, criterion->id, FALSE };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!validate_criterion (criterion, error) ||
      !xd_store_write (self, update_criterion_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "criterion", criterion->id);
  return TRUE;
}

static gboolean
delete_criterion_locked (XdStore   *self,
                         gpointer   data,
                         GError   **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 set_id;

  set_id = xd_store_owner_of (self, "SELECT set_id FROM criterion WHERE id = ?",
                              id, _("The criterion no longer exists."), error);
  if (set_id == 0)
    return FALSE;
  if (!check_set_editable (self, set_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "SELECT 1 FROM assessment WHERE criterion_id = ?"
                           " AND (result <> 'not-assessed' OR note <> '') LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("Dossiers have already been assessed against this criterion, "
                     "so it cannot be deleted."));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = xd_store_prepare (self,
                           "DELETE FROM assessment WHERE criterion_id = ?;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;
  return xd_store_delete_row (self, "DELETE FROM criterion WHERE id = ?", id, "criterion", NULL, error);
}

gboolean
xd_store_delete_criterion (XdStore  *self,
                           gint64    criterion_id,
                           GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_criterion_locked, &criterion_id, error))
    return FALSE;

  xd_store_emit_changed (self, "criterion", criterion_id);
  return TRUE;
}
