/* xd-format.h — dates, times and numbers written the Vietnamese way (pure functions)
 *
 * Stored values are ISO 8601 in the meeting's local time: "2022-01-09" and
 * "2022-01-09T08:00" (seconds, fractions and a "Z"/"+07:00" suffix are
 * accepted and ignored: the wall-clock time is shown as written, never
 * converted).  Output never depends on the process locale.  The document
 * forms follow Nghị định 30/2020/NĐ-CP and are Vietnamese in every UI
 * language.  Functions returning char * return NULL for NULL or invalid input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2022-01-09" or "2022-01-09T08:00" → "09/01/2022". */
char        *xd_format_date_ui           (const char *iso_date);

/* "2022-01-09T08:00" (or a bare "08:00") → "08:00", 24-hour; NULL if there is
 * no time part. */
char        *xd_format_time_ui           (const char *iso_datetime);

/* → "ngày 09 tháng 01 năm 2022": day < 10 and months 1–2 take a leading
 * zero, months 3–12 do not ("ngày 29 tháng 6 năm 2019"). */
char        *xd_format_date_document     (const char *iso_date);

/* → "Hạ Long, ngày 09 tháng 01 năm 2022"; with a NULL or blank @place just
 * the date, "ngày 09 tháng 01 năm 2022". */
char        *xd_format_place_date        (const char *place,
                                          const char *iso_date);

/* "2022-01-09T08:00" (or a bare "08:00") → "08 giờ 00". */
char        *xd_format_time_document     (const char *iso_datetime);

/* → "08 giờ 00, ngày 09 tháng 01 năm 2022"; NULL if there is no time part. */
char        *xd_format_datetime_document (const char *iso_datetime);

/* (1, "BB-BCĐ") → "01/BB-BCĐ", (12, …) → "12/BB-BCĐ".  Number 0 means not
 * numbered yet and gives "   /BB-BCĐ" (three spaces, filled in by hand); a
 * NULL or empty @suffix gives the number alone ("01").  @number >= 0. */
char        *xd_format_document_number   (int         number,
                                          const char *suffix);

/* Thousands separated by dots: 1234567 → "1.234.567", -1234 → "-1.234". */
char        *xd_format_integer           (gint64      n);

/* A count out of a total, both grouped: (9876, 10000) → "9.876/10.000". */
char        *xd_format_fraction          (gint64      part,
                                          gint64      whole);

/* One decimal with a decimal comma, from tenths: 12345 → "1.234,5",
 * -5 → "-0,5"; rounding is the caller's business. */
char        *xd_format_decimal           (gint64      tenths);

/* Parse a date as people type it: "9/1/2022", "09/01/2022", "09-01-2022",
 * "9.1.2022" (day first; one separator kind) or ISO "2022-01-09".  The year
 * must have four digits (1000–9999): "9/1/22" is rejected, not guessed.
 * Impossible dates (31/02, 29/02/2023, month 13) are rejected.  On success
 * stores the ISO date in @iso_out (may be NULL to only validate); on failure
 * leaves it untouched. */
gboolean     xd_parse_date_ui            (const char *text,
                                          char      **iso_out);

/* Parse a 24-hour time: "8:00", "08:00", "8.30", "8h", "8h30", "8g30", "8",
 * "8 giờ 30", "8 giờ 30 phút" (with or without diacritics, any case).  After
 * ":" or "." the minutes need two digits, after "h"/"giờ" one or two.
 * @hour and @minute may be NULL; untouched on failure. */
gboolean     xd_parse_time_ui            (const char *text,
                                          int        *hour,
                                          int        *minute);

G_END_DECLS
