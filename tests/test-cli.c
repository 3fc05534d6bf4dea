/* test-cli.c — xetduyet-cli as a user runs it: output and exit status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

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

/* Runs the CLI with @args (NULL-terminated) in the C.UTF-8 locale unless
 * @lang says otherwise. */
static Run
run_cli (const char *lang,
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
  va_start (ap, lang);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANG", lang != NULL ? lang : "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", lang != NULL ? lang : "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
test_usage (void)
{
  {
    g_auto(Run) r = run_cli (NULL, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.out, "dossiers"));
  }
  {
    g_auto(Run) r = run_cli (NULL, "--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "sample"));
  }
  {
    g_auto(Run) r = run_cli (NULL, "frobnicate", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "frobnicate"));
  }
  {
    g_auto(Run) r = run_cli (NULL, "meetings", "--colour", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli (NULL, "dossiers", "--db", "/nonexistent/x.xetduyet", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli (NULL, "dossiers", "1", "2", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = run_cli (NULL, "dossiers", "--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "--db"));
  }
}

static void
test_sample_and_lists (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "x.xetduyet", NULL);
  const char *units[] = { "Phường Bãi Cháy", "Phường Cao Thắng", "Phường Hồng Gai",
                          "Xã Đồng Lâm", "Xã Quảng La" };

  {
    g_auto(Run) r = run_cli (NULL, "init", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = run_cli (NULL, "meetings", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "There are no meetings yet.\n");
  }
  {
    g_auto(Run) r = run_cli (NULL, "sample", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Added the sample meeting as meeting 1.\n");
  }
  {
    g_auto(Run) r = run_cli (NULL, "meetings", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "1\t09/01/2022\tClosed\t"
                     "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2021\n");
  }
  {
    g_auto(Run) r = run_cli (NULL, "dossiers", "1", "--db", db, NULL);
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 7);
    for (guint i = 0; i < G_N_ELEMENTS (units); i++)
      {
        g_autofree char *prefix = g_strdup_printf ("%u\t%s\t", i + 1, units[i]);
        g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
      }
    g_assert_cmpstr (lines[3], ==, "3\tPhường Hồng Gai\t03/TTr-UBND\t04/01/2022\tVoted");
  }
  {
    g_auto(Run) r = run_cli (NULL, "dossiers", "99", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "no longer exists"));
  }
  {
    g_auto(Run) r = run_cli (NULL, "dossiers", "một", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }

  xd_test_remove_tree (dir);
}

/* Files that are not ours: status 1, a sentence, and not a byte changed. */
static void
test_refusals (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *notes = g_build_filename (dir, "notes.xetduyet", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (notes, "không phải cơ sở dữ liệu", -1, NULL));
  before = xd_test_file_sha256 (notes);
  {
    g_auto(Run) r = run_cli (NULL, "sample", "--db", notes, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "is not a Xét duyệt database"));
  }
  after = xd_test_file_sha256 (notes);
  g_assert_cmpstr (before, ==, after);

  xd_test_remove_tree (dir);
}

/* Under a Vietnamese locale the user reads Vietnamese. */
static void
test_vietnamese (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "x.xetduyet", NULL);

  if (!g_file_test (g_getenv ("XETDUYET_LOCALEDIR"), G_FILE_TEST_IS_DIR) ||
      setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    {
      g_test_skip ("the vi_VN.UTF-8 locale or the built catalogue is missing");
      xd_test_remove_tree (dir);
      return;
    }
  setlocale (LC_ALL, "");

  {
    g_auto(Run) r = run_cli ("vi_VN.UTF-8", "sample", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Đã thêm cuộc họp mẫu với số thứ tự 1.\n");
  }
  {
    g_auto(Run) r = run_cli ("vi_VN.UTF-8", "dossiers", "1", "--db", db, NULL);
    g_assert_nonnull (strstr (r.out, "Đã biểu quyết"));
  }
  {
    g_auto(Run) r = run_cli ("vi_VN.UTF-8", "dossiers", "99", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "Cuộc họp không còn tồn tại"));
  }
  {
    g_auto(Run) r = run_cli ("vi_VN.UTF-8", "--help", NULL);
    g_assert_nonnull (strstr (r.out, "Thêm cuộc họp mẫu"));
  }

  xd_test_remove_tree (dir);
}

/* The rules engine from the command line: the line and the status a
 * script branches on. */
static void
test_tally (void)
{
  struct {
    const char *args[20];   /* NULL-terminated */
    int status;
    const char *line;
  } cases[] = {
    { { "--members", "9", "--present", "8", "--yes", "8" }, 0,
      "8 of 9 members in favour (88,9%) — reaches more than half of all members.\n" },
    /* 5–5: a tie, and nobody knows how the chair voted: vote again. */
    { { "--members", "10", "--present", "10", "--yes", "5", "--no", "5" }, 4, NULL },
    { { "--members", "10", "--present", "10", "--yes", "5", "--no", "5", "--chair", "no" },
      3, NULL },
    { { "--members", "10", "--present", "10", "--yes", "6", "--no", "4" }, 0, NULL },
    { { "--members", "9", "--present", "9", "--yes", "6", "--threshold", ">=2/3" }, 0,
      "6 of 9 members in favour (66,7%) — reaches at least 2/3 of all members.\n" },
    { { "--members", "9", "--present", "9", "--yes", "5", "--threshold", ">=2/3" }, 3, NULL },
    { { "--members", "10", "--present", "8", "--yes", "4", "--no", "4", "--base", "cast",
        "--chair", "yes" }, 0, NULL },
    { { "--members", "10", "--present", "8", "--yes", "4", "--no", "4", "--base", "cast",
        "--chair", "no" }, 3, NULL },
    { { "--members", "10", "--present", "8", "--yes", "4", "--no", "4", "--base", "cast",
        "--tie", "revote" }, 4, NULL },
    { { "--members", "9", "--present", "5", "--yes", "5" }, 5,
      "5 of 9 members present — below the quorum (2/3) required to vote.\n" },
    { { "--members", "9", "--present", "5", "--yes", "5", "--quorum", "1/2" }, 0, NULL },
    { { "--members", "9", "--present", "9", "--yes", "6", "--no", "1", "--abstain", "1",
        "--issued", "9", "--valid", "8", "--invalid", "1" }, 0, NULL },
    /* Inconsistent counts: status 1 and a sentence, no result line. */
    { { "--members", "9", "--present", "8", "--yes", "9" }, 1, "" },
    { { "--members", "9", "--present", "9", "--yes", "6", "--issued", "9", "--valid", "7",
        "--invalid", "1" }, 1, "" },
    /* Bad usage. */
    { { "--members", "9" }, 2, "" },
    { { "--members", "9", "--present", "9", "--yes", "5", "--threshold", "most" }, 2, "" },
    { { "--members", "9", "--present", "9", "--yes", "5", "--chair", "maybe" }, 2, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status;

      g_ptr_array_add (argv, (gpointer) g_getenv ("XETDUYET_CLI"));
      g_ptr_array_add (argv, (gpointer) "tally");
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args) && cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);

      g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                    &out, &err, &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("case %u: %s", i, out);
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, cases[i].status);
      if (cases[i].line != NULL)
        g_assert_cmpstr (out, ==, cases[i].line);
      if (cases[i].status == 1 || cases[i].status == 2)
        g_assert_cmpstr (err, !=, "");
    }
}

static void
test_votes (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "x.xetduyet", NULL);

  {
    g_auto(Run) r = run_cli (NULL, "sample", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = run_cli (NULL, "votes", "1", "--db", db, NULL);
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (r.status, ==, 0);
    lines = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 7);
    g_assert_cmpstr (lines[5], ==,
                     "5\tCông nhận Xã Quảng La đạt chuẩn mô hình An ninh cơ sở năm 2021\t"
                     "in favour 7, against 0, abstained 1\tPassed\t"
                     "Tán thành 7/9 thành viên (77,8%) — đạt quá nửa tổng số thành viên.");
  }
  {
    g_auto(Run) r = run_cli (NULL, "votes", "7", "--db", db, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }

  xd_test_remove_tree (dir);
}

/* Exchange files from the command line: a round trip, and refusals with
 * status 1 that leave the database as it was. */
static void
test_exchange (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *a = g_build_filename (dir, "a.xetduyet", NULL);
  g_autofree char *b = g_build_filename (dir, "b.xetduyet", NULL);
  g_autofree char *xml = g_build_filename (dir, "hoi-nghi.xml", NULL);
  g_autofree char *xml2 = g_build_filename (dir, "hoi-nghi-2.xml", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                "bad-enum.xml", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_auto(Run) r = run_cli (NULL, "sample", "--db", a, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = run_cli (NULL, "export-xml", "1", "-o", xml, "--db", a, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = run_cli (NULL, "import", xml, "--db", b, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "Imported meeting 1.\n");
  }
  {
    g_auto(Run) r = run_cli (NULL, "export-xml", "1", "-o", xml2, "--db", b, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  first = xd_test_file_sha256 (xml);
  second = xd_test_file_sha256 (xml2);
  g_assert_cmpstr (first, ==, second);

  before = xd_test_file_sha256 (b);
  {
    g_auto(Run) r = run_cli (NULL, "import", bad, "--db", b, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "bad-enum.xml is not a valid exchange file"));
  }
  {
    g_auto(Run) r = run_cli (NULL, "export-xml", "1", "--db", b, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  after = xd_test_file_sha256 (b);
  g_assert_cmpstr (before, ==, after);

  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/sample-and-lists", test_sample_and_lists);
  g_test_add_func ("/cli/refusals", test_refusals);
  g_test_add_func ("/cli/vietnamese", test_vietnamese);
  g_test_add_func ("/cli/tally", test_tally);
  g_test_add_func ("/cli/votes", test_votes);
  g_test_add_func ("/cli/exchange", test_exchange);

  return g_test_run ();
}
