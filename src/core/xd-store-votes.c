/* xd-store-votes.c — questions, open votes and secret-ballot tallies
 *
 * A secret ballot is stored as totals only: no table and no audit entry
 * ever links a member to a choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-store"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-store-private.h"

#define QUESTION_COLUMNS \
  "id, meeting_id, dossier_id, text, mode, state, position, quorum_num, quorum_den, base," \
  " threshold_kind, threshold_num, threshold_den, tie_rule, members_total, members_present," \
  " yes, no, abstain, outcome, explanation, quorum_overridden, opened_at, closed_at"

static XdQuestion *
question_from_row (sqlite3_stmt *stmt)
{
  XdQuestion *q = xd_question_new ();
  int i = 0;

  q->id = sqlite3_column_int64 (stmt, i++);
  q->meeting_id = sqlite3_column_int64 (stmt, i++);
  q->dossier_id = sqlite3_column_int64 (stmt, i++);
  g_free (q->text); q->text = xd_store_column_text (stmt, i++);
  xd_vote_mode_from_string ((const char *) sqlite3_column_text (stmt, i++), &q->mode);
  xd_question_state_from_string ((const char *) sqlite3_column_text (stmt, i++), &q->state);
  q->position = sqlite3_column_int (stmt, i++);
  /* The rule columns are empty until the question is closed. */
  if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
    {
      q->rule.quorum_num = sqlite3_column_int (stmt, i);
      q->rule.quorum_den = sqlite3_column_int (stmt, i + 1);
      xd_base_from_string ((const char *) sqlite3_column_text (stmt, i + 2), &q->rule.base);
      xd_threshold_kind_from_string ((const char *) sqlite3_column_text (stmt, i + 3),
                                     &q->rule.threshold_kind);
      q->rule.threshold_num = sqlite3_column_int (stmt, i + 4);
      q->rule.threshold_den = sqlite3_column_int (stmt, i + 5);
      xd_tie_rule_from_string ((const char *) sqlite3_column_text (stmt, i + 6),
                               &q->rule.tie_rule);
    }
  i += 7;
  q->members_total = sqlite3_column_int (stmt, i++);
  q->members_present = sqlite3_column_int (stmt, i++);
  q->yes = sqlite3_column_int (stmt, i++);
  q->no = sqlite3_column_int (stmt, i++);
  q->abstain = sqlite3_column_int (stmt, i++);
  xd_outcome_from_string ((const char *) sqlite3_column_text (stmt, i++), &q->outcome);
  g_free (q->explanation); q->explanation = xd_store_column_text (stmt, i++);
  q->quorum_overridden = sqlite3_column_int (stmt, i++) != 0;
  q->opened_at = xd_store_column_text_or_null (stmt, i++);
  q->closed_at = xd_store_column_text_or_null (stmt, i++);
  return q;
}

GPtrArray *
xd_store_list_questions (XdStore  *self,
                         gint64    meeting_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_question_free);
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT " QUESTION_COLUMNS " FROM question WHERE meeting_id = ?"
                           " ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, question_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

XdQuestion *
xd_store_get_question (XdStore  *self,
                       gint64    question_id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self, "SELECT " QUESTION_COLUMNS " FROM question WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                   _("The question no longer exists. It may have been deleted."));
      return NULL;
    }

  return question_from_row (stmt);
}

typedef struct {
  const XdQuestion *question;
  gint64 id;
} QuestionWrite;

