/* xd-dossiers-view.h — the units' dossiers of a meeting: a searchable list beside the selected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_DOSSIERS_VIEW (xd_dossiers_view_get_type ())
G_DECLARE_FINAL_TYPE (XdDossiersView, xd_dossiers_view, XD, DOSSIERS_VIEW, AdwBin)

GtkWidget *xd_dossiers_view_new            (void);
/* Shows the dossiers of @meeting_id in @store; @store NULL or @meeting_id 0
 * shows nothing.  Edits still pending for the previous meeting are saved
 * first. */
void       xd_dossiers_view_set_meeting    (XdDossiersView *self,
                                            XdStore        *store,
                                            gint64          meeting_id);
/* Ctrl+F: the keyboard goes to the search entry. */
void       xd_dossiers_view_focus_search   (XdDossiersView *self);
/* Ctrl+N: adds a dossier ("New dossier"), selects it and puts the keyboard
 * in its unit name, ready to be typed over. */
void       xd_dossiers_view_add_dossier    (XdDossiersView *self);
/* Selects @dossier_id, clearing a search that hides it. */
void       xd_dossiers_view_select_dossier (XdDossiersView *self,
                                            gint64          dossier_id);
/* How many units the list shows now (after the search). */
guint      xd_dossiers_view_get_n_shown    (XdDossiersView *self);

G_END_DECLS
