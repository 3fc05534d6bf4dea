/* test-exchange.c — exchange files: the round trip, and every kind of
 * hostile or broken input refused with the database left as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <unistd.h>

#include "xd-exchange.h"
#include "xd-store.h"
#include "xd-test-util.h"

/* Export the sample, import it into an empty database, export again: the
 * same bytes, and the same as the schema wants. */
static void
test_round_trip (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *a_path = g_build_filename (dir, "a.xetduyet", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) a = xd_store_open (a_path, &error);
  g_autoptr(XdStore) b = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) questions = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = xd_store_load_sample (a, &error);
  g_assert_no_error (error);
  first = xd_exchange_export (a, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "Phường Hồng Gai"));

  b = xd_store_open (b_path, &error);
  g_assert_true (xd_exchange_import_bytes (b, first, "a.xml", ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  second = xd_exchange_export (b, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));

  /* The results came back with their explanations. */
  questions = xd_store_list_questions (b, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpuint (questions->len, ==, 5);
  g_assert_cmpstr (((XdQuestion *) g_ptr_array_index (questions, 4))->explanation, ==,
                   "Tán thành 7/9 thành viên (77,8%) — đạt quá nửa tổng số thành viên.");

  g_clear_object (&a);
  g_clear_object (&b);
  xd_test_remove_tree (dir);
}

typedef struct {
  const char *name;
  const char *content;       /* NULL: the fixture file of that name */
  int code;
} Hostile;

static char *
deep_nesting (int depth)
{
  g_autoptr(GString) s = g_string_new ("<?xml version=\"1.0\"?>\n"
                                       "<xetduyet xmlns=\"urn:io.github.xetduyet:exchange:1\" "
                                       "version=\"1\">");
  for (int i = 0; i < depth; i++)
    g_string_append (s, "<meeting>");
  for (int i = 0; i < depth; i++)
    g_string_append (s, "</meeting>");
  g_string_append (s, "</xetduyet>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every input is refused with a message naming the file, and the database
 * file is byte-for-byte what it was. */
static void
test_hostile_inputs (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "council.xetduyet", NULL);
  g_autofree char *deep = deep_nesting (10000);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (db, &error);
  g_autofree char *before = NULL;
  const Hostile cases[] = {
    { "external-entity.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE xetduyet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
      "<xetduyet xmlns=\"urn:io.github.xetduyet:exchange:1\" version=\"1\">"
      "<criteriaSet id=\"x\"><name>&secret;</name><source/><criterion code=\"1\">t</criterion>"
      "</criteriaSet></xetduyet>", XD_EXCHANGE_ERROR_NOT_EXCHANGE },
    { "billion-laughs.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
      "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
      "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
      "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
      "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
      "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>\n"
      "<xetduyet xmlns=\"urn:io.github.xetduyet:exchange:1\" version=\"1\">&lol9;</xetduyet>",
      -1 /* refused by the parser or for its DTD: either is right */ },
    { "deep.xml", deep, XD_EXCHANGE_ERROR_MALFORMED },
    { "invalid-utf8.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xetduyet xmlns=\"urn:io.github.xetduyet:exchange:1\" version=\"1\">"
      "<criteriaSet id=\"x\"><name>Ph\xff\xfeng</name><source/><criterion code=\"1\">t</criterion>"
      "</criteriaSet></xetduyet>", XD_EXCHANGE_ERROR_MALFORMED },
    { "empty.xml", "", XD_EXCHANGE_ERROR_MALFORMED },
    { "not-ours.xml", "<?xml version=\"1.0\"?><html><body>Biên bản</body></html>",
      XD_EXCHANGE_ERROR_NOT_EXCHANGE },
    { "wrong-namespace.xml", NULL, XD_EXCHANGE_ERROR_NOT_EXCHANGE },
    { "missing-title.xml", NULL, XD_EXCHANGE_ERROR_INVALID },
    { "bad-enum.xml", NULL, XD_EXCHANGE_ERROR_INVALID },
    { "duplicate-vote.xml", NULL, XD_EXCHANGE_ERROR_INVALID },
    { "dangling-member.xml", NULL, XD_EXCHANGE_ERROR_INVALID },
    { "truncated.xml", NULL, XD_EXCHANGE_ERROR_MALFORMED },
  };

  g_assert_no_error (error);
  g_assert_cmpint (xd_store_load_sample (store, &error), >, 0);
  g_clear_object (&store);
  before = xd_test_file_sha256 (db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *after = NULL;

      if (cases[i].content != NULL)
        {
          path = g_build_filename (dir, cases[i].name, NULL);
          g_assert_true (g_file_set_contents (path, cases[i].content, -1, NULL));
        }
      else
        path = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange", cases[i].name, NULL);

      store = xd_store_open (db, &error);
      g_assert_no_error (error);
      g_assert_false (xd_exchange_import_file (store, path, NULL, &error));
      g_test_message ("%s: %s", cases[i].name, error->message);
      g_assert_true (error->domain == XD_EXCHANGE_ERROR);
      if (cases[i].code >= 0)
        g_assert_cmpint (error->code, ==, cases[i].code);
      /* The user is told which file, and for a broken one, where. */
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_clear_error (&error);
      g_clear_object (&store);

      after = xd_test_file_sha256 (db);
      g_assert_cmpstr (before, ==, after);
    }

  xd_test_remove_tree (dir);
}

/* A file far larger than any exchange file is refused before it is read
 * (a sparse file: the test costs no disk). */
static void
test_huge_file (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "council.xetduyet", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (db, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FILE *f;

  g_assert_no_error (error);
  g_clear_object (&store);
  before = xd_test_file_sha256 (db);

  f = fopen (huge, "w");
  g_assert_nonnull (f);
  fputs ("<?xml version=\"1.0\"?>", f);
  g_assert_cmpint (ftruncate (fileno (f), 200 * 1024 * 1024), ==, 0);
  fclose (f);

  store = xd_store_open (db, &error);
  g_assert_false (xd_exchange_import_file (store, huge, NULL, &error));
  g_assert_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_TOO_LARGE);
  g_clear_object (&store);
  after = xd_test_file_sha256 (db);
  g_assert_cmpstr (before, ==, after);

  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/exchange/round-trip", test_round_trip);
  g_test_add_func ("/core/exchange/hostile-inputs", test_hostile_inputs);
  g_test_add_func ("/core/exchange/huge-file", test_huge_file);

  return g_test_run ();
}
