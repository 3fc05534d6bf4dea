/* xd-window.h — a window on one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_WINDOW (xd_window_get_type ())
G_DECLARE_FINAL_TYPE (XdWindow, xd_window, XD, WINDOW, AdwApplicationWindow)

/* @store is NULL when opening failed; @open_error then says why, and the
 * window shows it instead of the meetings. */
XdWindow   *xd_window_new           (GtkApplication *application,
                                     XdStore        *store,
                                     const GError   *open_error);
XdStore    *xd_window_get_store     (XdWindow       *self);
/* "error", "empty", "meetings" or "meeting": what the window shows. */
const char *xd_window_get_page_name (XdWindow       *self);
/* "overview", "members", "dossiers", "voting", "minutes": the view of the open meeting. */
const char *xd_window_get_view_name (XdWindow       *self);
/* Shows the views of a meeting; 0 goes back to the list. */
void        xd_window_open_meeting  (XdWindow       *self,
                                     gint64          meeting_id);
gint64      xd_window_get_meeting   (XdWindow       *self);
/* Shows a short message in the window (a toast). */
void        xd_window_show_message  (XdWindow       *self,
                                     const char     *message);

/* Shows @message in the window that holds @widget; views report failed
 * saves with it. */
void        xd_window_show_error    (GtkWidget      *widget,
                                     const char     *message);
/* Shows @message with a button that opens @file (a file just saved). */
void        xd_window_show_file_message (GtkWidget  *widget,
                                         const char *message,
                                         GFile      *file);

G_END_DECLS
