/* xd-shortcuts-window.h — the keyboard shortcuts, every word in the UI language
 *
 * Our own, not GtkShortcutsWindow: GTK 4.8's Vietnamese catalogue (Debian
 * 12) lacks that window's "Shortcuts" and "Search Results".  Opened by
 * win.show-help-overlay (Ctrl+?) and the main menu, as GTK's would be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XD_TYPE_SHORTCUTS_WINDOW (xd_shortcuts_window_get_type ())
G_DECLARE_FINAL_TYPE (XdShortcutsWindow, xd_shortcuts_window, XD, SHORTCUTS_WINDOW, AdwWindow)

/* Modal and transient for @parent, which may be NULL.  Escape closes it. */
XdShortcutsWindow *xd_shortcuts_window_new (GtkWindow *parent);

G_END_DECLS
