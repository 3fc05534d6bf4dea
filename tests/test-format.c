/* test-format.c — dates, times and numbers written the Vietnamese way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-format.h"

typedef struct {
  const char *input;
  const char *expected;   /* NULL: the input is rejected */
} Case;

typedef char *(*FormatFunc) (const char *input);

static void
check_cases (FormatFunc  func,
             const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *result = func (cases[i].input);

      if (g_strcmp0 (result, cases[i].expected) != 0)
        g_error ("“%s” gave “%s”, expected “%s”", cases[i].input,
                 result != NULL ? result : "(null)",
                 cases[i].expected != NULL ? cases[i].expected : "(null)");
    }
}

/* What every ISO parser must refuse. */
static const Case invalid_iso[] = {
  { NULL, NULL },
  { "", NULL },
  { " ", NULL },
  { "2022", NULL },
  { "2022-01", NULL },
  { "2022-1-9", NULL },
  { "22-01-09", NULL },
  { "20220109", NULL },
  { " 2022-01-09", NULL },
  { "2022-01-09 ", NULL },
  { "2022-01-09x", NULL },
  { "2022/01/09", NULL },
  { "09/01/2022", NULL },
  { "2022-02-30", NULL },
  { "2022-02-29", NULL },
  { "2023-02-29", NULL },
  { "2022-04-31", NULL },
  { "2022-13-01", NULL },
  { "2022-00-10", NULL },
  { "2022-01-00", NULL },
  { "2022-01-32", NULL },
  { "0000-01-01", NULL },
  { "2022-01-09T", NULL },
  { "2022-01-09T8:00", NULL },
  { "2022-01-09T08", NULL },
  { "2022-01-09T24:00", NULL },
  { "2022-01-09T08:60", NULL },
  { "2022-01-09T08:00:", NULL },
  { "2022-01-09T08:00+07:", NULL },
  { "2022-01-09T08:00+7", NULL },
  { "2022-01-09T08:00:00.", NULL },
  { "2022-01-09T08:00 ", NULL },
  { "2022-01-09\xff", NULL },
  { "\xff\xfe", NULL },
  { "ngày 09 tháng 01 năm 2022", NULL },
};

static void
test_date_ui (void)
{
  static const Case cases[] = {
    { "2022-01-09", "09/01/2022" },
    { "2019-06-29", "29/06/2019" },
    { "2021-12-05", "05/12/2021" },
    { "2024-02-29", "29/02/2024" },
    { "2000-02-29", "29/02/2000" },
    { "0999-12-31", "31/12/0999" },
    { "2022-01-09T08:00", "09/01/2022" },
    { "2022-01-09t08:00", "09/01/2022" },
    { "2022-01-09 08:00", "09/01/2022" },
    { "2022-01-09T23:59:59", "09/01/2022" },
    { "2022-01-09T23:59:59.999", "09/01/2022" },
    /* Shown as written, never converted: still the 9th. */
    { "2022-01-09T00:30+07:00", "09/01/2022" },
    { "2022-01-09T23:30Z", "09/01/2022" },
    { "2022-01-09T23:30-0500", "09/01/2022" },
    { "08:00", NULL },                      /* no date */
  };

  check_cases (xd_format_date_ui, cases, G_N_ELEMENTS (cases));
  check_cases (xd_format_date_ui, invalid_iso, G_N_ELEMENTS (invalid_iso));
}

static void
test_time_ui (void)
{
  static const Case cases[] = {
    { "2022-01-09T08:00", "08:00" },
    { "2022-01-09T10:30", "10:30" },
    { "2022-01-09T00:00", "00:00" },
    { "2022-01-09T23:59:59", "23:59" },
    { "2022-01-09 14:05", "14:05" },
    { "2022-01-09T08:00+07:00", "08:00" },
    { "08:00", "08:00" },
    { "23:59", "23:59" },
    { "2022-01-09", NULL },                 /* no time */
    { "8:00", NULL },                       /* stored values are strict */
    { "24:00", NULL },
    { "12:60", NULL },
    { "08:00x", NULL },
  };

  check_cases (xd_format_time_ui, cases, G_N_ELEMENTS (cases));
  check_cases (xd_format_time_ui, invalid_iso, G_N_ELEMENTS (invalid_iso));
}

