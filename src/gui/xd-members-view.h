/* xd-members-view.h — the council's members, attendance, guests and the
 * live quorum line of one meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_MEMBERS_VIEW (xd_members_view_get_type ())
G_DECLARE_FINAL_TYPE (XdMembersView, xd_members_view, XD, MEMBERS_VIEW, AdwBin)

GtkWidget *xd_members_view_new         (void);
/* Shows @meeting_id of @store; @store NULL or @meeting_id 0 shows nothing.
 * Edits still pending for the previous meeting are saved first. */
void       xd_members_view_set_meeting (XdMembersView *self,
                                        XdStore       *store,
                                        gint64         meeting_id);

G_END_DECLS
