/* xd-rules.c — voting rules: quorum, majority, tie-break (pure functions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xd-rules.h"

G_DEFINE_QUARK (xd-rules-error-quark, xd_rules_error)

/* The minutes are always Vietnamese, the UI follows the system language.
 * Every sentence is therefore written twice, side by side: the fixed
 * Vietnamese text of the document, and the English msgid whose Vietnamese
 * translation must read word for word like it.  Keeping both literal (no
 * table) lets the compiler check every format string. */
#define PICK(vi, ui) (for_document ? (vi) : (ui))

/* "quá nửa" is how Vietnamese rules say "more than 1/2"; any other
 * threshold is written with its number ("trên 2/3", "ít nhất 70%"). */
typedef enum {
  FORM_MORE_THAN_HALF,
  FORM_MORE_THAN,
  FORM_AT_LEAST,
} ThresholdForm;

static ThresholdForm
threshold_form (const XdRule *rule)
{
  switch (rule->threshold_kind)
    {
    case XD_THRESHOLD_MORE_THAN:
      if (rule->threshold_num == 1 && rule->threshold_den == 2)
        return FORM_MORE_THAN_HALF;
      return FORM_MORE_THAN;
    case XD_THRESHOLD_AT_LEAST:
      return FORM_AT_LEAST;
    default:
      g_assert_not_reached ();
    }
}

/* yes / base compared with num / den, cross-multiplied in 64 bits so that
 * no rounding can move a boundary. */
static gboolean
reaches (XdThresholdKind kind,
         int             yes,
         int             base,
         int             num,
         int             den)
{
  gint64 lhs = (gint64) yes * den;
  gint64 rhs = (gint64) num * base;

  switch (kind)
    {
    case XD_THRESHOLD_MORE_THAN:
      return lhs > rhs;
    case XD_THRESHOLD_AT_LEAST:
      return lhs >= rhs;
    default:
      g_assert_not_reached ();
    }
}

/* Digits only: no sign, no spaces, no "0x"; at most 9 digits so the value
 * always fits in an int. */
static gboolean
parse_count (const char *text,
             int        *out)
{
  gsize len = strlen (text);
  int value = 0;

  if (len == 0 || len > 9)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
check_count (const XdVoteCount *count,
             GError           **error)
{
  gint64 choices = (gint64) count->yes + count->no + count->abstain;

  if (count->members_total <= 0)
    {
      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                   _("The council must have at least one voting member (it has %d)."),
                   count->members_total);
      return FALSE;
    }
  if (count->members_present < 0)
    {
      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                   _("The number of members present (%d) cannot be negative."),
                   count->members_present);
      return FALSE;
    }
  if (count->yes < 0)
    {
      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                   _("The number of votes in favour (%d) cannot be negative."),
                   count->yes);
      return FALSE;
    }
  if (count->no < 0)
    {
      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                   _("The number of votes against (%d) cannot be negative."),
                   count->no);
      return FALSE;
    }
  if (count->abstain < 0)
    {
      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                   _("The number of abstentions (%d) cannot be negative."),
                   count->abstain);
      return FALSE;
    }
  if (count->members_present > count->members_total)
    {
      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                   _("Members present (%d) cannot be more than the members of the council (%d)."),
                   count->members_present, count->members_total);
      return FALSE;
    }

  if (count->secret)
    {
      if (count->ballots_issued < 0)
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("The number of ballots issued (%d) cannot be negative."),
                       count->ballots_issued);
          return FALSE;
        }
      if (count->ballots_valid < 0)
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("The number of valid ballots (%d) cannot be negative."),
                       count->ballots_valid);
          return FALSE;
        }
      if (count->ballots_invalid < 0)
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("The number of invalid ballots (%d) cannot be negative."),
                       count->ballots_invalid);
          return FALSE;
        }
      if (count->ballots_issued > count->members_present)
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("Ballots issued (%d) cannot be more than the members present (%d)."),
                       count->ballots_issued, count->members_present);
          return FALSE;
        }
      if ((gint64) count->ballots_valid + count->ballots_invalid != count->ballots_issued)
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("Ballots valid (%d) and invalid (%d) do not add up to ballots issued (%d)."),
                       count->ballots_valid, count->ballots_invalid, count->ballots_issued);
          return FALSE;
        }
      if (choices != count->ballots_valid)
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("Votes in favour (%d), against (%d) and abstentions (%d) do not add up to the valid ballots (%d)."),
                       count->yes, count->no, count->abstain, count->ballots_valid);
          return FALSE;
        }
    }
  else if (choices > count->members_present)
    {
      /* Fewer choices than members is fine: the count may still be going on. */
      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                   _("The choices recorded (%d) are more than the members present (%d)."),
                   (int) MIN (choices, G_MAXINT), count->members_present);
      return FALSE;
    }

  if (count->chair_known)
    {
      switch (count->chair_choice)
        {
        case XD_CHOICE_YES:
          if (count->yes == 0)
            {
              g_set_error_literal (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                                   _("The chair is recorded as voting in favour, but no votes in favour were counted."));
              return FALSE;
            }
          break;
        case XD_CHOICE_NO:
          if (count->no == 0)
            {
              g_set_error_literal (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                                   _("The chair is recorded as voting against, but no votes against were counted."));
              return FALSE;
            }
          break;
        case XD_CHOICE_ABSTAIN:
          if (count->abstain == 0)
            {
              g_set_error_literal (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                                   _("The chair is recorded as abstaining, but no abstentions were counted."));
              return FALSE;
            }
          break;
        default:
          g_set_error_literal (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                               _("The chair’s recorded choice is not valid."));
          return FALSE;
        }
    }

  return TRUE;
}