static void
test_date_document (void)
{
  static const Case cases[] = {
    { "2022-01-09", "ngày 09 tháng 01 năm 2022" },
    { "2019-06-29", "ngày 29 tháng 6 năm 2019" },
    { "2021-12-05", "ngày 05 tháng 12 năm 2021" },
    { "2022-02-15", "ngày 15 tháng 02 năm 2022" },
    { "2022-03-01", "ngày 01 tháng 3 năm 2022" },
    { "2022-09-09", "ngày 09 tháng 9 năm 2022" },
    { "2022-10-10", "ngày 10 tháng 10 năm 2022" },
    { "2022-11-30", "ngày 30 tháng 11 năm 2022" },
    { "2024-02-29", "ngày 29 tháng 02 năm 2024" },
    { "2022-01-31T10:30", "ngày 31 tháng 01 năm 2022" },
    { "08:00", NULL },
  };

  check_cases (xd_format_date_document, cases, G_N_ELEMENTS (cases));
  check_cases (xd_format_date_document, invalid_iso, G_N_ELEMENTS (invalid_iso));
}

static void
test_place_date (void)
{
  static const struct {
    const char *place;
    const char *date;
    const char *expected;
  } cases[] = {
    { "Hạ Long", "2022-01-09", "Hạ Long, ngày 09 tháng 01 năm 2022" },
    { "Hạ Long", "2019-06-29", "Hạ Long, ngày 29 tháng 6 năm 2019" },
    { "Quảng Ninh", "2022-02-15T08:00", "Quảng Ninh, ngày 15 tháng 02 năm 2022" },
    { "  Hạ Long \t", "2022-01-09", "Hạ Long, ngày 09 tháng 01 năm 2022" },
    { NULL, "2022-01-09", "ngày 09 tháng 01 năm 2022" },
    { "", "2022-01-09", "ngày 09 tháng 01 năm 2022" },
    { "   ", "2022-01-09", "ngày 09 tháng 01 năm 2022" },
    { "Hạ Long", NULL, NULL },
    { "Hạ Long", "", NULL },
    { "Hạ Long", "2022-02-30", NULL },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = xd_format_place_date (cases[i].place, cases[i].date);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_time_document (void)
{
  static const Case cases[] = {
    { "2022-01-09T08:00", "08 giờ 00" },
    { "2022-01-09T10:30", "10 giờ 30" },
    { "2022-01-09T14:05:59", "14 giờ 05" },
    { "2022-01-09T00:00", "00 giờ 00" },
    { "07:45", "07 giờ 45" },
    { "2022-01-09", NULL },
  };

  check_cases (xd_format_time_document, cases, G_N_ELEMENTS (cases));
  check_cases (xd_format_time_document, invalid_iso, G_N_ELEMENTS (invalid_iso));
}

static void
test_datetime_document (void)
{
  static const Case cases[] = {
    { "2022-01-09T08:00", "08 giờ 00, ngày 09 tháng 01 năm 2022" },
    { "2022-01-09T10:30", "10 giờ 30, ngày 09 tháng 01 năm 2022" },
    { "2019-06-29T14:05", "14 giờ 05, ngày 29 tháng 6 năm 2019" },
    { "2021-12-05 07:00:00", "07 giờ 00, ngày 05 tháng 12 năm 2021" },
    { "2022-01-09", NULL },                 /* no time */
    { "08:00", NULL },                      /* no date */
  };

  check_cases (xd_format_datetime_document, cases, G_N_ELEMENTS (cases));
  check_cases (xd_format_datetime_document, invalid_iso, G_N_ELEMENTS (invalid_iso));
}

static void
test_minutes_lines (void)
{
  /* The opening and closing lines of the sample minutes, word for word. */
  g_autofree char *start = xd_format_datetime_document ("2022-01-09T08:00");
  g_autofree char *end = xd_format_datetime_document ("2022-01-09T10:30");
  g_autofree char *number = xd_format_document_number (1, "BB-BCĐ");
  g_autofree char *opening = g_strdup_printf ("Thời gian bắt đầu: %s.", start);
  g_autofree char *closing = g_strdup_printf ("Cuộc họp kết thúc vào %s/.", end);
  g_autofree char *number_line = g_strdup_printf ("Số: %s", number);

  g_assert_cmpstr (opening, ==, "Thời gian bắt đầu: 08 giờ 00, ngày 09 tháng 01 năm 2022.");
  g_assert_cmpstr (closing, ==, "Cuộc họp kết thúc vào 10 giờ 30, ngày 09 tháng 01 năm 2022/.");
  g_assert_cmpstr (number_line, ==, "Số: 01/BB-BCĐ");
}

static void
test_document_number (void)
{
  static const struct {
    int number;
    const char *suffix;
    const char *expected;
  } cases[] = {
    { 1, "BB-BCĐ", "01/BB-BCĐ" },
    { 9, "BB-BCĐ", "09/BB-BCĐ" },
    { 10, "BB-BCĐ", "10/BB-BCĐ" },
    { 12, "BB-BCĐ", "12/BB-BCĐ" },
    { 123, "QĐ-BCĐ", "123/QĐ-BCĐ" },
    { 1234, "TTr-BCĐ", "1234/TTr-BCĐ" },
    { 0, "BB-BCĐ", "   /BB-BCĐ" },
    { 1, NULL, "01" },
    { 1, "", "01" },
    { 0, NULL, "   " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = xd_format_document_number (cases[i].number, cases[i].suffix);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_document_number_negative (void)
{
  g_autofree char *result = NULL;

  g_test_expect_message ("xd-format", G_LOG_LEVEL_CRITICAL, "*number >= 0*");
  result = xd_format_document_number (-1, "BB-BCĐ");
  g_test_assert_expected_messages ();
  g_assert_null (result);
}

static void
test_integer (void)
{
  static const struct {
    gint64 n;
    const char *expected;
  } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1.000" },
    { 9999, "9.999" },
    { 100000, "100.000" },
    { 1234567, "1.234.567" },
    { -1, "-1" },
    { -999, "-999" },
    { -1000, "-1.000" },
    { -1234, "-1.234" },
    { -1234567, "-1.234.567" },
    { G_MAXINT64, "9.223.372.036.854.775.807" },
    { G_MININT64, "-9.223.372.036.854.775.808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = xd_format_integer (cases[i].n);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

/* The Overview's progress and the minutes' summary at a national review. */
static void
test_fraction (void)
{
  g_autofree char *none = xd_format_fraction (0, 0);
  g_autofree char *small = xd_format_fraction (5, 5);
  g_autofree char *national = xd_format_fraction (9876, 10000);

  g_assert_cmpstr (none, ==, "0/0");
  g_assert_cmpstr (small, ==, "5/5");
  g_assert_cmpstr (national, ==, "9.876/10.000");
}

static void
test_decimal (void)
{
  static const struct {
    gint64 tenths;
    const char *expected;
  } cases[] = {
    { 12345, "1.234,5" },
    { 0, "0,0" },
    { 5, "0,5" },
    { 10, "1,0" },
    { 889, "88,9" },
    { 1000, "100,0" },
    { 9999, "999,9" },
    { 10000, "1.000,0" },
    { 10000000, "1.000.000,0" },
    { -5, "-0,5" },
    { -10, "-1,0" },
    { -12345, "-1.234,5" },
    { G_MAXINT64, "922.337.203.685.477.580,7" },
    { G_MININT64, "-922.337.203.685.477.580,8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = xd_format_decimal (cases[i].tenths);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_parse_date (void)
{
  static const Case cases[] = {
    { "9/1/2022", "2022-01-09" },
    { "09/01/2022", "2022-01-09" },
    { "09-01-2022", "2022-01-09" },
    { "9.1.2022", "2022-01-09" },
    { "09.01.2022", "2022-01-09" },
    { " 9/1/2022 ", "2022-01-09" },
    { "9 / 1 / 2022", "2022-01-09" },
    { "29/6/2019", "2019-06-29" },
    { "5/12/2021", "2021-12-05" },
    { "29/02/2024", "2024-02-29" },
    { "29/2/2000", "2000-02-29" },
    { "31/12/9999", "9999-12-31" },
    { "1/1/1000", "1000-01-01" },
    { "2022-01-09", "2022-01-09" },         /* ISO, as pasted */
    { "2022-1-9", "2022-01-09" },
  };
  static const char *invalid[] = {
    "", "   ", "31/02/2022", "30/02/2024", "29/02/2023", "29/02/1900",
    "31/04/2022", "1/13/2022", "0/1/2022", "1/0/2022", "32/1/2022",
    "9/1/22", "9/1/022", "9/1/20222", "9/1/0999", "123/1/2022", "9/123/2022",
    "9/1-2022", "9.1/2022", "9//1/2022", "9/1/", "9/1", "9", "/1/2022",
    "9/1/2022/5", "9/1/2022 extra", "09.01.2022.", "-9/1/2022", "+9/1/2022",
    "a/b/cdef", "2022/01/09", "2022.01.09", "2022-01-09T08:00",
    "9\xff/1/2022", "\xff", "٩/١/٢٠٢٢", "９/１/２０２２",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;

      if (!xd_parse_date_ui (cases[i].input, &iso))
        g_error ("“%s” rejected", cases[i].input);
      g_assert_cmpstr (iso, ==, cases[i].expected);
      g_assert_true (xd_parse_date_ui (cases[i].input, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      char *iso = (char *) "untouched";

      if (xd_parse_date_ui (invalid[i], &iso))
        g_error ("“%s” accepted as %s", invalid[i], iso);
      g_assert_cmpstr (iso, ==, "untouched");
    }

  g_assert_false (xd_parse_date_ui (NULL, NULL));
}

static void
test_parse_date_round_trip (void)
{
  /* Whatever the UI shows, it reads back. */
  static const char *dates[] = {
    "2022-01-09", "2019-06-29", "2021-12-05", "2024-02-29", "1000-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *shown = xd_format_date_ui (dates[i]);
      g_autofree char *iso = NULL;

      g_assert_true (xd_parse_date_ui (shown, &iso));
      g_assert_cmpstr (iso, ==, dates[i]);
    }
}

static void
test_parse_time (void)
{
  static const struct {
    const char *input;
    int hour;
    int minute;
  } cases[] = {
    { "8:00", 8, 0 },
    { "08:00", 8, 0 },
    { "8:30", 8, 30 },
    { "8.30", 8, 30 },
    { "23:59", 23, 59 },
    { "0:00", 0, 0 },
    { "00:00", 0, 0 },
    { " 8:00 ", 8, 0 },
    { "8 : 30", 8, 30 },
    { "14", 14, 0 },
    { "8h", 8, 0 },
    { "8H", 8, 0 },
    { "8h30", 8, 30 },
    { "8H30", 8, 30 },
    { "8h5", 8, 5 },
    { "8h05", 8, 5 },
    { "8 h 30", 8, 30 },
    { "8h30p", 8, 30 },
    { "8h30 phút", 8, 30 },
    { "8g30", 8, 30 },
    { "8 giờ", 8, 0 },
    { "8 giờ 30", 8, 30 },
    { "8 giờ 30 phút", 8, 30 },
    { "8 GIỜ 30 PHÚT", 8, 30 },
    { "8 Giờ 30 Phút", 8, 30 },
    { "8 gio 30 phut", 8, 30 },
    { "8giờ30", 8, 30 },
    { "8 gi\xc6\xa1\xcc\x80 30 phu\xcc\x81t", 8, 30 },    /* decomposed */
    { "17 giờ 45 ph", 17, 45 },
  };
  static const char *invalid[] = {
    "", "   ", "24:00", "25:00", "8:60", "8h60", "8 giờ 60", "8:5", "8:",
    "8:000", "8h300", "123:00", "123h", ":30", "h30", "giờ 30", "8 phút",
    "8h30x", "8h 30 30", "8h3 0", "-8:00", "+8:00", "8:00:00", "8:00 am",
    "8 giờ 30 phút 5", "8 giờ sáng", "8 giờ phút", "8,30", "8 : 3", "8:-1",
    "\xff", "8\xff:00", "８:００", "٨:٠٠", "8h30pp",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int hour = -1, minute = -1;

      if (!xd_parse_time_ui (cases[i].input, &hour, &minute))
        g_error ("“%s” rejected", cases[i].input);
      g_assert_cmpint (hour, ==, cases[i].hour);
      g_assert_cmpint (minute, ==, cases[i].minute);
      g_assert_true (xd_parse_time_ui (cases[i].input, NULL, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      int hour = -1, minute = -1;

      if (xd_parse_time_ui (invalid[i], &hour, &minute))
        g_error ("“%s” accepted as %d:%d", invalid[i], hour, minute);
      g_assert_cmpint (hour, ==, -1);
      g_assert_cmpint (minute, ==, -1);
    }

  g_assert_false (xd_parse_time_ui (NULL, NULL, NULL));
}

static void
check_all_formats (void)
{
  g_autofree char *date_ui = xd_format_date_ui ("2022-01-09T08:00");
  g_autofree char *time_ui = xd_format_time_ui ("2022-01-09T08:00");
  g_autofree char *document = xd_format_datetime_document ("2022-01-09T08:00");
  g_autofree char *integer = xd_format_integer (1234567);
  g_autofree char *decimal = xd_format_decimal (12345);
  g_autofree char *iso = NULL;
  int hour, minute;

  g_assert_cmpstr (date_ui, ==, "09/01/2022");
  g_assert_cmpstr (time_ui, ==, "08:00");
  g_assert_cmpstr (document, ==, "08 giờ 00, ngày 09 tháng 01 năm 2022");
  g_assert_cmpstr (integer, ==, "1.234.567");
  g_assert_cmpstr (decimal, ==, "1.234,5");
  g_assert_true (xd_parse_date_ui ("9.1.2022", &iso));
  g_assert_cmpstr (iso, ==, "2022-01-09");
  g_assert_true (xd_parse_time_ui ("8 GIỜ 30", &hour, &minute));
  g_assert_cmpint (hour * 60 + minute, ==, 8 * 60 + 30);
}

static void
test_locale_independent (void)
{
  static const char *locales[] = { "C", "C.UTF-8", "vi_VN.UTF-8", "en_US.UTF-8", "de_DE.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    if (setlocale (LC_ALL, locales[i]) != NULL)
      check_all_formats ();

  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/format/date-ui", test_date_ui);
  g_test_add_func ("/core/format/time-ui", test_time_ui);
  g_test_add_func ("/core/format/date-document", test_date_document);
  g_test_add_func ("/core/format/place-date", test_place_date);
  g_test_add_func ("/core/format/time-document", test_time_document);
  g_test_add_func ("/core/format/datetime-document", test_datetime_document);
  g_test_add_func ("/core/format/minutes-lines", test_minutes_lines);
  g_test_add_func ("/core/format/document-number", test_document_number);
  g_test_add_func ("/core/format/document-number/negative", test_document_number_negative);
  g_test_add_func ("/core/format/integer", test_integer);
  g_test_add_func ("/core/format/fraction", test_fraction);
  g_test_add_func ("/core/format/decimal", test_decimal);
  g_test_add_func ("/core/format/parse-date", test_parse_date);
  g_test_add_func ("/core/format/parse-date/round-trip", test_parse_date_round_trip);
  g_test_add_func ("/core/format/parse-time", test_parse_time);
  g_test_add_func ("/core/format/locale-independent", test_locale_independent);

  return g_test_run ();
}
