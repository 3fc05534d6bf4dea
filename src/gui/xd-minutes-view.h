/* xd-minutes-view.h — the minutes of a meeting: the secretary's free text
 * beside the pages as they will print, export and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

typedef enum {
  XD_MINUTES_FORMAT_ODT,
  XD_MINUTES_FORMAT_FODT,
  XD_MINUTES_FORMAT_PDF,
} XdMinutesFormat;

#define XD_TYPE_MINUTES_VIEW (xd_minutes_view_get_type ())
G_DECLARE_FINAL_TYPE (XdMinutesView, xd_minutes_view, XD, MINUTES_VIEW, AdwBin)

GtkWidget  *xd_minutes_view_new             (void);
/* Shows the minutes of @meeting_id in @store; NULL / 0 shows nothing. */
void        xd_minutes_view_set_meeting     (XdMinutesView   *self,
                                             XdStore         *store,
                                             gint64           meeting_id);

/* "odt", "fodt", "pdf" → the format; FALSE for anything else. */
gboolean    xd_minutes_format_from_string   (const char      *str,
                                             XdMinutesFormat *out);

/* Asks where to save (a file chooser offering a Vietnamese file name),
 * then exports there. */
void        xd_minutes_view_choose_export_file (XdMinutesView   *self,
                                                XdMinutesFormat  format);
/* Exports the minutes to @file off the main thread, with a progress bar
 * and Cancel; what the file chooser does once it has a file.  Reports
 * the end in the window: a toast to open the file, or the error. */
void        xd_minutes_view_export          (XdMinutesView   *self,
                                             XdMinutesFormat  format,
                                             GFile           *file);
void        xd_minutes_view_cancel_export   (XdMinutesView   *self);
gboolean    xd_minutes_view_is_exporting    (XdMinutesView   *self);
/* The message of the last export that failed, NULL after a success or a
 * cancelled export. */
const char *xd_minutes_view_get_export_error (XdMinutesView  *self);

/* Opens the print dialog (with its preview) for the minutes. */
void        xd_minutes_view_print           (XdMinutesView   *self);

/* The preview: its number of pages, how many times it was laid out (the
 * tests wait for it), and whether a new layout is being made. */
int         xd_minutes_view_get_n_pages     (XdMinutesView   *self);
guint       xd_minutes_view_get_generation  (XdMinutesView   *self);
gboolean    xd_minutes_view_is_updating     (XdMinutesView   *self);

G_END_DECLS
