/* test-hostile-db.c — broken and hostile database files, through the store
 * and through xetduyet-cli
 *
 * Each case: a clear, translated message (English key words here, the
 * Vietnamese catalogue in the CLI runs), exit status 1 from every command
 * that would write, and the file byte-for-byte as it was, with no -wal or
 * -shm file left beside it.
 *
 * A full disk is simulated with PRAGMA max_page_count, which only lasts for
 * one connection: it is tested through the store, not the CLI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xd-i18n.h"
#include "xd-record.h"
#include "xd-store-private.h"
#include "xd-test-util.h"

/* What "unchanged" means for a database file. */
typedef struct {
  char *path;
  char *sha256;
  gboolean wal;
  gboolean shm;
} Snapshot;

static gboolean
side_file_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return g_file_test (side, G_FILE_TEST_EXISTS);
}

static void
snapshot_take (Snapshot   *s,
               const char *path)
{
  s->path = g_strdup (path);
  s->sha256 = xd_test_file_sha256 (path);
  s->wal = side_file_exists (path, "-wal");
  s->shm = side_file_exists (path, "-shm");
}

static void
snapshot_assert_unchanged (const Snapshot *s)
{
  g_autofree char *now = xd_test_file_sha256 (s->path);

  g_assert_cmpstr (now, ==, s->sha256);
  g_assert_cmpint (side_file_exists (s->path, "-wal"), ==, s->wal);
  g_assert_cmpint (side_file_exists (s->path, "-shm"), ==, s->shm);
}

static void
snapshot_clear (Snapshot *s)
{
  g_clear_pointer (&s->path, g_free);
  g_clear_pointer (&s->sha256, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

/* A database with the sample meeting (number 1), closed, so the WAL has
 * been checkpointed into the file and removed. */
static char *
make_sample_db (const char *dir,
                const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(XdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = xd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xd_store_load_sample (store, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (side_file_exists (path, "-wal"));

  return g_steal_pointer (&path);
}

static gboolean
have_vietnamese (void)
{
  const char *localedir = g_getenv ("XETDUYET_LOCALEDIR");
  gboolean ok;

  if (localedir == NULL || !g_file_test (localedir, G_FILE_TEST_IS_DIR))
    return FALSE;
  ok = setlocale (LC_ALL, "vi_VN.UTF-8") != NULL;
  setlocale (LC_ALL, "");
  return ok;
}

/* The CLI
 * ======= */

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static Run
run_cli_argv (const char         *lang,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Run r = { 0 };
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("XETDUYET_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANG", lang, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", lang, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

/* Runs "xetduyet-cli COMMAND … --db PATH": status 1 and @english in the
 * message; under vi_VN the same message in Vietnamese, so it went through
 * the catalogue; and the file as it was.
 *
 * Not @compare_file while this process holds a lock on the file: reading it
 * here would drop that lock (POSIX locks go with any close () of the file). */
static void
run_cli_failing (const char         *path,
                 const char * const *command,
                 const char         *english,
                 const char         *vietnamese,
                 gboolean            compare_file)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Snapshot) before = { 0 };

  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) command[i]);
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, (gpointer) path);
  g_ptr_array_add (args, NULL);

  if (compare_file)
    snapshot_take (&before, path);
  {
    g_auto(Run) r = run_cli_argv ("C.UTF-8", (const char * const *) args->pdata);

    g_test_message ("%s: %s", command[0], r.err);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, english));
  }
  if (compare_file)
    snapshot_assert_unchanged (&before);

  if (vietnamese != NULL && have_vietnamese ())
    {
      g_auto(Run) r = run_cli_argv ("vi_VN.UTF-8", (const char * const *) args->pdata);

      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, vietnamese));
      g_assert_null (strstr (r.err, english));
      if (compare_file)
        snapshot_assert_unchanged (&before);
    }
}

static void
assert_cli_fails (const char         *path,
                  const char * const *command,
                  const char         *english,
                  const char         *vietnamese)
{
  run_cli_failing (path, command, english, vietnamese, TRUE);
}

/* Every command that touches the database, against a file that must be
 * refused when it is opened; export must not leave a document behind. */