static int
base_count (XdBase             base,
            const XdVoteCount *count)
{
  switch (base)
    {
    case XD_BASE_ALL_MEMBERS:
      return count->members_total;
    case XD_BASE_PRESENT:
      return count->members_present;
    case XD_BASE_VOTES_CAST:
      /* "Không biểu quyết" is not a vote for either side, and invalid
       * ballots are not votes at all. */
      return count->yes + count->no;
    default:
      g_assert_not_reached ();
    }
}

static char *
explain_decision (const XdRule       *rule,
                  const XdVoteResult *r,
                  gboolean            for_document)
{
  g_autofree char *pct = xd_rules_format_percent (r->percent_tenths);
  g_autofree char *value = xd_rule_format_fraction (rule->threshold_num, rule->threshold_den);
  gboolean ok = r->outcome == XD_OUTCOME_PASSED;
  int y = r->yes;
  int b = r->base_count;

  switch (rule->base)
    {
    case XD_BASE_ALL_MEMBERS:
      switch (threshold_form (rule))
        {
        case FORM_MORE_THAN_HALF:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d thành viên (%s%%) — đạt quá nửa tổng số thành viên.",
                                          _("%d of %d members in favour (%s%%) — reaches more than half of all members.")),
                                    y, b, pct);
          return g_strdup_printf (PICK ("Tán thành %d/%d thành viên (%s%%) — không đạt quá nửa tổng số thành viên.",
                                        _("%d of %d members in favour (%s%%) — does not reach more than half of all members.")),
                                  y, b, pct);
        case FORM_MORE_THAN:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d thành viên (%s%%) — đạt trên %s tổng số thành viên.",
                                          _("%d of %d members in favour (%s%%) — reaches more than %s of all members.")),
                                    y, b, pct, value);
          return g_strdup_printf (PICK ("Tán thành %d/%d thành viên (%s%%) — không đạt trên %s tổng số thành viên.",
                                        _("%d of %d members in favour (%s%%) — does not reach more than %s of all members.")),
                                  y, b, pct, value);
        case FORM_AT_LEAST:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d thành viên (%s%%) — đạt ít nhất %s tổng số thành viên.",
                                          _("%d of %d members in favour (%s%%) — reaches at least %s of all members.")),
                                    y, b, pct, value);
          return g_strdup_printf (PICK ("Tán thành %d/%d thành viên (%s%%) — không đạt ít nhất %s tổng số thành viên.",
                                        _("%d of %d members in favour (%s%%) — does not reach at least %s of all members.")),
                                  y, b, pct, value);
        default:
          g_assert_not_reached ();
        }

    case XD_BASE_PRESENT:
      switch (threshold_form (rule))
        {
        case FORM_MORE_THAN_HALF:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d thành viên có mặt (%s%%) — đạt quá nửa số thành viên có mặt.",
                                          _("%d of %d members present in favour (%s%%) — reaches more than half of the members present.")),
                                    y, b, pct);
          return g_strdup_printf (PICK ("Tán thành %d/%d thành viên có mặt (%s%%) — không đạt quá nửa số thành viên có mặt.",
                                        _("%d of %d members present in favour (%s%%) — does not reach more than half of the members present.")),
                                  y, b, pct);
        case FORM_MORE_THAN:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d thành viên có mặt (%s%%) — đạt trên %s số thành viên có mặt.",
                                          _("%d of %d members present in favour (%s%%) — reaches more than %s of the members present.")),
                                    y, b, pct, value);
          return g_strdup_printf (PICK ("Tán thành %d/%d thành viên có mặt (%s%%) — không đạt trên %s số thành viên có mặt.",
                                        _("%d of %d members present in favour (%s%%) — does not reach more than %s of the members present.")),
                                  y, b, pct, value);
        case FORM_AT_LEAST:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d thành viên có mặt (%s%%) — đạt ít nhất %s số thành viên có mặt.",
                                          _("%d of %d members present in favour (%s%%) — reaches at least %s of the members present.")),
                                    y, b, pct, value);
          return g_strdup_printf (PICK ("Tán thành %d/%d thành viên có mặt (%s%%) — không đạt ít nhất %s số thành viên có mặt.",
                                        _("%d of %d members present in favour (%s%%) — does not reach at least %s of the members present.")),
                                  y, b, pct, value);
        default:
          g_assert_not_reached ();
        }

    case XD_BASE_VOTES_CAST:
      switch (threshold_form (rule))
        {
        case FORM_MORE_THAN_HALF:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d phiếu hợp lệ (%s%%) — đạt quá nửa số phiếu hợp lệ.",
                                          _("%d of %d valid votes in favour (%s%%) — reaches more than half of the valid votes.")),
                                    y, b, pct);
          return g_strdup_printf (PICK ("Tán thành %d/%d phiếu hợp lệ (%s%%) — không đạt quá nửa số phiếu hợp lệ.",
                                        _("%d of %d valid votes in favour (%s%%) — does not reach more than half of the valid votes.")),
                                  y, b, pct);
        case FORM_MORE_THAN:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d phiếu hợp lệ (%s%%) — đạt trên %s số phiếu hợp lệ.",
                                          _("%d of %d valid votes in favour (%s%%) — reaches more than %s of the valid votes.")),
                                    y, b, pct, value);
          return g_strdup_printf (PICK ("Tán thành %d/%d phiếu hợp lệ (%s%%) — không đạt trên %s số phiếu hợp lệ.",
                                        _("%d of %d valid votes in favour (%s%%) — does not reach more than %s of the valid votes.")),
                                  y, b, pct, value);
        case FORM_AT_LEAST:
          if (ok)
            return g_strdup_printf (PICK ("Tán thành %d/%d phiếu hợp lệ (%s%%) — đạt ít nhất %s số phiếu hợp lệ.",
                                          _("%d of %d valid votes in favour (%s%%) — reaches at least %s of the valid votes.")),
                                    y, b, pct, value);
          return g_strdup_printf (PICK ("Tán thành %d/%d phiếu hợp lệ (%s%%) — không đạt ít nhất %s số phiếu hợp lệ.",
                                        _("%d of %d valid votes in favour (%s%%) — does not reach at least %s of the valid votes.")),
                                  y, b, pct, value);
        default:
          g_assert_not_reached ();
        }

    default:
      g_assert_not_reached ();
    }
}

