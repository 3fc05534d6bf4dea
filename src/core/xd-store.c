/* xd-store.c — opening the database, transactions, errors, the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "xd-store-private.h"

struct _XdStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  gboolean read_only;
  int schema_version;
  int depth;          /* transaction nesting; 0 = none open */
};

G_DEFINE_FINAL_TYPE (XdStore, xd_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (xd-store-error-quark, xd_store_error)

/* How long a write waits for another program's lock before telling the user. */
#define BUSY_TIMEOUT_MS 3000

static void
xd_store_finalize (GObject *object)
{
  XdStore *self = XD_STORE (object);

  if (self->db != NULL)
    {
      /* Closing the last connection checkpoints the WAL into the main file. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (xd_store_parent_class)->finalize (object);
}

static void
xd_store_class_init (XdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xd_store_finalize;

  /**
   * XdStore::changed:
   * @entity: the table that changed ("meeting", "dossier", …)
   * @id: the row, or 0 for many rows
   *
   * Emitted after a write was committed, so views can refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
xd_store_init (XdStore *self)
{
}

sqlite3 *
xd_store_get_db (XdStore *self)
{
  return self->db;
}

const char *
xd_store_get_path (XdStore *self)
{
  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  return self->path;
}

gboolean
xd_store_is_read_only (XdStore *self)
{
  g_return_val_if_fail (XD_IS_STORE (self), TRUE);

  return self->read_only;
}

int
xd_store_get_schema_version (XdStore *self)
{
  g_return_val_if_fail (XD_IS_STORE (self), 0);

  return self->schema_version;
}

char *
xd_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "xetduyet", "xetduyet.sqlite3", NULL);
}

/* Errors
 * ======
 * SQLite's own messages are English and technical; users get a sentence in
 * their language that says what happened to their change. */

gboolean
xd_store_set_error_from_db (XdStore  *self,
                            int       rc,
                            GError  **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : "";

  g_debug ("SQLite error %d: %s", rc, detail);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_BUSY,
                   _("The database is in use by another program, so the change was not saved. "
                     "Close the other program and try again."));
      break;
    case SQLITE_FULL:
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FULL,
                   _("The disk is full, so the change was not saved. "
                     "Free some space and try again."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_READ_ONLY,
                   _("The database can only be read, so the change was not saved."));
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_IO,
                   _("The disk reported an error, so the change was not saved. "
                     "Check that the file is still there and try again."));
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_DATABASE,
                   _("The database file is damaged, so the change was not saved."));
      break;
    case SQLITE_CONSTRAINT:
      switch (rc)
        {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                       _("An entry with the same details already exists."));
          break;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                       _("This entry is still used elsewhere in the record, "
                         "or refers to something that no longer exists."));
          break;
        case SQLITE_CONSTRAINT_TRIGGER:
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                       _("A named vote cannot be recorded on a secret ballot."));
          break;
        default:
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                       _("A required value is missing or not allowed."));
          break;
        }
      break;
    default:
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FAILED,
                   _("The database could not save the change (code %d)."), rc);
      break;
    }

  return FALSE;
}

/* Statements
 * ========== */

sqlite3_stmt *
xd_store_prepare (XdStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_warning ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return stmt;
}

gboolean
xd_store_step_done (XdStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return xd_store_set_error_from_db (self, sqlite3_extended_errcode (self->db), error);

  return TRUE;
}

gboolean
xd_store_exec (XdStore     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_debug ("“%.60s…” failed: %s", sql, message);
      sqlite3_free (message);
      return xd_store_set_error_from_db (self, sqlite3_extended_errcode (self->db), error);
    }

  return TRUE;
}

char *
xd_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

