/* xd-model.c — the records: allocation, stable names, labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-model"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-model.h"

/* Every text field starts as "" so that callers never meet NULL. */

XdMeeting *
xd_meeting_new (void)
{
  XdMeeting *m = g_new0 (XdMeeting, 1);

  m->title = g_strdup ("");
  m->kind = g_strdup ("");
  m->legal_basis = g_strdup ("");
  m->number_suffix = g_strdup ("");
  m->issuing_body = g_strdup ("");
  m->parent_body = g_strdup ("");
  m->place = g_strdup ("");
  xd_rule_init_default (&m->rule);
  m->state = XD_MEETING_DRAFT;
  return m;
}

void
xd_meeting_free (XdMeeting *m)
{
  if (m == NULL)
    return;
  g_free (m->title);
  g_free (m->kind);
  g_free (m->legal_basis);
  g_free (m->number_suffix);
  g_free (m->issuing_body);
  g_free (m->parent_body);
  g_free (m->place);
  g_free (m->starts_at);
  g_free (m->ends_at);
  g_free (m->record_hash);
  g_free (m);
}

XdMember *
xd_member_new (void)
{
  XdMember *m = g_new0 (XdMember, 1);

  m->full_name = g_strdup ("");
  m->title = g_strdup ("");
  m->organisation = g_strdup ("");
  m->role = XD_ROLE_MEMBER;
  m->voting = TRUE;
  m->attendance = XD_ATTENDANCE_UNKNOWN;
  m->absence_reason = g_strdup ("");
  return m;
}

void
xd_member_free (XdMember *m)
{
  if (m == NULL)
    return;
  g_free (m->full_name);
  g_free (m->title);
  g_free (m->organisation);
  g_free (m->absence_reason);
  g_free (m);
}

XdGuest *
xd_guest_new (void)
{
  XdGuest *g = g_new0 (XdGuest, 1);

  g->full_name = g_strdup ("");
  g->title = g_strdup ("");
  g->organisation = g_strdup ("");
  return g;
}

void
xd_guest_free (XdGuest *g)
{
  if (g == NULL)
    return;
  g_free (g->full_name);
  g_free (g->title);
  g_free (g->organisation);
  g_free (g);
}

XdCriteriaSet *
xd_criteria_set_new (void)
{
  XdCriteriaSet *s = g_new0 (XdCriteriaSet, 1);

  s->name = g_strdup ("");
  s->source = g_strdup ("");
  return s;
}

void
xd_criteria_set_free (XdCriteriaSet *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->source);
  g_free (s);
}

XdCriterion *
xd_criterion_new (void)
{
  XdCriterion *c = g_new0 (XdCriterion, 1);

  c->code = g_strdup ("");
  c->text = g_strdup ("");
  return c;
}

void
xd_criterion_free (XdCriterion *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c->text);
  g_free (c);
}

XdDossier *
xd_dossier_new (void)
{
  XdDossier *d = g_new0 (XdDossier, 1);

  d->unit_name = g_strdup ("");
  d->unit_type = XD_UNIT_WARD;
  d->reference = g_strdup ("");
  d->summary = g_strdup ("");
  d->conclusion = g_strdup ("");
  d->verified_by = g_strdup ("");
  d->state = XD_DOSSIER_RECEIVED;
  return d;
}

void
xd_dossier_free (XdDossier *d)
{
  if (d == NULL)
    return;
  g_free (d->unit_name);
  g_free (d->reference);
  g_free (d->received_on);
  g_free (d->summary);
  g_free (d->conclusion);
  g_free (d->verified_by);
  g_free (d);
}

XdDocument *
xd_document_new (void)
{
  XdDocument *d = g_new0 (XdDocument, 1);

  d->title = g_strdup ("");
  d->kind = XD_DOCUMENT_OTHER;
  return d;
}

void
xd_document_free (XdDocument *d)
{
  if (d == NULL)
    return;
  g_free (d->title);
  g_free (d->file_path);
  g_free (d->sha256);
  g_free (d);
}

XdAssessment *
xd_assessment_new (void)
{
  XdAssessment *a = g_new0 (XdAssessment, 1);

  a->result = XD_ASSESSMENT_NOT_ASSESSED;
  a->note = g_strdup ("");
  return a;
}

void
xd_assessment_free (XdAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->note);
  g_free (a);
}

XdQuestion *
xd_question_new (void)
{
  XdQuestion *q = g_new0 (XdQuestion, 1);

  q->text = g_strdup ("");
  q->mode = XD_VOTE_MODE_OPEN;
  q->state = XD_QUESTION_DRAFT;
  xd_rule_init_default (&q->rule);
  q->outcome = XD_OUTCOME_NONE;
  q->explanation = g_strdup ("");
  return q;
}

void
xd_question_free (XdQuestion *q)
{
  if (q == NULL)
    return;
  g_free (q->text);
  g_free (q->explanation);
  g_free (q->opened_at);
  g_free (q->closed_at);
  g_free (q);
}