static void
assert_cli_refuses (const char *path,
                    const char *english,
                    const char *vietnamese)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (dir, "bien-ban.pdf", NULL);
  const char *init[] = { "init", NULL };
  const char *sample[] = { "sample", NULL };
  const char *meetings[] = { "meetings", NULL };
  const char *finalize[] = { "finalize", "1", NULL };
  const char *verify[] = { "verify", NULL };
  const char *export[] = { "export", "1", "-o", pdf, NULL };

  assert_cli_fails (path, sample, english, vietnamese);
  assert_cli_fails (path, finalize, english, vietnamese);
  assert_cli_fails (path, init, english, NULL);
  assert_cli_fails (path, meetings, english, NULL);
  assert_cli_fails (path, verify, english, NULL);
  assert_cli_fails (path, export, english, NULL);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Files refused when opened
 * ========================= */

static void
assert_store_refuses (const char   *path,
                      XdStoreError  code,
                      const char   *english)
{
  g_auto(Snapshot) before = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;

  snapshot_take (&before, path);
  store = xd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, XD_STORE_ERROR, (int) code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, english));
  snapshot_assert_unchanged (&before);
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bien-ban.xetduyet", NULL);
  const char *english = "is not a Xét duyệt database";

  /* A document saved under the wrong name, longer than SQLite's header. */
  g_assert_true (g_file_set_contents (path,
                                      "PK\003\004 Biên bản hội nghị xét duyệt — không phải "
                                      "cơ sở dữ liệu. Lorem ipsum dolor sit amet, consectetur "
                                      "adipiscing elit, sed do eiusmod tempor incididunt.\n",
                                      -1, NULL));
  assert_store_refuses (path, XD_STORE_ERROR_NOT_DATABASE, english);
  assert_cli_refuses (path, english, "không phải là cơ sở dữ liệu của Xét duyệt");

  xd_test_remove_tree (dir);
}

/* A copy cut short: the first page only, and half of the file. */
static void
test_truncated (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *good = make_sample_db (dir, "good.xetduyet");
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *english = "is not a Xét duyệt database";
  struct {
    const char *name;
    gsize size;
  } cuts[] = {
    { "first-4k.xetduyet", 4096 },
    { "half.xetduyet", 0 },
  };

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  cuts[1].size = length / 2;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *path = g_build_filename (dir, cuts[i].name, NULL);

      g_test_message ("%s: %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                      cuts[i].name, cuts[i].size, length);
      g_assert_true (g_file_set_contents (path, contents, cuts[i].size, NULL));
      assert_store_refuses (path, XD_STORE_ERROR_NOT_DATABASE, english);
      assert_cli_refuses (path, english, "không phải là cơ sở dữ liệu của Xét duyệt");
    }

  xd_test_remove_tree (dir);
}

static void
test_newer_version (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = make_sample_db (dir, "future.xetduyet");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", XD_STORE_SCHEMA_VERSION + 1);
  const char *english = "was saved by a newer version of Xét duyệt";
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_false (side_file_exists (path, "-wal"));

  assert_store_refuses (path, XD_STORE_ERROR_NEWER_VERSION, english);
  assert_cli_refuses (path, english, "phiên bản Xét duyệt mới hơn");

  xd_test_remove_tree (dir);
}

/* Files opened, whose writes fail
 * =============================== */

/* Every kind of write through the store fails with @code; reading works. */
static void
assert_store_writes_fail (XdStore      *store,
                          XdStoreError  code,
                          const char   *english)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  XdDossier *d;

  meetings = xd_store_list_meetings (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  dossiers = xd_store_list_dossiers (store, 1, &error);
  g_assert_no_error (error);
  d = g_ptr_array_index (dossiers, 0);

  g_assert_cmpint (xd_store_load_sample (store, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, (int) code);
  g_test_message ("sample: %s", error->message);
  g_assert_nonnull (strstr (error->message, english));
  g_clear_error (&error);

  g_free (m->title); m->title = g_strdup ("Hội nghị không lưu được");
  g_assert_cmpint (xd_store_add_meeting (store, m, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, (int) code);
  g_clear_error (&error);

  g_free (d->summary); d->summary = g_strdup ("Không lưu được");
  g_assert_false (xd_store_update_dossier (store, d, &error));
  g_assert_error (error, XD_STORE_ERROR, (int) code);
  g_clear_error (&error);

  g_assert_false (xd_store_finalize_meeting (store, 1, &error));
  g_assert_error (error, XD_STORE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, english));
}

static void
check_read_only_file (const char *path)
{
  const char *english = "can only be read";
  const char *sample[] = { "sample", NULL };
  const char *finalize[] = { "finalize", "1", NULL };
  g_auto(Snapshot) before = { 0 };

  snapshot_take (&before, path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XdStore) store = xd_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (xd_store_is_read_only (store));
    assert_store_writes_fail (store, XD_STORE_ERROR_READ_ONLY, english);
  }
  snapshot_assert_unchanged (&before);

  assert_cli_fails (path, sample, english, "chỉ cho phép đọc");
  assert_cli_fails (path, finalize, english, "chỉ cho phép đọc");
  /* Reading a read-only file is what it is for. */
  {
    g_auto(Run) r = run_cli_argv ("C.UTF-8", (const char *[]) { "meetings", "--db", path, NULL });

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Hội nghị xét duyệt"));
  }
  snapshot_assert_unchanged (&before);
}

