/* xd-dossier-row.h — one unit in the Dossiers list: its name, its type and
 * reference, and the state of its dossier
 *
 * GTK 4.8's list view keeps some 200 rows built, shown or not, and a
 * search points every one of them at another dossier.  With a label for
 * the name and one for the details, that re-measured 400 labels — shaping
 * their text — on each keystroke (build-aux/bench).  This row has the
 * height of two lines whatever they say, and lays its text out only when
 * it is drawn, so a search costs the rows on screen, not the 200.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XD_TYPE_DOSSIER_ROW (xd_dossier_row_get_type ())
G_DECLARE_FINAL_TYPE (XdDossierRow, xd_dossier_row, XD, DOSSIER_ROW, GtkWidget)

GtkWidget  *xd_dossier_row_new          (void);

/* The unit's name, on the first line; the details (type and reference),
 * dimmed and smaller, on the second.  Each is ellipsized to the row. */
void        xd_dossier_row_set_name     (XdDossierRow *self,
                                         const char   *name);
const char *xd_dossier_row_get_name     (XdDossierRow *self);
void        xd_dossier_row_set_details  (XdDossierRow *self,
                                         const char   *details);
const char *xd_dossier_row_get_details  (XdDossierRow *self);

/* The state's pill at the end of the row, styled by @css_class
 * ("checking", "meets", "fails", "voted" or "received"). */
void        xd_dossier_row_set_state    (XdDossierRow *self,
                                         const char   *label,
                                         const char   *css_class);
GtkLabel   *xd_dossier_row_get_state_label (XdDossierRow *self);

G_END_DECLS
