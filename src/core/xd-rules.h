/* xd-rules.h — voting rules: quorum, majority, tie-break (pure functions)
 *
 * Everything here is integer arithmetic on plain structs: no GTK, no
 * database, no floating point, so a boundary such as "6 of 9 is exactly
 * 2/3" is decided exactly and the same way everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  XD_CHOICE_YES,           /* tán thành */
  XD_CHOICE_NO,            /* không tán thành */
  XD_CHOICE_ABSTAIN,       /* không biểu quyết */
} XdChoice;

typedef enum {
  XD_OUTCOME_NONE,         /* not decided yet */
  XD_OUTCOME_PASSED,
  XD_OUTCOME_FAILED,
  XD_OUTCOME_TIE_REVOTE,
  XD_OUTCOME_NO_QUORUM,
} XdOutcome;

/* Whose count the threshold is measured against. */
typedef enum {
  XD_BASE_ALL_MEMBERS,     /* "quá nửa tổng số thành viên" — the default */
  XD_BASE_PRESENT,         /* members present */
  XD_BASE_VOTES_CAST,      /* valid votes cast (yes + no; abstentions and
                            * invalid ballots excluded) — "số phiếu hợp lệ" */
} XdBase;

typedef enum {
  XD_THRESHOLD_MORE_THAN,  /* yes / base  >  num / den */
  XD_THRESHOLD_AT_LEAST,   /* yes / base >=  num / den */
} XdThresholdKind;

typedef enum {
  XD_TIE_CHAIR_DECIDES,    /* the side the chair voted for wins — the default */
  XD_TIE_FAILS,
  XD_TIE_REVOTE,
} XdTieRule;

/* A rule is all integers so that boundaries are exact: 6 of 9 is exactly 2/3.
 * A percentage is stored as num/100 ("70%" is 70/100). */
typedef struct {
  int quorum_num;              /* present * den >= num * total; default 2/3 */
  int quorum_den;
  XdBase base;
  XdThresholdKind threshold_kind;
  int threshold_num;           /* default: more than 1/2 */
  int threshold_den;
  XdTieRule tie_rule;
} XdRule;

#define XD_RULE_INIT_DEFAULT { 2, 3, XD_BASE_ALL_MEMBERS, XD_THRESHOLD_MORE_THAN, 1, 2, XD_TIE_CHAIR_DECIDES }

#define XD_RULES_ERROR (xd_rules_error_quark ())

typedef enum {
  XD_RULES_ERROR_INCONSISTENT,   /* the counts contradict each other */
  XD_RULES_ERROR_INVALID_RULE,   /* the rule itself makes no sense */
} XdRulesError;

GQuark       xd_rules_error_quark       (void);

void         xd_rule_init_default       (XdRule *rule);
gboolean     xd_rule_is_valid           (const XdRule *rule);
gboolean     xd_rule_validate           (const XdRule *rule,
                                         GError      **error);

const char  *xd_base_to_string          (XdBase base);
gboolean     xd_base_from_string        (const char *str, XdBase *out);
const char  *xd_threshold_kind_to_string (XdThresholdKind kind);
gboolean     xd_threshold_kind_from_string (const char *str, XdThresholdKind *out);
const char  *xd_tie_rule_to_string      (XdTieRule tie);
gboolean     xd_tie_rule_from_string    (const char *str, XdTieRule *out);

const char  *xd_choice_to_string        (XdChoice choice);
gboolean     xd_choice_from_string      (const char *str, XdChoice *out);
const char  *xd_choice_get_label        (XdChoice choice);
const char  *xd_outcome_to_string       (XdOutcome outcome);
gboolean     xd_outcome_from_string     (const char *str, XdOutcome *out);
const char  *xd_outcome_get_label       (XdOutcome outcome);

/* Labels for the settings UI, in the UI language. */
const char  *xd_base_get_label          (XdBase base);
const char  *xd_tie_rule_get_label      (XdTieRule tie);

/* The minutes are always Vietnamese, whatever the UI language: these
 * return fixed text ("Tán thành", "Đạt" …) that never goes through gettext. */
const char  *xd_choice_get_document_label  (XdChoice choice);
const char  *xd_outcome_get_document_label (XdOutcome outcome);

/* ── The engine ─────────────────────────────────────────────────────────── */