static gboolean
add_question_locked (XdStore   *self,
                     gpointer   data,
                     GError   **error)
{
  QuestionWrite *w = data;
  const XdQuestion *q = w->question;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!xd_store_check_meeting_writable (self, q->meeting_id, error))
    return FALSE;

  if (q->dossier_id > 0 &&
      xd_store_meeting_of (self, "SELECT meeting_id FROM dossier WHERE id = ?",
                           q->dossier_id) != q->meeting_id)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The dossier of this question belongs to another meeting."));
      return FALSE;
    }

  /* A question starts as a draft or open; closing goes through
   * xd_store_close_question (), which computes and freezes the result. */
  stmt = xd_store_prepare (self,
                           "INSERT INTO question (meeting_id, dossier_id, text, mode, state,"
                           " position, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->meeting_id);
  xd_store_bind_id_or_null (stmt, 2, q->dossier_id);
  xd_store_bind_text (stmt, 3, q->text);
  xd_store_bind_text (stmt, 4, xd_vote_mode_to_string (q->mode));
  xd_store_bind_text (stmt, 5, xd_question_state_to_string (q->state == XD_QUESTION_DRAFT
                                                            ? XD_QUESTION_DRAFT
                                                            : XD_QUESTION_OPEN));
  sqlite3_bind_int (stmt, 6, q->position);
  xd_store_bind_text_or_null (stmt, 7, q->opened_at);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  w->id = sqlite3_last_insert_rowid (xd_store_get_db (self));
  return xd_store_audit (self, "add", "question", w->id, q->text, error);
}

gint64
xd_store_add_question (XdStore           *self,
                       const XdQuestion  *question,
                       GError           **error)
{
  QuestionWrite w = { question, 0 };
  g_autofree char *text = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), 0);
  g_return_val_if_fail (question != NULL, 0);

  text = g_strstrip (g_strdup (question->text));
  if (*text == '\0')
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The question put to the vote needs a text."));
      return 0;
    }

  if (!xd_store_write (self, add_question_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "question", w.id);
  return w.id;
}

static gboolean
delete_question_locked (XdStore   *self,
                        gpointer   data,
                        GError   **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(XdQuestion) q = NULL;

  q = xd_store_get_question (self, id, error);
  if (q == NULL || !xd_store_check_meeting_writable (self, q->meeting_id, error))
    return FALSE;
  if (q->state == XD_QUESTION_CLOSED)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The vote on this question is closed; its result cannot be deleted."));
      return FALSE;
    }

  return xd_store_delete_row (self, "DELETE FROM question WHERE id = ?", id, "question", q->text, error);
}

gboolean
xd_store_delete_question (XdStore  *self,
                          gint64    question_id,
                          GError  **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, delete_question_locked, &question_id, error))
    return FALSE;

  xd_store_emit_changed (self, "question", question_id);
  return TRUE;
}

/* Votes may be recorded only while the question is not closed, in the mode
 * the question was set up with. */
static XdQuestion *
get_votable_question (XdStore     *self,
                      gint64       question_id,
                      XdVoteMode   mode,
                      GError     **error)
{
  g_autoptr(XdQuestion) q = xd_store_get_question (self, question_id, error);

  if (q == NULL || !xd_store_check_meeting_writable (self, q->meeting_id, error))
    return NULL;

  if (q->state == XD_QUESTION_CLOSED)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The vote on this question is closed. Reopen it to change the votes."));
      return NULL;
    }
  if (q->mode != mode)
    {
      if (mode == XD_VOTE_MODE_OPEN)
        g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                     _("A named vote cannot be recorded on a secret ballot."));
      else
        g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                     _("Ballot totals can only be recorded for a secret ballot."));
      return NULL;
    }

  return g_steal_pointer (&q);
}

