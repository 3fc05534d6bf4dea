/* test-rules.c — the voting rules engine, case by case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-rules"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "xd-rules.h"

/* Rules used below.  Written out in full so a reader sees every setting. */
#define R_DEFAULT        { 2, 3, XD_BASE_ALL_MEMBERS, XD_THRESHOLD_MORE_THAN, 1, 2, XD_TIE_CHAIR_DECIDES }
#define R_ALL(k, n, d)   { 2, 3, XD_BASE_ALL_MEMBERS, k, n, d, XD_TIE_CHAIR_DECIDES }
#define R_PRESENT(k, n, d) { 2, 3, XD_BASE_PRESENT, k, n, d, XD_TIE_CHAIR_DECIDES }
#define R_CAST(tie)      { 2, 3, XD_BASE_VOTES_CAST, XD_THRESHOLD_MORE_THAN, 1, 2, tie }
#define MORE             XD_THRESHOLD_MORE_THAN
#define LEAST            XD_THRESHOLD_AT_LEAST

/* Counts: field lists, so a case can add the chair or the override. */
#define OPEN(total, present, y, n, a) \
  .secret = FALSE, .members_total = (total), .members_present = (present), \
  .yes = (y), .no = (n), .abstain = (a)
#define SECRET(total, present, issued, valid, invalid, y, n, a) \
  .secret = TRUE, .members_total = (total), .members_present = (present), \
  .ballots_issued = (issued), .ballots_valid = (valid), .ballots_invalid = (invalid), \
  .yes = (y), .no = (n), .abstain = (a)
#define CHAIR(choice)    .chair_known = TRUE, .chair_choice = XD_CHOICE_##choice
#define OVERRIDE         .override_quorum = TRUE

#define OK               -1   /* no error expected */
#define INCONSISTENT     XD_RULES_ERROR_INCONSISTENT
#define INVALID_RULE     XD_RULES_ERROR_INVALID_RULE
/* The rest of an EvalCase when an error is expected. */
#define FAILS(code)      (code), XD_OUTCOME_NONE, 0, 0, FALSE, FALSE, FALSE, NULL

typedef struct {
  const char *name;
  XdRule rule;
  XdVoteCount count;
  int error_code;              /* OK, or the XdRulesError expected */
  XdOutcome outcome;
  int base_count;
  int percent_tenths;
  gboolean quorum_overridden;
  gboolean tie;
  gboolean decided_by_chair;
  const char *document;        /* the exact sentence of the minutes, or NULL */
} EvalCase;

