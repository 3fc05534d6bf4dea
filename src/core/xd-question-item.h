/* xd-question-item.h — one question of the voting list, as a GObject
 *
 * A row of the voting view's list and of its summary: a dossier with the
 * question put to the vote on it (or none yet), or a free question.  Every
 * field is a read-only property, notified only when it really changes, so
 * a selected row survives the store's "changed" signals.  No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xd-model.h"

G_BEGIN_DECLS

#define XD_TYPE_QUESTION_ITEM (xd_question_item_get_type ())
G_DECLARE_FINAL_TYPE (XdQuestionItem, xd_question_item, XD, QUESTION_ITEM, GObject)

/* @question may be NULL: the dossier has not been put to the vote yet. */
XdQuestionItem   *xd_question_item_new_for_dossier  (const XdDossier  *dossier,
                                                     const XdQuestion *question);
XdQuestionItem   *xd_question_item_new_for_question (const XdQuestion *question);

/* 0 for a free question. */
gint64            xd_question_item_get_dossier_id   (XdQuestionItem *self);
/* 0 while a dossier has no question yet. */
gint64            xd_question_item_get_question_id  (XdQuestionItem *self);
/* The question as last read, or NULL; owned by the item. */
const XdQuestion *xd_question_item_get_question     (XdQuestionItem *self);
/* The unit's name, or the text of a free question. */
const char       *xd_question_item_get_title        (XdQuestionItem *self);
/* Draft when there is no question yet. */
XdQuestionState   xd_question_item_get_state        (XdQuestionItem *self);
XdOutcome         xd_question_item_get_outcome      (XdQuestionItem *self);
/* "Not yet put to the vote", "Voting", "Passed", "Failed", "Tie — vote again". */
const char       *xd_question_item_get_status_label (XdQuestionItem *self);
/* 1, 2, 3 …: the row's number in the list. */
guint             xd_question_item_get_number       (XdQuestionItem *self);

/* "Open vote" / "Secret ballot", in the UI language. */
const char       *xd_vote_mode_get_label            (XdVoteMode mode);

/* Brings @list (a GListStore of XdQuestionItem) in line with the meeting:
 * one row per dossier of @dossiers (XdDossier, in the meeting's order) with
 * its question from @questions (XdQuestion, as xd_store_list_questions ()
 * gives them), then the free questions.  Items of rows still there are
 * updated in place and keep their identity; only the range that differs is
 * spliced.  Returns TRUE when the list changed in any way. */
gboolean          xd_question_items_sync            (GListStore *list,
                                                     GPtrArray  *dossiers,
                                                     GPtrArray  *questions);
/* The position of the row of @dossier_id (when not 0) or of the free
 * question @question_id; G_MAXUINT when there is none. */
guint             xd_question_items_find            (GListModel *list,
                                                     gint64      dossier_id,
                                                     gint64      question_id);

/* Counts the rows of @list by where their vote stands. */
typedef struct {
  int total;
  int not_voted;    /* no question yet, or a draft */
  int voting;       /* open */
  int passed;
  int failed;
  int tie;          /* to be voted again */
} XdQuestionsSummary;

void              xd_question_items_summarize       (GListModel         *list,
                                                     XdQuestionsSummary *out);
/* "Passed 3 · Failed 1 · Tie, to vote again 0 · Voting 1 · Not yet voted 2". */
char             *xd_questions_summary_describe     (const XdQuestionsSummary *summary);

G_END_DECLS
