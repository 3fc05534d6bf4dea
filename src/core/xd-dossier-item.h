/* xd-dossier-item.h — one row of the dossiers list, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xd-model.h"

G_BEGIN_DECLS

#define XD_TYPE_DOSSIER_ITEM (xd_dossier_item_get_type ())
G_DECLARE_FINAL_TYPE (XdDossierItem, xd_dossier_item, XD, DOSSIER_ITEM, GObject)

XdDossierItem  *xd_dossier_item_new                 (const XdDossier *dossier);
/* Takes the values of @dossier and notifies what changed, so a row on
 * screen updates without being rebuilt: the same dossier's new values, or
 * another dossier's when the list shows that one at the item's place. */
void            xd_dossier_item_update              (XdDossierItem   *self,
                                                     const XdDossier *dossier);

gint64          xd_dossier_item_get_id              (XdDossierItem *self);
const char     *xd_dossier_item_get_unit_name       (XdDossierItem *self);
XdUnitType      xd_dossier_item_get_unit_type       (XdDossierItem *self);
const char     *xd_dossier_item_get_unit_type_label (XdDossierItem *self);
const char     *xd_dossier_item_get_reference       (XdDossierItem *self);
XdDossierState  xd_dossier_item_get_state           (XdDossierItem *self);
const char     *xd_dossier_item_get_state_label     (XdDossierItem *self);

G_END_DECLS
