/* xd-minutes-file.c — what an exported minutes file is called
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-minutes-file"

#include "config.h"

#include <string.h>

#include "xd-minutes-file.h"

/* Replaces what a file name may not hold on Linux or Windows ("/", "\",
 * ":" …, control characters) with "-", and squeezes spaces: a suffix like
 * "BB/BCĐ" must not make a folder. */
static void
append_safe (GString    *out,
             const char *text)
{
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
}

char *
xd_minutes_default_file_name (const XdMeeting *meeting,
                              const char      *extension)
{
  GString *name = g_string_new ("Biên bản");

  g_return_val_if_fail (meeting != NULL, NULL);
  g_return_val_if_fail (extension != NULL && *extension != '\0', NULL);

  if (meeting->number > 0)
    {
      const char *suffix = meeting->number_suffix != NULL ? meeting->number_suffix : "";

      /* "01/BB-BCĐ" as the minutes write it, with "-" for the "/". */
      while (*suffix == '/' || *suffix == ' ')
        suffix++;
      g_string_append_printf (name, " %02d", meeting->number);
      if (*suffix != '\0')
        {
          g_string_append_c (name, '-');
          append_safe (name, suffix);
        }
    }

  /* "2022-01-09…" → "ngày 09-01-2022"; anything else is not a date. */
  if (meeting->starts_at != NULL && strlen (meeting->starts_at) >= 10 &&
      g_ascii_isdigit (meeting->starts_at[0]) && meeting->starts_at[4] == '-' &&
      meeting->starts_at[7] == '-')
    g_string_append_printf (name, " ngày %.2s-%.2s-%.4s",
                            meeting->starts_at + 8, meeting->starts_at + 5,
                            meeting->starts_at);

  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  g_string_append_c (name, '.');
  append_safe (name, extension);

  return g_string_free (name, FALSE);
}
