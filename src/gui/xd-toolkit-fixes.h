/* xd-toolkit-fixes.h — what GTK 4.8 gets wrong for a Vietnamese screen reader
 *
 * Debian 12 ships GTK 4.8, whose widgets (1) name a button with a mnemonic
 * "_Thêm hồ sơ Thêm hồ sơ" — the raw label with its underscore, then the
 * label again — and (2) describe the window buttons in English, because
 * GTK's own Vietnamese catalogue lacks "Close the window" and its
 * siblings.  xd_toolkit_fixes_init () corrects both for every widget of the
 * process, the toolkit's own dialogs included, as each is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once, after gtk_init (); later calls do nothing. */
void xd_toolkit_fixes_init (void);

/* What xd_toolkit_fixes_init () does to one widget: exposed for tests. */
void xd_toolkit_fixes_apply (GtkWidget *widget);

/* The same for @widget and everything inside it.  A window gets this as it
 * is shown, and a button later as it is mapped; a tree added to a window
 * already shown needs it too, for the buttons it holds in pages of a stack
 * not shown (GTK 4.8 names those for the screen reader all the same). */
void xd_toolkit_fixes_apply_to_tree (GtkWidget *widget);

G_END_DECLS