/* What was counted for one question.  Zero-initialise, then fill. */
typedef struct {
  gboolean secret;             /* FALSE: open (named) vote; TRUE: secret ballot */
  int members_total;           /* voting members of the council */
  int members_present;
  int ballots_issued;          /* secret ballot only; ignored for open votes */
  int ballots_valid;
  int ballots_invalid;
  int yes;                     /* tán thành */
  int no;                      /* không tán thành */
  int abstain;                 /* không biểu quyết */
  gboolean chair_known;        /* the chair's own choice is known (open votes) */
  XdChoice chair_choice;
  gboolean override_quorum;    /* evaluate even without a quorum */
} XdVoteCount;

typedef struct {
  XdOutcome outcome;
  gboolean secret;
  int members_total;
  int members_present;
  int yes;
  int no;
  int abstain;
  int base_count;              /* the denominator the rule measures against */
  int percent_tenths;          /* yes / base_count in tenths of a percent, half up */
  gboolean quorum_met;
  gboolean quorum_overridden;  /* no quorum, but evaluated on request */
  gboolean threshold_met;      /* yes reached the threshold on its own */
  gboolean tie;                /* the tie rule decided the outcome */
  gboolean decided_by_chair;   /* … and it was the chair's vote */
  gboolean chair_known;
  XdChoice chair_choice;       /* meaningful only when chair_known */
} XdVoteResult;

/* Open vote: count the named choices of the members present.  voter_ids[i]
 * chose choices[i]; chair_id is 0 when there is no chair or the chair is
 * not a voting member.  Fails on a member marked present twice, a choice
 * from a member not present, or two choices from one member. */
gboolean     xd_rules_count_open        (int           members_total,
                                         const gint64 *present_ids,
                                         gsize         n_present,
                                         const gint64 *voter_ids,
                                         const XdChoice *choices,
                                         gsize         n_votes,
                                         gint64        chair_id,
                                         XdVoteCount  *out,
                                         GError      **error);

/* Checks the rule and the counts, then decides.  On error *result is reset
 * (outcome XD_OUTCOME_NONE) and error is XD_RULES_ERROR_INVALID_RULE or
 * XD_RULES_ERROR_INCONSISTENT with a message for the user. */
gboolean     xd_rules_evaluate          (const XdRule       *rule,
                                         const XdVoteCount  *count,
                                         XdVoteResult       *result,
                                         GError            **error);

/* One line for the result: for_document = TRUE gives the fixed Vietnamese
 * sentence of the minutes, FALSE the same sentence in the UI language. */
char        *xd_rules_explain           (const XdRule       *rule,
                                         const XdVoteResult *result,
                                         gboolean            for_document);

/* "quá nửa tổng số thành viên", "ít nhất 2/3 số thành viên có mặt",
 * "ít nhất 70% số phiếu hợp lệ" … (UI language unless for_document). */
char        *xd_rule_describe_threshold (const XdRule *rule,
                                         gboolean      for_document);

/* ── Quorum ─────────────────────────────────────────────────────────────── */

/* The fewest members present that make the quorum of @total voting members:
 * ceil (quorum_num * total / quorum_den), counted in integers. */
int          xd_rules_quorum_minimum    (const XdRule *rule,
                                         int           total);
/* present * quorum_den >= quorum_num * total; never met with no members. */
gboolean     xd_rules_quorum_met        (const XdRule *rule,
                                         int           present,
                                         int           total);
/* The live line of the attendance view, in the UI language: "7 of 9 members
 * present — enough to proceed (at least 2/3)", "5 of 9 members present — not
 * enough to proceed (at least 6 needed)", "No voting members yet". */
char        *xd_rules_describe_quorum   (const XdRule *rule,
                                         int           present,
                                         int           total);

/* ">1/2", ">=2/3", "≥3/4", ">=70%", ">50%" ⇄ kind, num, den.  Parsing
 * accepts only thresholds a rule may hold. */
gboolean     xd_rule_parse_threshold    (const char      *text,
                                         XdThresholdKind *kind,
                                         int             *num,
                                         int             *den);
char        *xd_rule_format_threshold   (const XdRule *rule);

/* "2/3", "50%" ⇄ num, den with 0 <= num <= den, den >= 1. */
gboolean     xd_rule_parse_fraction     (const char *text,
                                         int        *num,
                                         int        *den);
char        *xd_rule_format_fraction    (int num,
                                         int den);

/* part / whole in tenths of a percent, rounded half up; 0 when whole is 0. */
int          xd_rules_percent_tenths    (int part,
                                         int whole);
/* 889 -> "88,9": one decimal, decimal comma, in every language. */
char        *xd_rules_format_percent    (int percent_tenths);

G_END_DECLS