/* A file without write permission, in a folder the user may write to. */
static void
test_read_only_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      /* root writes any file, so the check runs as "nobody". */
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
      check_read_only_file (g_getenv ("XD_TEST_READ_ONLY_DB"));
      return;
    }

  dir = xd_test_make_dir ();
  path = make_sample_db (dir, "read-only.xetduyet");
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  if (geteuid () == 0)
    {
      g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
      g_setenv ("XD_TEST_READ_ONLY_DB", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
    }
  else
    check_read_only_file (path);

  xd_test_remove_tree (dir);
}

/* Another program holds the write lock for the whole test. */
static void
test_locked (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = make_sample_db (dir, "locked.xetduyet");
  g_auto(Snapshot) before = { 0 };
  const char *english = "in use by another program";
  const char *sample[] = { "sample", NULL };
  const char *finalize[] = { "finalize", "1", NULL };
  sqlite3 *other = NULL;

  snapshot_take (&before, path);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XdStore) store = xd_store_open (path, &error);

    g_assert_no_error (error);
    /* The same path as the app's 3 s wait, in a fraction of the time. */
    sqlite3_busy_timeout (xd_store_get_db (store), 100);
    assert_store_writes_fail (store, XD_STORE_ERROR_BUSY, english);
  }

  /* Each run waits for the lock as long as the app would (3 s); the file
   * is compared once the lock is released. */
  run_cli_failing (path, sample, english, "đang được một chương trình khác sử dụng", FALSE);
  run_cli_failing (path, finalize, english, NULL, FALSE);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  snapshot_assert_unchanged (&before);

  xd_test_remove_tree (dir);
}

/* The disk fills up: PRAGMA max_page_count on the store's own connection
 * leaves no room for one more page. */
static void
test_disk_full (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = make_sample_db (dir, "full.xetduyet");
  g_auto(Snapshot) before = { 0 };
  const char *english = "The disk is full";

  snapshot_take (&before, path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XdStore) store = xd_store_open (path, &error);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_no_error (error);
    /* SQLite never sets the limit below the pages in use: it pins it there. */
    g_assert_true (xd_store_exec (store, "PRAGMA max_page_count = 1", NULL));

    g_assert_cmpint (xd_store_load_sample (store, &error), ==, 0);
    g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FULL);
    g_test_message ("sample: %s", error->message);
    g_assert_nonnull (strstr (error->message, english));
    g_clear_error (&error);

    /* The record is whole and still verifies after the failed writes. */
    g_assert_true (xd_store_verify (store, 0, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);

    /* Translated: the same error in Vietnamese under vi_VN. */
    if (have_vietnamese ())
      {
        xd_i18n_init ();
        setlocale (LC_ALL, "vi_VN.UTF-8");
        g_assert_cmpint (xd_store_load_sample (store, &error), ==, 0);
        setlocale (LC_ALL, "");
        g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FULL);
        g_assert_nonnull (strstr (error->message, "Ổ đĩa đã đầy"));
      }
  }
  snapshot_assert_unchanged (&before);

  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  /* LANGUAGE would outrank the vi_VN locale the messages are checked in. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/hostile-db/not-sqlite", test_not_sqlite);
  g_test_add_func ("/core/hostile-db/truncated", test_truncated);
  g_test_add_func ("/core/hostile-db/newer-version", test_newer_version);
  g_test_add_func ("/core/hostile-db/read-only-file", test_read_only_file);
  g_test_add_func ("/core/hostile-db/locked", test_locked);
  g_test_add_func ("/core/hostile-db/disk-full", test_disk_full);

  return g_test_run ();
}