GArray *
xd_store_list_votes (XdStore  *self,
                     gint64    question_id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  int rc;

  g_return_val_if_fail (XD_IS_STORE (self), NULL);

  stmt = xd_store_prepare (self,
                           "SELECT v.member_id, v.choice FROM vote v"
                           " JOIN member m ON m.id = v.member_id"
                           " WHERE v.question_id = ? ORDER BY m.position, m.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XdVote v = { question_id, sqlite3_column_int64 (stmt, 0), XD_CHOICE_ABSTAIN };

      xd_choice_from_string ((const char *) sqlite3_column_text (stmt, 1), &v.choice);
      g_array_append_val (votes, v);
    }
  if (rc != SQLITE_DONE)
    {
      xd_store_set_error_from_db (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&votes);
}

typedef struct {
  gint64 question_id;
  gint64 member_id;
  XdChoice choice;
  gboolean clear;
} VoteWrite;

static gboolean
set_vote_locked (XdStore   *self,
                 gpointer   data,
                 GError   **error)
{
  VoteWrite *w = data;
  g_autoptr(XdQuestion) q = NULL;
  g_autoptr(XdMember) member = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  q = get_votable_question (self, w->question_id, XD_VOTE_MODE_OPEN, error);
  if (q == NULL)
    return FALSE;
  member = xd_store_get_member (self, w->member_id, error);
  if (member == NULL)
    return FALSE;

  if (!w->clear)
    {
      if (member->meeting_id != q->meeting_id || !member->voting)
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                       _("%s is not a voting member of this meeting's council."),
                       member->full_name);
          return FALSE;
        }
      if (member->attendance != XD_ATTENDANCE_PRESENT)
        {
          g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                       _("%s is not marked present, so their vote cannot be recorded."),
                       member->full_name);
          return FALSE;
        }
      stmt = xd_store_prepare (self,
                               "INSERT INTO vote (question_id, member_id, choice) VALUES (?, ?, ?)"
                               " ON CONFLICT (question_id, member_id)"
                               " DO UPDATE SET choice = excluded.choice",
                               error);
      if (stmt == NULL)
        return FALSE;
      xd_store_bind_text (stmt, 3, xd_choice_to_string (w->choice));
      summary = g_strdup_printf ("%" G_GINT64_FORMAT " %s", w->member_id,
                                 xd_choice_to_string (w->choice));
    }
  else
    {
      stmt = xd_store_prepare (self, "DELETE FROM vote WHERE question_id = ? AND member_id = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      summary = g_strdup_printf ("%" G_GINT64_FORMAT " cleared", w->member_id);
    }
  sqlite3_bind_int64 (stmt, 1, w->question_id);
  sqlite3_bind_int64 (stmt, 2, w->member_id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "vote", "question", w->question_id, summary, error);
}

gboolean
xd_store_set_vote (XdStore   *self,
                   gint64     question_id,
                   gint64     member_id,
                   XdChoice   choice,
                   GError   **error)
{
  VoteWrite w = { question_id, member_id, choice, FALSE };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, set_vote_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "question", question_id);
  return TRUE;
}

gboolean
xd_store_clear_vote (XdStore  *self,
                     gint64    question_id,
                     gint64    member_id,
                     GError  **error)
{
  VoteWrite w = { question_id, member_id, XD_CHOICE_ABSTAIN, TRUE };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, set_vote_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "question", question_id);
  return TRUE;
}

gboolean
xd_store_get_tally (XdStore   *self,
                    gint64     question_id,
                    XdTally   *out,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stmt = xd_store_prepare (self,
                           "SELECT ballots_issued, ballots_valid, ballots_invalid, yes, no, abstain"
                           " FROM tally WHERE question_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, question_id);

  memset (out, 0, sizeof *out);
  out->question_id = question_id;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      out->ballots_issued = sqlite3_column_int (stmt, 0);
      out->ballots_valid = sqlite3_column_int (stmt, 1);
      out->ballots_invalid = sqlite3_column_int (stmt, 2);
      out->yes = sqlite3_column_int (stmt, 3);
      out->no = sqlite3_column_int (stmt, 4);
      out->abstain = sqlite3_column_int (stmt, 5);
    }

  return TRUE;
}

static gboolean
set_tally_locked (XdStore   *self,
                  gpointer   data,
                  GError   **error)
{
  const XdTally *t = data;
  g_autoptr(XdQuestion) q = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  q = get_votable_question (self, t->question_id, XD_VOTE_MODE_SECRET, error);
  if (q == NULL)
    return FALSE;

  stmt = xd_store_prepare (self,
                           "INSERT INTO tally (question_id, ballots_issued, ballots_valid,"
                           " ballots_invalid, yes, no, abstain) VALUES (?, ?, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (question_id) DO UPDATE SET"
                           " ballots_issued = excluded.ballots_issued,"
                           " ballots_valid = excluded.ballots_valid,"
                           " ballots_invalid = excluded.ballots_invalid,"
                           " yes = excluded.yes, no = excluded.no, abstain = excluded.abstain",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->question_id);
  sqlite3_bind_int (stmt, 2, t->ballots_issued);
  sqlite3_bind_int (stmt, 3, t->ballots_valid);
  sqlite3_bind_int (stmt, 4, t->ballots_invalid);
  sqlite3_bind_int (stmt, 5, t->yes);
  sqlite3_bind_int (stmt, 6, t->no);
  sqlite3_bind_int (stmt, 7, t->abstain);

  /* Totals only: the log of a secret ballot names no one. */
  summary = g_strdup_printf ("issued %d valid %d invalid %d yes %d no %d abstain %d",
                             t->ballots_issued, t->ballots_valid, t->ballots_invalid,
                             t->yes, t->no, t->abstain);
  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "tally", "question", t->question_id, summary, error);
}

