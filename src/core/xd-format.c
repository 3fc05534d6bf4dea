/* xd-format.c — dates, times and numbers written the Vietnamese way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-format"

#include "config.h"

#include <string.h>

#include "xd-format.h"

typedef struct {
  gboolean has_date;
  gboolean has_time;
  int year;
  int month;
  int day;
  int hour;
  int minute;
} IsoParts;

/* Exactly @n ASCII digits. */
static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *out = value;
  return TRUE;
}

/* One to @max ASCII digits, and no more. */
static gboolean
read_number (const char **p,
             guint        max,
             int         *out,
             guint       *n_digits)
{
  guint n = 0;

  while (g_ascii_isdigit ((*p)[n]))
    if (++n > max)
      return FALSE;
  if (n == 0)
    return FALSE;

  if (n_digits != NULL)
    *n_digits = n;
  return read_digits (p, n, out);
}

static void
skip_spaces (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

/* A literal prefix (already case-folded); advances past it if present. */
static gboolean
skip_word (const char **p,
           const char  *word)
{
  gsize len = strlen (word);

  if (strncmp (*p, word, len) != 0)
    return FALSE;

  *p += len;
  return TRUE;
}

/* "HH:MM[:SS[.fff]][Z|±HH[:MM]]" to the end of the string. */
static gboolean
parse_iso_time (const char *p,
                IsoParts   *parts)
{
  int unused;

  if (!read_digits (&p, 2, &parts->hour) || *p++ != ':' ||
      !read_digits (&p, 2, &parts->minute))
    return FALSE;

  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, &unused))
        return FALSE;
      if (*p == '.' || *p == ',')
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }

  /* The offset is checked for form only: the stored time is the wall clock
   * of the meeting room, which is what the minutes must say. */
  if (*p == 'Z' || *p == 'z')
    {
      p++;
    }
  else if (*p == '+' || *p == '-')
    {
      p++;
      if (!read_digits (&p, 2, &unused))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, &unused))
            return FALSE;
        }
      else if (g_ascii_isdigit (*p) && !read_digits (&p, 2, &unused))
        {
          return FALSE;
        }
    }

  parts->has_time = TRUE;
  return *p == '\0';
}

static gboolean
parse_iso (const char *text,
           gboolean    allow_bare_time,
           IsoParts   *parts)
{
  const char *p = text;
  g_autoptr(GDateTime) check = NULL;

  memset (parts, 0, sizeof *parts);
  if (text == NULL)
    return FALSE;

  if (read_digits (&p, 4, &parts->year) && *p == '-')
    {
      p++;
      if (!read_digits (&p, 2, &parts->month) || *p++ != '-' ||
          !read_digits (&p, 2, &parts->day))
        return FALSE;
      parts->has_date = TRUE;

      if (*p == 'T' || *p == 't' || *p == ' ')
        {
          if (!parse_iso_time (p + 1, parts))
            return FALSE;
        }
      else if (*p != '\0')
        {
          return FALSE;
        }
    }
  else if (!allow_bare_time || !parse_iso_time (text, parts))
    {
      return FALSE;
    }

  if (parts->has_date && (parts->year < 1 ||
                          !g_date_valid_dmy (parts->day, parts->month, parts->year)))
    return FALSE;

  /* UTC, because a local zone would shift times that fall into a DST gap. */
  check = g_date_time_new_utc (parts->has_date ? parts->year : 2000,
                               parts->has_date ? parts->month : 1,
                               parts->has_date ? parts->day : 1,
                               parts->hour, parts->minute, 0);
  return check != NULL;
}

static char *
date_document (const IsoParts *parts)
{
  /* Nghị định 30/2020: months 1 and 2 keep their zero so that nobody can
   * turn "1" into "11" or "12" by hand; months 3–12 have nothing to fear. */
  if (parts->month <= 2)
    return g_strdup_printf ("ngày %02d tháng %02d năm %d",
                            parts->day, parts->month, parts->year);

  return g_strdup_printf ("ngày %02d tháng %d năm %d",
                          parts->day, parts->month, parts->year);
}

char *
xd_format_date_ui (const char *iso_date)
{
  IsoParts parts;

  if (!parse_iso (iso_date, FALSE, &parts))
    return NULL;

  return g_strdup_printf ("%02d/%02d/%04d", parts.day, parts.month, parts.year);
}

char *
xd_format_time_ui (const char *iso_datetime)
{
  IsoParts parts;

  if (!parse_iso (iso_datetime, TRUE, &parts) || !parts.has_time)
    return NULL;

  return g_strdup_printf ("%02d:%02d", parts.hour, parts.minute);
}

char *
xd_format_date_document (const char *iso_date)
{
  IsoParts parts;

  if (!parse_iso (iso_date, FALSE, &parts))
    return NULL;

  return date_document (&parts);
}

