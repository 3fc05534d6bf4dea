/* xd-finalize.h — finalising a meeting from the window's menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

/* Explains what finalising means and, once the user confirms, seals the
 * meeting's record; the dialog is returned so tests can answer it. */
AdwMessageDialog *xd_finalize_confirm (GtkWindow *parent,
                                       XdStore   *store,
                                       gint64     meeting_id);

G_END_DECLS
