/* xd-live-vote.c — the running count of a vote while it is being taken
 *
 * Counts the way xd_store_close_question () will count, with the same rules
 * engine, so the line the secretary watches while the council votes is the
 * result the minutes will record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-live-vote"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xd-live-vote.h"

/* Voting members, how many are present, and the chair when they vote —
 * counted exactly as the store counts them when it closes a vote. */
static void
count_members (GPtrArray *members,
               int       *total,
               int       *present,
               gint64    *chair_id)
{
  *total = *present = 0;
  *chair_id = 0;

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const XdMember *m = g_ptr_array_index (members, i);

      if (!m->voting)
        continue;
      (*total)++;
      if (m->attendance == XD_ATTENDANCE_PRESENT)
        (*present)++;
      if (m->role == XD_ROLE_CHAIR)
        *chair_id = m->id;
    }
}

static XdLiveVote *
live_vote_new (gboolean secret)
{
  XdLiveVote *vote = g_new0 (XdLiveVote, 1);

  vote->secret = secret;
  vote->voters = g_array_new (FALSE, TRUE, sizeof (XdVoter));
  return vote;
}

static void
set_problem (XdLiveVote *vote,
             const char *message)
{
  vote->state = XD_LIVE_VOTE_INCONSISTENT;
  g_free (vote->problem);
  vote->problem = g_strdup (message);
}

/* Evaluates @count and writes the result line. */
static void
evaluate (XdLiveVote        *vote,
          const XdRule      *rule,
          const XdVoteCount *count)
{
  g_autoptr(GError) error = NULL;

  if (!xd_rules_evaluate (rule, count, &vote->result, &error))
    {
      set_problem (vote, error->message);
      return;
    }
  vote->state = XD_LIVE_VOTE_EVALUATED;
}

static void
finish (XdLiveVote   *vote,
        const XdRule *rule)
{
  switch (vote->state)
    {
    case XD_LIVE_VOTE_EMPTY:
      vote->result_line = g_strdup (vote->secret
                                    ? _("Enter the totals counted from the ballot papers.")
                                    : _("No votes recorded yet."));
      break;
    case XD_LIVE_VOTE_INCONSISTENT:
      vote->result_line = g_strdup (vote->problem);
      break;
    case XD_LIVE_VOTE_EVALUATED:
      vote->result_line = xd_rules_explain (rule, &vote->result, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }

  if (vote->secret)
    vote->counts_line = xd_vote_describe_counts (vote->yes, vote->no, vote->abstain);
  else
    vote->counts_line = g_strdup_printf (_("In favour %d · Against %d · Abstained %d · Not yet voted %d"),
                                         vote->yes, vote->no, vote->abstain, vote->not_voted);
}

static const XdVote *
find_vote (GArray *votes,
           gint64  member_id)
{
  for (guint i = 0; votes != NULL && i < votes->len; i++)
    {
      const XdVote *v = &g_array_index (votes, XdVote, i);

      if (v->member_id == member_id)
        return v;
    }
  return NULL;
}

/**
 * xd_live_vote_new_open:
 *
 * The running count of an open vote.  The choices of members marked present
 * are counted; a choice left by a member who has since been marked absent
 * is listed (so it can be cleared) and makes the count inconsistent, as it
 * would make closing fail.
 */
XdLiveVote *
xd_live_vote_new_open (const XdRule *rule,
                       GPtrArray    *members,
                       GArray       *votes,
                       gboolean      override_quorum)
{
  g_autoptr(XdLiveVote) vote = live_vote_new (FALSE);
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) voter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (XdChoice));
  g_autoptr(GError) error = NULL;
  const XdMember *left = NULL;
  XdVoteCount count;
  gint64 chair_id;
  guint n_votes = votes != NULL ? votes->len : 0;

  g_return_val_if_fail (rule != NULL, NULL);

  count_members (members, &vote->members_total, &vote->members_present, &chair_id);
  vote->members_absent = vote->members_total - vote->members_present;

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const XdMember *m = g_ptr_array_index (members, i);
      const XdVote *v = find_vote (votes, m->id);
      XdVoter voter = { m->id, m->attendance == XD_ATTENDANCE_PRESENT, v != NULL,
                        v != NULL ? v->choice : XD_CHOICE_ABSTAIN };

      if (!m->voting || (!voter.present && v == NULL))
        continue;

      g_array_append_val (vote->voters, voter);
      if (!voter.present)
        {
          if (left == NULL)
            left = m;
          continue;
        }
      g_array_append_val (present, m->id);
      if (v == NULL)
        {
          vote->not_voted++;
          continue;
        }
      switch (v->choice)
        {
        case XD_CHOICE_YES:
          vote->yes++;
          break;
        case XD_CHOICE_NO:
          vote->no++;
          break;
        case XD_CHOICE_ABSTAIN:
          vote->abstain++;
          break;
        default:
          break;   /* the engine names it below */
        }
    }

  for (guint i = 0; i < n_votes; i++)
    {
      const XdVote *v = &g_array_index (votes, XdVote, i);

      g_array_append_val (voter_ids, v->member_id);
      g_array_append_val (choices, v->choice);
    }

  if (left != NULL)
    {
      /* The engine would only give the member's number: name them, and
       * say what to do. */
      g_autofree char *message =
        g_strdup_printf (_("%s has a recorded choice but is no longer marked present. "
                           "Clear the choice, or mark them present again."),
                         left->full_name);

      set_problem (vote, message);
    }
  else if (n_votes == 0 && vote->members_total > 0)
    vote->state = XD_LIVE_VOTE_EMPTY;
  else if (!xd_rules_count_open (vote->members_total,
                                 (const gint64 *) present->data, present->len,
                                 (const gint64 *) voter_ids->data,
                                 (const XdChoice *) choices->data, n_votes,
                                 chair_id, &count, &error))
    set_problem (vote, error->message);
  else
    {
      count.override_quorum = override_quorum;
      evaluate (vote, rule, &count);
    }

  finish (vote, rule);
  return g_steal_pointer (&vote);
}

