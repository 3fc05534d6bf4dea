/* xd-criteria-sets-dialog.h — create, edit, copy and delete criteria sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_CRITERIA_SETS_DIALOG (xd_criteria_sets_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XdCriteriaSetsDialog, xd_criteria_sets_dialog, XD, CRITERIA_SETS_DIALOG,
                      AdwWindow)

/* A modal window over @parent (may be NULL) on @store's sets, showing
 * @set_id first (0: the first set). */
XdCriteriaSetsDialog *xd_criteria_sets_dialog_new        (GtkWindow            *parent,
                                                          XdStore              *store,
                                                          gint64                set_id);
/* The set shown on the right, 0 when none. */
gint64                xd_criteria_sets_dialog_get_set    (XdCriteriaSetsDialog *self);
void                  xd_criteria_sets_dialog_select_set (XdCriteriaSetsDialog *self,
                                                          gint64                set_id);

G_END_DECLS
