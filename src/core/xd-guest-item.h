/* xd-guest-item.h — one guest of a meeting as a list row
 *
 * A GObject wrapping an XdGuest for GTK list widgets; every field is a
 * read-only property, notified only when it really changes.  No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xd-model.h"

G_BEGIN_DECLS

#define XD_TYPE_GUEST_ITEM (xd_guest_item_get_type ())
G_DECLARE_FINAL_TYPE (XdGuestItem, xd_guest_item, XD, GUEST_ITEM, GObject)

XdGuestItem   *xd_guest_item_new              (const XdGuest *guest);
/* Takes the values of @guest, which must have the item's id.  Returns TRUE
 * when the item's place in a sorted list may have moved. */
gboolean       xd_guest_item_update           (XdGuestItem   *self,
                                               const XdGuest *guest);
const XdGuest *xd_guest_item_get_guest        (XdGuestItem   *self);

gint64         xd_guest_item_get_id           (XdGuestItem   *self);
const char    *xd_guest_item_get_full_name    (XdGuestItem   *self);
const char    *xd_guest_item_get_title        (XdGuestItem   *self);
const char    *xd_guest_item_get_organisation (XdGuestItem   *self);
/* Title and organisation on one line, "Phó Giám đốc · Công an tỉnh", or ""
 * when neither is known. */
const char    *xd_guest_item_get_description  (XdGuestItem   *self);
const char    *xd_guest_item_get_sort_key     (XdGuestItem   *self);

/* GCompareDataFunc orders: by name (Vietnamese order, then entry order),
 * and in the order the guests were entered. */
int            xd_guest_item_compare_by_name  (gconstpointer  a,
                                               gconstpointer  b,
                                               gpointer       user_data);
int            xd_guest_item_compare_by_entry_order (gconstpointer a,
                                                     gconstpointer b,
                                                     gpointer      user_data);

/* Brings @list (a GListStore of XdGuestItem) in line with @guests (an array
 * of XdGuest), updating items in place.  Returns TRUE when a sorted view of
 * the list must sort again. */
gboolean       xd_guest_items_sync            (GListStore    *list,
                                               GPtrArray     *guests);

G_END_DECLS
