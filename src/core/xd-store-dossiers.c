/* xd-store-dossiers.c — units' dossiers, their documents and assessments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "xd-store-private.h"
#include "xd-text.h"

#define DOSSIER_COLUMNS \
  "d.id, d.meeting_id, d.unit_name, d.unit_type, d.reference, d.received_on, d.summary," \
  " d.conclusion, d.verified_by, d.state, d.position"

static XdDossier *
dossier_from_row (sqlite3_stmt *stmt)
{
  XdDossier *d = xd_dossier_new ();
  int i = 0;

  d->id = sqlite3_column_int64 (stmt, i++);
  d->meeting_id = sqlite3_column_int64 (stmt, i++);
  g_free (d->unit_name); d->unit_name = xd_store_column_text (stmt, i++);
  xd_unit_type_from_string ((const char *) sqlite3_column_text (stmt, i++), &d->unit_type);
  g_free (d->reference); d->reference = xd_store_column_text (stmt, i++);
  d->received_on = xd_store_column_text_or_null (stmt, i++);
  g_free (d->summary); d->summary = xd_store_column_text (stmt, i++);
  g_free (d->conclusion); d->conclusion = xd_store_column_text (stmt, i++);
  g_free (d->verified_by); d->verified_by = xd_store_column_text (stmt, i++);
  xd_dossier_state_from_string ((const char *) sqlite3_column_text (stmt, i++), &d->state);
  d->position = sqlite3_column_int (stmt, i++);
  return d;
}

static GPtrArray *
collect_dossiers (XdStore       *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_dossier_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, dossier_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* The one query behind listing and searching, so the list of ids a view
 * shows and the records an export reads can never disagree.  @columns is
 * what to select from "dossier d"; the statement comes back bound.  An
 * empty @query (after folding) lists the whole meeting. */
static sqlite3_stmt *
prepare_dossier_query (XdStore     *self,
                       const char  *columns,
                       gint64       meeting_id,
                       const char  *query,
                       GError     **error)
{
  g_autofree char *folded = xd_text_fold (query);
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (*folded == '\0')
    {
      sql = g_strdup_printf ("SELECT %s FROM dossier d WHERE d.meeting_id = ?1"
                             " ORDER BY d.position, d.id", columns);
    }
  else if (g_utf8_strlen (folded, -1) >= 3)
    {
      /* Three letters or more go through the trigram index, as one FTS5
       * string: double quotes inside are doubled, nothing else is special,
       * so user text can never become query syntax. */
      g_string_append_c (pattern, '"');
      for (const char *p = folded; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (pattern, '"');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '"');
      /* The index is asked once, in a subquery: as a join, SQLite may
       * walk the meeting's dossiers and ask it once per row (two seconds
       * for ten thousand units instead of a few milliseconds). */
      sql = g_strdup_printf ("SELECT %s FROM dossier d"
                             " WHERE d.id IN (SELECT rowid FROM dossier_search"
                             "                WHERE dossier_search MATCH ?2)"
                             " AND d.meeting_id = ?1 ORDER BY d.position, d.id", columns);
    }
  else
    {
      /* Trigrams need three letters: shorter queries match the start of a
       * word of the folded key, with LIKE's own wildcards escaped. */
      for (const char *p = folded; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      sql = g_strdup_printf ("SELECT %s FROM dossier d"
                             " WHERE (d.search_key LIKE ?2 ESCAPE '\\'"
                             "        OR d.search_key LIKE '%% ' || ?2 ESCAPE '\\')"
                             " AND d.meeting_id = ?1 ORDER BY d.position, d.id", columns);
    }

  stmt = xd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (pattern->len > 0)
    xd_store_bind_text (stmt, 2, pattern->str);

  return stmt;
}

GPtrArray *
xd_store_list_dossiers (XdStore  *self,
                        gint64    meeting_id,
                        GError  **error)
{
  return xd_store_search_dossiers (self, meeting_id, NULL, error);
}

/**
 * xd_store_search_dossiers:
 *
 * Units whose name or reference contains @query, ignoring case and
 * diacritics ("hong gai" finds "Phường Hồng Gai").  Three letters or more
 * go through the trigram index; shorter queries match the start of a word.
 */
GPtrArray *
xd_store_search_dossiers (XdStore     *self,
                          gint64       meeting_id,
                          const char  *query,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = prepare_dossier_query (self, DOSSIER_COLUMNS, meeting_id, query, error);
  if (stmt == NULL)
    return NULL;

  return collect_dossiers (self, stmt, error);
}

/**
 * xd_store_search_dossier_ids:
 *
 * The ids of xd_store_search_dossiers (), in the same order, without
 * reading the records: a list of ten thousand units reads only the rows it
 * shows.
 *
 * Returns: (transfer full): a #GArray of gint64
 */
GArray *
xd_store_search_dossier_ids (XdStore     *self,
                             gint64       meeting_id,
                             const char  *query,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = prepare_dossier_query (self, "d.id", meeting_id, query, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

XdDossier *
xd_store_get_dossier (XdStore  *self,
                      gint64    dossier_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self, "SELECT " DOSSIER_COLUMNS " FROM dossier d WHERE d.id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The dossier no longer exists. It may have been deleted."));
      return NULL;
    }

  return dossier_from_row (stmt);
}

