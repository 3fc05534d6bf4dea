/* test-cli-record.c — xetduyet-cli finalize, verify and import --into:
 * output and exit status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "xd-store.h"
#include "xd-test-util.h"

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

/* Runs the CLI with @args (NULL-terminated) in the C.UTF-8 locale. */
static Run
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Run r = { 0 };
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("XETDUYET_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  g_test_message ("status %d\nout: %s\nerr: %s", r.status, r.out, r.err);
  return r;
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
}

static char *
copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autofree char *contents = NULL;
  char *to = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
}

static void
test_finalize_and_verify (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "x.xetduyet", NULL);
  g_autoptr(GRegex) code = g_regex_new ("^The meeting “Hội nghị xét duyệt, công nhận mô hình "
                                        "An ninh cơ sở năm 2021” is finalised\\. Its verification "
                                        "code is [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\\.\n$",
                                        0, 0, NULL);
  struct {
    const char *sql;
    const char *problem;
  } cases[] = {
    { "UPDATE dossier SET unit_name = 'Phường Giả' WHERE id = 1", "the dossiers changed" },
    { "UPDATE vote SET choice = CASE choice WHEN 'yes' THEN 'no' ELSE 'yes' END"
      " WHERE question_id = 1 AND member_id = (SELECT min (member_id) FROM vote)",
      "the votes changed" },
    { "UPDATE audit_log SET summary = 'x' WHERE id = 2", "The audit log entry 2 was changed." },
    { "DELETE FROM audit_log WHERE id = 2", "The audit log entry 2 was removed." },
  };

  {
    g_auto(Run) r = run_cli ("sample", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = run_cli ("verify", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Everything checks out.\n");
  }
  {
    g_auto(Run) r = run_cli ("finalize", "1", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_regex_match (code, r.out, 0, NULL));
  }
  {
    g_auto(Run) r = run_cli ("finalize", "1", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "is already finalised"));
  }
  {
    g_auto(Run) r = run_cli ("verify", "1", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Everything checks out.\n");
  }
  {
    g_auto(Run) r = run_cli ("verify", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.xetduyet", i);
      g_autofree char *copy = copy_file (db, dir, name);

      tamper (copy, cases[i].sql);
      {
        g_auto(Run) r = run_cli ("verify", "--db", copy, NULL);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_nonnull (strstr (r.out, cases[i].problem));
        g_assert_cmpstr (r.err, ==, "");
      }
      {
        g_auto(Run) r = run_cli ("verify", "1", "--db", copy, NULL);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_nonnull (strstr (r.out, cases[i].problem));
      }
    }

  xd_test_remove_tree (dir);
}

/* Bad input: a clear sentence, status 1 (or 2 for a wrong command line). */
static void
test_refusals (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "x.xetduyet", NULL);
  g_autoptr(XdStore) store = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(XdQuestion) q = xd_question_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A meeting with a vote still open. */
  store = xd_store_open (db, &error);
  g_assert_no_error (error);
  g_free (m->title);
  m->title = g_strdup ("Họp bổ sung");
  q->meeting_id = xd_store_add_meeting (store, m, &error);
  g_assert_no_error (error);
  g_free (q->text);
  q->text = g_strdup ("Thông qua biên bản");
  q->id = xd_store_add_question (store, q, &error);
  g_assert_no_error (error);
  g_assert_true (xd_store_open_question (store, q->id, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  before = xd_test_file_sha256 (db);
  {
    g_auto(Run) r = run_cli ("finalize", "1", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "The vote on “Thông qua biên bản” is still open"));
  }
  after = xd_test_file_sha256 (db);
  g_assert_cmpstr (before, ==, after);
  {
    g_auto(Run) r = run_cli ("finalize", "99", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "no longer exists"));
  }
  {
    g_auto(Run) r = run_cli ("verify", "99", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "no longer exists"));
  }
  {
    g_auto(Run) r = run_cli ("verify", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = run_cli ("finalize", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("finalize", "một", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("verify", "1", "2", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("verify", "x", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("--help", NULL);
    g_assert_nonnull (strstr (r.out, "verify [MEETING]"));
    g_assert_nonnull (strstr (r.out, "finalize MEETING"));
  }

  xd_test_remove_tree (dir);
}

/* Dossiers into an existing meeting: duplicates are named and nothing is
 * written until the user says --replace or --skip. */
static void
test_import_into (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "x.xetduyet", NULL);
  g_autofree char *xml = g_build_filename (dir, "units.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Run) r = run_cli ("sample", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = run_cli ("export-xml", "1", "--db", db, "-o", xml, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = run_cli ("dossiers", "1", "--db", db, NULL);
    before = g_steal_pointer (&r.out);
  }
  {
    g_auto(Run) r = run_cli ("import", "--into", "1", xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "The meeting already has 5 of these dossiers."));
    g_assert_nonnull (strstr (r.err, "  – Xã Quảng La (no. 05/TTr-UBND)\n"));
    g_assert_nonnull (strstr (r.err, "--replace or --skip"));
  }
  {
    g_auto(Run) r = run_cli ("dossiers", "1", "--db", db, NULL);
    g_assert_cmpstr (r.out, ==, before);
  }
  {
    g_auto(Run) r = run_cli ("import", "--into", "1", "--skip", xml, xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Added 0 dossiers to meeting 1.\n"
                                "Skipped 10 dossiers the meeting already had.\n");
  }
  {
    g_auto(Run) r = run_cli ("import", "--into", "1", "--replace", xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Added 0 dossiers to meeting 1.\n"
                                "Replaced 5 dossiers the meeting already had.\n");
  }
  {
    g_auto(Run) r = run_cli ("dossiers", "1", "--db", db, NULL);
    after = g_steal_pointer (&r.out);
    g_assert_cmpstr (after, ==, before);
  }
  /* Wrong command lines: exit 2. */
  {
    g_auto(Run) r = run_cli ("import", "--into", "1", "--replace", "--skip", xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("import", "--replace", xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("import", xml, xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("import", "--into", "mot", xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli ("import", "--into", "1", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  /* No such meeting: the task fails. */
  {
    g_auto(Run) r = run_cli ("import", "--into", "9", "--skip", xml, "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }

  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/record/finalize-and-verify", test_finalize_and_verify);
  g_test_add_func ("/cli/record/refusals", test_refusals);
  g_test_add_func ("/cli/record/import-into", test_import_into);

  return g_test_run ();
}