/**
 * xd_live_vote_new_secret:
 *
 * The count of a secret ballot from its totals, with the checks of the
 * rules engine (ballots valid and invalid add up to those issued, the
 * choices to the valid ballots, no more ballots than members present).
 */
XdLiveVote *
xd_live_vote_new_secret (const XdRule  *rule,
                         GPtrArray     *members,
                         const XdTally *tally,
                         gboolean       override_quorum)
{
  g_autoptr(XdLiveVote) vote = live_vote_new (TRUE);
  XdVoteCount count = { 0 };
  gint64 chair_id;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (tally != NULL, NULL);

  count_members (members, &vote->members_total, &vote->members_present, &chair_id);
  vote->members_absent = vote->members_total - vote->members_present;
  vote->yes = tally->yes;
  vote->no = tally->no;
  vote->abstain = tally->abstain;

  /* Nobody knows how the chair voted: a tie is never the chair's to break. */
  count.secret = TRUE;
  count.members_total = vote->members_total;
  count.members_present = vote->members_present;
  count.ballots_issued = tally->ballots_issued;
  count.ballots_valid = tally->ballots_valid;
  count.ballots_invalid = tally->ballots_invalid;
  count.yes = tally->yes;
  count.no = tally->no;
  count.abstain = tally->abstain;
  count.override_quorum = override_quorum;

  if (tally->ballots_issued == 0 && tally->ballots_valid == 0 && tally->ballots_invalid == 0 &&
      tally->yes == 0 && tally->no == 0 && tally->abstain == 0 && vote->members_total > 0)
    vote->state = XD_LIVE_VOTE_EMPTY;
  else
    evaluate (vote, rule, &count);

  finish (vote, rule);
  return g_steal_pointer (&vote);
}

void
xd_live_vote_free (XdLiveVote *vote)
{
  if (vote == NULL)
    return;

  g_clear_pointer (&vote->voters, g_array_unref);
  g_free (vote->problem);
  g_free (vote->counts_line);
  g_free (vote->result_line);
  g_free (vote);
}