static gboolean
is_valid_date (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL)
    return TRUE;

  return strlen (text) == 10 &&
         sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
         g_date_valid_dmy (d, m, y);
}

static gboolean
validate_dossier (const XdDossier  *d,
                  GError          **error)
{
  g_autofree char *name = g_strstrip (g_strdup (d->unit_name));

  if (*name == '\0')
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The dossier needs the name of the unit."));
      return FALSE;
    }
  if (!is_valid_date (d->received_on))
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The date the dossier was received is not a valid date."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_dossier (sqlite3_stmt    *stmt,
              const XdDossier *d)
{
  g_autofree char *words = g_strconcat (d->unit_name, " ", d->reference, NULL);
  g_autofree char *key = xd_text_fold (words);
  int i = 1;

  xd_store_bind_text (stmt, i++, d->unit_name);
  xd_store_bind_text (stmt, i++, xd_unit_type_to_string (d->unit_type));
  xd_store_bind_text (stmt, i++, d->reference);
  xd_store_bind_text_or_null (stmt, i++, d->received_on);
  xd_store_bind_text (stmt, i++, d->summary);
  xd_store_bind_text (stmt, i++, d->conclusion);
  xd_store_bind_text (stmt, i++, d->verified_by);
  xd_store_bind_text (stmt, i++, xd_dossier_state_to_string (d->state));
  sqlite3_bind_int (stmt, i++, d->position);
  xd_store_bind_text (stmt, i++, key);
}

