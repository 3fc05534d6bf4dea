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

G_END_DECLS