static char *
explain_tie (const XdRule       *rule,
             const XdVoteResult *r,
             gboolean            for_document)
{
  switch (rule->tie_rule)
    {
    case XD_TIE_CHAIR_DECIDES:
      if (r->decided_by_chair && r->chair_choice == XD_CHOICE_YES)
        return g_strdup_printf (PICK ("Số phiếu tán thành và không tán thành ngang nhau (%d/%d); thực hiện theo ý kiến chủ tọa đã biểu quyết: tán thành — đạt.",
                                      _("Votes in favour and against are tied (%d/%d); the side the chair voted for prevails: in favour — passed.")),
                                r->yes, r->no);
      if (r->decided_by_chair && r->chair_choice == XD_CHOICE_NO)
        return g_strdup_printf (PICK ("Số phiếu tán thành và không tán thành ngang nhau (%d/%d); thực hiện theo ý kiến chủ tọa đã biểu quyết: không tán thành — không đạt.",
                                      _("Votes in favour and against are tied (%d/%d); the side the chair voted for prevails: against — failed.")),
                                r->yes, r->no);
      if (r->chair_known && r->chair_choice == XD_CHOICE_ABSTAIN)
        return g_strdup_printf (PICK ("Số phiếu tán thành và không tán thành ngang nhau (%d/%d); chủ tọa không biểu quyết — phải biểu quyết lại.",
                                      _("Votes in favour and against are tied (%d/%d); the chair abstained — the vote must be repeated.")),
                                r->yes, r->no);
      return g_strdup_printf (PICK ("Số phiếu tán thành và không tán thành ngang nhau (%d/%d); không xác định được ý kiến biểu quyết của chủ tọa — phải biểu quyết lại.",
                                    _("Votes in favour and against are tied (%d/%d); the chair’s vote is not known — the vote must be repeated.")),
                              r->yes, r->no);
    case XD_TIE_FAILS:
      return g_strdup_printf (PICK ("Số phiếu tán thành và không tán thành ngang nhau (%d/%d); theo quy định, trường hợp ngang phiếu thì không đạt.",
                                    _("Votes in favour and against are tied (%d/%d); under the rules a tie means the proposal fails.")),
                              r->yes, r->no);
    case XD_TIE_REVOTE:
      return g_strdup_printf (PICK ("Số phiếu tán thành và không tán thành ngang nhau (%d/%d); theo quy định, trường hợp ngang phiếu thì phải biểu quyết lại.",
                                    _("Votes in favour and against are tied (%d/%d); under the rules a tie must be voted on again.")),
                              r->yes, r->no);
    default:
      g_assert_not_reached ();
    }
}

