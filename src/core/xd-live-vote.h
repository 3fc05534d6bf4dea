/* xd-live-vote.h — the running count of a vote while it is being taken
 *
 * What the voting view shows beside the members or the ballot totals: who
 * may vote, how many chose what, and the result the rules engine would give
 * if the vote were closed now.  Members, votes and the rule in; counts and
 * sentences out.  No GTK, no database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "xd-model.h"

G_BEGIN_DECLS

/* One row of an open vote. */
typedef struct {
  gint64 member_id;
  gboolean present;        /* FALSE: a choice was recorded, then the member was
                            * marked not present — the choice must be cleared
                            * (or the member marked present) before closing */
  gboolean has_choice;
  XdChoice choice;         /* meaningful only when has_choice */
} XdVoter;

typedef enum {
  XD_LIVE_VOTE_EMPTY,         /* nothing recorded yet */
  XD_LIVE_VOTE_INCONSISTENT,  /* the counts contradict each other: see problem */
  XD_LIVE_VOTE_EVALUATED,     /* result is what closing now would give */
} XdLiveVoteState;

typedef struct {
  gboolean secret;
  XdLiveVoteState state;
  int members_total;       /* voting members of the council */
  int members_present;     /* … of them marked present */
  int members_absent;      /* voting members not marked present */
  int yes;
  int no;
  int abstain;
  int not_voted;           /* open vote: members present without a choice */
  GArray *voters;          /* XdVoter in the council's order: the voting members
                            * present, and any other who has a choice recorded.
                            * Empty for a secret ballot. */
  XdVoteResult result;     /* when state is XD_LIVE_VOTE_EVALUATED */
  char *problem;           /* when state is XD_LIVE_VOTE_INCONSISTENT: why, for the user */
  char *counts_line;       /* "In favour 6 · Against 1 · Abstained 0 · Not yet voted 1" */
  char *result_line;       /* the explanation of the result, the problem, or a
                            * line saying nothing is recorded yet */
} XdLiveVote;

/* @members: XdMember of the meeting, in the council's order (as
 * xd_store_list_members () gives them); @votes: XdVote of the question.
 * @override_quorum: the council decided to vote without a quorum. */
XdLiveVote  *xd_live_vote_new_open   (const XdRule *rule,
                                      GPtrArray    *members,
                                      GArray       *votes,
                                      gboolean      override_quorum);
/* @tally: the totals counted from the secret ballot papers. */
XdLiveVote  *xd_live_vote_new_secret (const XdRule  *rule,
                                      GPtrArray     *members,
                                      const XdTally *tally,
                                      gboolean       override_quorum);
void         xd_live_vote_free       (XdLiveVote   *vote);
/* The voter row of @member_id, or NULL. */
const XdVoter *xd_live_vote_find_voter (const XdLiveVote *vote,
                                        gint64            member_id);

/* "In favour 3 · Against 1 · Abstained 1", in the UI language. */
char        *xd_vote_describe_counts (int yes,
                                      int no,
                                      int abstain);

/* The result of a closed question explained in the UI language, computed
 * again from the snapshot the question keeps (its rule and counts; the
 * chair's choice from @votes when the vote was open).  When that does not
 * give back the stored outcome the stored sentence of the minutes is
 * returned unchanged.  @members and @votes may be NULL. */
char        *xd_question_explain     (const XdQuestion *question,
                                      GPtrArray        *members,
                                      GArray           *votes);

/* A count typed by the user: digits, optionally surrounded by spaces, at
 * most 9 of them.  "", "-1", "3,5" and "abc" are refused. */
gboolean     xd_parse_ballot_count   (const char *text,
                                      int        *out);

/* The letter that records @choice from the keyboard in the UI language
 * ("y", "n", "a" in English; "t", "k", "b" in Vietnamese), lower case; 0
 * when the translation does not give three different single letters, so a
 * key can never mean two choices.  The digits 1, 2, 3 always work. */
gunichar     xd_choice_get_key       (XdChoice choice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdLiveVote, xd_live_vote_free)

G_END_DECLS
