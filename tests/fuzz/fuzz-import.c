/* fuzz-import.c — libFuzzer target for the exchange-file importer
 *
 * Each input goes through xd_exchange_import_bytes () into one database
 * that is created once.  The import runs inside an outer transaction that
 * is always rolled back, so every input meets the same empty database (a
 * crash reproduces from its input alone) and no commit waits for the disk.
 * The importer's own transaction becomes a savepoint; its all-or-nothing
 * rule is checked here by counting rows before and after a failure.
 *
 * Build: see tests/fuzz/README.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "xd-exchange.h"
#include "xd-store-private.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static XdStore *store;
static char *store_dir;

/* Every row the import can write, in one number: after a failed import it
 * must be what it was before. */
static gint64
count_rows (void)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (store,
    "SELECT (SELECT count(*) FROM criteria_set) + (SELECT count(*) FROM criterion)"
    " + (SELECT count(*) FROM meeting) + (SELECT count(*) FROM member)"
    " + (SELECT count(*) FROM guest) + (SELECT count(*) FROM dossier)"
    " + (SELECT count(*) FROM dossier_document) + (SELECT count(*) FROM assessment)"
    " + (SELECT count(*) FROM question) + (SELECT count(*) FROM vote)"
    " + (SELECT count(*) FROM tally) + (SELECT count(*) FROM minutes_section)"
    " + (SELECT count(*) FROM audit_log)", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("Cannot count the rows of the fuzzing database");
  return sqlite3_column_int64 (stmt, 0);
}

static void
remove_store (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  if (store_dir == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (store_dir, "/fuzz.xetduyet", suffixes[i], NULL);
      g_remove (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  (void) argc;
  (void) argv;

  /* A warning or a failed g_return_if_fail () is a bug the fuzzer found:
   * make it a crash libFuzzer reports and keeps. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  store_dir = g_dir_make_tmp ("xetduyet-fuzz-XXXXXX", &error);
  if (store_dir == NULL)
    g_error ("Cannot make a folder for the fuzzing database: %s", error->message);
  path = g_build_filename (store_dir, "fuzz.xetduyet", NULL);
  store = xd_store_open (path, &error);
  if (store == NULL)
    g_error ("Cannot open the fuzzing database: %s", error->message);
  atexit (remove_store);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Not copied: libFuzzer's buffer is exactly @size long, so AddressSanitizer
   * sees any read past the end of the input. */
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 rows_before;
  gboolean ok;

  if (!xd_store_begin (store, &error))
    g_error ("Cannot begin the outer transaction: %s", error->message);
  rows_before = count_rows ();

  ok = xd_exchange_import_bytes (store, bytes, "fuzz.xml", ids, &error);

  if (ok)
    {
      if (error != NULL)
        g_error ("The import succeeded and set an error: %s", error->message);
    }
  else
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        g_error ("The import failed without saying why");
      if (ids->len != 0)
        g_error ("A failed import reported %u meetings", ids->len);
      if (count_rows () != rows_before)
        g_error ("A failed import left rows behind: %s", error->message);
    }

  xd_store_rollback (store);
  return 0;
}
