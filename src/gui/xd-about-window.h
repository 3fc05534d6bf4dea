/* xd-about-window.h — the About window, every word of it in the UI language
 *
 * Our own, not libadwaita's AdwAboutWindow: libadwaita 1.2's Vietnamese
 * catalogue (Debian 12) lacks that window's "Details", "Credits", "Legal",
 * "Website", "Back" and the rest, and a civil servant must not meet
 * English in the app.  Opened by app.about from the main menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XD_TYPE_ABOUT_WINDOW (xd_about_window_get_type ())
G_DECLARE_FINAL_TYPE (XdAboutWindow, xd_about_window, XD, ABOUT_WINDOW, AdwWindow)

/* Modal and transient for @parent, which may be NULL.  Escape closes it. */
XdAboutWindow *xd_about_window_new (GtkWindow *parent);

G_END_DECLS
