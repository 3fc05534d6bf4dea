/* xd-store-private.h — what the store's own files share
 *
 * Only src/core includes this.  It exposes the connection, the transaction
 * nesting and the helpers that turn SQLite's codes into messages for users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "xd-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *xd_store_get_db              (XdStore     *self);

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones
 * are savepoints, so an import can wrap many single-edit calls and still be
 * all or nothing. */
gboolean      xd_store_begin               (XdStore     *self,
                                            GError     **error);
gboolean      xd_store_commit              (XdStore     *self,
                                            GError     **error);
void          xd_store_rollback            (XdStore     *self);

/* Runs @func inside one transaction: committed when it returns TRUE,
 * rolled back (nothing changed) when it returns FALSE. */
typedef gboolean (*XdStoreWriteFunc) (XdStore   *self,
                                      gpointer   data,
                                      GError   **error);
gboolean      xd_store_write               (XdStore          *self,
                                            XdStoreWriteFunc  func,
                                            gpointer          data,
                                            GError          **error);

sqlite3_stmt *xd_store_prepare             (XdStore     *self,
                                            const char  *sql,
                                            GError     **error);
/* Steps a statement that returns no rows. */
gboolean      xd_store_step_done           (XdStore      *self,
                                            sqlite3_stmt *stmt,
                                            GError      **error);
/* Runs SQL without parameters (schema, pragmas). */
gboolean      xd_store_exec                (XdStore     *self,
                                            const char  *sql,
                                            GError     **error);
gboolean      xd_store_set_error_from_db   (XdStore     *self,
                                            int          rc,
                                            GError     **error);

/* Appends to the audit log inside the current transaction. */
gboolean      xd_store_audit               (XdStore     *self,
                                            const char  *action,
                                            const char  *entity,
                                            gint64       entity_id,
                                            const char  *summary,
                                            GError     **error);
/* An entry's hash: SHA-256 over prev_hash, at, action, entity, entity_id
 * and summary, each on its own line (xd-record.c recomputes the chain). */
char         *xd_store_audit_hash          (const char  *prev_hash,
                                            const char  *at,
                                            const char  *action,
                                            const char  *entity,
                                            gint64       entity_id,
                                            const char  *summary);
/* Refuses changes to a finalised meeting (or one that does not exist). */
gboolean      xd_store_check_meeting_writable (XdStore  *self,
                                               gint64    meeting_id,
                                               GError  **error);
/* Refuses changes to a criteria set that a finalised meeting's record
 * includes (its name, source and criteria are part of the record hash). */
gboolean      xd_store_check_criteria_set_writable (XdStore  *self,
                                                    gint64    set_id,
                                                    GError  **error);
/* Tells views that @entity changed; silent inside an outer transaction,
 * whose owner announces the whole change when it commits. */
void          xd_store_emit_changed        (XdStore     *self,
                                            const char  *entity,
                                            gint64       id);
/* The meeting a row belongs to, 0 when the row does not exist. */
gint64        xd_store_meeting_of          (XdStore     *self,
                                            const char  *sql,
                                            gint64       id);

/* Reading rows: @row_func turns the current row into a record. */
typedef gpointer (*XdStoreRowFunc) (sqlite3_stmt *stmt);
/* All rows of @sql with its one parameter bound to @id. */
GPtrArray    *xd_store_list_by_id          (XdStore        *self,
                                            const char     *sql,
                                            gint64          id,
                                            XdStoreRowFunc  row_func,
                                            GDestroyNotify  free_func,
                                            GError        **error);
/* The one row of @sql for @id, or NULL with @not_found as the error. */
gpointer      xd_store_get_by_id           (XdStore        *self,
                                            const char     *sql,
                                            gint64          id,
                                            XdStoreRowFunc  row_func,
                                            const char     *not_found,
                                            GError        **error);
/* The meeting (or set, or dossier) row @id belongs to, by @sql; 0 with
 * @not_found as the error when the row is gone. */
gint64        xd_store_owner_of            (XdStore     *self,
                                            const char  *sql,
                                            gint64       id,
                                            const char  *not_found,
                                            GError     **error);
/* Runs @sql (a DELETE with one parameter) for @id and logs it. */
gboolean      xd_store_delete_row          (XdStore     *self,
                                            const char  *sql,
                                            gint64       id,
                                            const char  *entity,
                                            const char  *summary,
                                            GError     **error);

/* Column and parameter helpers: text columns are never NULL in records. */
char         *xd_store_column_text         (sqlite3_stmt *stmt,
                                            int           column);
char         *xd_store_column_text_or_null (sqlite3_stmt *stmt,
                                            int           column);
void          xd_store_bind_text           (sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *text);
void          xd_store_bind_text_or_null   (sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *text);
void          xd_store_bind_id_or_null     (sqlite3_stmt *stmt,
                                            int           index,
                                            gint64        id);

/* Schema: SQL for each version step, index 0 takes an empty file to 1. */
const char   *xd_migration_get_sql         (int          to_version);
const char   *xd_migration_get_read_indexes_sql (void);
const char   *xd_migration_get_read_indexes_present_sql (void);

/* For tests of the migration path: open and migrate only up to @version. */
XdStore      *xd_store_open_at_version     (const char  *path,
                                            int          version,
                                            GError     **error);

/* Closing with the time the council closed it (an import), not now. */
gboolean      xd_store_close_question_at   (XdStore     *self,
                                            gint64       question_id,
                                            gboolean     override_quorum,
                                            const char  *closed_at,
                                            GError     **error);

gboolean      xd_store_install_presets     (XdStore     *self,
                                            GError     **error);

G_END_DECLS