gboolean
xd_store_set_tally (XdStore        *self,
                    const XdTally  *tally,
                    GError        **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);
  g_return_val_if_fail (tally != NULL, FALSE);

  if (tally->ballots_issued < 0 || tally->ballots_valid < 0 || tally->ballots_invalid < 0 ||
      tally->yes < 0 || tally->no < 0 || tally->abstain < 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("Ballot counts cannot be negative."));
      return FALSE;
    }

  if (!xd_store_write (self, set_tally_locked, (gpointer) tally, error))
    return FALSE;

  xd_store_emit_changed (self, "question", tally->question_id);
  return TRUE;
}

/* Closing
 * ======= */

typedef struct {
  gint64 question_id;
  gboolean override_quorum;
  const char *closed_at;
} CloseWrite;

/* Counts what the council did on @q: the named votes of the members present,
 * or the totals of a secret ballot. */
static gboolean
count_question (XdStore           *self,
                const XdQuestion  *q,
                XdVoteCount       *count,
                GError           **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 chair_id = 0;
  int total = 0;

  members = xd_store_list_members (self, q->meeting_id, error);
  if (members == NULL)
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);

      if (!m->voting)
        continue;
      total++;
      if (m->attendance == XD_ATTENDANCE_PRESENT)
        g_array_append_val (present, m->id);
      if (m->role == XD_ROLE_CHAIR)
        chair_id = m->id;
    }

  if (q->mode == XD_VOTE_MODE_OPEN)
    {
      g_autoptr(GArray) votes = xd_store_list_votes (self, q->id, error);
      g_autoptr(GArray) voters = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (XdChoice));

      if (votes == NULL)
        return FALSE;
      for (guint i = 0; i < votes->len; i++)
        {
          XdVote *v = &g_array_index (votes, XdVote, i);

          g_array_append_val (voters, v->member_id);
          g_array_append_val (choices, v->choice);
        }
      return xd_rules_count_open (total, (const gint64 *) present->data, present->len,
                                  (const gint64 *) voters->data,
                                  (const XdChoice *) choices->data, votes->len,
                                  chair_id, count, error);
    }
  else
    {
      XdTally t;

      if (!xd_store_get_tally (self, q->id, &t, error))
        return FALSE;
      memset (count, 0, sizeof *count);
      count->secret = TRUE;
      count->members_total = total;
      count->members_present = (int) present->len;
      count->ballots_issued = t.ballots_issued;
      count->ballots_valid = t.ballots_valid;
      count->ballots_invalid = t.ballots_invalid;
      count->yes = t.yes;
      count->no = t.no;
      count->abstain = t.abstain;
      return TRUE;
    }
}

