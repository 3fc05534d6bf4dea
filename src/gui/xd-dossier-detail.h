/* xd-dossier-detail.h — one unit's dossier: documents, criteria, conclusion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_DOSSIER_DETAIL (xd_dossier_detail_get_type ())
G_DECLARE_FINAL_TYPE (XdDossierDetail, xd_dossier_detail, XD, DOSSIER_DETAIL, AdwBin)

GtkWidget *xd_dossier_detail_new              (void);
/* Shows @dossier_id of @store (NULL / 0: nothing).  Edits still pending
 * for the dossier shown before are saved first. */
void       xd_dossier_detail_set_dossier      (XdDossierDetail *self,
                                               XdStore         *store,
                                               gint64           dossier_id);
gint64     xd_dossier_detail_get_dossier_id   (XdDossierDetail *self);
/* The view's one switch: nothing can be edited while it is on. */
void       xd_dossier_detail_set_read_only    (XdDossierDetail *self,
                                               gboolean         read_only);
/* Moves the keyboard to the unit's name, all of it selected. */
void       xd_dossier_detail_focus_unit_name  (XdDossierDetail *self);
/* Attaches the file at @path to @document_id: its SHA-256 is computed and
 * stored with it, and the document counts as received.  What the file
 * chooser calls; FALSE (the error shown) when the file cannot be read or
 * the store refuses. */
gboolean   xd_dossier_detail_attach_file      (XdDossierDetail *self,
                                               gint64           document_id,
                                               const char      *path);

G_END_DECLS