/* ── Rule ───────────────────────────────────────────────────────────────── */

void
xd_rule_init_default (XdRule *rule)
{
  const XdRule def = XD_RULE_INIT_DEFAULT;

  g_return_if_fail (rule != NULL);

  *rule = def;
}

gboolean
xd_rule_validate (const XdRule *rule,
                  GError      **error)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Enum values come from the database or an imported file: out of range
   * means damaged data, not a programming error. */
  if ((guint) rule->base > XD_BASE_VOTES_CAST ||
      (guint) rule->threshold_kind > XD_THRESHOLD_AT_LEAST ||
      (guint) rule->tie_rule > XD_TIE_REVOTE)
    {
      g_set_error_literal (error, XD_RULES_ERROR, XD_RULES_ERROR_INVALID_RULE,
                           _("The voting rule is damaged (it has an unknown setting). Set the voting rule again."));
      return FALSE;
    }

  /* A quorum of 0 is allowed: it means "no minimum". */
  if (rule->quorum_den < 1 || rule->quorum_num < 0 || rule->quorum_num > rule->quorum_den)
    {
      g_autofree char *value = xd_rule_format_fraction (rule->quorum_num, rule->quorum_den);

      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INVALID_RULE,
                   _("The quorum (%s) is not valid. Write it as a fraction no greater than 1, such as 2/3, or as a percentage up to 100%%."),
                   value);
      return FALSE;
    }

  if (rule->threshold_den < 1 || rule->threshold_num < 1 ||
      rule->threshold_num > rule->threshold_den)
    {
      g_autofree char *value = xd_rule_format_fraction (rule->threshold_num, rule->threshold_den);

      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INVALID_RULE,
                   _("The majority (%s) is not valid. Write it as a fraction no greater than 1, such as 1/2 or 2/3, or as a percentage from 1%% to 100%%."),
                   value);
      return FALSE;
    }

  if (rule->threshold_kind == XD_THRESHOLD_MORE_THAN &&
      rule->threshold_num == rule->threshold_den)
    {
      g_autofree char *value = xd_rule_format_fraction (rule->threshold_num, rule->threshold_den);

      g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INVALID_RULE,
                   _("No vote can be more than %s. Choose “at least” or a smaller majority."),
                   value);
      return FALSE;
    }

  return TRUE;
}

gboolean
xd_rule_is_valid (const XdRule *rule)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  return xd_rule_validate (rule, NULL);
}

char *
xd_rule_describe_threshold (const XdRule *rule,
                            gboolean      for_document)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (xd_rule_is_valid (rule), NULL);

  value = xd_rule_format_fraction (rule->threshold_num, rule->threshold_den);

  switch (rule->base)
    {
    case XD_BASE_ALL_MEMBERS:
      switch (threshold_form (rule))
        {
        case FORM_MORE_THAN_HALF:
          return g_strdup (PICK ("quá nửa tổng số thành viên", _("more than half of all members")));
        case FORM_MORE_THAN:
          return g_strdup_printf (PICK ("trên %s tổng số thành viên", _("more than %s of all members")), value);
        case FORM_AT_LEAST:
          return g_strdup_printf (PICK ("ít nhất %s tổng số thành viên", _("at least %s of all members")), value);
        default:
          g_assert_not_reached ();
        }
    case XD_BASE_PRESENT:
      switch (threshold_form (rule))
        {
        case FORM_MORE_THAN_HALF:
          return g_strdup (PICK ("quá nửa số thành viên có mặt", _("more than half of the members present")));
        case FORM_MORE_THAN:
          return g_strdup_printf (PICK ("trên %s số thành viên có mặt", _("more than %s of the members present")), value);
        case FORM_AT_LEAST:
          return g_strdup_printf (PICK ("ít nhất %s số thành viên có mặt", _("at least %s of the members present")), value);
        default:
          g_assert_not_reached ();
        }
    case XD_BASE_VOTES_CAST:
      switch (threshold_form (rule))
        {
        case FORM_MORE_THAN_HALF:
          return g_strdup (PICK ("quá nửa số phiếu hợp lệ", _("more than half of the valid votes")));
        case FORM_MORE_THAN:
          return g_strdup_printf (PICK ("trên %s số phiếu hợp lệ", _("more than %s of the valid votes")), value);
        case FORM_AT_LEAST:
          return g_strdup_printf (PICK ("ít nhất %s số phiếu hợp lệ", _("at least %s of the valid votes")), value);
        default:
          g_assert_not_reached ();
        }
    default:
      g_assert_not_reached ();
    }
}