static gboolean
check_unit_free (XdStore          *self,
                 const XdDossier  *d,
                 gint64            meeting_id,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = xd_store_prepare (self,
                           "SELECT 1 FROM dossier WHERE meeting_id = ? AND unit_name = ?"
                           " AND reference = ? AND id <> ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  xd_store_bind_text (stmt, 2, d->unit_name);
  xd_store_bind_text (stmt, 3, d->reference);
  sqlite3_bind_int64 (stmt, 4, d->id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("This meeting already has a dossier of %s with the same reference."),
                   d->unit_name);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const XdDossier *dossier;
  gint64 id;
} DossierWrite;

static gboolean
add_dossier_locked (XdStore   *self,
                    gpointer   data,
                    GError   **error)
{
  DossierWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!xd_store_check_meeting_writable (self, w->dossier->meeting_id, error) ||
      !check_unit_free (self, w->dossier, w->dossier->meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO dossier (unit_name, unit_type, reference, received_on,"
                           " summary, conclusion, verified_by, state, position, search_key,"
                           " meeting_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_dossier (stmt, w->dossier);
  sqlite3_bind_int64 (stmt, 11, w->dossier->meeting_id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "dossier", w->id, w->dossier->unit_name, error);
}

gint64
xd_store_add_dossier (XdStore          *self,
                      const XdDossier  *dossier,
                      GError          **error)
{
  DossierWrite w = { dossier, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (dossier != NULL, 0);

  if (!validate_dossier (dossier, error) ||
      !xd_store_write (self, add_dossier_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "dossier", w.id);
  return w.id;
}

static gboolean
update_dossier_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  DossierWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 meeting_id;

  meeting_id = xd_store_owner_of (self, "SELECT meeting_id FROM dossier WHERE id = ?",
                                  w->dossier->id, _("The dossier no longer exists. It may have been deleted."), error);
  if (meeting_id == 0)
    return FALSE;
  if (!xd_store_check_meeting_writable (self, meeting_id, error) ||
      !check_unit_free (self, w->dossier, meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "UPDATE dossier SET unit_name = ?, unit_type = ?, reference = ?,"
                           " received_on = ?, summary = ?, conclusion = ?, verified_by = ?,"
                           " state = ?, position = ?, search_key = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_dossier (stmt, w->dossier);
  sqlite3_bind_int64 (stmt, 11, w->dossier->id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "dossier", w->dossier->id, w->dossier->unit_name, error);
}

gboolean
xd_store_update_dossier (XdStore          *self,
                         const XdDossier  *dossier,
                         GError          **error)
{
  DossierWrite w = { dossier, dossier->id };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!validate_dossier (dossier, error) ||
      !xd_store_write (self, update_dossier_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "dossier", dossier->id);
  return TRUE;
}

static gboolean
delete_dossier_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(XdDossier) dossier = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  dossier = xd_store_get_dossier (self, id, error);
  if (dossier == NULL || !xd_store_check_meeting_writable (self, dossier->meeting_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "SELECT 1 FROM question WHERE dossier_id = ? AND state = 'closed'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The council has already voted on the dossier of %s, "
                     "so it cannot be deleted."),
                   dossier->unit_name);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = xd_store_prepare (self,
                           "DELETE FROM vote WHERE question_id IN"
                           " (SELECT id FROM question WHERE dossier_id = ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;
  return xd_store_delete_row (self, "DELETE FROM dossier WHERE id = ?", id, "dossier", dossier->unit_name, error);
}

gboolean
xd_store_delete_dossier (XdStore  *self,
                         gint64    dossier_id,
                         GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_dossier_locked, &dossier_id, error))
    return FALSE;

  xd_store_emit_changed (self, "dossier", dossier_id);
  return TRUE;
}

/* Documents
 * ========= */

GPtrArray *
xd_store_list_documents (XdStore  *self,
                         gint64    dossier_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_document_free);
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT id, dossier_id, position, title, kind, received, file_path,"
                           " sha256 FROM dossier_document WHERE dossier_id = ?"
                           " ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XdDocument *d = xd_document_new ();

      d->id = sqlite3_column_int64 (stmt, 0);
      d->dossier_id = sqlite3_column_int64 (stmt, 1);
      d->position = sqlite3_column_int (stmt, 2);
      g_free (d->title); d->title = xd_store_column_text (stmt, 3);
      xd_document_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &d->kind);
      d->received = sqlite3_column_int (stmt, 5) != 0;
      d->file_path = xd_store_column_text_or_null (stmt, 6);
      d->sha256 = xd_store_column_text_or_null (stmt, 7);
      g_ptr_array_add (list, d);
    }
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
validate_document (const XdDocument  *d,
                   GError           **error)
{
  g_autofree char *title = g_strstrip (g_strdup (d->title));

  if (*title == '\0')
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The document needs a title."));
      return FALSE;
    }
  if ((d->file_path == NULL) != (d->sha256 == NULL))
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("An attached file needs its checksum."));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const XdDocument *document;
  gint64 id;
} DocumentWrite;

static gboolean
check_dossier_writable (XdStore  *self,
                        gint64    dossier_id,
                        GError  **error)
{
  gint64 meeting_id = xd_store_meeting_of (self, "SELECT meeting_id FROM dossier WHERE id = ?",
                                           dossier_id);

  if (meeting_id == 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The dossier no longer exists. It may have been deleted."));
      return FALSE;
    }
  return xd_store_check_meeting_writable (self, meeting_id, error);
}