char *
xd_format_place_date (const char *place,
                      const char *iso_date)
{
  g_autofree char *date = xd_format_date_document (iso_date);
  g_autofree char *trimmed = g_strstrip (g_strdup (place != NULL ? place : ""));

  if (date == NULL)
    return NULL;
  if (trimmed[0] == '\0')
    return g_steal_pointer (&date);

  return g_strdup_printf ("%s, %s", trimmed, date);
}

char *
xd_format_time_document (const char *iso_datetime)
{
  IsoParts parts;

  if (!parse_iso (iso_datetime, TRUE, &parts) || !parts.has_time)
    return NULL;

  return g_strdup_printf ("%02d giờ %02d", parts.hour, parts.minute);
}

char *
xd_format_datetime_document (const char *iso_datetime)
{
  IsoParts parts;
  g_autofree char *date = NULL;

  if (!parse_iso (iso_datetime, FALSE, &parts) || !parts.has_time)
    return NULL;

  date = date_document (&parts);
  return g_strdup_printf ("%02d giờ %02d, %s", parts.hour, parts.minute, date);
}

char *
xd_format_document_number (int         number,
                           const char *suffix)
{
  g_return_val_if_fail (number >= 0, NULL);

  if (suffix == NULL || suffix[0] == '\0')
    return number == 0 ? g_strdup ("   ") : g_strdup_printf ("%02d", number);

  /* Unnumbered documents leave room for the number to be written by hand
   * once the office registers them. */
  if (number == 0)
    return g_strdup_printf ("   /%s", suffix);

  return g_strdup_printf ("%02d/%s", number, suffix);
}

static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[32];
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
}

/* Through guint64 so that G_MININT64 has a magnitude too. */
static guint64
magnitude (gint64 n)
{
  return n < 0 ? 0 - (guint64) n : (guint64) n;
}

char *
xd_format_integer (gint64 n)
{
  GString *out = g_string_new (n < 0 ? "-" : "");

  append_grouped (out, magnitude (n));
  return g_string_free (out, FALSE);
}

char *
xd_format_fraction (gint64 part,
                    gint64 whole)
{
  g_autofree char *a = xd_format_integer (part);
  g_autofree char *b = xd_format_integer (whole);

  return g_strconcat (a, "/", b, NULL);
}

char *
xd_format_decimal (gint64 tenths)
{
  GString *out = g_string_new (tenths < 0 ? "-" : "");
  guint64 value = magnitude (tenths);

  append_grouped (out, value / 10);
  g_string_append_printf (out, ",%u", (guint) (value % 10));
  return g_string_free (out, FALSE);
}

gboolean
xd_parse_date_ui (const char  *text,
                  char       **iso_out)
{
  g_autofree char *copy = NULL;
  const char *p;
  int numbers[3];
  guint lengths[3];
  char separator = '\0';
  int year, month, day;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        {
          skip_spaces (&p);
          if (*p != '/' && *p != '-' && *p != '.')
            return FALSE;
          /* "9/1-2022" is more likely a typo than a date. */
          if (separator != '\0' && *p != separator)
            return FALSE;
          separator = *p++;
          skip_spaces (&p);
        }
      if (!read_number (&p, 4, &numbers[i], &lengths[i]))
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  if (lengths[0] == 4 && separator == '-' && lengths[1] <= 2 && lengths[2] <= 2)
    {
      year = numbers[0];
      month = numbers[1];
      day = numbers[2];
    }
  else if (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4)
    {
      day = numbers[0];
      month = numbers[1];
      year = numbers[2];
    }
  else
    {
      return FALSE;
    }

  /* Four digits: a two-digit year has no safe century. */
  if (year < 1000 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (iso_out != NULL)
    *iso_out = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

gboolean
xd_parse_time_ui (const char *text,
                  int        *hour,
                  int        *minute)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GDateTime) check = NULL;
  const char *p;
  int h, m = 0;

  if (text == NULL)
    return FALSE;

  /* "Giờ" typed decomposed or in capitals is still "giờ". */
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == NULL)
    return FALSE;
  folded = g_utf8_casefold (composed, -1);
  p = folded;

  skip_spaces (&p);
  if (!read_number (&p, 2, &h, NULL))
    return FALSE;
  skip_spaces (&p);

  if (*p == ':' || *p == '.')
    {
      p++;
      skip_spaces (&p);
      if (!read_digits (&p, 2, &m))
        return FALSE;
    }
  else if (skip_word (&p, "giờ") || skip_word (&p, "gio") ||
           skip_word (&p, "h") || skip_word (&p, "g"))
    {
      skip_spaces (&p);
      if (g_ascii_isdigit (*p))
        {
          if (!read_number (&p, 2, &m, NULL))
            return FALSE;
          skip_spaces (&p);
          if (!skip_word (&p, "phút") && !skip_word (&p, "phut") &&
              !skip_word (&p, "ph"))
            skip_word (&p, "p");
        }
    }
  skip_spaces (&p);
  if (*p != '\0')
    return FALSE;

  check = g_date_time_new_utc (2000, 1, 1, h, m, 0);
  if (check == NULL)
    return FALSE;

  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  return TRUE;
}