static const EvalCase eval_cases[] = {
  /* ── Default rule: quorum 2/3, more than 1/2 of all members, chair breaks ties */
  { "default/unanimous", R_DEFAULT, { OPEN (9, 9, 9, 0, 0) },
    OK, XD_OUTCOME_PASSED, 9, 1000, FALSE, FALSE, FALSE,
    "Tán thành 9/9 thành viên (100,0%) — đạt quá nửa tổng số thành viên." },
  { "default/8-of-9", R_DEFAULT, { OPEN (9, 9, 8, 1, 0) },
    OK, XD_OUTCOME_PASSED, 9, 889, FALSE, FALSE, FALSE,
    "Tán thành 8/9 thành viên (88,9%) — đạt quá nửa tổng số thành viên." },
  { "default/7-of-9", R_DEFAULT, { OPEN (9, 9, 7, 1, 1) },
    OK, XD_OUTCOME_PASSED, 9, 778, FALSE, FALSE, FALSE,
    "Tán thành 7/9 thành viên (77,8%) — đạt quá nửa tổng số thành viên." },
  { "default/5-of-9", R_DEFAULT, { OPEN (9, 9, 5, 4, 0) },
    OK, XD_OUTCOME_PASSED, 9, 556, FALSE, FALSE, FALSE, NULL },
  { "default/4-of-9", R_DEFAULT, { OPEN (9, 9, 4, 3, 2) },
    OK, XD_OUTCOME_FAILED, 9, 444, FALSE, FALSE, FALSE,
    "Tán thành 4/9 thành viên (44,4%) — không đạt quá nửa tổng số thành viên." },
  { "default/5-of-9-with-3-absent", R_DEFAULT, { OPEN (9, 6, 5, 1, 0) },
    OK, XD_OUTCOME_PASSED, 9, 556, FALSE, FALSE, FALSE, NULL },
  { "default/half-of-10-is-not-more-than-half", R_DEFAULT, { OPEN (10, 10, 5, 4, 1) },
    OK, XD_OUTCOME_FAILED, 10, 500, FALSE, FALSE, FALSE,
    "Tán thành 5/10 thành viên (50,0%) — không đạt quá nửa tổng số thành viên." },
  { "default/6-of-10", R_DEFAULT, { OPEN (10, 10, 6, 4, 0) },
    OK, XD_OUTCOME_PASSED, 10, 600, FALSE, FALSE, FALSE, NULL },
  { "default/6-of-10-with-3-absent", R_DEFAULT, { OPEN (10, 7, 6, 1, 0) },
    OK, XD_OUTCOME_PASSED, 10, 600, FALSE, FALSE, FALSE, NULL },
  { "default/zero-in-favour", R_DEFAULT, { OPEN (9, 9, 0, 9, 0) },
    OK, XD_OUTCOME_FAILED, 9, 0, FALSE, FALSE, FALSE,
    "Tán thành 0/9 thành viên (0,0%) — không đạt quá nửa tổng số thành viên." },
  { "default/count-still-going", R_DEFAULT, { OPEN (9, 9, 3, 0, 0) },
    OK, XD_OUTCOME_FAILED, 9, 333, FALSE, FALSE, FALSE, NULL },

  /* ── Ties against "more than 1/2 of all members" */
  { "tie/all-members-4-4-two-absent-fails", R_DEFAULT, { OPEN (10, 8, 4, 4, 0), CHAIR (YES) },
    OK, XD_OUTCOME_FAILED, 10, 400, FALSE, FALSE, FALSE,
    "Tán thành 4/10 thành viên (40,0%) — không đạt quá nửa tổng số thành viên." },
  { "tie/all-members-5-5-chair-yes", R_DEFAULT, { OPEN (10, 10, 5, 5, 0), CHAIR (YES) },
    OK, XD_OUTCOME_PASSED, 10, 500, FALSE, TRUE, TRUE,
    "Số phiếu tán thành và không tán thành ngang nhau (5/5); thực hiện theo ý kiến chủ tọa đã biểu quyết: tán thành — đạt." },
  { "tie/all-members-5-5-chair-no", R_DEFAULT, { OPEN (10, 10, 5, 5, 0), CHAIR (NO) },
    OK, XD_OUTCOME_FAILED, 10, 500, FALSE, TRUE, TRUE,
    "Số phiếu tán thành và không tán thành ngang nhau (5/5); thực hiện theo ý kiến chủ tọa đã biểu quyết: không tán thành — không đạt." },
  { "tie/all-members-5-5-secret", R_DEFAULT, { SECRET (10, 10, 10, 10, 0, 5, 5, 0) },
    OK, XD_OUTCOME_TIE_REVOTE, 10, 500, FALSE, TRUE, FALSE,
    "Số phiếu tán thành và không tán thành ngang nhau (5/5); không xác định được ý kiến biểu quyết của chủ tọa — phải biểu quyết lại." },
  { "tie/all-abstain-is-not-a-tie", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 0, 0, 9), CHAIR (ABSTAIN) },
    OK, XD_OUTCOME_FAILED, 0, 0, FALSE, FALSE, FALSE,
    "Tán thành 0/0 phiếu hợp lệ (0,0%) — không đạt quá nửa số phiếu hợp lệ." },

  /* ── Ties against "more than 1/2 of valid votes": 4–4 is exactly the boundary */
  { "tie/cast-4-4-chair-yes", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 4, 4, 1), CHAIR (YES) },
    OK, XD_OUTCOME_PASSED, 8, 500, FALSE, TRUE, TRUE,
    "Số phiếu tán thành và không tán thành ngang nhau (4/4); thực hiện theo ý kiến chủ tọa đã biểu quyết: tán thành — đạt." },
  { "tie/cast-4-4-chair-no", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 4, 4, 1), CHAIR (NO) },
    OK, XD_OUTCOME_FAILED, 8, 500, FALSE, TRUE, TRUE, NULL },
  { "tie/cast-4-4-chair-abstained", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 4, 4, 1), CHAIR (ABSTAIN) },
    OK, XD_OUTCOME_TIE_REVOTE, 8, 500, FALSE, TRUE, FALSE,
    "Số phiếu tán thành và không tán thành ngang nhau (4/4); chủ tọa không biểu quyết — phải biểu quyết lại." },
  { "tie/cast-4-4-chair-unknown", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 4, 4, 1) },
    OK, XD_OUTCOME_TIE_REVOTE, 8, 500, FALSE, TRUE, FALSE,
    "Số phiếu tán thành và không tán thành ngang nhau (4/4); không xác định được ý kiến biểu quyết của chủ tọa — phải biểu quyết lại." },
  { "tie/cast-4-4-rule-fails", R_CAST (XD_TIE_FAILS), { OPEN (9, 9, 4, 4, 1), CHAIR (YES) },
    OK, XD_OUTCOME_FAILED, 8, 500, FALSE, TRUE, FALSE,
    "Số phiếu tán thành và không tán thành ngang nhau (4/4); theo quy định, trường hợp ngang phiếu thì không đạt." },
  { "tie/cast-4-4-rule-revote", R_CAST (XD_TIE_REVOTE), { OPEN (9, 9, 4, 4, 1), CHAIR (YES) },
    OK, XD_OUTCOME_TIE_REVOTE, 8, 500, FALSE, TRUE, FALSE,
    "Số phiếu tán thành và không tán thành ngang nhau (4/4); theo quy định, trường hợp ngang phiếu thì phải biểu quyết lại." },
  { "tie/cast-secret-4-4", R_CAST (XD_TIE_CHAIR_DECIDES), { SECRET (9, 9, 9, 8, 1, 4, 4, 0) },
    OK, XD_OUTCOME_TIE_REVOTE, 8, 500, FALSE, TRUE, FALSE, NULL },
  { "tie/cast-5-4-is-no-tie", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 5, 4, 0), CHAIR (NO) },
    OK, XD_OUTCOME_PASSED, 9, 556, FALSE, FALSE, FALSE,
    "Tán thành 5/9 phiếu hợp lệ (55,6%) — đạt quá nửa số phiếu hợp lệ." },
  { "tie/present-4-4-chair-yes", R_PRESENT (MORE, 1, 2), { OPEN (10, 8, 4, 4, 0), CHAIR (YES) },
    OK, XD_OUTCOME_PASSED, 8, 500, FALSE, TRUE, TRUE, NULL },
  { "tie/present-4-4-one-abstains-fails", R_PRESENT (MORE, 1, 2), { OPEN (10, 9, 4, 4, 1), CHAIR (YES) },
    OK, XD_OUTCOME_FAILED, 9, 444, FALSE, FALSE, FALSE, NULL },
  /* Below 1/2 both sides reach the threshold: the tie rule still decides. */
  { "tie/low-threshold-chair-no", R_ALL (MORE, 1, 3), { OPEN (10, 8, 4, 4, 0), CHAIR (NO) },
    OK, XD_OUTCOME_FAILED, 10, 400, FALSE, TRUE, TRUE, NULL },

  /* ── Votes cast, no tie */
  { "cast/open-5-of-7", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 5, 2, 2) },
    OK, XD_OUTCOME_PASSED, 7, 714, FALSE, FALSE, FALSE, NULL },
  { "cast/open-3-of-7", R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 3, 4, 2) },
    OK, XD_OUTCOME_FAILED, 7, 429, FALSE, FALSE, FALSE,
    "Tán thành 3/7 phiếu hợp lệ (42,9%) — không đạt quá nửa số phiếu hợp lệ." },
  { "cast/secret-invalid-ballot-excluded", R_CAST (XD_TIE_CHAIR_DECIDES), { SECRET (9, 9, 9, 8, 1, 5, 3, 0) },
    OK, XD_OUTCOME_PASSED, 8, 625, FALSE, FALSE, FALSE,
    "Tán thành 5/8 phiếu hợp lệ (62,5%) — đạt quá nửa số phiếu hợp lệ." },

  /* ── Secret ballot, default rule */
  { "secret/8-of-9", R_DEFAULT, { SECRET (9, 9, 9, 9, 0, 8, 1, 0) },
    OK, XD_OUTCOME_PASSED, 9, 889, FALSE, FALSE, FALSE,
    "Tán thành 8/9 thành viên (88,9%) — đạt quá nửa tổng số thành viên." },
  { "secret/invalid-ballots-count-against", R_DEFAULT, { SECRET (9, 8, 8, 5, 3, 4, 1, 0) },
    OK, XD_OUTCOME_FAILED, 9, 444, FALSE, FALSE, FALSE, NULL },
  { "secret/fewer-ballots-than-present", R_DEFAULT, { SECRET (9, 9, 7, 7, 0, 5, 2, 0) },
    OK, XD_OUTCOME_PASSED, 9, 556, FALSE, FALSE, FALSE, NULL },

  /* ── At least 2/3 of all members: 6 of 9 is exactly 2/3 */
  { "two-thirds/6-of-9", R_ALL (LEAST, 2, 3), { OPEN (9, 9, 6, 3, 0) },
    OK, XD_OUTCOME_PASSED, 9, 667, FALSE, FALSE, FALSE,
    "Tán thành 6/9 thành viên (66,7%) — đạt ít nhất 2/3 tổng số thành viên." },
  { "two-thirds/5-of-9", R_ALL (LEAST, 2, 3), { OPEN (9, 9, 5, 4, 0) },
    OK, XD_OUTCOME_FAILED, 9, 556, FALSE, FALSE, FALSE,
    "Tán thành 5/9 thành viên (55,6%) — không đạt ít nhất 2/3 tổng số thành viên." },
  { "two-thirds/7-of-10", R_ALL (LEAST, 2, 3), { OPEN (10, 10, 7, 3, 0) },
    OK, XD_OUTCOME_PASSED, 10, 700, FALSE, FALSE, FALSE, NULL },
  { "two-thirds/6-of-10", R_ALL (LEAST, 2, 3), { OPEN (10, 10, 6, 4, 0) },
    OK, XD_OUTCOME_FAILED, 10, 600, FALSE, FALSE, FALSE, NULL },
  { "two-thirds/more-than-6-of-9-fails", R_ALL (MORE, 2, 3), { OPEN (9, 9, 6, 3, 0) },
    OK, XD_OUTCOME_FAILED, 9, 667, FALSE, FALSE, FALSE,
    "Tán thành 6/9 thành viên (66,7%) — không đạt trên 2/3 tổng số thành viên." },
  { "two-thirds/more-than-7-of-9", R_ALL (MORE, 2, 3), { OPEN (9, 9, 7, 2, 0) },
    OK, XD_OUTCOME_PASSED, 9, 778, FALSE, FALSE, FALSE,
    "Tán thành 7/9 thành viên (77,8%) — đạt trên 2/3 tổng số thành viên." },

  /* ── At least 3/4 of all members */
  { "three-quarters/6-of-8", R_ALL (LEAST, 3, 4), { OPEN (8, 8, 6, 2, 0) },
    OK, XD_OUTCOME_PASSED, 8, 750, FALSE, FALSE, FALSE, NULL },
  { "three-quarters/7-of-10", R_ALL (LEAST, 3, 4), { OPEN (10, 10, 7, 3, 0) },
    OK, XD_OUTCOME_FAILED, 10, 700, FALSE, FALSE, FALSE, NULL },
  { "three-quarters/8-of-10", R_ALL (LEAST, 3, 4), { OPEN (10, 10, 8, 2, 0) },
    OK, XD_OUTCOME_PASSED, 10, 800, FALSE, FALSE, FALSE, NULL },

  /* ── Custom percentages */
  { "percent/at-least-70-7-of-10", R_ALL (LEAST, 70, 100), { OPEN (10, 10, 7, 3, 0) },
    OK, XD_OUTCOME_PASSED, 10, 700, FALSE, FALSE, FALSE,
    "Tán thành 7/10 thành viên (70,0%) — đạt ít nhất 70% tổng số thành viên." },
  { "percent/at-least-70-6-of-10", R_ALL (LEAST, 70, 100), { OPEN (10, 10, 6, 4, 0) },
    OK, XD_OUTCOME_FAILED, 10, 600, FALSE, FALSE, FALSE, NULL },
  { "percent/at-least-70-7-of-9", R_ALL (LEAST, 70, 100), { OPEN (9, 9, 7, 2, 0) },
    OK, XD_OUTCOME_PASSED, 9, 778, FALSE, FALSE, FALSE, NULL },
  { "percent/at-least-70-6-of-9", R_ALL (LEAST, 70, 100), { OPEN (9, 9, 6, 3, 0) },
    OK, XD_OUTCOME_FAILED, 9, 667, FALSE, FALSE, FALSE, NULL },
  { "percent/more-than-50-5-of-10", R_ALL (MORE, 50, 100), { OPEN (10, 10, 5, 4, 1) },
    OK, XD_OUTCOME_FAILED, 10, 500, FALSE, FALSE, FALSE,
    "Tán thành 5/10 thành viên (50,0%) — không đạt trên 50% tổng số thành viên." },
  { "percent/more-than-50-6-of-10", R_ALL (MORE, 50, 100), { OPEN (10, 10, 6, 4, 0) },
    OK, XD_OUTCOME_PASSED, 10, 600, FALSE, FALSE, FALSE, NULL },
  { "percent/at-least-90-9-of-10", R_ALL (LEAST, 90, 100), { OPEN (10, 10, 9, 1, 0) },
    OK, XD_OUTCOME_PASSED, 10, 900, FALSE, FALSE, FALSE, NULL },
  { "percent/at-least-90-8-of-9", R_ALL (LEAST, 90, 100), { OPEN (9, 9, 8, 1, 0) },
    OK, XD_OUTCOME_FAILED, 9, 889, FALSE, FALSE, FALSE, NULL },
  { "percent/at-least-100-unanimous", R_ALL (LEAST, 100, 100), { OPEN (7, 7, 7, 0, 0) },
    OK, XD_OUTCOME_PASSED, 7, 1000, FALSE, FALSE, FALSE, NULL },

  /* ── Members present as the base */
  { "present/5-of-8", R_PRESENT (MORE, 1, 2), { OPEN (10, 8, 5, 3, 0) },
    OK, XD_OUTCOME_PASSED, 8, 625, FALSE, FALSE, FALSE,
    "Tán thành 5/8 thành viên có mặt (62,5%) — đạt quá nửa số thành viên có mặt." },
  { "present/4-of-8", R_PRESENT (MORE, 1, 2), { OPEN (10, 8, 4, 3, 1) },
    OK, XD_OUTCOME_FAILED, 8, 500, FALSE, FALSE, FALSE,
    "Tán thành 4/8 thành viên có mặt (50,0%) — không đạt quá nửa số thành viên có mặt." },
  { "present/two-thirds-6-of-9", R_PRESENT (LEAST, 2, 3), { OPEN (12, 9, 6, 2, 1) },
    OK, XD_OUTCOME_PASSED, 9, 667, FALSE, FALSE, FALSE,
    "Tán thành 6/9 thành viên có mặt (66,7%) — đạt ít nhất 2/3 số thành viên có mặt." },
  { "present/secret-4-of-7", R_PRESENT (MORE, 1, 2), { SECRET (9, 7, 7, 6, 1, 4, 2, 0) },
    OK, XD_OUTCOME_PASSED, 7, 571, FALSE, FALSE, FALSE, NULL },

  /* ── Quorum: present * 3 >= 2 * total */
  { "quorum/5-of-9-missing", R_DEFAULT, { OPEN (9, 5, 5, 0, 0) },
    OK, XD_OUTCOME_NO_QUORUM, 9, 556, FALSE, FALSE, FALSE,
    "Có mặt 5/9 thành viên — không đủ số lượng tối thiểu (2/3) để biểu quyết." },
  { "quorum/6-of-9-exactly", R_DEFAULT, { OPEN (9, 6, 5, 1, 0) },
    OK, XD_OUTCOME_PASSED, 9, 556, FALSE, FALSE, FALSE, NULL },
  { "quorum/6-of-10-missing", R_DEFAULT, { OPEN (10, 6, 6, 0, 0) },
    OK, XD_OUTCOME_NO_QUORUM, 10, 600, FALSE, FALSE, FALSE,
    "Có mặt 6/10 thành viên — không đủ số lượng tối thiểu (2/3) để biểu quyết." },
  { "quorum/7-of-10", R_DEFAULT, { OPEN (10, 7, 6, 1, 0) },
    OK, XD_OUTCOME_PASSED, 10, 600, FALSE, FALSE, FALSE, NULL },
  { "quorum/secret-missing", R_DEFAULT, { SECRET (9, 4, 4, 4, 0, 4, 0, 0) },
    OK, XD_OUTCOME_NO_QUORUM, 9, 444, FALSE, FALSE, FALSE, NULL },
  { "quorum/override", R_DEFAULT, { OPEN (9, 5, 5, 0, 0), OVERRIDE },
    OK, XD_OUTCOME_PASSED, 9, 556, TRUE, FALSE, FALSE,
    "Có mặt 5/9 thành viên — không đủ số lượng tối thiểu (2/3) nhưng vẫn tiến hành biểu quyết. "
    "Tán thành 5/9 thành viên (55,6%) — đạt quá nửa tổng số thành viên." },
  { "quorum/override-still-fails", R_DEFAULT, { OPEN (9, 5, 4, 1, 0), OVERRIDE },
    OK, XD_OUTCOME_FAILED, 9, 444, TRUE, FALSE, FALSE, NULL },
  { "quorum/override-not-needed", R_DEFAULT, { OPEN (9, 9, 8, 1, 0), OVERRIDE },
    OK, XD_OUTCOME_PASSED, 9, 889, FALSE, FALSE, FALSE,
    "Tán thành 8/9 thành viên (88,9%) — đạt quá nửa tổng số thành viên." },
  { "quorum/percent-67", { 67, 100, XD_BASE_ALL_MEMBERS, MORE, 1, 2, XD_TIE_CHAIR_DECIDES },
    { OPEN (3, 2, 2, 0, 0) },
    OK, XD_OUTCOME_NO_QUORUM, 3, 667, FALSE, FALSE, FALSE,
    "Có mặt 2/3 thành viên — không đủ số lượng tối thiểu (67%) để biểu quyết." },
  { "quorum/none-required", { 0, 1, XD_BASE_PRESENT, MORE, 1, 2, XD_TIE_CHAIR_DECIDES },
    { OPEN (9, 1, 1, 0, 0) },
    OK, XD_OUTCOME_PASSED, 1, 1000, FALSE, FALSE, FALSE, NULL },

  /* ── Inconsistent counts */
  { "bad/total-zero", R_DEFAULT, { OPEN (0, 0, 0, 0, 0) }, FAILS (INCONSISTENT) },
  { "bad/total-negative", R_DEFAULT, { OPEN (-9, 0, 0, 0, 0) }, FAILS (INCONSISTENT) },
  { "bad/present-negative", R_DEFAULT, { OPEN (9, -1, 0, 0, 0) }, FAILS (INCONSISTENT) },
  { "bad/yes-negative", R_DEFAULT, { OPEN (9, 9, -1, 5, 0) }, FAILS (INCONSISTENT) },
  { "bad/no-negative", R_DEFAULT, { OPEN (9, 9, 5, -1, 0) }, FAILS (INCONSISTENT) },
  { "bad/abstain-negative", R_DEFAULT, { OPEN (9, 9, 5, 0, -2) }, FAILS (INCONSISTENT) },
  { "bad/present-over-total", R_DEFAULT, { OPEN (9, 10, 5, 0, 0) }, FAILS (INCONSISTENT) },
  { "bad/open-choices-over-present", R_DEFAULT, { OPEN (9, 7, 5, 2, 1) }, FAILS (INCONSISTENT) },
  { "bad/secret-issued-over-present", R_DEFAULT, { SECRET (9, 7, 8, 8, 0, 8, 0, 0) }, FAILS (INCONSISTENT) },
  { "bad/secret-valid-invalid-vs-issued", R_DEFAULT, { SECRET (9, 9, 9, 7, 1, 7, 0, 0) }, FAILS (INCONSISTENT) },
  { "bad/secret-choices-vs-valid", R_DEFAULT, { SECRET (9, 9, 9, 8, 1, 5, 2, 0) }, FAILS (INCONSISTENT) },
  { "bad/secret-ballots-negative", R_DEFAULT, { SECRET (9, 9, 9, 10, -1, 9, 1, 0) }, FAILS (INCONSISTENT) },
  { "bad/chair-yes-without-yes", R_DEFAULT, { OPEN (9, 9, 0, 8, 1), CHAIR (YES) }, FAILS (INCONSISTENT) },
  { "bad/chair-no-without-no", R_DEFAULT, { OPEN (9, 9, 8, 0, 1), CHAIR (NO) }, FAILS (INCONSISTENT) },
  { "bad/chair-abstain-without-abstain", R_DEFAULT, { OPEN (9, 9, 8, 1, 0), CHAIR (ABSTAIN) }, FAILS (INCONSISTENT) },
  { "bad/chair-choice-unknown-value", R_DEFAULT,
    { OPEN (9, 9, 8, 1, 0), .chair_known = TRUE, .chair_choice = (XdChoice) 7 }, FAILS (INCONSISTENT) },

  /* ── Invalid rules */
  { "bad-rule/quorum-den-zero", { 2, 0, XD_BASE_ALL_MEMBERS, MORE, 1, 2, XD_TIE_CHAIR_DECIDES },
    { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/quorum-over-one", { 4, 3, XD_BASE_ALL_MEMBERS, MORE, 1, 2, XD_TIE_CHAIR_DECIDES },
    { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/quorum-negative", { -2, 3, XD_BASE_ALL_MEMBERS, MORE, 1, 2, XD_TIE_CHAIR_DECIDES },
    { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/threshold-den-zero", R_ALL (MORE, 1, 0), { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/threshold-den-negative", R_ALL (LEAST, 1, -2), { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/threshold-num-over-den", R_ALL (LEAST, 3, 2), { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/percent-over-100", R_ALL (LEAST, 120, 100), { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/threshold-zero", R_ALL (LEAST, 0, 100), { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/more-than-everything", R_ALL (MORE, 100, 100), { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/unknown-base", { 2, 3, (XdBase) 9, MORE, 1, 2, XD_TIE_CHAIR_DECIDES },
    { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  { "bad-rule/unknown-tie-rule", { 2, 3, XD_BASE_ALL_MEMBERS, MORE, 1, 2, (XdTieRule) 5 },
    { OPEN (9, 9, 9, 0, 0) }, FAILS (INVALID_RULE) },
  /* The rule is checked before the counts. */
  { "bad-rule/and-bad-counts", R_ALL (MORE, 1, 0), { OPEN (0, 5, -1, 0, 0) }, FAILS (INVALID_RULE) },
};

static void
test_evaluate_case (gconstpointer data)
{
  const EvalCase *c = data;
  g_autoptr(GError) error = NULL;
  XdVoteResult result;
  gboolean ok;

  /* Garbage in, so a reset on error is seen. */
  memset (&result, 0x5a, sizeof result);

  ok = xd_rules_evaluate (&c->rule, &c->count, &result, &error);

  if (c->error_code != OK)
    {
      g_assert_false (ok);
      g_assert_error (error, XD_RULES_ERROR, c->error_code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("%s", error->message);
      g_assert_cmpint (result.outcome, ==, XD_OUTCOME_NONE);
      return;
    }

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (xd_outcome_to_string (result.outcome), ==, xd_outcome_to_string (c->outcome));
  g_assert_cmpint (result.yes, ==, c->count.yes);
  g_assert_cmpint (result.no, ==, c->count.no);
  g_assert_cmpint (result.abstain, ==, c->count.abstain);
  g_assert_cmpint (result.members_total, ==, c->count.members_total);
  g_assert_cmpint (result.members_present, ==, c->count.members_present);
  g_assert_cmpint (result.base_count, ==, c->base_count);
  g_assert_cmpint (result.percent_tenths, ==, c->percent_tenths);
  g_assert_cmpint (result.quorum_met, ==, c->outcome != XD_OUTCOME_NO_QUORUM && !c->quorum_overridden);
  g_assert_cmpint (result.quorum_overridden, ==, c->quorum_overridden);
  g_assert_cmpint (result.tie, ==, c->tie);
  g_assert_cmpint (result.decided_by_chair, ==, c->decided_by_chair);
  if (c->decided_by_chair)
    g_assert_cmpint (result.outcome, ==,
                     c->count.chair_choice == XD_CHOICE_YES ? XD_OUTCOME_PASSED : XD_OUTCOME_FAILED);

  if (c->document != NULL)
    {
      g_autofree char *text = xd_rules_explain (&c->rule, &result, TRUE);

      g_assert_cmpstr (text, ==, c->document);
    }
  else
    {
      /* Every result can be explained, in both languages. */
      g_autofree char *doc = xd_rules_explain (&c->rule, &result, TRUE);
      g_autofree char *ui = xd_rules_explain (&c->rule, &result, FALSE);

      g_assert_true (g_utf8_validate (doc, -1, NULL));
      g_assert_true (g_str_has_suffix (doc, "."));
      g_assert_true (g_str_has_suffix (ui, "."));
    }
}

/* ── Open mode: counting named choices ─────────────────────────────────── */

static void
test_count_open (void)
{
  const gint64 present[] = { 11, 12, 13, 14, 15, 16, 17, 18 };
  const gint64 voters[] = { 12, 11, 13, 14, 15, 16, 17, 18 };
  const XdChoice choices[] = {
    XD_CHOICE_YES, XD_CHOICE_YES, XD_CHOICE_NO, XD_CHOICE_YES,
    XD_CHOICE_ABSTAIN, XD_CHOICE_YES, XD_CHOICE_YES, XD_CHOICE_YES,
  };
  g_autoptr(GError) error = NULL;
  XdVoteCount count;
  XdVoteResult result;
  XdRule rule = XD_RULE_INIT_DEFAULT;
  g_autofree char *text = NULL;

  g_assert_true (xd_rules_count_open (9, present, G_N_ELEMENTS (present),
                                      voters, choices, G_N_ELEMENTS (voters),
                                      11, &count, &error));
  g_assert_no_error (error);
  g_assert_false (count.secret);
  g_assert_cmpint (count.members_total, ==, 9);
  g_assert_cmpint (count.members_present, ==, 8);
  g_assert_cmpint (count.yes, ==, 6);
  g_assert_cmpint (count.no, ==, 1);
  g_assert_cmpint (count.abstain, ==, 1);
  g_assert_true (count.chair_known);
  g_assert_cmpint (count.chair_choice, ==, XD_CHOICE_YES);
  g_assert_false (count.override_quorum);

  g_assert_true (xd_rules_evaluate (&rule, &count, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, XD_OUTCOME_PASSED);
  text = xd_rules_explain (&rule, &result, TRUE);
  g_assert_cmpstr (text, ==, "Tán thành 6/9 thành viên (66,7%) — đạt quá nửa tổng số thành viên.");
}

static void
test_count_open_tie_chair (void)
{
  const gint64 present[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  const gint64 voters[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  const XdChoice choices[] = {
    XD_CHOICE_NO, XD_CHOICE_YES, XD_CHOICE_YES, XD_CHOICE_YES, XD_CHOICE_YES,
    XD_CHOICE_YES, XD_CHOICE_NO, XD_CHOICE_NO, XD_CHOICE_NO, XD_CHOICE_NO,
  };
  g_autoptr(GError) error = NULL;
  XdVoteCount count;
  XdVoteResult result;
  XdRule rule;

  xd_rule_init_default (&rule);

  /* The chair (member 1) voted against: 5–5 of 10 fails on the chair's side. */
  g_assert_true (xd_rules_count_open (10, present, 10, voters, choices, 10, 1, &count, &error));
  g_assert_no_error (error);
  g_assert_true (xd_rules_evaluate (&rule, &count, &result, &error));
  g_assert_cmpint (result.outcome, ==, XD_OUTCOME_FAILED);
  g_assert_true (result.decided_by_chair);

  /* The chair is member 2 instead, who voted in favour. */
  g_assert_true (xd_rules_count_open (10, present, 10, voters, choices, 10, 2, &count, &error));
  g_assert_true (xd_rules_evaluate (&rule, &count, &result, &error));
  g_assert_cmpint (result.outcome, ==, XD_OUTCOME_PASSED);
  g_assert_true (result.decided_by_chair);

  /* No chair among the voting members. */
  g_assert_true (xd_rules_count_open (10, present, 10, voters, choices, 10, 0, &count, &error));
  g_assert_false (count.chair_known);
  g_assert_true (xd_rules_evaluate (&rule, &count, &result, &error));
  g_assert_cmpint (result.outcome, ==, XD_OUTCOME_TIE_REVOTE);
  g_assert_false (result.decided_by_chair);
}

static void
test_count_open_partial (void)
{
  const gint64 present[] = { 5, 6, 7, 8, 9, 10, 11 };
  const gint64 voters[] = { 7, 5 };
  const XdChoice choices[] = { XD_CHOICE_NO, XD_CHOICE_YES };
  g_autoptr(GError) error = NULL;
  XdVoteCount count;

  /* Voting still going on; the chair (9) has not voted yet. */
  g_assert_true (xd_rules_count_open (9, present, 7, voters, choices, 2, 9, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count.members_present, ==, 7);
  g_assert_cmpint (count.yes, ==, 1);
  g_assert_cmpint (count.no, ==, 1);
  g_assert_cmpint (count.abstain, ==, 0);
  g_assert_false (count.chair_known);

  /* Nobody present, nobody voted. */
  g_assert_true (xd_rules_count_open (9, NULL, 0, NULL, NULL, 0, 9, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count.members_present, ==, 0);
  g_assert_cmpint (count.yes + count.no + count.abstain, ==, 0);
}

static void
test_count_open_errors (void)
{
  const gint64 present[] = { 1, 2, 3, 4 };
  const gint64 present_twice[] = { 1, 2, 3, 2 };
  const gint64 voters_absent[] = { 1, 2, 5 };
  const gint64 voters_twice[] = { 1, 2, 1 };
  const XdChoice choices[] = { XD_CHOICE_YES, XD_CHOICE_NO, XD_CHOICE_YES };
  const XdChoice bad_choices[] = { XD_CHOICE_YES, (XdChoice) 9, XD_CHOICE_YES };
  XdVoteCount count;

  {
    g_autoptr(GError) error = NULL;
    g_assert_false (xd_rules_count_open (9, present_twice, 4, NULL, NULL, 0, 0, &count, &error));
    g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT);
    g_assert_nonnull (strstr (error->message, "2"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (xd_rules_count_open (9, present, 4, voters_absent, choices, 3, 0, &count, &error));
    g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT);
    g_assert_cmpstr (error->message, ==,
                     "A choice was recorded for a member who is not marked present (member no. 5).");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (xd_rules_count_open (9, present, 4, voters_twice, choices, 3, 0, &count, &error));
    g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT);
    g_assert_cmpstr (error->message, ==,
                     "Two choices were recorded for the same member (member no. 1).");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (xd_rules_count_open (9, present, 4, present, bad_choices, 3, 0, &count, &error));
    g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT);
  }
  {
    /* Counting succeeds; the engine then refuses more present than members. */
    g_autoptr(GError) error = NULL;
    XdRule rule = XD_RULE_INIT_DEFAULT;
    XdVoteResult result;

    g_assert_true (xd_rules_count_open (3, present, 4, NULL, NULL, 0, 0, &count, &error));
    g_assert_false (xd_rules_evaluate (&rule, &count, &result, &error));
    g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT);
  }
}

/* ── Error messages name the numbers ───────────────────────────────────── */

static void
test_error_messages (void)
{
  XdRule rule = XD_RULE_INIT_DEFAULT;
  XdVoteResult result;
  struct {
    XdVoteCount count;
    const char *message;
  } cases[] = {
    { { SECRET (9, 9, 9, 7, 1, 7, 0, 0) },
      "Ballots valid (7) and invalid (1) do not add up to ballots issued (9)." },
    { { SECRET (9, 9, 9, 8, 1, 5, 2, 0) },
      "Votes in favour (5), against (2) and abstentions (0) do not add up to the valid ballots (8)." },
    { { SECRET (9, 7, 8, 8, 0, 8, 0, 0) },
      "Ballots issued (8) cannot be more than the members present (7)." },
    { { OPEN (9, 7, 5, 2, 1) },
      "The choices recorded (8) are more than the members present (7)." },
    { { OPEN (9, 10, 5, 0, 0) },
      "Members present (10) cannot be more than the members of the council (9)." },
    { { OPEN (0, 0, 0, 0, 0) },
      "The council must have at least one voting member (it has 0)." },
    { { OPEN (9, 9, -1, 5, 0) },
      "The number of votes in favour (-1) cannot be negative." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (xd_rules_evaluate (&rule, &cases[i].count, &result, &error));
      g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(GError) error = NULL;
    XdRule bad = R_ALL (LEAST, 120, 100);

    g_assert_false (xd_rule_validate (&bad, &error));
    g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INVALID_RULE);
    g_assert_nonnull (strstr (error->message, "(120%)"));
  }
  {
    g_autoptr(GError) error = NULL;
    XdRule bad = { 4, 3, XD_BASE_ALL_MEMBERS, MORE, 1, 2, XD_TIE_CHAIR_DECIDES };

    g_assert_false (xd_rule_validate (&bad, &error));
    g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INVALID_RULE);
    g_assert_nonnull (strstr (error->message, "(4/3)"));
  }
}

/* ── Rule helpers ──────────────────────────────────────────────────────── */

static void
test_rule_default (void)
{
  XdRule rule;
  const XdRule expected = XD_RULE_INIT_DEFAULT;

  memset (&rule, 0x5a, sizeof rule);
  xd_rule_init_default (&rule);
  g_assert_cmpint (rule.quorum_num, ==, 2);
  g_assert_cmpint (rule.quorum_den, ==, 3);
  g_assert_cmpint (rule.base, ==, XD_BASE_ALL_MEMBERS);
  g_assert_cmpint (rule.threshold_kind, ==, XD_THRESHOLD_MORE_THAN);
  g_assert_cmpint (rule.threshold_num, ==, 1);
  g_assert_cmpint (rule.threshold_den, ==, 2);
  g_assert_cmpint (rule.tie_rule, ==, XD_TIE_CHAIR_DECIDES);
  g_assert_true (memcmp (&rule, &expected, sizeof rule) == 0);
  g_assert_true (xd_rule_is_valid (&rule));
}

static void
test_parse_threshold (void)
{
  const struct {
    const char *text;
    gboolean ok;
    XdThresholdKind kind;
    int num, den;
    const char *formatted;
  } cases[] = {
    { ">1/2",     TRUE, XD_THRESHOLD_MORE_THAN, 1, 2, ">1/2" },
    { ">=2/3",    TRUE, XD_THRESHOLD_AT_LEAST,  2, 3, ">=2/3" },
    { ">=3/4",    TRUE, XD_THRESHOLD_AT_LEAST,  3, 4, ">=3/4" },
    { "≥3/4",     TRUE, XD_THRESHOLD_AT_LEAST,  3, 4, ">=3/4" },
    { ">=70%",    TRUE, XD_THRESHOLD_AT_LEAST, 70, 100, ">=70%" },
    { ">50%",     TRUE, XD_THRESHOLD_MORE_THAN, 50, 100, ">50%" },
    { ">=100%",   TRUE, XD_THRESHOLD_AT_LEAST, 100, 100, ">=100%" },
    { " >= 2 / 3 ", TRUE, XD_THRESHOLD_AT_LEAST, 2, 3, ">=2/3" },
    { "> 90 %",   TRUE, XD_THRESHOLD_MORE_THAN, 90, 100, ">90%" },
    { ">=4/6",    TRUE, XD_THRESHOLD_AT_LEAST,  4, 6, ">=4/6" },
    { "",         FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { "1/2",      FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },   /* which kind? */
    { ">",        FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=",       FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { "=2/3",     FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { "<1/2",     FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">1/0",     FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=4/3",    FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=120%",   FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">100%",    FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },   /* nothing is more than everything */
    { ">1/1",     FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=0/3",    FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=0%",     FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=-1/2",   FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=+1/2",   FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=a/b",    FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=1/2/3",  FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=2/3%",   FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=70%%",   FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=66,7%",  FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
    { ">=1234567890/2", FALSE, XD_THRESHOLD_MORE_THAN, 0, 0, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XdThresholdKind kind = XD_THRESHOLD_MORE_THAN;
      int num = -7, den = -7;
      gboolean ok = xd_rule_parse_threshold (cases[i].text, &kind, &num, &den);

      g_test_message ("threshold \"%s\"", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          /* Outputs untouched on failure. */
          g_assert_cmpint (num, ==, -7);
          g_assert_cmpint (den, ==, -7);
          continue;
        }

      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpint (num, ==, cases[i].num);
      g_assert_cmpint (den, ==, cases[i].den);

      {
        XdRule rule = XD_RULE_INIT_DEFAULT;
        g_autofree char *formatted = NULL;
        XdThresholdKind kind2;
        int num2, den2;

        rule.threshold_kind = kind;
        rule.threshold_num = num;
        rule.threshold_den = den;
        g_assert_true (xd_rule_is_valid (&rule));
        formatted = xd_rule_format_threshold (&rule);
        g_assert_cmpstr (formatted, ==, cases[i].formatted);

        /* format is the inverse of parse */
        g_assert_true (xd_rule_parse_threshold (formatted, &kind2, &num2, &den2));
        g_assert_cmpint (kind2, ==, kind);
        g_assert_cmpint (num2, ==, num);
        g_assert_cmpint (den2, ==, den);
      }
    }
}

static void
test_parse_fraction (void)
{
  const struct {
    const char *text;
    gboolean ok;
    int num, den;
    const char *formatted;
  } cases[] = {
    { "2/3",   TRUE, 2, 3, "2/3" },
    { "1/2",   TRUE, 1, 2, "1/2" },
    { "50%",   TRUE, 50, 100, "50%" },
    { "100%",  TRUE, 100, 100, "100%" },
    { "0%",    TRUE, 0, 100, "0%" },
    { "0/1",   TRUE, 0, 1, "0/1" },
    { "1/1",   TRUE, 1, 1, "1/1" },
    { " 3 / 4 ", TRUE, 3, 4, "3/4" },
    { "67 %",  TRUE, 67, 100, "67%" },
    { "50/100", TRUE, 50, 100, "50%" },  /* same value, the percent spelling */
    { "",      FALSE, 0, 0, NULL },
    { "2",     FALSE, 0, 0, NULL },
    { "/3",    FALSE, 0, 0, NULL },
    { "2/",    FALSE, 0, 0, NULL },
    { "3/2",   FALSE, 0, 0, NULL },
    { "1/0",   FALSE, 0, 0, NULL },
    { "0/0",   FALSE, 0, 0, NULL },
    { "101%",  FALSE, 0, 0, NULL },
    { "-1/3",  FALSE, 0, 0, NULL },
    { "abc",   FALSE, 0, 0, NULL },
    { "2/3x",  FALSE, 0, 0, NULL },
    { "%",     FALSE, 0, 0, NULL },
    { "1.5/3", FALSE, 0, 0, NULL },
    { "0x1/2", FALSE, 0, 0, NULL },
    { "1/1000000000", FALSE, 0, 0, NULL },   /* more than 9 digits */
    { "999999999/999999999", TRUE, 999999999, 999999999, "999999999/999999999" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int num = -7, den = -7;
      gboolean ok = xd_rule_parse_fraction (cases[i].text, &num, &den);

      g_test_message ("fraction \"%s\"", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_autofree char *formatted = xd_rule_format_fraction (num, den);

          g_assert_cmpint (num, ==, cases[i].num);
          g_assert_cmpint (den, ==, cases[i].den);
          g_assert_cmpstr (formatted, ==, cases[i].formatted);
        }
      else
        {
          g_assert_cmpint (num, ==, -7);
          g_assert_cmpint (den, ==, -7);
        }
    }
}

static void
test_percent (void)
{
  const struct {
    int part, whole;
    int tenths;
    const char *text;
  } cases[] = {
    { 8, 9, 889, "88,9" },
    { 2, 3, 667, "66,7" },
    { 1, 3, 333, "33,3" },
    { 7, 9, 778, "77,8" },
    { 4, 9, 444, "44,4" },
    { 5, 9, 556, "55,6" },
    { 9, 9, 1000, "100,0" },
    { 0, 9, 0, "0,0" },
    { 0, 0, 0, "0,0" },       /* empty base */
    { 5, 8, 625, "62,5" },
    { 1, 16, 63, "6,3" },     /* 6,25 rounds half up */
    { 1, 80, 13, "1,3" },     /* 1,25 rounds half up */
    { 1, 2000, 1, "0,1" },    /* 0,05 rounds half up */
    { 1, 2001, 0, "0,0" },    /* 0,04998 rounds down */
    { 1, 7, 143, "14,3" },
    { 1999, 2000, 1000, "100,0" }, /* 99,95 rounds half up */
    { 499, 500, 998, "99,8" },
    { 2147483647, 2147483647, 1000, "100,0" }, /* no overflow */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int tenths = xd_rules_percent_tenths (cases[i].part, cases[i].whole);
      g_autofree char *text = xd_rules_format_percent (tenths);

      g_assert_cmpint (tenths, ==, cases[i].tenths);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *five = xd_rules_format_percent (5);
    g_autofree char *big = xd_rules_format_percent (12345);

    g_assert_cmpstr (five, ==, "0,5");
    g_assert_cmpstr (big, ==, "1234,5");
  }
}

static void
test_describe_threshold (void)
{
  const struct {
    XdRule rule;
    const char *document;
    const char *ui;
  } cases[] = {
    { R_DEFAULT, "quá nửa tổng số thành viên", "more than half of all members" },
    { R_ALL (MORE, 2, 3), "trên 2/3 tổng số thành viên", "more than 2/3 of all members" },
    { R_ALL (LEAST, 2, 3), "ít nhất 2/3 tổng số thành viên", "at least 2/3 of all members" },
    { R_ALL (LEAST, 90, 100), "ít nhất 90% tổng số thành viên", "at least 90% of all members" },
    { R_ALL (MORE, 50, 100), "trên 50% tổng số thành viên", "more than 50% of all members" },
    { R_PRESENT (MORE, 1, 2), "quá nửa số thành viên có mặt", "more than half of the members present" },
    { R_PRESENT (MORE, 3, 5), "trên 3/5 số thành viên có mặt", "more than 3/5 of the members present" },
    { R_PRESENT (LEAST, 2, 3), "ít nhất 2/3 số thành viên có mặt", "at least 2/3 of the members present" },
    { R_CAST (XD_TIE_REVOTE), "quá nửa số phiếu hợp lệ", "more than half of the valid votes" },
    { { 2, 3, XD_BASE_VOTES_CAST, MORE, 60, 100, XD_TIE_FAILS },
      "trên 60% số phiếu hợp lệ", "more than 60% of the valid votes" },
    { { 2, 3, XD_BASE_VOTES_CAST, LEAST, 70, 100, XD_TIE_FAILS },
      "ít nhất 70% số phiếu hợp lệ", "at least 70% of the valid votes" },
    /* "quá nửa" only for exactly 1/2 with "more than" */
    { R_ALL (LEAST, 1, 2), "ít nhất 1/2 tổng số thành viên", "at least 1/2 of all members" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = xd_rule_describe_threshold (&cases[i].rule, TRUE);
      g_autofree char *ui = xd_rule_describe_threshold (&cases[i].rule, FALSE);

      g_assert_cmpstr (doc, ==, cases[i].document);
      g_assert_cmpstr (ui, ==, cases[i].ui);
    }
}

/* The UI sentences are the English msgids (no translation is loaded in
 * tests); the Vietnamese translation must read like the document. */
static void
test_explain_ui (void)
{
  const struct {
    XdRule rule;
    XdVoteCount count;
    const char *ui;
  } cases[] = {
    { R_DEFAULT, { OPEN (9, 9, 8, 1, 0) },
      "8 of 9 members in favour (88,9%) — reaches more than half of all members." },
    { R_DEFAULT, { OPEN (9, 9, 4, 3, 2) },
      "4 of 9 members in favour (44,4%) — does not reach more than half of all members." },
    { R_ALL (LEAST, 2, 3), { OPEN (9, 9, 6, 3, 0) },
      "6 of 9 members in favour (66,7%) — reaches at least 2/3 of all members." },
    { R_PRESENT (MORE, 1, 2), { OPEN (10, 8, 5, 3, 0) },
      "5 of 8 members present in favour (62,5%) — reaches more than half of the members present." },
    { R_CAST (XD_TIE_CHAIR_DECIDES), { SECRET (9, 9, 9, 8, 1, 5, 3, 0) },
      "5 of 8 valid votes in favour (62,5%) — reaches more than half of the valid votes." },
    { R_CAST (XD_TIE_CHAIR_DECIDES), { OPEN (9, 9, 4, 4, 1), CHAIR (YES) },
      "Votes in favour and against are tied (4/4); the side the chair voted for prevails: in favour — passed." },
    { R_CAST (XD_TIE_REVOTE), { OPEN (9, 9, 4, 4, 1) },
      "Votes in favour and against are tied (4/4); under the rules a tie must be voted on again." },
    { R_DEFAULT, { OPEN (9, 5, 5, 0, 0) },
      "5 of 9 members present — below the quorum (2/3) required to vote." },
    { R_DEFAULT, { OPEN (9, 5, 5, 0, 0), OVERRIDE },
      "5 of 9 members present — below the quorum (2/3), but the vote was held. "
      "5 of 9 members in favour (55,6%) — reaches more than half of all members." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *ui = NULL;
      XdVoteResult result;

      g_assert_true (xd_rules_evaluate (&cases[i].rule, &cases[i].count, &result, &error));
      g_assert_no_error (error);
      ui = xd_rules_explain (&cases[i].rule, &result, FALSE);
      g_assert_cmpstr (ui, ==, cases[i].ui);
    }
}

/* Every sentence pair, driven through all rule shapes, so that no
 * combination is left without text or with a broken format. */
static void
test_explain_every_shape (void)
{
  const XdBase bases[] = { XD_BASE_ALL_MEMBERS, XD_BASE_PRESENT, XD_BASE_VOTES_CAST };
  const XdThresholdKind kinds[] = { XD_THRESHOLD_MORE_THAN, XD_THRESHOLD_AT_LEAST };
  const int fractions[][2] = { { 1, 2 }, { 2, 3 }, { 70, 100 } };
  const XdTieRule ties[] = { XD_TIE_CHAIR_DECIDES, XD_TIE_FAILS, XD_TIE_REVOTE };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (gsize b = 0; b < G_N_ELEMENTS (bases); b++)
    for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (gsize f = 0; f < G_N_ELEMENTS (fractions); f++)
        for (gsize t = 0; t < G_N_ELEMENTS (ties); t++)
          for (int yes = 0; yes <= 10; yes++)
            for (int no = 0; yes + no <= 10; no++)
              for (int chair = -1; chair <= XD_CHOICE_ABSTAIN; chair++)
                {
                  XdRule rule = { 2, 3, bases[b], kinds[k], fractions[f][0], fractions[f][1], ties[t] };
                  XdVoteCount count = { OPEN (10, 10, yes, no, 10 - yes - no) };
                  XdVoteResult result;
                  g_autofree char *doc = NULL;
                  g_autofree char *ui = NULL;

                  if (chair >= 0)
                    {
                      count.chair_known = TRUE;
                      count.chair_choice = (XdChoice) chair;
                    }
                  if (!xd_rules_evaluate (&rule, &count, &result, NULL))
                    {
                      /* only a chair choice nobody made is refused */
                      g_assert_true (count.chair_known);
                      continue;
                    }

                  /* Outcome agrees with a direct comparison. */
                  if (!result.tie)
                    {
                      gint64 lhs = (gint64) yes * rule.threshold_den;
                      gint64 rhs = (gint64) rule.threshold_num * result.base_count;
                      gboolean pass = yes > 0 &&
                                      (kinds[k] == XD_THRESHOLD_MORE_THAN ? lhs > rhs : lhs >= rhs);

                      g_assert_cmpint (result.outcome, ==, pass ? XD_OUTCOME_PASSED : XD_OUTCOME_FAILED);
                    }
                  else
                    g_assert_true (yes == no && yes > 0);

                  doc = xd_rules_explain (&rule, &result, TRUE);
                  ui = xd_rules_explain (&rule, &result, FALSE);
                  g_assert_true (g_utf8_validate (doc, -1, NULL));
                  g_assert_true (g_str_has_suffix (doc, "."));
                  g_assert_true (g_str_has_suffix (ui, "."));
                  g_assert_null (strstr (doc, "%"  "s"));
                  g_assert_null (strstr (doc, "(null)"));
                  g_assert_null (strstr (ui, "(null)"));
                  g_hash_table_add (seen, g_steal_pointer (&doc));
                  n++;
                }

  g_assert_cmpuint (n, >, 1000);
  g_test_message ("%u results, %u different sentences", n, g_hash_table_size (seen));
}

static void
test_strings (void)
{
  static const char *choices[] = { "yes", "no", "abstain" };
  static const char *outcomes[] = { "none", "passed", "failed", "tie-revote", "no-quorum" };
  static const char *bases[] = { "all", "present", "cast" };
  static const char *kinds[] = { "more-than", "at-least" };
  static const char *ties[] = { "chair", "fail", "revote" };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      XdChoice v;
      g_assert_cmpstr (xd_choice_to_string ((XdChoice) i), ==, choices[i]);
      g_assert_true (xd_choice_from_string (choices[i], &v));
      g_assert_cmpint (v, ==, i);
      g_assert_nonnull (xd_choice_get_label (v));
    }
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      XdOutcome v;
      g_assert_cmpstr (xd_outcome_to_string ((XdOutcome) i), ==, outcomes[i]);
      g_assert_true (xd_outcome_from_string (outcomes[i], &v));
      g_assert_cmpint (v, ==, i);
      g_assert_nonnull (xd_outcome_get_label (v));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      XdBase v;
      g_assert_cmpstr (xd_base_to_string ((XdBase) i), ==, bases[i]);
      g_assert_true (xd_base_from_string (bases[i], &v));
      g_assert_cmpint (v, ==, i);
      g_assert_nonnull (xd_base_get_label (v));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      XdThresholdKind v;
      g_assert_cmpstr (xd_threshold_kind_to_string ((XdThresholdKind) i), ==, kinds[i]);
      g_assert_true (xd_threshold_kind_from_string (kinds[i], &v));
      g_assert_cmpint (v, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ties); i++)
    {
      XdTieRule v;
      g_assert_cmpstr (xd_tie_rule_to_string ((XdTieRule) i), ==, ties[i]);
      g_assert_true (xd_tie_rule_from_string (ties[i], &v));
      g_assert_cmpint (v, ==, i);
      g_assert_nonnull (xd_tie_rule_get_label (v));
    }

  /* Unknown names are refused, and the output is left alone. */
  {
    XdChoice c = XD_CHOICE_NO;
    XdOutcome o = XD_OUTCOME_FAILED;
    XdBase b = XD_BASE_PRESENT;
    XdThresholdKind k = XD_THRESHOLD_AT_LEAST;
    XdTieRule t = XD_TIE_REVOTE;

    g_assert_false (xd_choice_from_string ("Yes", &c));
    g_assert_false (xd_choice_from_string ("", &c));
    g_assert_false (xd_outcome_from_string ("tie", &o));
    g_assert_false (xd_base_from_string ("all ", &b));
    g_assert_false (xd_threshold_kind_from_string ("more_than", &k));
    g_assert_false (xd_tie_rule_from_string ("chair decides", &t));
    g_assert_cmpint (c, ==, XD_CHOICE_NO);
    g_assert_cmpint (o, ==, XD_OUTCOME_FAILED);
    g_assert_cmpint (b, ==, XD_BASE_PRESENT);
    g_assert_cmpint (k, ==, XD_THRESHOLD_AT_LEAST);
    g_assert_cmpint (t, ==, XD_TIE_REVOTE);
  }
}

static void
test_labels (void)
{
  /* UI labels are the English msgids here; document labels are fixed. */
  g_assert_cmpstr (xd_choice_get_label (XD_CHOICE_YES), ==, "In favour");
  g_assert_cmpstr (xd_choice_get_label (XD_CHOICE_NO), ==, "Against");
  g_assert_cmpstr (xd_choice_get_label (XD_CHOICE_ABSTAIN), ==, "Abstained");
  g_assert_cmpstr (xd_outcome_get_label (XD_OUTCOME_PASSED), ==, "Passed");
  g_assert_cmpstr (xd_outcome_get_label (XD_OUTCOME_FAILED), ==, "Failed");
  g_assert_cmpstr (xd_outcome_get_label (XD_OUTCOME_TIE_REVOTE), ==, "Tie — vote again");
  g_assert_cmpstr (xd_outcome_get_label (XD_OUTCOME_NO_QUORUM), ==, "No quorum");

  g_assert_cmpstr (xd_choice_get_document_label (XD_CHOICE_YES), ==, "Tán thành");
  g_assert_cmpstr (xd_choice_get_document_label (XD_CHOICE_NO), ==, "Không tán thành");
  g_assert_cmpstr (xd_choice_get_document_label (XD_CHOICE_ABSTAIN), ==, "Không biểu quyết");
  g_assert_cmpstr (xd_outcome_get_document_label (XD_OUTCOME_NONE), ==, "Chưa biểu quyết");
  g_assert_cmpstr (xd_outcome_get_document_label (XD_OUTCOME_PASSED), ==, "Đạt");
  g_assert_cmpstr (xd_outcome_get_document_label (XD_OUTCOME_FAILED), ==, "Không đạt");
  g_assert_cmpstr (xd_outcome_get_document_label (XD_OUTCOME_TIE_REVOTE), ==, "Ngang phiếu — biểu quyết lại");
  g_assert_cmpstr (xd_outcome_get_document_label (XD_OUTCOME_NO_QUORUM), ==, "Không đủ số lượng tối thiểu");

  {
    XdRule rule = XD_RULE_INIT_DEFAULT;
    XdVoteResult none = { 0 };
    g_autofree char *doc = xd_rules_explain (&rule, &none, TRUE);
    g_autofree char *ui = xd_rules_explain (&rule, &none, FALSE);

    g_assert_cmpstr (doc, ==, "Chưa biểu quyết.");
    g_assert_cmpstr (ui, ==, "Not voted yet.");
  }
}

/* The minutes must not change with the user's locale. */
static void
test_document_ignores_locale (void)
{
  XdRule rule = XD_RULE_INIT_DEFAULT;
  XdVoteCount count = { OPEN (9, 9, 8, 1, 0) };
  XdVoteResult result;
  g_autofree char *doc = NULL;
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);

  g_assert_true (xd_rules_evaluate (&rule, &count, &result, NULL));
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  doc = xd_rules_explain (&rule, &result, TRUE);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (doc, ==, "Tán thành 8/9 thành viên (88,9%) — đạt quá nửa tổng số thành viên.");
}

/* The UI follows the system language but the minutes are Vietnamese: in
 * Vietnamese the UI sentence must read exactly like the minutes.  Checked
 * against the built catalogue ($XETDUYET_LOCALEDIR, or the build tree's
 * po/), skipped while there is none. */
static void
test_ui_vietnamese_matches_document (void)
{
  const XdBase bases[] = { XD_BASE_ALL_MEMBERS, XD_BASE_PRESENT, XD_BASE_VOTES_CAST };
  const XdThresholdKind kinds[] = { XD_THRESHOLD_MORE_THAN, XD_THRESHOLD_AT_LEAST };
  const int fractions[][2] = { { 1, 2 }, { 2, 3 }, { 70, 100 } };
  const XdTieRule ties[] = { XD_TIE_CHAIR_DECIDES, XD_TIE_FAILS, XD_TIE_REVOTE };
  const char *env = g_getenv ("XETDUYET_LOCALEDIR");
  g_autofree char *dir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *saved_domain = NULL;
  guint n = 0;

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

  for (XdChoice c = XD_CHOICE_YES; c <= XD_CHOICE_ABSTAIN; c++)
    g_assert_cmpstr (xd_choice_get_label (c), ==, xd_choice_get_document_label (c));
  for (XdOutcome o = XD_OUTCOME_NONE; o <= XD_OUTCOME_NO_QUORUM; o++)
    g_assert_cmpstr (xd_outcome_get_label (o), ==, xd_outcome_get_document_label (o));

  for (gsize b = 0; b < G_N_ELEMENTS (bases); b++)
    for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (gsize f = 0; f < G_N_ELEMENTS (fractions); f++)
        for (gsize t = 0; t < G_N_ELEMENTS (ties); t++)
          {
            XdRule rule = { 2, 3, bases[b], kinds[k], fractions[f][0], fractions[f][1], ties[t] };
            /* passed, failed, each tie sentence, no quorum, overridden */
            const XdVoteCount counts[] = {
              { OPEN (10, 10, 9, 1, 0) },
              { OPEN (10, 10, 1, 9, 0) },
              { OPEN (10, 10, 5, 5, 0), CHAIR (YES) },
              { OPEN (10, 10, 5, 5, 0), CHAIR (NO) },
              { OPEN (10, 10, 4, 4, 2), CHAIR (ABSTAIN) },
              { OPEN (10, 10, 5, 5, 0) },
              { OPEN (10, 5, 5, 0, 0) },
              { OPEN (10, 5, 5, 0, 0), OVERRIDE },
            };

            for (gsize i = 0; i < G_N_ELEMENTS (counts); i++)
              {
                XdVoteResult result;
                g_autofree char *doc = NULL;
                g_autofree char *ui = NULL;
                g_autofree char *rule_doc = xd_rule_describe_threshold (&rule, TRUE);
                g_autofree char *rule_ui = xd_rule_describe_threshold (&rule, FALSE);

                g_assert_true (xd_rules_evaluate (&rule, &counts[i], &result, NULL));
                doc = xd_rules_explain (&rule, &result, TRUE);
                ui = xd_rules_explain (&rule, &result, FALSE);
                g_assert_cmpstr (ui, ==, doc);
                g_assert_cmpstr (rule_ui, ==, rule_doc);
                n++;
              }
          }

  textdomain (saved_domain);
  setlocale (LC_ALL, saved);
  g_test_message ("%u sentences compared", n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (eval_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/rules/evaluate/%s", eval_cases[i].name);

      g_test_add_data_func (path, &eval_cases[i], test_evaluate_case);
    }

  g_test_add_func ("/core/rules/count-open", test_count_open);
  g_test_add_func ("/core/rules/count-open/tie-chair", test_count_open_tie_chair);
  g_test_add_func ("/core/rules/count-open/partial", test_count_open_partial);
  g_test_add_func ("/core/rules/count-open/errors", test_count_open_errors);
  g_test_add_func ("/core/rules/error-messages", test_error_messages);
  g_test_add_func ("/core/rules/default", test_rule_default);
  g_test_add_func ("/core/rules/parse-threshold", test_parse_threshold);
  g_test_add_func ("/core/rules/parse-fraction", test_parse_fraction);
  g_test_add_func ("/core/rules/percent", test_percent);
  g_test_add_func ("/core/rules/describe-threshold", test_describe_threshold);
  g_test_add_func ("/core/rules/explain-ui", test_explain_ui);
  g_test_add_func ("/core/rules/explain-every-shape", test_explain_every_shape);
  g_test_add_func ("/core/rules/strings", test_strings);
  g_test_add_func ("/core/rules/labels", test_labels);
  g_test_add_func ("/core/rules/document-ignores-locale", test_document_ignores_locale);
  g_test_add_func ("/core/rules/ui-vietnamese-matches-document", test_ui_vietnamese_matches_document);

  return g_test_run ();
}
