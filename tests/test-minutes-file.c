/* test-minutes-file.c — the name offered for an exported minutes file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-minutes-file"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xd-minutes-file.h"

static char *
name_for (int         number,
          const char *suffix,
          const char *starts_at,
          const char *extension)
{
  g_autoptr(XdMeeting) meeting = xd_meeting_new ();

  meeting->number = number;
  g_free (meeting->number_suffix);
  meeting->number_suffix = g_strdup (suffix);
  g_free (meeting->starts_at);
  meeting->starts_at = g_strdup (starts_at);
  return xd_minutes_default_file_name (meeting, extension);
}

static void
test_sample (void)
{
  g_autofree char *odt = name_for (1, "BB-BCĐ", "2022-01-09T08:00", "odt");
  g_autofree char *pdf = name_for (12, "BB-BCĐ", "2022-06-29", "pdf");

  g_assert_cmpstr (odt, ==, "Biên bản 01-BB-BCĐ ngày 09-01-2022.odt");
  g_assert_cmpstr (pdf, ==, "Biên bản 12-BB-BCĐ ngày 29-06-2022.pdf");
  g_assert_true (g_utf8_validate (odt, -1, NULL));
}

static void
test_missing_parts (void)
{
  g_autofree char *unnumbered = name_for (0, "BB-BCĐ", "2022-01-09T08:00", "fodt");
  g_autofree char *no_date = name_for (3, "BB", NULL, "odt");
  g_autofree char *nothing = name_for (0, NULL, NULL, "pdf");
  g_autofree char *no_suffix = name_for (4, "", "not a date", "odt");

  g_assert_cmpstr (unnumbered, ==, "Biên bản ngày 09-01-2022.fodt");
  g_assert_cmpstr (no_date, ==, "Biên bản 03-BB.odt");
  g_assert_cmpstr (nothing, ==, "Biên bản.pdf");
  g_assert_cmpstr (no_suffix, ==, "Biên bản 04.odt");
}

/* A suffix typed with a "/" (as printed, "01/BB/BCĐ") or other characters
 * a file name may not hold never makes a folder. */
static void
test_unsafe_characters (void)
{
  g_autofree char *slashes = name_for (1, "/BB/BCĐ", "2022-01-09", "odt");
  g_autofree char *odd = name_for (2, "BB:\\*?\"<>|\tX  Y", "2022-01-09", "pdf");

  g_assert_cmpstr (slashes, ==, "Biên bản 01-BB-BCĐ ngày 09-01-2022.odt");
  g_assert_null (strchr (odd, '/'));
  g_assert_null (strpbrk (odd, "\\:*?\"<>|\t"));
  g_assert_cmpstr (odd, ==, "Biên bản 02-BB-------- X Y ngày 09-01-2022.pdf");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minutes-file/sample", test_sample);
  g_test_add_func ("/minutes-file/missing-parts", test_missing_parts);
  g_test_add_func ("/minutes-file/unsafe-characters", test_unsafe_characters);

  return g_test_run ();
}
