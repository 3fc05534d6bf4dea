/* test-fuzz-regressions.c — the fuzzer's seed corpus and every input it
 * ever crashed on, replayed through the importer in the normal build
 *
 * tests/fuzz/corpus and tests/fuzz/regressions hold exchange files.  A file
 * whose name starts with "invalid-" must be refused with a message and
 * leave the database byte-for-byte as it was; any other must import.
 * Each file gets the same freshly made database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-exchange.h"
#include "xd-store.h"
#include "xd-test-util.h"

static char *dir;
static char *db;
static char *pristine;      /* the empty database's bytes */
static gsize pristine_len;
static char *pristine_sha256;

static void
replay (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  gboolean expect_ok = !g_str_has_prefix (name, "invalid-");
  gsize length = 0;
  gboolean ok;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  g_assert_true (g_file_set_contents (db, pristine, (gssize) pristine_len, NULL));
  store = xd_store_open (db, &error);
  g_assert_no_error (error);

  ok = xd_exchange_import_bytes (store, bytes, name, ids, &error);
  g_clear_object (&store);

  if (expect_ok)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_cmpstr (error->message, !=, "");
  /* The user is told which file. */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpuint (ids->len, ==, 0);
  after = xd_test_file_sha256 (db);
  g_assert_cmpstr (after, ==, pristine_sha256);
}

/* In a child process, so that a crash fails this file's test only, and
 * so that nothing the import writes on stderr goes unnoticed: libxml2
 * once printed its own English messages there. */
static void
test_replay (gconstpointer data)
{
  const char *path = data;

  if (g_test_subprocess ())
    {
      replay (path);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Adds one test per file of tests/fuzz/@folder, and says how many; the
 * paths are kept in @paths for the tests to use. */
static guint
add_folder (const char *folder,
            GPtrArray  *paths)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", folder, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_prefix (name, ".") && !g_str_equal (name, "README"))
      g_ptr_array_add (names, g_strdup (name));
  /* Directory order is the file system's; the test order should not be. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/core/fuzz-regressions/%s/%s", folder,
                                                    (char *) names->pdata[i]);
      char *file = g_build_filename (path, names->pdata[i], NULL);

      g_ptr_array_add (paths, file);
      g_test_add_data_func (test_path, file, test_replay);
    }
  return names->len;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  dir = xd_test_make_dir ();
  db = g_build_filename (dir, "council.xetduyet", NULL);
  store = xd_store_open (db, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (db, &pristine, &pristine_len, NULL));
  pristine_sha256 = xd_test_file_sha256 (db);

  /* An empty corpus would make the test pass without testing anything. */
  g_assert_cmpuint (add_folder ("corpus", paths), >, 0);
  add_folder ("regressions", paths);

  rc = g_test_run ();

  xd_test_remove_tree (dir);
  g_free (dir);
  g_free (db);
  g_free (pristine);
  g_free (pristine_sha256);
  return rc;
}
