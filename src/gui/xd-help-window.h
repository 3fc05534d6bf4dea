/* xd-help-window.h — a first-time user's walk-through of preparing a hearing
 *
 * A small window with short sections (a heading and a few paragraphs
 * each), in the UI language, opened by app.help (F1) from the main menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XD_TYPE_HELP_WINDOW (xd_help_window_get_type ())
G_DECLARE_FINAL_TYPE (XdHelpWindow, xd_help_window, XD, HELP_WINDOW, AdwWindow)

/* @parent may be NULL.  The window is not modal: the user can follow the
 * steps in the main window while it stays open. */
XdHelpWindow *xd_help_window_new (GtkWindow *parent);

G_END_DECLS