static gboolean
add_document_locked (XdStore   *self,
                     gpointer   data,
                     GError   **error)
{
  DocumentWrite *w = data;
  const XdDocument *d = w->document;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_dossier_writable (self, d->dossier_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO dossier_document (dossier_id, position, title, kind,"
                           " received, file_path, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->dossier_id);
  sqlite3_bind_int (stmt, 2, d->position);
  xd_store_bind_text (stmt, 3, d->title);
  xd_store_bind_text (stmt, 4, xd_document_kind_to_string (d->kind));
  sqlite3_bind_int (stmt, 5, d->received ? 1 : 0);
  xd_store_bind_text_or_null (stmt, 6, d->file_path);
  xd_store_bind_text_or_null (stmt, 7, d->sha256);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "dossier_document", w->id, d->title, error);
}

gint64
xd_store_add_document (XdStore           *self,
                       const XdDocument  *document,
                       GError           **error)
{
  DocumentWrite w = { document, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (document != NULL, 0);

  if (!validate_document (document, error) ||
      !xd_store_write (self, add_document_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "dossier_document", w.id);
  return w.id;
}

static gboolean
update_document_locked (XdStore   *self,
                        gpointer   data,
                        GError   **error)
{
  DocumentWrite *w = data;
  const XdDocument *d = w->document;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 dossier_id;

  dossier_id = xd_store_owner_of (self, "SELECT dossier_id FROM dossier_document WHERE id = ?",
                                  d->id, _("The document no longer exists. It may have been removed."), error);
  if (dossier_id == 0)
    return FALSE;
  if (!check_dossier_writable (self, dossier_id, error))
    return FALSE;

  stmt = xd_store_prepare (self,
                           "UPDATE dossier_document SET position = ?, title = ?, kind = ?,"
                           " received = ?, file_path = ?, sha256 = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, d->position);
  xd_store_bind_text (stmt, 2, d->title);
  xd_store_bind_text (stmt, 3, xd_document_kind_to_string (d->kind));
  sqlite3_bind_int (stmt, 4, d->received ? 1 : 0);
  xd_store_bind_text_or_null (stmt, 5, d->file_path);
  xd_store_bind_text_or_null (stmt, 6, d->sha256);
  sqlite3_bind_int64 (stmt, 7, d->id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "update", "dossier_document", d->id, d->title, error);
}

gboolean
xd_store_update_document (XdStore           *self,
                          const XdDocument  *document,
                          GError           **error)
{
  DocumentWrite w = { document, document->id };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!validate_document (document, error) ||
      !xd_store_write (self, update_document_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "dossier_document", document->id);
  return TRUE;
}

static gboolean
delete_document_locked (XdStore   *self,
                        gpointer   data,
                        GError   **error)
{
  gint64 id = *(gint64 *) data;
  gint64 dossier_id;

  dossier_id = xd_store_owner_of (self, "SELECT dossier_id FROM dossier_document WHERE id = ?",
                                  id, _("The document no longer exists. It may have been removed."), error);
  if (dossier_id == 0)
    return FALSE;
  if (!check_dossier_writable (self, dossier_id, error))
    return FALSE;

  return xd_store_delete_row (self, "DELETE FROM dossier_document WHERE id = ?", id, "dossier_document", NULL, error);
}

gboolean
xd_store_delete_document (XdStore  *self,
                          gint64    document_id,
                          GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_document_locked, &document_id, error))
    return FALSE;

  xd_store_emit_changed (self, "dossier_document", document_id);
  return TRUE;
}

/* Assessments
 * =========== */

/**
 * xd_store_tally_criteria:
 *
 * For each dossier of @meeting_id, how many criteria of the meeting's set
 * it was assessed to meet, out of how many: the figures of the minutes'
 * table, counted as xd_store_list_assessments () would, in one query
 * instead of one per dossier.
 *
 * Returns: (transfer full): a #GArray of #XdCriteriaTally, in no
 * particular order
 */
GArray *
xd_store_tally_criteria (XdStore  *self,
                         gint64    meeting_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) tallies = g_array_new (FALSE, FALSE, sizeof (XdCriteriaTally));
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           /* Per dossier, its "met" rows are read in key order
                            * and checked against the set's criteria as a list
                            * ("+" keeps SQLite from seeking each criterion in
                            * turn, 40 lookups a dossier); a subquery rather
                            * than GROUP BY, which would sort 400,000 rows. */
                           "SELECT d.id,"
                           " (SELECT count (*) FROM criterion WHERE set_id ="
                           "   (SELECT criteria_set_id FROM meeting WHERE id = ?1)),"
                           " (SELECT count (*) FROM assessment a"
                           "   WHERE a.dossier_id = d.id AND a.result = 'met'"
                           "   AND +a.criterion_id IN (SELECT id FROM criterion WHERE set_id ="
                           "    (SELECT criteria_set_id FROM meeting WHERE id = ?1)))"
                           " FROM dossier d WHERE d.meeting_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XdCriteriaTally t = {
        .dossier_id = sqlite3_column_int64 (stmt, 0),
        .total = sqlite3_column_int (stmt, 1),
        .met = sqlite3_column_int (stmt, 2),
      };

      g_array_append_val (tallies, t);
    }
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&tallies);
}