/* Stable names
 * ============
 * These strings are stored in databases and exchange files: never change
 * one, only add. */

static gboolean
lookup (const char *const *names,
        guint              n_names,
        const char        *str,
        int               *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], str))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_NAMES(Type, type, ...)                                        \
  static const char *const type##_names[] = { __VA_ARGS__ };                 \
  const char *                                                               \
  xd_##type##_to_string (Type value)                                         \
  {                                                                          \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (type##_names), NULL); \
    return type##_names[value];                                              \
  }                                                                          \
  gboolean                                                                   \
  xd_##type##_from_string (const char *str,                                  \
                           Type       *out)                                  \
  {                                                                          \
    int value;                                                               \
    if (!lookup (type##_names, G_N_ELEMENTS (type##_names), str, &value))    \
      return FALSE;                                                          \
    *out = (Type) value;                                                     \
    return TRUE;                                                             \
  }

DEFINE_NAMES (XdRole, role, "chair", "deputy", "member", "secretary")
DEFINE_NAMES (XdAttendance, attendance, "unknown", "present", "absent", "excused")
DEFINE_NAMES (XdMeetingState, meeting_state, "draft", "in-session", "closed", "finalised")
DEFINE_NAMES (XdUnitType, unit_type, "ward", "commune", "township", "other")
DEFINE_NAMES (XdDossierState, dossier_state, "received", "checking", "meets", "fails", "voted")
DEFINE_NAMES (XdDocumentKind, document_kind,
              "submission", "report", "registration", "minutes", "self-scoring", "other")
DEFINE_NAMES (XdAssessmentResult, assessment_result, "not-assessed", "met", "not-met")
DEFINE_NAMES (XdQuestionState, question_state, "draft", "open", "closed")
DEFINE_NAMES (XdVoteMode, vote_mode, "open", "secret")
DEFINE_NAMES (XdSectionKind, section_kind, "opening", "discussion", "conclusion", "recipients")

/* Labels
 * ====== */

const char *
xd_role_get_label (XdRole value)
{
  switch (value)
    {
    case XD_ROLE_CHAIR: return _("Chair");
    case XD_ROLE_DEPUTY: return _("Deputy chair");
    case XD_ROLE_MEMBER: return _("Member");
    case XD_ROLE_SECRETARY: return _("Secretary");
    default: g_return_val_if_reached ("");
    }
}

const char *
xd_attendance_get_label (XdAttendance value)
{
  switch (value)
    {
    case XD_ATTENDANCE_UNKNOWN: return _("Not marked");
    case XD_ATTENDANCE_PRESENT: return _("Present");
    case XD_ATTENDANCE_ABSENT: return _("Absent");
    case XD_ATTENDANCE_EXCUSED: return _("Absent with leave");
    default: g_return_val_if_reached ("");
    }
}

const char *
xd_meeting_state_get_label (XdMeetingState value)
{
  switch (value)
    {
    case XD_MEETING_DRAFT: return _("Being prepared");
    case XD_MEETING_IN_SESSION: return _("In session");
    case XD_MEETING_CLOSED: return _("Closed");
    case XD_MEETING_FINALISED: return _("Finalised");
    default: g_return_val_if_reached ("");
    }
}

const char *
xd_unit_type_get_label (XdUnitType value)
{
  switch (value)
    {
    case XD_UNIT_WARD: return _("Ward");
    case XD_UNIT_COMMUNE: return _("Commune");
    case XD_UNIT_TOWNSHIP: return _("Township");
    case XD_UNIT_OTHER: return _("Other unit");
    default: g_return_val_if_reached ("");
    }
}

const char *
xd_dossier_state_get_label (XdDossierState value)
{
  switch (value)
    {
    case XD_DOSSIER_RECEIVED: return _("Received");
    case XD_DOSSIER_CHECKING: return _("Being checked");
    case XD_DOSSIER_MEETS: return _("Meets the criteria");
    case XD_DOSSIER_FAILS: return _("Does not meet the criteria");
    case XD_DOSSIER_VOTED: return _("Voted");
    default: g_return_val_if_reached ("");
    }
}

const char *
xd_document_kind_get_label (XdDocumentKind value)
{
  switch (value)
    {
    case XD_DOCUMENT_SUBMISSION: return _("Submission");
    case XD_DOCUMENT_REPORT: return _("Results report");
    case XD_DOCUMENT_REGISTRATION: return _("Registration");
    case XD_DOCUMENT_MINUTES: return _("Minutes of the proposing meeting");
    case XD_DOCUMENT_SELF_SCORING: return _("Self-scoring sheet");
    case XD_DOCUMENT_OTHER: return _("Other document");
    default: g_return_val_if_reached ("");
    }
}

const char *
xd_assessment_result_get_label (XdAssessmentResult value)
{
  switch (value)
    {
    case XD_ASSESSMENT_NOT_ASSESSED: return _("Not assessed");
    case XD_ASSESSMENT_MET: return _("Met");
    case XD_ASSESSMENT_NOT_MET: return _("Not met");
    default: g_return_val_if_reached ("");
    }
}
