/* test-live-vote.c — the running count of a vote, the rows of the voting
 * list, and agreement with what the store records when a vote closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "xd-live-vote.h"
#include "xd-question-item.h"
#include "xd-store.h"
#include "xd-test-util.h"

/* Members
 * ======= */

static XdMember *
member (gint64        id,
        XdRole        role,
        gboolean      voting,
        XdAttendance  attendance,
        const char   *name)
{
  XdMember *m = xd_member_new ();

  m->id = id;
  m->role = role;
  m->voting = voting;
  m->attendance = attendance;
  g_free (m->full_name);
  m->full_name = g_strdup (name);
  return m;
}

/* Ids 1–5 voting (1 the chair), 6 voting but absent, 7 a secretary without
 * a vote: the council's order. */
static GPtrArray *
council (void)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_member_free);

  g_ptr_array_add (members, member (1, XD_ROLE_CHAIR, TRUE, XD_ATTENDANCE_PRESENT, "Vũ Văn Diện"));
  g_ptr_array_add (members, member (2, XD_ROLE_MEMBER, TRUE, XD_ATTENDANCE_PRESENT, "Trần Văn Bình"));
  g_ptr_array_add (members, member (3, XD_ROLE_MEMBER, TRUE, XD_ATTENDANCE_PRESENT, "Lê Thị Cúc"));
  g_ptr_array_add (members, member (4, XD_ROLE_MEMBER, TRUE, XD_ATTENDANCE_PRESENT, "Phạm Văn Dũng"));
  g_ptr_array_add (members, member (5, XD_ROLE_MEMBER, TRUE, XD_ATTENDANCE_PRESENT, "Hoàng Thị Hà"));
  g_ptr_array_add (members, member (6, XD_ROLE_MEMBER, TRUE, XD_ATTENDANCE_EXCUSED, "Ngô Văn Khánh"));
  g_ptr_array_add (members, member (7, XD_ROLE_SECRETARY, FALSE, XD_ATTENDANCE_PRESENT, "Đỗ Thị Lan"));
  return members;
}

static void
add_vote (GArray   *votes,
          gint64    member_id,
          XdChoice  choice)
{
  XdVote v = { 1, member_id, choice };

  g_array_append_val (votes, v);
}

/* Open votes
 * ========== */

static void
test_open_empty (void)
{
  g_autoptr(GPtrArray) members = council ();
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  XdRule rule = XD_RULE_INIT_DEFAULT;
  g_autoptr(XdLiveVote) live = xd_live_vote_new_open (&rule, members, votes, FALSE);

  g_assert_cmpint (live->state, ==, XD_LIVE_VOTE_EMPTY);
  g_assert_cmpint (live->members_total, ==, 6);
  g_assert_cmpint (live->members_present, ==, 5);
  g_assert_cmpint (live->members_absent, ==, 1);
  g_assert_cmpint (live->not_voted, ==, 5);
  g_assert_cmpstr (live->counts_line, ==, "In favour 0 · Against 0 · Abstained 0 · Not yet voted 5");
  g_assert_cmpstr (live->result_line, ==, "No votes recorded yet.");

  /* The present voting members in the council's order: not the absent
   * member, not the secretary without a vote. */
  g_assert_cmpuint (live->voters->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      XdVoter *v = &g_array_index (live->voters, XdVoter, i);

      g_assert_cmpint (v->member_id, ==, i + 1);
      g_assert_true (v->present);
      g_assert_false (v->has_choice);
    }
  g_assert_null (xd_live_vote_find_voter (live, 6));
  g_assert_null (xd_live_vote_find_voter (live, 7));
}