const XdVoter *
xd_live_vote_find_voter (const XdLiveVote *vote,
                         gint64            member_id)
{
  g_return_val_if_fail (vote != NULL, NULL);

  for (guint i = 0; i < vote->voters->len; i++)
    {
      const XdVoter *voter = &g_array_index (vote->voters, XdVoter, i);

      if (voter->member_id == member_id)
        return voter;
    }
  return NULL;
}

char *
xd_vote_describe_counts (int yes,
                         int no,
                         int abstain)
{
  return g_strdup_printf (_("In favour %d · Against %d · Abstained %d"), yes, no, abstain);
}

char *
xd_question_explain (const XdQuestion *question,
                     GPtrArray        *members,
                     GArray           *votes)
{
  XdVoteCount count = { 0 };
  XdVoteResult result;

  g_return_val_if_fail (question != NULL, NULL);

  if (question->state != XD_QUESTION_CLOSED)
    return g_strdup (_("Not voted yet."));

  if (!xd_rule_is_valid (&question->rule))
    return g_strdup (question->explanation);

  /* The snapshot holds the counts, not the ballots: checked as an open
   * count (choices within the members present), which every closed
   * result satisfies. */
  count.secret = FALSE;
  count.members_total = question->members_total;
  count.members_present = question->members_present;
  count.yes = question->yes;
  count.no = question->no;
  count.abstain = question->abstain;
  count.override_quorum = question->quorum_overridden;

  /* Only a named vote tells how the chair voted, and a tie may hang on it. */
  if (question->mode == XD_VOTE_MODE_OPEN)
    {
      for (guint i = 0; members != NULL && i < members->len; i++)
        {
          const XdMember *m = g_ptr_array_index (members, i);
          const XdVote *v;

          if (!m->voting || m->role != XD_ROLE_CHAIR)
            continue;
          v = find_vote (votes, m->id);
          count.chair_known = v != NULL;
          count.chair_choice = v != NULL ? v->choice : XD_CHOICE_ABSTAIN;
        }
    }

  if (!xd_rules_evaluate (&question->rule, &count, &result, NULL) ||
      result.outcome != question->outcome ||
      result.quorum_overridden != question->quorum_overridden)
    {
      /* Members or their roles changed since: a chair's choice found now
       * could tell a different story than the one recorded. */
      return g_strdup (question->explanation);
    }

  return xd_rules_explain (&question->rule, &result, FALSE);
}

gboolean
xd_parse_ballot_count (const char *text,
                       int        *out)
{
  g_autofree char *copy = NULL;
  gsize len;
  int value = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len == 0 || len > 9)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (copy[i]))
        return FALSE;
      value = value * 10 + (copy[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gunichar
key_from_translation (const char *text)
{
  gunichar c;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) != 1)
    return 0;
  c = g_utf8_get_char (text);
  if (!g_unichar_isalpha (c))
    return 0;
  return g_unichar_tolower (c);
}

gunichar
xd_choice_get_key (XdChoice choice)
{
  /* Translators: the key that records "In favour" in the voting view: the
   * first letter of the word, one letter, different from the other two
   * keys (Vietnamese: T for "Tán thành"). */
  gunichar yes = key_from_translation (C_("vote key", "Y"));
  /* Translators: the key that records "Against" (Vietnamese: K for
   * "Không tán thành"). */
  gunichar no = key_from_translation (C_("vote key", "N"));
  /* Translators: the key that records "Abstained" (Vietnamese: B for
   * "Không biểu quyết"). */
  gunichar abstain = key_from_translation (C_("vote key", "A"));

  if (yes == 0 || no == 0 || abstain == 0 || yes == no || yes == abstain || no == abstain)
    return 0;

  switch (choice)
    {
    case XD_CHOICE_YES:
      return yes;
    case XD_CHOICE_NO:
      return no;
    case XD_CHOICE_ABSTAIN:
      return abstain;
    default:
      g_return_val_if_reached (0);
    }
}
