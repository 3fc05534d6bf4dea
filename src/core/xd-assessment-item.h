/* xd-assessment-item.h — one row of a dossier's criteria table, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_ASSESSMENT_ITEM (xd_assessment_item_get_type ())
G_DECLARE_FINAL_TYPE (XdAssessmentItem, xd_assessment_item, XD, ASSESSMENT_ITEM, GObject)

XdAssessmentItem   *xd_assessment_item_new              (const XdCriterion  *criterion,
                                                         const XdAssessment *assessment);
gint64              xd_assessment_item_get_dossier_id   (XdAssessmentItem *self);
gint64              xd_assessment_item_get_criterion_id (XdAssessmentItem *self);
const char         *xd_assessment_item_get_code         (XdAssessmentItem *self);
const char         *xd_assessment_item_get_text         (XdAssessmentItem *self);
XdAssessmentResult  xd_assessment_item_get_result       (XdAssessmentItem *self);
const char         *xd_assessment_item_get_note         (XdAssessmentItem *self);

/* Fills @list (a GListStore of XdAssessmentItem) with one row per
 * criterion of the set chosen for the dossier's meeting, in the set's
 * order, with the dossier's results and notes.  When the criteria are the
 * same as the rows already there, the rows are updated in place (and only
 * what changed is notified), so a table on screen keeps its focus; else
 * they are replaced.  A meeting without a set gives no rows.  On failure
 * @list is left as it was. */
gboolean            xd_assessment_items_load            (GListStore       *list,
                                                         XdStore          *store,
                                                         gint64            dossier_id,
                                                         GError          **error);

G_END_DECLS