/* Each choice moves the tally and the line, as the view shows them. */
static void
test_open_running (void)
{
  g_autoptr(GPtrArray) members = council ();
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  XdRule rule = XD_RULE_INIT_DEFAULT;
  const struct {
    gint64 member;
    XdChoice choice;
    const char *counts;
    const char *line;
    XdOutcome outcome;
  } steps[] = {
    { 1, XD_CHOICE_YES, "In favour 1 · Against 0 · Abstained 0 · Not yet voted 4",
      "1 of 6 members in favour (16,7%) — does not reach more than half of all members.",
      XD_OUTCOME_FAILED },
    { 2, XD_CHOICE_YES, "In favour 2 · Against 0 · Abstained 0 · Not yet voted 3",
      "2 of 6 members in favour (33,3%) — does not reach more than half of all members.",
      XD_OUTCOME_FAILED },
    { 3, XD_CHOICE_NO, "In favour 2 · Against 1 · Abstained 0 · Not yet voted 2",
      "2 of 6 members in favour (33,3%) — does not reach more than half of all members.",
      XD_OUTCOME_FAILED },
    /* 3 of 6 is exactly half: not more than half. */
    { 4, XD_CHOICE_YES, "In favour 3 · Against 1 · Abstained 0 · Not yet voted 1",
      "3 of 6 members in favour (50,0%) — does not reach more than half of all members.",
      XD_OUTCOME_FAILED },
    { 5, XD_CHOICE_ABSTAIN, "In favour 3 · Against 1 · Abstained 1 · Not yet voted 0",
      "3 of 6 members in favour (50,0%) — does not reach more than half of all members.",
      XD_OUTCOME_FAILED },
    /* A member changes their mind: still one choice each. */
    { 5, XD_CHOICE_YES, "In favour 4 · Against 1 · Abstained 0 · Not yet voted 0",
      "4 of 6 members in favour (66,7%) — reaches more than half of all members.",
      XD_OUTCOME_PASSED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(XdLiveVote) live = NULL;
      gboolean replaced = FALSE;

      for (guint j = 0; j < votes->len; j++)
        if (g_array_index (votes, XdVote, j).member_id == steps[i].member)
          {
            g_array_index (votes, XdVote, j).choice = steps[i].choice;
            replaced = TRUE;
          }
      if (!replaced)
        add_vote (votes, steps[i].member, steps[i].choice);

      live = xd_live_vote_new_open (&rule, members, votes, FALSE);
      g_assert_cmpint (live->state, ==, XD_LIVE_VOTE_EVALUATED);
      g_assert_cmpstr (live->counts_line, ==, steps[i].counts);
      g_assert_cmpstr (live->result_line, ==, steps[i].line);
      g_assert_cmpint (live->result.outcome, ==, steps[i].outcome);
      g_assert_true (xd_live_vote_find_voter (live, steps[i].member)->has_choice);
      g_assert_cmpint (xd_live_vote_find_voter (live, steps[i].member)->choice, ==, steps[i].choice);
    }
}

/* 2–2 with the chair for: the chair's side wins — the chair is found by role. */
static void
test_open_tie_chair (void)
{
  g_autoptr(GPtrArray) members = council ();
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  XdRule rule = XD_RULE_INIT_DEFAULT;
  g_autoptr(XdLiveVote) live = NULL;

  rule.base = XD_BASE_VOTES_CAST;
  add_vote (votes, 1, XD_CHOICE_YES);
  add_vote (votes, 2, XD_CHOICE_NO);
  add_vote (votes, 3, XD_CHOICE_YES);
  add_vote (votes, 4, XD_CHOICE_NO);
  add_vote (votes, 5, XD_CHOICE_ABSTAIN);

  live = xd_live_vote_new_open (&rule, members, votes, FALSE);
  g_assert_cmpint (live->state, ==, XD_LIVE_VOTE_EVALUATED);
  g_assert_cmpint (live->result.outcome, ==, XD_OUTCOME_PASSED);
  g_assert_true (live->result.decided_by_chair);
  g_assert_cmpstr (live->result_line, ==,
                   "Votes in favour and against are tied (2/2); the side the chair voted for "
                   "prevails: in favour — passed.");
}

/* A member who voted and was then marked absent: named, and listed so the
 * choice can be cleared. */
static void
test_open_voter_left (void)
{
  g_autoptr(GPtrArray) members = council ();
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  XdRule rule = XD_RULE_INIT_DEFAULT;
  g_autoptr(XdLiveVote) live = NULL;
  const XdVoter *v;

  add_vote (votes, 1, XD_CHOICE_YES);
  add_vote (votes, 6, XD_CHOICE_NO);

  live = xd_live_vote_new_open (&rule, members, votes, FALSE);
  g_assert_cmpint (live->state, ==, XD_LIVE_VOTE_INCONSISTENT);
  g_assert_cmpstr (live->problem, ==, "Ngô Văn Khánh has a recorded choice but is no longer "
                                      "marked present. Clear the choice, or mark them present again.");
  g_assert_cmpstr (live->result_line, ==, live->problem);
  /* Only the choices of members present are counted. */
  g_assert_cmpstr (live->counts_line, ==, "In favour 1 · Against 0 · Abstained 0 · Not yet voted 4");
  g_assert_cmpuint (live->voters->len, ==, 6);
  v = xd_live_vote_find_voter (live, 6);
  g_assert_nonnull (v);
  g_assert_false (v->present);
  g_assert_true (v->has_choice);
  g_assert_cmpint (v->choice, ==, XD_CHOICE_NO);
}

/* A vote from someone who is not a voting member of the council at all. */
static void
test_open_stranger (void)
{
  g_autoptr(GPtrArray) members = council ();
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  XdRule rule = XD_RULE_INIT_DEFAULT;
  g_autoptr(XdLiveVote) live = NULL;

  add_vote (votes, 7, XD_CHOICE_YES);
  live = xd_live_vote_new_open (&rule, members, votes, FALSE);
  g_assert_cmpint (live->state, ==, XD_LIVE_VOTE_INCONSISTENT);
  g_assert_cmpstr (live->problem, ==, "A choice was recorded for a member who is not marked "
                                      "present (member no. 7).");
}

static void
test_open_quorum (void)
{
  g_autoptr(GPtrArray) members = council ();
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  XdRule rule = XD_RULE_INIT_DEFAULT;
  g_autoptr(XdLiveVote) refused = NULL;
  g_autoptr(XdLiveVote) held = NULL;

  /* 3 of 6 present: below 2/3. */
  for (guint i = 3; i < 5; i++)
    ((XdMember *) g_ptr_array_index (members, i))->attendance = XD_ATTENDANCE_ABSENT;
  add_vote (votes, 1, XD_CHOICE_YES);
  add_vote (votes, 2, XD_CHOICE_YES);
  add_vote (votes, 3, XD_CHOICE_YES);

  refused = xd_live_vote_new_open (&rule, members, votes, FALSE);
  g_assert_cmpint (refused->state, ==, XD_LIVE_VOTE_EVALUATED);
  g_assert_cmpint (refused->result.outcome, ==, XD_OUTCOME_NO_QUORUM);
  g_assert_cmpstr (refused->result_line, ==,
                   "3 of 6 members present — below the quorum (2/3) required to vote.");

  held = xd_live_vote_new_open (&rule, members, votes, TRUE);
  g_assert_cmpint (held->result.outcome, ==, XD_OUTCOME_FAILED);
  g_assert_true (held->result.quorum_overridden);
  g_assert_cmpstr (held->result_line, ==,
                   "3 of 6 members present — below the quorum (2/3), but the vote was held. "
                   "3 of 6 members in favour (50,0%) — does not reach more than half of all members.");
}

/* Secret ballots
 * ============== */

static void
test_secret (void)
{
  g_autoptr(GPtrArray) members = council ();
  XdRule rule = XD_RULE_INIT_DEFAULT;
  const struct {
    XdTally tally;
    XdLiveVoteState state;
    const char *line;
  } cases[] = {
    { { 1, 0, 0, 0, 0, 0, 0 }, XD_LIVE_VOTE_EMPTY, "Enter the totals counted from the ballot papers." },
    { { 1, 5, 5, 0, 4, 1, 0 }, XD_LIVE_VOTE_EVALUATED,
      "4 of 6 members in favour (66,7%) — reaches more than half of all members." },
    { { 1, 5, 4, 1, 3, 1, 0 }, XD_LIVE_VOTE_EVALUATED,
      "3 of 6 members in favour (50,0%) — does not reach more than half of all members." },
    { { 1, 5, 4, 0, 3, 1, 0 }, XD_LIVE_VOTE_INCONSISTENT,
      "Ballots valid (4) and invalid (0) do not add up to ballots issued (5)." },
    { { 1, 5, 5, 0, 3, 1, 0 }, XD_LIVE_VOTE_INCONSISTENT,
      "Votes in favour (3), against (1) and abstentions (0) do not add up to the valid ballots (5)." },
    { { 1, 6, 6, 0, 6, 0, 0 }, XD_LIVE_VOTE_INCONSISTENT,
      "Ballots issued (6) cannot be more than the members present (5)." },
    /* Typed one field at a time: yes first, before the ballots. */
    { { 1, 0, 0, 0, 4, 0, 0 }, XD_LIVE_VOTE_INCONSISTENT,
      "Votes in favour (4), against (0) and abstentions (0) do not add up to the valid ballots (0)." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XdLiveVote) live = xd_live_vote_new_secret (&rule, members, &cases[i].tally, FALSE);

      g_assert_true (live->secret);
      g_assert_cmpint (live->state, ==, cases[i].state);
      g_assert_cmpstr (live->result_line, ==, cases[i].line);
      g_assert_cmpuint (live->voters->len, ==, 0);
      g_assert_cmpint (live->members_present, ==, 5);
      g_assert_cmpint (live->members_absent, ==, 1);
      if (cases[i].state == XD_LIVE_VOTE_INCONSISTENT)
        g_assert_cmpstr (live->problem, ==, cases[i].line);
      else
        g_assert_null (live->problem);
    }

  {
    XdTally tally = { 1, 5, 5, 0, 4, 1, 0 };
    g_autoptr(XdLiveVote) live = xd_live_vote_new_secret (&rule, members, &tally, FALSE);

    g_assert_cmpstr (live->counts_line, ==, "In favour 4 · Against 1 · Abstained 0");
  }
}

/* A secret 2–2 tie cannot be the chair's: nobody knows how the chair voted. */
static void
test_secret_tie (void)
{
  g_autoptr(GPtrArray) members = council ();
  XdRule rule = XD_RULE_INIT_DEFAULT;
  XdTally tally = { 1, 5, 5, 0, 2, 2, 1 };
  g_autoptr(XdLiveVote) live = NULL;

  rule.base = XD_BASE_VOTES_CAST;
  live = xd_live_vote_new_secret (&rule, members, &tally, FALSE);
  g_assert_cmpint (live->result.outcome, ==, XD_OUTCOME_TIE_REVOTE);
  g_assert_false (live->result.chair_known);
}

/* Agreement with the store
 * ======================== */

typedef struct {
  char *dir;
  XdStore *store;
  gint64 meeting_id;
  gint64 members[5];
  gint64 dossiers[2];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autofree char *path = NULL;

  f->dir = xd_test_make_dir ();
  path = g_build_filename (f->dir, "live.xetduyet", NULL);
  f->store = xd_store_open (path, &error);
  g_assert_no_error (error);

  g_free (m->title); m->title = g_strdup ("Hội nghị xét duyệt");
  f->meeting_id = xd_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (f->members); i++)
    {
      g_autoptr(XdMember) mb = xd_member_new ();

      mb->meeting_id = f->meeting_id;
      g_free (mb->full_name); mb->full_name = g_strdup_printf ("Thành viên %u", i + 1);
      mb->role = i == 0 ? XD_ROLE_CHAIR : XD_ROLE_MEMBER;
      mb->attendance = XD_ATTENDANCE_PRESENT;
      mb->position = i;
      f->members[i] = xd_store_add_member (f->store, mb, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (f->dossiers); i++)
    {
      g_autoptr(XdDossier) d = xd_dossier_new ();

      d->meeting_id = f->meeting_id;
      g_free (d->unit_name); d->unit_name = g_strdup (i == 0 ? "Phường Hồng Gai" : "Xã Quảng La");
      d->position = i;
      f->dossiers[i] = xd_store_add_dossier (f->store, d, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The line watched during the vote is the result the store freezes, and
 * the closed question explains itself again in the same words. */
static void
test_agrees_with_store (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  gint64 id = xd_store_ensure_dossier_question (f->store, f->dossiers[0], &error);
  const XdChoice choices[] = { XD_CHOICE_YES, XD_CHOICE_NO, XD_CHOICE_YES, XD_CHOICE_NO,
                               XD_CHOICE_ABSTAIN };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) votes = NULL;
  g_autoptr(XdLiveVote) live = NULL;
  g_autoptr(XdQuestion) q = NULL;
  g_autofree char *explained = NULL;

  g_assert_no_error (error);
  /* Ties go to the valid votes' count so that the chair decides 2–2. */
  meeting->rule.base = XD_BASE_VOTES_CAST;
  g_assert_true (xd_store_update_meeting (f->store, meeting, &error));
  g_assert_no_error (error);

  g_assert_true (xd_store_open_question (f->store, id, FALSE, &error));
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_assert_true (xd_store_set_vote (f->store, id, f->members[i], choices[i], &error));
  g_assert_no_error (error);

  members = xd_store_list_members (f->store, f->meeting_id, &error);
  votes = xd_store_list_votes (f->store, id, &error);
  live = xd_live_vote_new_open (&meeting->rule, members, votes, FALSE);
  g_assert_cmpint (live->state, ==, XD_LIVE_VOTE_EVALUATED);
  g_assert_cmpint (live->result.outcome, ==, XD_OUTCOME_PASSED);

  g_assert_true (xd_store_close_question (f->store, id, FALSE, &error));
  g_assert_no_error (error);
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->outcome, ==, live->result.outcome);
  g_assert_cmpint (q->yes, ==, live->yes);
  g_assert_cmpint (q->no, ==, live->no);
  g_assert_cmpint (q->abstain, ==, live->abstain);

  /* The chair's vote comes back from the stored votes to explain the tie. */
  explained = xd_question_explain (q, members, votes);
  g_assert_cmpstr (explained, ==, live->result_line);
  g_assert_cmpstr (explained, ==, "Votes in favour and against are tied (2/2); the side the chair "
                                  "voted for prevails: in favour — passed.");

  /* Without the votes the chair's side is unknown: the stored sentence of
   * the minutes is shown rather than a different story. */
  {
    g_autofree char *fallback = xd_question_explain (q, members, NULL);

    g_assert_cmpstr (fallback, ==, q->explanation);
  }
}

static void
test_secret_agrees_with_store (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  gint64 id = xd_store_ensure_dossier_question (f->store, f->dossiers[1], &error);
  XdTally tally = { id, 5, 4, 1, 3, 1, 0 };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(XdLiveVote) live = NULL;
  g_autoptr(XdQuestion) q = NULL;
  g_autofree char *explained = NULL;

  g_assert_true (xd_store_set_question_mode (f->store, id, XD_VOTE_MODE_SECRET, &error));
  g_assert_true (xd_store_open_question (f->store, id, FALSE, &error));
  g_assert_true (xd_store_set_tally (f->store, &tally, &error));
  g_assert_no_error (error);

  members = xd_store_list_members (f->store, f->meeting_id, &error);
  live = xd_live_vote_new_secret (&meeting->rule, members, &tally, FALSE);
  g_assert_cmpint (live->state, ==, XD_LIVE_VOTE_EVALUATED);

  g_assert_true (xd_store_close_question (f->store, id, FALSE, &error));
  g_assert_no_error (error);
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->outcome, ==, live->result.outcome);
  explained = xd_question_explain (q, members, NULL);
  g_assert_cmpstr (explained, ==, live->result_line);
  g_assert_cmpstr (explained, ==, "3 of 5 members in favour (60,0%) — reaches more than half of all members.");
}

/* A question whose stored outcome the snapshot does not give back (an
 * imported file, say) shows its stored sentence; an open one has none. */
static void
test_explain_fallback (void)
{
  g_autoptr(XdQuestion) q = xd_question_new ();
  g_autofree char *draft = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *right = NULL;

  draft = xd_question_explain (q, NULL, NULL);
  g_assert_cmpstr (draft, ==, "Not voted yet.");

  q->state = XD_QUESTION_CLOSED;
  q->members_total = 9;
  q->members_present = 9;
  q->yes = 7;
  q->no = 2;
  q->outcome = XD_OUTCOME_FAILED;
  g_free (q->explanation);
  q->explanation = g_strdup ("Biên bản ghi: không đạt.");
  odd = xd_question_explain (q, NULL, NULL);
  g_assert_cmpstr (odd, ==, "Biên bản ghi: không đạt.");

  q->outcome = XD_OUTCOME_PASSED;
  right = xd_question_explain (q, NULL, NULL);
  g_assert_cmpstr (right, ==, "7 of 9 members in favour (77,8%) — reaches more than half of all members.");
}

/* Small helpers
 * ============= */

static void
test_parse_count (void)
{
  const struct { const char *text; gboolean ok; int value; } cases[] = {
    { "0", TRUE, 0 }, { "7", TRUE, 7 }, { " 12 ", TRUE, 12 }, { "007", TRUE, 7 },
    { "999999999", TRUE, 999999999 },
    { "", FALSE, 0 }, { "  ", FALSE, 0 }, { "-1", FALSE, 0 }, { "+3", FALSE, 0 },
    { "3,5", FALSE, 0 }, { "3.5", FALSE, 0 }, { "abc", FALSE, 0 }, { "1 2", FALSE, 0 },
    { "1234567890", FALSE, 0 }, { "٣", FALSE, 0 }, { NULL, FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int value = -42;

      g_assert_cmpint (xd_parse_ballot_count (cases[i].text, &value), ==, cases[i].ok);
      g_assert_cmpint (value, ==, cases[i].ok ? cases[i].value : -42);
    }
}

static void
test_keys (void)
{
  /* English (the msgids): Y, N, A — distinct, never a digit. */
  g_assert_cmpuint (xd_choice_get_key (XD_CHOICE_YES), ==, 'y');
  g_assert_cmpuint (xd_choice_get_key (XD_CHOICE_NO), ==, 'n');
  g_assert_cmpuint (xd_choice_get_key (XD_CHOICE_ABSTAIN), ==, 'a');
}

/* In Vietnamese the keys are the first letters of the choices: T, K, B;
 * and the running tally reads as the minutes say it. */
static void
test_keys_vietnamese (void)
{
  const char *env = g_getenv ("XETDUYET_LOCALEDIR");
  g_autofree char *dir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *saved_domain = NULL;
  g_autoptr(GPtrArray) members = council ();
  g_autoptr(GArray) votes = g_array_new (FALSE, TRUE, sizeof (XdVote));
  g_autoptr(XdLiveVote) live = NULL;
  XdRule rule = XD_RULE_INIT_DEFAULT;

  if (env != NULL && *env != '\0')
    dir = g_strdup (env);
  else
    dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  mo = g_build_filename (dir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no Vietnamese catalogue built yet");
      return;
    }
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    {
      g_test_skip ("the vi_VN.UTF-8 locale is not installed");
      return;
    }
  /* As xd_i18n_init () does: _() and C_() look in the default domain. */
  saved_domain = g_strdup (textdomain (NULL));
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_assert_cmpuint (xd_choice_get_key (XD_CHOICE_YES), ==, 't');
  g_assert_cmpuint (xd_choice_get_key (XD_CHOICE_NO), ==, 'k');
  g_assert_cmpuint (xd_choice_get_key (XD_CHOICE_ABSTAIN), ==, 'b');

  add_vote (votes, 1, XD_CHOICE_YES);
  add_vote (votes, 2, XD_CHOICE_NO);
  add_vote (votes, 3, XD_CHOICE_YES);
  add_vote (votes, 4, XD_CHOICE_YES);
  live = xd_live_vote_new_open (&rule, members, votes, FALSE);
  g_assert_cmpstr (live->counts_line, ==,
                   "Tán thành 3 · Không tán thành 1 · Không biểu quyết 0 · Chưa biểu quyết 1");
  g_assert_cmpstr (live->result_line, ==,
                   "Tán thành 3/6 thành viên (50,0%) — không đạt quá nửa tổng số thành viên.");

  textdomain (saved_domain);
  setlocale (LC_ALL, saved);
}

static void
test_describe_counts (void)
{
  g_autofree char *line = xd_vote_describe_counts (6, 1, 0);

  g_assert_cmpstr (line, ==, "In favour 6 · Against 1 · Abstained 0");
}

/* The voting list
 * =============== */

static XdDossier *
dossier (gint64      id,
         const char *unit)
{
  XdDossier *d = xd_dossier_new ();

  d->id = id;
  g_free (d->unit_name);
  d->unit_name = g_strdup (unit);
  return d;
}

static XdQuestion *
question (gint64           id,
          gint64           dossier_id,
          const char      *text,
          XdQuestionState  state,
          XdOutcome        outcome)
{
  XdQuestion *q = xd_question_new ();

  q->id = id;
  q->dossier_id = dossier_id;
  g_free (q->text);
  q->text = g_strdup (text);
  q->state = state;
  q->outcome = outcome;
  if (state == XD_QUESTION_CLOSED)
    {
      q->yes = 4;
      q->no = 1;
      q->abstain = 0;
    }
  return q;
}

static guint changed_position, changed_removed, changed_added, n_changed;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  changed_position = position;
  changed_removed = removed;
  changed_added = added;
  n_changed++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static XdQuestionItem *
item_at (GListStore *list,
         guint       i)
{
  XdQuestionItem *item = g_list_model_get_item (G_LIST_MODEL (list), i);

  g_object_unref (item);    /* the list keeps it */
  return item;
}

static void
test_items (void)
{
  g_autoptr(GListStore) list = g_list_store_new (XD_TYPE_QUESTION_ITEM);
  g_autoptr(GPtrArray) dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_dossier_free);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_question_free);
  XdQuestionItem *first, *second, *free_q;
  XdQuestionsSummary summary;
  g_autofree char *line = NULL;
  guint notified = 0;

  g_ptr_array_add (dossiers, dossier (10, "Phường Hồng Gai"));
  g_ptr_array_add (dossiers, dossier (11, "Xã Quảng La"));
  g_ptr_array_add (dossiers, dossier (12, ""));
  g_ptr_array_add (questions, question (100, 10, "Công nhận Phường Hồng Gai", XD_QUESTION_CLOSED,
                                        XD_OUTCOME_PASSED));
  g_ptr_array_add (questions, question (101, 0, "Thông qua biên bản", XD_QUESTION_OPEN,
                                        XD_OUTCOME_NONE));

  g_assert_true (xd_question_items_sync (list, dossiers, questions));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  first = item_at (list, 0);
  g_assert_cmpint (xd_question_item_get_dossier_id (first), ==, 10);
  g_assert_cmpint (xd_question_item_get_question_id (first), ==, 100);
  g_assert_cmpstr (xd_question_item_get_title (first), ==, "Phường Hồng Gai");
  g_assert_cmpstr (xd_question_item_get_status_label (first), ==, "Passed");
  g_assert_cmpuint (xd_question_item_get_number (first), ==, 1);
  {
    g_autofree char *yes = NULL;
    g_autofree char *mode = NULL;

    g_object_get (first, "yes-label", &yes, "mode-label", &mode, NULL);
    g_assert_cmpstr (yes, ==, "4");
    g_assert_cmpstr (mode, ==, "Open vote");
  }

  second = item_at (list, 1);
  g_assert_cmpint (xd_question_item_get_question_id (second), ==, 0);
  g_assert_cmpstr (xd_question_item_get_status_label (second), ==, "Not yet put to the vote");
  g_assert_cmpint (xd_question_item_get_state (second), ==, XD_QUESTION_DRAFT);
  {
    g_autofree char *yes = NULL;

    g_object_get (second, "yes-label", &yes, NULL);
    g_assert_cmpstr (yes, ==, "");
  }
  g_assert_cmpstr (xd_question_item_get_title (item_at (list, 2)), ==, "Unnamed unit");

  free_q = item_at (list, 3);
  g_assert_cmpint (xd_question_item_get_dossier_id (free_q), ==, 0);
  g_assert_cmpstr (xd_question_item_get_title (free_q), ==, "Thông qua biên bản");
  g_assert_cmpstr (xd_question_item_get_status_label (free_q), ==, "Voting");
  g_assert_cmpuint (xd_question_items_find (G_LIST_MODEL (list), 0, 101), ==, 3);
  g_assert_cmpuint (xd_question_items_find (G_LIST_MODEL (list), 11, 0), ==, 1);
  g_assert_cmpuint (xd_question_items_find (G_LIST_MODEL (list), 99, 0), ==, G_MAXUINT);
  g_assert_cmpuint (xd_question_items_find (G_LIST_MODEL (list), 0, 100), ==, G_MAXUINT);

  xd_question_items_summarize (G_LIST_MODEL (list), &summary);
  g_assert_cmpint (summary.total, ==, 4);
  g_assert_cmpint (summary.passed, ==, 1);
  g_assert_cmpint (summary.voting, ==, 1);
  g_assert_cmpint (summary.not_voted, ==, 2);
  line = xd_questions_summary_describe (&summary);
  g_assert_cmpstr (line, ==, "Passed 1 · Failed 0 · Tie, to vote again 0 · Voting 1 · Not yet voted 2");

  /* The second dossier is put to the vote: same items, one notified, no
   * rows replaced. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), NULL);
  g_signal_connect (second, "notify::status-label", G_CALLBACK (count_notify_cb), &notified);
  g_ptr_array_add (questions, question (102, 11, "Công nhận Xã Quảng La", XD_QUESTION_OPEN,
                                        XD_OUTCOME_NONE));
  g_assert_true (xd_question_items_sync (list, dossiers, questions));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_true (item_at (list, 1) == second);
  g_assert_true (item_at (list, 0) == first);
  g_assert_cmpint (xd_question_item_get_question_id (second), ==, 102);
  g_assert_cmpstr (xd_question_item_get_status_label (second), ==, "Voting");
  g_assert_cmpuint (notified, ==, 1);

  /* Nothing new: nothing changes, nothing is notified. */
  g_assert_false (xd_question_items_sync (list, dossiers, questions));
  g_assert_cmpuint (notified, ==, 1);

  /* A new free question: only its row is added, at the end. */
  g_ptr_array_add (questions, question (103, 0, "Thông qua kế hoạch", XD_QUESTION_DRAFT,
                                        XD_OUTCOME_NONE));
  g_assert_true (xd_question_items_sync (list, dossiers, questions));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (changed_position, ==, 4);
  g_assert_cmpuint (changed_removed, ==, 0);
  g_assert_cmpuint (changed_added, ==, 1);
  g_assert_true (item_at (list, 3) == free_q);

  /* A dossier removed: its row goes, the others stay the same objects and
   * are renumbered. */
  g_ptr_array_remove_index (dossiers, 0);
  g_ptr_array_remove_index (questions, 0);
  g_assert_true (xd_question_items_sync (list, dossiers, questions));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_true (item_at (list, 0) == second);
  g_assert_cmpuint (xd_question_item_get_number (second), ==, 1);
  g_assert_true (item_at (list, 2) == free_q);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/live-vote/open/empty", test_open_empty);
  g_test_add_func ("/core/live-vote/open/running", test_open_running);
  g_test_add_func ("/core/live-vote/open/tie-chair", test_open_tie_chair);
  g_test_add_func ("/core/live-vote/open/voter-left", test_open_voter_left);
  g_test_add_func ("/core/live-vote/open/stranger", test_open_stranger);
  g_test_add_func ("/core/live-vote/open/quorum", test_open_quorum);
  g_test_add_func ("/core/live-vote/secret", test_secret);
  g_test_add_func ("/core/live-vote/secret/tie", test_secret_tie);
  g_test_add ("/core/live-vote/agrees-with-store", Fixture, NULL,
              fixture_set_up, test_agrees_with_store, fixture_tear_down);
  g_test_add ("/core/live-vote/secret/agrees-with-store", Fixture, NULL,
              fixture_set_up, test_secret_agrees_with_store, fixture_tear_down);
  g_test_add_func ("/core/live-vote/explain-fallback", test_explain_fallback);
  g_test_add_func ("/core/live-vote/parse-count", test_parse_count);
  g_test_add_func ("/core/live-vote/keys", test_keys);
  g_test_add_func ("/core/live-vote/keys/vietnamese", test_keys_vietnamese);
  g_test_add_func ("/core/live-vote/describe-counts", test_describe_counts);
  g_test_add_func ("/core/question-items", test_items);

  return g_test_run ();
}