char *
xd_store_column_text_or_null (sqlite3_stmt *stmt,
                              int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
xd_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
xd_store_bind_text_or_null (sqlite3_stmt *stmt,
                            int           index,
                            const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
xd_store_bind_id_or_null (sqlite3_stmt *stmt,
                          int           index,
                          gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

/* Transactions
 * ============ */

gboolean
xd_store_begin (XdStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  if (self->read_only)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_READ_ONLY,
                   _("“%s” can only be read, so the change was not saved."), self->path);
      return FALSE;
    }

  /* IMMEDIATE takes the write lock up front, so a busy database is reported
   * before anything is half done, and the busy timeout applies. */
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT xd_%d", self->depth);

  if (!xd_store_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
xd_store_commit (XdStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_assert (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE xd_%d", self->depth - 1);

  if (!xd_store_exec (self, sql, error))
    {
      xd_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
xd_store_rollback (XdStore *self)
{
  g_autofree char *sql = NULL;

  g_assert (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO xd_%d; RELEASE xd_%d", self->depth - 1, self->depth - 1);

  /* After some errors (a full disk, I/O) SQLite has already rolled back:
   * then there is nothing left to undo, which is what we want. */
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Rollback: %s", sqlite3_errmsg (self->db));

  self->depth--;
}

gboolean
xd_store_write (XdStore           *self,
                XdStoreWriteFunc   func,
                gpointer           data,
                GError           **error)
{
  if (!xd_store_begin (self, error))
    return FALSE;

  if (!func (self, data, error))
    {
      xd_store_rollback (self);
      return FALSE;
    }

  return xd_store_commit (self, error);
}

gboolean
xd_store_run_in_transaction (XdStore           *self,
                             XdStoreBatchFunc   func,
                             gpointer           data,
                             GError           **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The calls inside stay silent (depth > 0), so views hear of the whole
   * batch once, as after an import. */
  if (!xd_store_write (self, (XdStoreWriteFunc) func, data, error))
    return FALSE;

  xd_store_emit_changed (self, "*", 0);
  return TRUE;
}

/* Audit log
 * ========= */

char *
xd_store_audit_hash (const char *prev_hash,
                     const char *at,
                     const char *action,
                     const char *entity,
                     gint64      entity_id,
                     const char *summary)
{
  g_autofree char *material = NULL;

  material = g_strdup_printf ("%s\n%s\n%s\n%s\n%" G_GINT64_FORMAT "\n%s",
                              prev_hash, at, action, entity, entity_id,
                              summary != NULL ? summary : "");
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, material, -1);
}

gboolean
xd_store_audit (XdStore     *self,
                const char  *action,
                const char  *entity,
                gint64       entity_id,
                const char  *summary,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;

  g_assert (self->depth > 0);

  last = xd_store_prepare (self, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  if (sqlite3_step (last) == SQLITE_ROW)
    prev_hash = xd_store_column_text (last, 0);
  else
    prev_hash = g_strnfill (64, '0');

  hash = xd_store_audit_hash (prev_hash, at, action, entity, entity_id, summary);

  insert = xd_store_prepare (self,
                             "INSERT INTO audit_log (at, action, entity, entity_id, summary,"
                             " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (insert == NULL)
    return FALSE;
  xd_store_bind_text (insert, 1, at);
  xd_store_bind_text (insert, 2, action);
  xd_store_bind_text (insert, 3, entity);
  sqlite3_bind_int64 (insert, 4, entity_id);
  xd_store_bind_text (insert, 5, summary);
  xd_store_bind_text (insert, 6, prev_hash);
  xd_store_bind_text (insert, 7, hash);

  return xd_store_step_done (self, insert, error);
}

GPtrArray *
xd_store_list_by_id (XdStore         *self,
                     const char      *sql,
                     gint64           id,
                     XdStoreRowFunc   row_func,
                     GDestroyNotify   free_func,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, row_func (stmt));
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

gpointer
xd_store_get_by_id (XdStore         *self,
                    const char      *sql,
                    gint64           id,
                    XdStoreRowFunc   row_func,
                    const char      *not_found,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return row_func (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND, not_found);
  else
    xd_store_set_error_from_db (self, sqlite3_extended_errcode (self->db), error);
  return NULL;
}

gint64
xd_store_owner_of (XdStore     *self,
                   const char  *sql,
                   gint64       id,
                   const char  *not_found,
                   GError     **error)
{
  gint64 owner = xd_store_meeting_of (self, sql, id);

  if (owner == 0)
    g_set_error_literal (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND, not_found);
  return owner;
}

gboolean
xd_store_delete_row (XdStore     *self,
                     const char  *sql,
                     gint64       id,
                     const char  *entity,
                     const char  *summary,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "delete", entity, id, summary, error);
}

gint64
xd_store_meeting_of (XdStore    *self,
                     const char *sql,
                     gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
xd_store_check_meeting_writable (XdStore  *self,
                                 gint64    meeting_id,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *state;

  stmt = xd_store_prepare (self, "SELECT state FROM meeting WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The meeting no longer exists. It may have been deleted."));
      return FALSE;
    }

  state = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (state, "finalised") == 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED,
                   _("The meeting has been finalised; its record can no longer be changed."));
      return FALSE;
    }

  return TRUE;
}

gboolean
xd_store_check_criteria_set_writable (XdStore  *self,
                                      gint64    set_id,
                                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = xd_store_prepare (self,
                           "SELECT title FROM meeting WHERE criteria_set_id = ?"
                           " AND state = 'finalised' ORDER BY id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set_id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED,
                   _("The criteria set is part of the record of the finalised meeting “%s” "
                     "and can no longer be changed. Make a copy to change it."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

void
xd_store_emit_changed (XdStore    *self,
                       const char *entity,
                       gint64      id)
{
  if (self->depth > 0)
    return;
  g_signal_emit (self, signals[CHANGED], 0, entity, id);
}

/* Opening
 * ======= */

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           int         *rc_out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      *rc_out = sqlite3_extended_errcode (db);
      return FALSE;
    }

  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
folder_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK | X_OK) == 0;
}

/* Creates the file ourselves so it is private (0600) from the first byte:
 * SQLite would create it with the umask's mode, typically readable by all. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot create the database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* See xd_migration_get_read_indexes_sql ().  A file that cannot take them
 * now (a full disk, another program writing) opens without them, at once:
 * reads are slower, not wrong, and the next opening tries again.  All or
 * none, in one transaction. */
static void
add_read_indexes (XdStore *self)
{
  g_autoptr(GError) error = NULL;
  int present = 0;
  int rc;
  gboolean added;

  if (query_int (self->db, xd_migration_get_read_indexes_present_sql (), &present, &rc) &&
      present)
    return;

  /* Not worth waiting for another program's write. */
  sqlite3_busy_timeout (self->db, 0);
  added = xd_store_exec (self, "SAVEPOINT read_indexes", &error) &&
          xd_store_exec (self, xd_migration_get_read_indexes_sql (), &error) &&
          xd_store_exec (self, "RELEASE read_indexes", &error);
  if (!added)
    {
      g_debug ("Opened %s without its read indexes: %s", self->path, error->message);
      sqlite3_exec (self->db, "ROLLBACK TO read_indexes; RELEASE read_indexes", NULL, NULL, NULL);
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
}

static gboolean
migrate (XdStore  *self,
         int       target_version,
         GError  **error)
{
  int from = self->schema_version;

  if (from >= target_version)
    return TRUE;

  /* One transaction for the whole upgrade: a crash leaves the file as it was. */
  if (!xd_store_begin (self, error))
    return FALSE;

  for (int v = from + 1; v <= target_version; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v);

      g_debug ("Migrating %s to schema version %d", self->path, v);
      if (!xd_store_exec (self, xd_migration_get_sql (v), error) ||
          !xd_store_exec (self, set_version, error))
        {
          xd_store_rollback (self);
          return FALSE;
        }
    }

  if (from == 0)
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                 XD_STORE_APPLICATION_ID);

      if (!xd_store_exec (self, set_id, error) ||
          !xd_store_install_presets (self, error))
        {
          xd_store_rollback (self);
          return FALSE;
        }
    }

  if (!xd_store_audit (self, "migrate", "database", target_version, NULL, error) ||
      !xd_store_commit (self, error))
    {
      if (self->depth > 0)
        xd_store_rollback (self);
      return FALSE;
    }

  self->schema_version = target_version;
  return TRUE;
}

XdStore *
xd_store_open_at_version (const char  *path,
                          int          target_version,
                          GError     **error)
{
  g_autoptr(XdStore) self = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *display = NULL;
  gboolean exists;
  int flags;
  int rc = SQLITE_OK;
  int app_id = 0;
  int version = 0;
  int n_objects = 0;

  g_return_val_if_fail (target_version >= 1 && target_version <= XD_STORE_SCHEMA_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    {
      g_autofree char *dir = NULL;

      path = default_path = xd_store_default_path ();
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_CANNOT_OPEN,
                       _("Cannot create the folder “%s” for the database: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  display = g_filename_display_name (path);
  self = g_object_new (XD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” is a folder, not a database file."), display);
      return NULL;
    }

  if (!exists)
    {
      if (!folder_is_writable (path))
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_CANNOT_OPEN,
                       _("Cannot create the database “%s”: the folder cannot be written to. "
                         "Choose another folder."),
                       display);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }
  else
    {
      /* SQLite needs to create the -wal and -shm files beside the database. */
      self->read_only = g_access (path, R_OK | W_OK) != 0 || !folder_is_writable (path);
    }

  if (self->read_only)
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *uri_ro = NULL;

      if (uri == NULL)
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_CANNOT_OPEN,
                       _("Cannot open “%s”."), display);
          return NULL;
        }
      /* immutable: no lock files, no WAL recovery — nothing is written. */
      uri_ro = g_strconcat (uri, "?immutable=1", NULL);
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
      rc = sqlite3_open_v2 (uri_ro, &self->db, flags, NULL);
    }
  else
    {
      flags = SQLITE_OPEN_READWRITE;
      rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open “%s”: the file cannot be read."), display);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Look before touching: these reads write nothing, so a file that is not
   * ours is left exactly as it was. */
  if (!query_int (self->db, "PRAGMA application_id", &app_id, &rc) ||
      !query_int (self->db, "PRAGMA user_version", &version, &rc) ||
      !query_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, &rc))
    {
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_BUSY,
                     _("“%s” is in use by another program. Close it and try again."), display);
      else
        g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_DATABASE,
                     _("“%s” is not a Xét duyệt database, or it is damaged. "
                       "The file was left unchanged."),
                     display);
      return NULL;
    }

  if (app_id != XD_STORE_APPLICATION_ID && (app_id != 0 || n_objects > 0))
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FOREIGN,
                   _("“%s” belongs to another program, not Xét duyệt. "
                     "The file was left unchanged."),
                   display);
      return NULL;
    }

  if (version > XD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Xét duyệt (format %d; this version "
                     "reads up to format %d). Update the program to open it. "
                     "The file was left unchanged."),
                   display, version, XD_STORE_SCHEMA_VERSION);
      return NULL;
    }

  self->schema_version = version;

  if (self->read_only)
    {
      if (version < target_version)
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_READ_ONLY,
                       _("“%s” can only be read, and it must be updated to this version’s "
                         "format before it can be opened. Copy it to a folder you can write "
                         "to and open the copy."),
                       display);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  /* WAL keeps readers and the writer apart; FULL syncs every commit to the
   * disk, so a committed edit survives a power cut. */
  if (!xd_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !xd_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !xd_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      /* A write inside our transactions (an upsert, a foreign key checked)
       * keeps a statement journal to undo just itself; on a temporary file
       * it cost a file created and removed per statement, half of a vote's
       * time (build-aux/bench).  It is never needed after a crash: the WAL
       * is what makes commits durable. */
      !xd_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (!migrate (self, target_version, error))
    return NULL;
  add_read_indexes (self);

  return g_steal_pointer (&self);
}

/**
 * xd_store_open:
 * @path: (nullable): the database file; %NULL for the default one
 * @error: a #XdStoreError in the UI language
 *
 * Opens or creates a database and brings it to this version's schema.
 * A file that is not SQLite, belongs to another program or comes from a
 * newer version is refused and left untouched.  A file that cannot be
 * written is opened read-only (see xd_store_is_read_only()).
 */
XdStore *
xd_store_open (const char  *path,
               GError     **error)
{
  return xd_store_open_at_version (path, XD_STORE_SCHEMA_VERSION, error);
}
