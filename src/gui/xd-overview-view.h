/* xd-overview-view.h — a meeting's details, voting rules and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_OVERVIEW_VIEW (xd_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (XdOverviewView, xd_overview_view, XD, OVERVIEW_VIEW, AdwBin)

GtkWidget *xd_overview_view_new         (void);
/* Shows @meeting_id of @store; @store NULL or @meeting_id 0 shows nothing.
 * Edits still pending for the previous meeting are saved first. */
void       xd_overview_view_set_meeting (XdOverviewView *self,
                                         XdStore        *store,
                                         gint64          meeting_id);

G_END_DECLS
