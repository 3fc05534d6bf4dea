/* xd-voting-view.h — putting each dossier and question to the vote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_VOTING_VIEW (xd_voting_view_get_type ())
G_DECLARE_FINAL_TYPE (XdVotingView, xd_voting_view, XD, VOTING_VIEW, AdwBin)

GtkWidget *xd_voting_view_new             (void);
/* Shows the questions of @meeting_id in @store; @store NULL or @meeting_id
 * 0 shows nothing.  Totals still being typed for the previous meeting are
 * saved first.  A meeting opens on the summary of all its questions. */
void       xd_voting_view_set_meeting     (XdVotingView *self,
                                           XdStore      *store,
                                           gint64        meeting_id);
/* Selects the dossier's question, creating it as a draft the first time
 * (unless the meeting cannot be changed). */
void       xd_voting_view_select_dossier  (XdVotingView *self,
                                           gint64        dossier_id);
/* Selects a free question (or a dossier's, by its question id). */
void       xd_voting_view_select_question (XdVotingView *self,
                                           gint64        question_id);
/* The question shown, 0 when none (the summary, or nothing selected). */
gint64     xd_voting_view_get_question_id (XdVotingView *self);

G_END_DECLS
