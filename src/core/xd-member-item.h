/* xd-member-item.h — one council member as a list row, and counting members
 *
 * A GObject wrapping an XdMember so that GTK list widgets can show it and
 * follow its changes: every field is a read-only property, notified only
 * when a new record from the store really changes it.  No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xd-model.h"

G_BEGIN_DECLS

#define XD_TYPE_MEMBER_ITEM (xd_member_item_get_type ())
G_DECLARE_FINAL_TYPE (XdMemberItem, xd_member_item, XD, MEMBER_ITEM, GObject)

XdMemberItem   *xd_member_item_new                 (const XdMember *member);
/* Takes the values of @member, which must have the item's id.  Returns TRUE
 * when the item's place in a sorted list may have moved (name, role or
 * position changed). */
gboolean        xd_member_item_update              (XdMemberItem   *self,
                                                    const XdMember *member);
/* The record the item shows; owned by the item. */
const XdMember *xd_member_item_get_member          (XdMemberItem   *self);

gint64          xd_member_item_get_id              (XdMemberItem   *self);
const char     *xd_member_item_get_full_name       (XdMemberItem   *self);
const char     *xd_member_item_get_title           (XdMemberItem   *self);
const char     *xd_member_item_get_organisation    (XdMemberItem   *self);
XdRole          xd_member_item_get_role            (XdMemberItem   *self);
gboolean        xd_member_item_get_voting          (XdMemberItem   *self);
XdAttendance    xd_member_item_get_attendance      (XdMemberItem   *self);
const char     *xd_member_item_get_absence_reason  (XdMemberItem   *self);
int             xd_member_item_get_position        (XdMemberItem   *self);
/* xd_text_name_sort_key () of the name: given name, middle, family name. */
const char     *xd_member_item_get_sort_key        (XdMemberItem   *self);

/* GCompareDataFunc orders for XdMemberItems (GtkCustomSorter takes them
 * as they are).  By name: the Vietnamese order of xd_text_name_sort_key (),
 * ties in council order.  Council order: chair, deputies, members, secretary,
 * each role in the order the council entered them — the order of the
 * minutes and of xd_store_list_members (). */
int             xd_member_item_compare_by_name     (gconstpointer   a,
                                                    gconstpointer   b,
                                                    gpointer        user_data);
int             xd_member_item_compare_by_council_order (gconstpointer a,
                                                         gconstpointer b,
                                                         gpointer      user_data);

/* Brings @list (a GListStore of XdMemberItem) in line with @members (an
 * array of XdMember): items are updated in place, so a row being edited
 * keeps its widgets; gone members are removed, new ones appended.  Returns
 * TRUE when a sorted view of the list must sort again. */
gboolean        xd_member_items_sync               (GListStore     *list,
                                                    GPtrArray      *members);

/* Counts what the quorum is measured on: @total voting members, of whom
 * @present are marked present.  Members without a vote count for neither. */
void            xd_members_count_quorum            (GPtrArray      *members,
                                                    int            *present,
                                                    int            *total);

G_END_DECLS