GPtrArray *
xd_store_list_assessments (XdStore  *self,
                           gint64    dossier_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) xd_assessment_free);
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  /* Every criterion of the meeting's set appears, assessed or not, in the
   * set's order: the table a secretary fills in has no gaps. */
  stmt = xd_store_prepare (self,
                           "SELECT c.id, coalesce (a.result, 'not-assessed'), coalesce (a.note, '')"
                           " FROM dossier d JOIN meeting m ON m.id = d.meeting_id"
                           " JOIN criterion c ON c.set_id = m.criteria_set_id"
                           " LEFT JOIN assessment a ON a.dossier_id = d.id AND a.criterion_id = c.id"
                           " WHERE d.id = ? ORDER BY c.position, c.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XdAssessment *a = xd_assessment_new ();

      a->dossier_id = dossier_id;
      a->criterion_id = sqlite3_column_int64 (stmt, 0);
      xd_assessment_result_from_string ((const char *) sqlite3_column_text (stmt, 1), &a->result);
      g_free (a->note); a->note = xd_store_column_text (stmt, 2);
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
set_assessment_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  const XdAssessment *a = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_dossier_writable (self, a->dossier_id, error))
    return FALSE;

  /* Only criteria of the meeting's own set can be assessed. */
  stmt = xd_store_prepare (self,
                           "SELECT 1 FROM dossier d JOIN meeting m ON m.id = d.meeting_id"
                           " JOIN criterion c ON c.set_id = m.criteria_set_id"
                           " WHERE d.id = ? AND c.id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->dossier_id);
  sqlite3_bind_int64 (stmt, 2, a->criterion_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The criterion is not part of the criteria set of this meeting."));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = xd_store_prepare (self,
                           "INSERT INTO assessment (dossier_id, criterion_id, result, note)"
                           " VALUES (?, ?, ?, ?) ON CONFLICT (dossier_id, criterion_id)"
                           " DO UPDATE SET result = excluded.result, note = excluded.note",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->dossier_id);
  sqlite3_bind_int64 (stmt, 2, a->criterion_id);
  xd_store_bind_text (stmt, 3, xd_assessment_result_to_string (a->result));
  xd_store_bind_text (stmt, 4, a->note);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "assess", "dossier", a->dossier_id,
                         xd_assessment_result_to_string (a->result), error);
}

gboolean
xd_store_set_assessment (XdStore             *self,
                         const XdAssessment  *assessment,
                         GError             **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);

  if (!xd_store_write (self, set_assessment_locked, (gpointer) assessment, error))
    return FALSE;

  xd_store_emit_changed (self, "dossier", assessment->dossier_id);
  return TRUE;
}
