/* xd-dossier-list.h — the dossiers of a meeting matching a search, as a GListModel
 *
 * Holds only the ids of the matching dossiers and reads a dossier when a
 * list row asks for it, so ten thousand units cost ten thousand integers
 * until they are scrolled into view.  Follows the store by itself, and a
 * search or a store change updates the items in place rather than
 * replacing them, so a list view keeps its rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xd-dossier-item.h"
#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_DOSSIER_LIST (xd_dossier_list_get_type ())
G_DECLARE_FINAL_TYPE (XdDossierList, xd_dossier_list, XD, DOSSIER_LIST, GObject)

/* Every dossier of @meeting_id (an empty query); NULL when the store
 * cannot be read. */
XdDossierList *xd_dossier_list_new       (XdStore        *store,
                                          gint64          meeting_id,
                                          GError        **error);
XdStore       *xd_dossier_list_get_store (XdDossierList  *self);
gint64         xd_dossier_list_get_meeting_id (XdDossierList *self);

/* Shows the dossiers matching @query as xd_store_search_dossiers () finds
 * them.  Items are places in the list: each one the list still has is
 * pointed at the dossier now shown there (and notifies), ::items-changed
 * only adds or removes places at the end, and ::reloaded follows any
 * change.  On failure the list is left as it was. */
gboolean       xd_dossier_list_set_query (XdDossierList  *self,
                                          const char     *query,
                                          GError        **error);
const char    *xd_dossier_list_get_query (XdDossierList  *self);

/* Reads the ids again (a store change does this by itself). */
gboolean       xd_dossier_list_refresh   (XdDossierList  *self,
                                          GError        **error);

/* The position of @dossier_id, or G_MAXUINT when it is not shown. */
guint          xd_dossier_list_find      (XdDossierList  *self,
                                          gint64          dossier_id);
gint64         xd_dossier_list_get_id    (XdDossierList  *self,
                                          guint           position);

G_END_DECLS