static gboolean
close_question_locked (XdStore   *self,
                       gpointer   data,
                       GError   **error)
{
  CloseWrite *w = data;
  g_autoptr(XdQuestion) q = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *closed_at = NULL;
  XdVoteCount count;
  XdVoteResult result;
  int i = 1;

  q = xd_store_get_question (self, w->question_id, error);
  if (q == NULL || !xd_store_check_meeting_writable (self, q->meeting_id, error))
    return FALSE;
  if (q->state != XD_QUESTION_OPEN)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   q->state == XD_QUESTION_CLOSED
                   ? _("The vote on this question is already closed.")
                   : _("The vote on this question has not been opened yet."));
      return FALSE;
    }
  meeting = xd_store_get_meeting (self, q->meeting_id, error);
  if (meeting == NULL || !count_question (self, q, &count, error))
    return FALSE;

  /* An override given when the vote was opened still holds at closing. */
  count.override_quorum = w->override_quorum || q->quorum_overridden;
  if (!xd_rules_evaluate (&meeting->rule, &count, &result, error))
    return FALSE;
  if (result.outcome == XD_OUTCOME_NO_QUORUM)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NO_QUORUM,
                   _("Only %d of %d members are present, which is not enough to vote. "
                     "The vote was not closed."),
                   count.members_present, count.members_total);
      return FALSE;
    }

  /* The minutes quote this sentence, so it is kept in their language. */
  explanation = xd_rules_explain (&meeting->rule, &result, TRUE);
  if (w->closed_at != NULL)
    closed_at = g_strdup (w->closed_at);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      closed_at = g_date_time_format (now, "%Y-%m-%dT%H:%M");
    }

  stmt = xd_store_prepare (self,
                           "UPDATE question SET state = 'closed', quorum_num = ?, quorum_den = ?,"
                           " base = ?, threshold_kind = ?, threshold_num = ?, threshold_den = ?,"
                           " tie_rule = ?, members_total = ?, members_present = ?, yes = ?,"
                           " no = ?, abstain = ?, outcome = ?, explanation = ?,"
                           " quorum_overridden = ?, closed_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, i++, meeting->rule.quorum_num);
  sqlite3_bind_int (stmt, i++, meeting->rule.quorum_den);
  xd_store_bind_text (stmt, i++, xd_base_to_string (meeting->rule.base));
  xd_store_bind_text (stmt, i++, xd_threshold_kind_to_string (meeting->rule.threshold_kind));
  sqlite3_bind_int (stmt, i++, meeting->rule.threshold_num);
  sqlite3_bind_int (stmt, i++, meeting->rule.threshold_den);
  xd_store_bind_text (stmt, i++, xd_tie_rule_to_string (meeting->rule.tie_rule));
  sqlite3_bind_int (stmt, i++, result.members_total);
  sqlite3_bind_int (stmt, i++, result.members_present);
  sqlite3_bind_int (stmt, i++, result.yes);
  sqlite3_bind_int (stmt, i++, result.no);
  sqlite3_bind_int (stmt, i++, result.abstain);
  xd_store_bind_text (stmt, i++, xd_outcome_to_string (result.outcome));
  xd_store_bind_text (stmt, i++, explanation);
  sqlite3_bind_int (stmt, i++, result.quorum_overridden ? 1 : 0);
  xd_store_bind_text (stmt, i++, closed_at);
  sqlite3_bind_int64 (stmt, i++, q->id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  if (q->dossier_id > 0)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = xd_store_prepare (self, "UPDATE dossier SET state = 'voted' WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, q->dossier_id);
      if (!xd_store_step_done (self, stmt, error))
        return FALSE;
    }

  return xd_store_audit (self, result.quorum_overridden ? "close-override" : "close",
                         "question", q->id, explanation, error);
}

gboolean
xd_store_close_question_at (XdStore     *self,
                            gint64       question_id,
                            gboolean     override_quorum,
                            const char  *closed_at,
                            GError     **error)
{
  CloseWrite w = { question_id, override_quorum, closed_at };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, close_question_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "question", question_id);
  return TRUE;
}

gboolean
xd_store_close_question (XdStore   *self,
                         gint64     question_id,
                         gboolean   override_quorum,
                         GError   **error)
{
  return xd_store_close_question_at (self, question_id, override_quorum, NULL, error);
}

/* Lifecycle
 * ========= */

typedef struct {
  gint64 question_id;
  gboolean override_quorum;
} OpenWrite;

/* Members of the council entitled to vote, and how many are present. */
static gboolean
count_attendance (XdStore  *self,
                  gint64    meeting_id,
                  int      *present,
                  int      *total,
                  GError  **error)
{
  g_autoptr(GPtrArray) members = xd_store_list_members (self, meeting_id, error);

  if (members == NULL)
    return FALSE;
  *present = *total = 0;
  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);

      *total += m->voting;
      *present += m->voting && m->attendance == XD_ATTENDANCE_PRESENT;
    }
  return TRUE;
}