gboolean
xd_rule_parse_fraction (const char *text,
                        int        *num,
                        int        *den)
{
  g_autofree char *copy = NULL;
  char *slash;
  char *percent;
  int n, d;

  g_return_val_if_fail (text != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  slash = strchr (copy, '/');
  percent = strchr (copy, '%');

  if (percent != NULL)
    {
      if (slash != NULL || percent[1] != '\0')
        return FALSE;
      *percent = '\0';
      if (!parse_count (g_strstrip (copy), &n))
        return FALSE;
      d = 100;
    }
  else if (slash != NULL)
    {
      *slash = '\0';
      if (!parse_count (g_strstrip (copy), &n) ||
          !parse_count (g_strstrip (slash + 1), &d))
        return FALSE;
    }
  else
    return FALSE;

  if (d < 1 || n > d)
    return FALSE;

  if (num != NULL)
    *num = n;
  if (den != NULL)
    *den = d;
  return TRUE;
}

char *
xd_rule_format_fraction (int num,
                         int den)
{
  if (den == 100)
    return g_strdup_printf ("%d%%", num);
  return g_strdup_printf ("%d/%d", num, den);
}

gboolean
xd_rule_parse_threshold (const char      *text,
                         XdThresholdKind *kind,
                         int             *num,
                         int             *den)
{
  const char *rest;
  XdThresholdKind k;
  int n, d;

  g_return_val_if_fail (text != NULL, FALSE);

  while (g_ascii_isspace (*text))
    text++;

  if (g_str_has_prefix (text, ">="))
    {
      k = XD_THRESHOLD_AT_LEAST;
      rest = text + strlen (">=");
    }
  else if (g_str_has_prefix (text, "≥"))
    {
      k = XD_THRESHOLD_AT_LEAST;
      rest = text + strlen ("≥");
    }
  else if (g_str_has_prefix (text, ">"))
    {
      k = XD_THRESHOLD_MORE_THAN;
      rest = text + strlen (">");
    }
  else
    return FALSE;

  if (!xd_rule_parse_fraction (rest, &n, &d))
    return FALSE;

  /* Only what a rule may hold: "at least 0" means nothing, and nothing can
   * be "more than all". */
  if (n < 1 || (k == XD_THRESHOLD_MORE_THAN && n == d))
    return FALSE;

  if (kind != NULL)
    *kind = k;
  if (num != NULL)
    *num = n;
  if (den != NULL)
    *den = d;
  return TRUE;
}

char *
xd_rule_format_threshold (const XdRule *rule)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (rule != NULL, NULL);

  value = xd_rule_format_fraction (rule->threshold_num, rule->threshold_den);

  switch (rule->threshold_kind)
    {
    case XD_THRESHOLD_MORE_THAN:
      return g_strconcat (">", value, NULL);
    case XD_THRESHOLD_AT_LEAST:
      return g_strconcat (">=", value, NULL);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ── Names ──────────────────────────────────────────────────────────────── */

const char *
xd_base_to_string (XdBase base)
{
  switch (base)
    {
    case XD_BASE_ALL_MEMBERS: return "all";
    case XD_BASE_PRESENT:     return "present";
    case XD_BASE_VOTES_CAST:  return "cast";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
xd_base_from_string (const char *str,
                     XdBase     *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_str_equal (str, "all"))
    *out = XD_BASE_ALL_MEMBERS;
  else if (g_str_equal (str, "present"))
    *out = XD_BASE_PRESENT;
  else if (g_str_equal (str, "cast"))
    *out = XD_BASE_VOTES_CAST;
  else
    return FALSE;
  return TRUE;
}

const char *
xd_threshold_kind_to_string (XdThresholdKind kind)
{
  switch (kind)
    {
    case XD_THRESHOLD_MORE_THAN: return "more-than";
    case XD_THRESHOLD_AT_LEAST:  return "at-least";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
xd_threshold_kind_from_string (const char      *str,
                               XdThresholdKind *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_str_equal (str, "more-than"))
    *out = XD_THRESHOLD_MORE_THAN;
  else if (g_str_equal (str, "at-least"))
    *out = XD_THRESHOLD_AT_LEAST;
  else
    return FALSE;
  return TRUE;
}

const char *
xd_tie_rule_to_string (XdTieRule tie)
{
  switch (tie)
    {
    case XD_TIE_CHAIR_DECIDES: return "chair";
    case XD_TIE_FAILS:         return "fail";
    case XD_TIE_REVOTE:        return "revote";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
xd_tie_rule_from_string (const char *str,
                         XdTieRule  *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_str_equal (str, "chair"))
    *out = XD_TIE_CHAIR_DECIDES;
  else if (g_str_equal (str, "fail"))
    *out = XD_TIE_FAILS;
  else if (g_str_equal (str, "revote"))
    *out = XD_TIE_REVOTE;
  else
    return FALSE;
  return TRUE;
}

const char *
xd_choice_to_string (XdChoice choice)
{
  switch (choice)
    {
    case XD_CHOICE_YES:     return "yes";
    case XD_CHOICE_NO:      return "no";
    case XD_CHOICE_ABSTAIN: return "abstain";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
xd_choice_from_string (const char *str,
                       XdChoice   *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_str_equal (str, "yes"))
    *out = XD_CHOICE_YES;
  else if (g_str_equal (str, "no"))
    *out = XD_CHOICE_NO;
  else if (g_str_equal (str, "abstain"))
    *out = XD_CHOICE_ABSTAIN;
  else
    return FALSE;
  return TRUE;
}

const char *
xd_choice_get_label (XdChoice choice)
{
  switch (choice)
    {
    case XD_CHOICE_YES:     return C_("vote choice", "In favour");
    case XD_CHOICE_NO:      return C_("vote choice", "Against");
    case XD_CHOICE_ABSTAIN: return C_("vote choice", "Abstained");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
xd_choice_get_document_label (XdChoice choice)
{
  switch (choice)
    {
    case XD_CHOICE_YES:     return "Tán thành";
    case XD_CHOICE_NO:      return "Không tán thành";
    case XD_CHOICE_ABSTAIN: return "Không biểu quyết";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
xd_outcome_to_string (XdOutcome outcome)
{
  switch (outcome)
    {
    case XD_OUTCOME_NONE:       return "none";
    case XD_OUTCOME_PASSED:     return "passed";
    case XD_OUTCOME_FAILED:     return "failed";
    case XD_OUTCOME_TIE_REVOTE: return "tie-revote";
    case XD_OUTCOME_NO_QUORUM:  return "no-quorum";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
xd_outcome_from_string (const char *str,
                        XdOutcome  *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_str_equal (str, "none"))
    *out = XD_OUTCOME_NONE;
  else if (g_str_equal (str, "passed"))
    *out = XD_OUTCOME_PASSED;
  else if (g_str_equal (str, "failed"))
    *out = XD_OUTCOME_FAILED;
  else if (g_str_equal (str, "tie-revote"))
    *out = XD_OUTCOME_TIE_REVOTE;
  else if (g_str_equal (str, "no-quorum"))
    *out = XD_OUTCOME_NO_QUORUM;
  else
    return FALSE;
  return TRUE;
}

const char *
xd_outcome_get_label (XdOutcome outcome)
{
  switch (outcome)
    {
    case XD_OUTCOME_NONE:       return C_("vote outcome", "Not voted");
    case XD_OUTCOME_PASSED:     return C_("vote outcome", "Passed");
    case XD_OUTCOME_FAILED:     return C_("vote outcome", "Failed");
    case XD_OUTCOME_TIE_REVOTE: return C_("vote outcome", "Tie — vote again");
    case XD_OUTCOME_NO_QUORUM:  return C_("vote outcome", "No quorum");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
xd_outcome_get_document_label (XdOutcome outcome)
{
  switch (outcome)
    {
    case XD_OUTCOME_NONE:       return "Chưa biểu quyết";
    case XD_OUTCOME_PASSED:     return "Đạt";
    case XD_OUTCOME_FAILED:     return "Không đạt";
    case XD_OUTCOME_TIE_REVOTE: return "Ngang phiếu — biểu quyết lại";
    case XD_OUTCOME_NO_QUORUM:  return "Không đủ số lượng tối thiểu";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
xd_base_get_label (XdBase base)
{
  switch (base)
    {
    case XD_BASE_ALL_MEMBERS: return C_("majority base", "All members");
    case XD_BASE_PRESENT:     return C_("majority base", "Members present");
    case XD_BASE_VOTES_CAST:  return C_("majority base", "Valid votes");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
xd_tie_rule_get_label (XdTieRule tie)
{
  switch (tie)
    {
    case XD_TIE_CHAIR_DECIDES: return C_("tie rule", "The chair’s side wins");
    case XD_TIE_FAILS:         return C_("tie rule", "The proposal fails");
    case XD_TIE_REVOTE:        return C_("tie rule", "Vote again");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ── Engine ─────────────────────────────────────────────────────────────── */

gboolean
xd_rules_count_open (int             members_total,
                     const gint64   *present_ids,
                     gsize           n_present,
                     const gint64   *voter_ids,
                     const XdChoice *choices,
                     gsize           n_votes,
                     gint64          chair_id,
                     XdVoteCount    *out,
                     GError        **error)
{
  g_autoptr(GHashTable) present = NULL;
  g_autoptr(GHashTable) voted = NULL;
  XdVoteCount c = { 0 };

  g_return_val_if_fail (n_present == 0 || present_ids != NULL, FALSE);
  g_return_val_if_fail (n_votes == 0 || (voter_ids != NULL && choices != NULL), FALSE);
  g_return_val_if_fail (n_present <= G_MAXINT, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The keys point into the caller's arrays, which outlive this call. */
  present = g_hash_table_new (g_int64_hash, g_int64_equal);
  voted = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (gsize i = 0; i < n_present; i++)
    {
      if (!g_hash_table_add (present, (gpointer) &present_ids[i]))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, present_ids[i]);

          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("The same member is marked present twice (member no. %s)."), id);
          return FALSE;
        }
    }

  c.secret = FALSE;
  c.members_total = members_total;
  c.members_present = (int) n_present;

  for (gsize i = 0; i < n_votes; i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, voter_ids[i]);

      if (!g_hash_table_contains (present, &voter_ids[i]))
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("A choice was recorded for a member who is not marked present (member no. %s)."),
                       id);
          return FALSE;
        }
      if (!g_hash_table_add (voted, (gpointer) &voter_ids[i]))
        {
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("Two choices were recorded for the same member (member no. %s)."),
                       id);
          return FALSE;
        }

      switch (choices[i])
        {
        case XD_CHOICE_YES:
          c.yes++;
          break;
        case XD_CHOICE_NO:
          c.no++;
          break;
        case XD_CHOICE_ABSTAIN:
          c.abstain++;
          break;
        default:
          g_set_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT,
                       _("The choice recorded for member no. %s is not valid."), id);
          return FALSE;
        }

      if (chair_id != 0 && voter_ids[i] == chair_id)
        {
          c.chair_known = TRUE;
          c.chair_choice = choices[i];
        }
    }

  *out = c;
  return TRUE;
}

/* Ties.  A tie is yes == no with yes > 0 (all abstaining is not a tie, it
 * simply fails).  The tie rule only applies when the tie is what stands
 * between the vote and a decision, that is when yes would reach an "at
 * least" version of the threshold:
 *
 *   - "more than 1/2 of valid votes", 4–4: 4/8 is exactly 1/2, so the
 *     tie rule decides;
 *   - "more than 1/2 of all members (10)", 4–4 with 2 absent: 4/10 is
 *     short of even "at least 1/2", so the vote simply fails — neither side
 *     has the majority the rule asks for, and the chair cannot create one;
 *   - with 5–5 of 10 all present the tie rule decides again.
 *
 * As yes == no and every base holds at least yes + no, yes / base <= 1/2:
 * the tie rule can only ever apply to thresholds of 1/2 or less.  When it
 * applies it takes precedence even over a threshold that yes alone passed
 * (say "more than 1/3"), because then "against" passed it too.
 *
 * Nothing passes with zero votes in favour, whatever the threshold. */
gboolean
xd_rules_evaluate (const XdRule      *rule,
                   const XdVoteCount *count,
                   XdVoteResult      *result,
                   GError           **error)
{
  XdVoteResult r = { 0 };

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *result = r;

  if (!xd_rule_validate (rule, error) || !check_count (count, error))
    return FALSE;

  r.secret = count->secret;
  r.members_total = count->members_total;
  r.members_present = count->members_present;
  r.yes = count->yes;
  r.no = count->no;
  r.abstain = count->abstain;
  r.chair_known = count->chair_known;
  r.chair_choice = count->chair_known ? count->chair_choice : XD_CHOICE_ABSTAIN;
  r.base_count = base_count (rule->base, count);
  r.percent_tenths = xd_rules_percent_tenths (r.yes, r.base_count);
  r.quorum_met = (gint64) count->members_present * rule->quorum_den >=
                 (gint64) rule->quorum_num * count->members_total;

  if (!r.quorum_met && !count->override_quorum)
    {
      r.outcome = XD_OUTCOME_NO_QUORUM;
      *result = r;
      return TRUE;
    }
  r.quorum_overridden = !r.quorum_met;

  r.threshold_met = r.yes > 0 &&
                    reaches (rule->threshold_kind, r.yes, r.base_count,
                             rule->threshold_num, rule->threshold_den);

  if (r.yes == r.no && r.yes > 0 &&
      reaches (XD_THRESHOLD_AT_LEAST, r.yes, r.base_count,
               rule->threshold_num, rule->threshold_den))
    {
      r.tie = TRUE;

      switch (rule->tie_rule)
        {
        case XD_TIE_CHAIR_DECIDES:
          if (r.chair_known && r.chair_choice == XD_CHOICE_YES)
            {
              r.outcome = XD_OUTCOME_PASSED;
              r.decided_by_chair = TRUE;
            }
          else if (r.chair_known && r.chair_choice == XD_CHOICE_NO)
            {
              r.outcome = XD_OUTCOME_FAILED;
              r.decided_by_chair = TRUE;
            }
          else
            /* The chair abstained or voted in secret: no side to follow. */
            r.outcome = XD_OUTCOME_TIE_REVOTE;
          break;
        case XD_TIE_FAILS:
          r.outcome = XD_OUTCOME_FAILED;
          break;
        case XD_TIE_REVOTE:
          r.outcome = XD_OUTCOME_TIE_REVOTE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  else
    r.outcome = r.threshold_met ? XD_OUTCOME_PASSED : XD_OUTCOME_FAILED;

  *result = r;
  return TRUE;
}

char *
xd_rules_explain (const XdRule       *rule,
                  const XdVoteResult *result,
                  gboolean            for_document)
{
  g_autofree char *quorum = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (xd_rule_is_valid (rule), NULL);

  quorum = xd_rule_format_fraction (rule->quorum_num, rule->quorum_den);

  switch (result->outcome)
    {
    case XD_OUTCOME_NONE:
      return g_strdup (PICK ("Chưa biểu quyết.", _("Not voted yet.")));

    case XD_OUTCOME_NO_QUORUM:
      return g_strdup_printf (PICK ("Có mặt %d/%d thành viên — không đủ số lượng tối thiểu (%s) để biểu quyết.",
                                    _("%d of %d members present — below the quorum (%s) required to vote.")),
                              result->members_present, result->members_total, quorum);

    case XD_OUTCOME_PASSED:
    case XD_OUTCOME_FAILED:
    case XD_OUTCOME_TIE_REVOTE:
      if (result->tie || result->outcome == XD_OUTCOME_TIE_REVOTE)
        decision = explain_tie (rule, result, for_document);
      else
        decision = explain_decision (rule, result, for_document);

      if (!result->quorum_overridden)
        return g_steal_pointer (&decision);

      /* Two whole sentences: the minutes must say the vote went ahead
       * without a quorum before saying what it decided. */
      prefix = g_strdup_printf (PICK ("Có mặt %d/%d thành viên — không đủ số lượng tối thiểu (%s) nhưng vẫn tiến hành biểu quyết.",
                                      _("%d of %d members present — below the quorum (%s), but the vote was held.")),
                                result->members_present, result->members_total, quorum);
      return g_strconcat (prefix, " ", decision, NULL);

    default:
      g_return_val_if_reached (NULL);
    }
}

int
xd_rules_quorum_minimum (const XdRule *rule,
                         int           total)
{
  g_return_val_if_fail (rule != NULL, 0);
  g_return_val_if_fail (xd_rule_is_valid (rule), 0);
  g_return_val_if_fail (total >= 0, 0);

  /* ceil (num * total / den) without floating point: 2/3 of 9 is 6 exactly,
   * 2/3 of 10 is 7. */
  return (int) (((gint64) rule->quorum_num * total + rule->quorum_den - 1) / rule->quorum_den);
}

gboolean
xd_rules_quorum_met (const XdRule *rule,
                     int           present,
                     int           total)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (xd_rule_is_valid (rule), FALSE);

  if (total <= 0)
    return FALSE;

  /* The same test as xd_rules_evaluate (), so the attendance view and the
   * vote can never disagree. */
  return (gint64) present * rule->quorum_den >= (gint64) rule->quorum_num * total;
}

char *
xd_rules_describe_quorum (const XdRule *rule,
                          int           present,
                          int           total)
{
  g_autofree char *quorum = NULL;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (xd_rule_is_valid (rule), NULL);
  g_return_val_if_fail (present >= 0 && present <= total, NULL);

  if (total == 0)
    return g_strdup (_("No voting members yet"));

  if (xd_rules_quorum_met (rule, present, total))
    {
      quorum = xd_rule_format_fraction (rule->quorum_num, rule->quorum_den);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d of %d member present — enough to proceed (at least %s)",
                                           "%d of %d members present — enough to proceed (at least %s)",
                                           total),
                              present, total, quorum);
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d of %d member present — not enough to proceed (at least %d needed)",
                                       "%d of %d members present — not enough to proceed (at least %d needed)",
                                       total),
                          present, total, xd_rules_quorum_minimum (rule, total));
}

int
xd_rules_percent_tenths (int part,
                         int whole)
{
  g_return_val_if_fail (part >= 0, 0);
  g_return_val_if_fail (whole >= 0, 0);

  if (whole == 0)
    return 0;

  /* round (part * 1000 / whole), half up, without floating point */
  return (int) (((gint64) part * 2000 + whole) / ((gint64) whole * 2));
}

char *
xd_rules_format_percent (int percent_tenths)
{
  g_return_val_if_fail (percent_tenths >= 0, NULL);

  /* Not printf's %f: that follows LC_NUMERIC, and the minutes always use a
   * decimal comma. */
  return g_strdup_printf ("%d,%d", percent_tenths / 10, percent_tenths % 10);
}