static gboolean
open_question_locked (XdStore   *self,
                      gpointer   data,
                      GError   **error)
{
  OpenWrite *w = data;
  g_autoptr(XdQuestion) q = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *opened_at = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  g_autofree char *summary = NULL;
  int present, total;
  gboolean quorum_met;

  q = xd_store_get_question (self, w->question_id, error);
  if (q == NULL || !xd_store_check_meeting_writable (self, q->meeting_id, error))
    return FALSE;
  if (q->state != XD_QUESTION_DRAFT)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The vote on this question has already been opened."));
      return FALSE;
    }
  meeting = xd_store_get_meeting (self, q->meeting_id, error);
  if (meeting == NULL || !count_attendance (self, q->meeting_id, &present, &total, error))
    return FALSE;

  quorum_met = total > 0 &&
               (gint64) present * meeting->rule.quorum_den >=
               (gint64) meeting->rule.quorum_num * total;
  if (!quorum_met && !w->override_quorum)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NO_QUORUM,
                   _("Only %d of %d members are present, which is not enough to vote. "
                     "Mark attendance first, or open the vote anyway if the council decides so."),
                   present, total);
      return FALSE;
    }

  stmt = xd_store_prepare (self,
                           "UPDATE question SET state = 'open', opened_at = ?,"
                           " quorum_overridden = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, opened_at);
  sqlite3_bind_int (stmt, 2, !quorum_met);
  sqlite3_bind_int64 (stmt, 3, q->id);

  summary = g_strdup_printf ("present %d of %d", present, total);
  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, quorum_met ? "open" : "open-override", "question", q->id,
                         summary, error);
}

/**
 * xd_store_open_question:
 * @override_quorum: open it even though too few members are present; the
 *   override is recorded with the question and in the audit log
 *
 * Opens a draft question for voting.  Without a quorum this is refused
 * (%XD_STORE_ERROR_NO_QUORUM) unless @override_quorum is set.
 */
gboolean
xd_store_open_question (XdStore   *self,
                        gint64     question_id,
                        gboolean   override_quorum,
                        GError   **error)
{
  OpenWrite w = { question_id, override_quorum };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, open_question_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "question", question_id);
  return TRUE;
}

static gboolean
reopen_question_locked (XdStore   *self,
                        gpointer   data,
                        GError   **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(XdQuestion) q = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  q = xd_store_get_question (self, id, error);
  if (q == NULL || !xd_store_check_meeting_writable (self, q->meeting_id, error))
    return FALSE;
  if (q->state != XD_QUESTION_CLOSED)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("Only a closed vote can be reopened."));
      return FALSE;
    }

  /* The frozen result is cleared, but the log keeps what it said. */
  stmt = xd_store_prepare (self,
                           "UPDATE question SET state = 'open', outcome = 'none', explanation = '',"
                           " quorum_num = NULL, quorum_den = NULL, base = NULL,"
                           " threshold_kind = NULL, threshold_num = NULL, threshold_den = NULL,"
                           " tie_rule = NULL, members_total = NULL, members_present = NULL,"
                           " yes = NULL, no = NULL, abstain = NULL, closed_at = NULL"
                           " WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!xd_store_step_done (self, stmt, error))
    return FALSE;

  if (q->dossier_id > 0)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = xd_store_prepare (self,
                               "UPDATE dossier SET state = 'meets' WHERE id = ? AND state = 'voted'",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, q->dossier_id);
      if (!xd_store_step_done (self, stmt, error))
        return FALSE;
    }

  summary = g_strdup_printf ("was %s: %s", xd_outcome_to_string (q->outcome), q->explanation);
  return xd_store_audit (self, "reopen", "question", id, summary, error);
}

/**
 * xd_store_reopen_question:
 *
 * Reopens a closed vote, explicitly: the result is cleared and the audit
 * log records what it was.
 */
gboolean
xd_store_reopen_question (XdStore   *self,
                          gint64     question_id,
                          GError   **error)
{
  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, reopen_question_locked, &question_id, error))
    return FALSE;

  xd_store_emit_changed (self, "question", question_id);
  return TRUE;
}

typedef struct {
  gint64 question_id;
  XdVoteMode mode;
} ModeWrite;

static gboolean
set_mode_locked (XdStore   *self,
                 gpointer   data,
                 GError   **error)
{
  ModeWrite *w = data;
  g_autoptr(XdQuestion) q = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  q = xd_store_get_question (self, w->question_id, error);
  if (q == NULL || !xd_store_check_meeting_writable (self, q->meeting_id, error))
    return FALSE;
  if (q->mode == w->mode)
    return TRUE;
  if (q->state == XD_QUESTION_CLOSED)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("The vote on this question is closed; its mode cannot change."));
      return FALSE;
    }

  /* Switching loses nothing silently: votes or totals already recorded
   * must be cleared by the user first. */
  stmt = xd_store_prepare (self,
                           "SELECT (SELECT count(*) FROM vote WHERE question_id = ?1)"
                           " + (SELECT count(*) FROM tally WHERE question_id = ?1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID,
                   _("Votes have already been recorded for this question. "
                     "Clear them before changing between an open vote and a secret ballot."));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = xd_store_prepare (self, "UPDATE question SET mode = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, xd_vote_mode_to_string (w->mode));
  sqlite3_bind_int64 (stmt, 2, q->id);

  return xd_store_step_done (self, stmt, error) &&
         xd_store_audit (self, "mode", "question", q->id, xd_vote_mode_to_string (w->mode), error);
}

gboolean
xd_store_set_question_mode (XdStore     *self,
                            gint64       question_id,
                            XdVoteMode   mode,
                            GError     **error)
{
  ModeWrite w = { question_id, mode };

  g_return_val_if_fail (XD_IS_STORE (self), FALSE);

  if (!xd_store_write (self, set_mode_locked, &w, error))
    return FALSE;

  xd_store_emit_changed (self, "question", question_id);
  return TRUE;
}

typedef struct {
  gint64 dossier_id;
  gint64 id;
} DossierQuestion;

static gboolean
ensure_dossier_question_locked (XdStore   *self,
                                gpointer   data,
                                GError   **error)
{
  DossierQuestion *w = data;
  g_autoptr(XdDossier) dossier = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(XdCriteriaSet) set = NULL;
  g_autoptr(XdQuestion) q = xd_question_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = xd_store_prepare (self, "SELECT id FROM question WHERE dossier_id = ? ORDER BY id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->dossier_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      w->id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  dossier = xd_store_get_dossier (self, w->dossier_id, error);
  if (dossier == NULL)
    return FALSE;
  meeting = xd_store_get_meeting (self, dossier->meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (meeting->criteria_set_id != 0)
    set = xd_store_get_criteria_set (self, meeting->criteria_set_id, NULL);

  /* The question is part of the record and reads as the minutes do, in
   * Vietnamese, whatever the UI language; the secretary may reword it. */
  g_free (q->text);
  if (set != NULL)
    q->text = g_strdup_printf ("Công nhận %s đạt chuẩn “%s”", dossier->unit_name, set->name);
  else
    q->text = g_strdup_printf ("Công nhận %s", dossier->unit_name);
  q->meeting_id = dossier->meeting_id;
  q->dossier_id = dossier->id;
  q->position = dossier->position;

  {
    QuestionWrite add = { q, 0 };

    if (!add_question_locked (self, &add, error))
      return FALSE;
    w->id = add.id;
  }
  return TRUE;
}

/**
 * xd_store_ensure_dossier_question:
 *
 * The question put to the vote for a dossier, created as a draft ("Công
 * nhận {unit} đạt chuẩn …") the first time it is asked for.
 */
gint64
xd_store_ensure_dossier_question (XdStore  *self,
                                  gint64    dossier_id,
                                  GError  **error)
{
  DossierQuestion w = { dossier_id, 0 };

  g_return_val_if_fail (XD_IS_STORE (self), 0);

  if (!xd_store_write (self, ensure_dossier_question_locked, &w, error))
    return 0;

  xd_store_emit_changed (self, "question", w.id);
  return w.id;
}
