/* xd-model.h — the records the store reads and writes
 *
 * Plain structs with public fields: the store fills them, callers own them
 * and free them with the matching xd_*_free().  Text fields are never NULL
 * (empty strings instead), dates are ISO 8601 strings in the meeting's local
 * time ("2022-01-09" and "2022-01-09T08:00") or NULL when unknown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "xd-rules.h"

G_BEGIN_DECLS

typedef enum {
  XD_ROLE_CHAIR,
  XD_ROLE_DEPUTY,
  XD_ROLE_MEMBER,
  XD_ROLE_SECRETARY,
} XdRole;

typedef enum {
  XD_ATTENDANCE_UNKNOWN,
  XD_ATTENDANCE_PRESENT,
  XD_ATTENDANCE_ABSENT,
  XD_ATTENDANCE_EXCUSED,   /* vắng có lý do */
} XdAttendance;

typedef enum {
  XD_MEETING_DRAFT,
  XD_MEETING_IN_SESSION,
  XD_MEETING_CLOSED,
  XD_MEETING_FINALISED,
} XdMeetingState;

typedef enum {
  XD_UNIT_WARD,            /* phường */
  XD_UNIT_COMMUNE,         /* xã */
  XD_UNIT_TOWNSHIP,        /* thị trấn */
  XD_UNIT_OTHER,
} XdUnitType;

typedef enum {
  XD_DOSSIER_RECEIVED,
  XD_DOSSIER_CHECKING,
  XD_DOSSIER_MEETS,
  XD_DOSSIER_FAILS,
  XD_DOSSIER_VOTED,
} XdDossierState;

typedef enum {
  XD_DOCUMENT_SUBMISSION,  /* tờ trình */
  XD_DOCUMENT_REPORT,      /* báo cáo kết quả */
  XD_DOCUMENT_REGISTRATION,/* bản đăng ký phấn đấu */
  XD_DOCUMENT_MINUTES,     /* biên bản cuộc họp đề nghị */
  XD_DOCUMENT_SELF_SCORING,/* bảng tự chấm điểm */
  XD_DOCUMENT_OTHER,
} XdDocumentKind;

typedef enum {
  XD_ASSESSMENT_NOT_ASSESSED,
  XD_ASSESSMENT_MET,
  XD_ASSESSMENT_NOT_MET,
} XdAssessmentResult;

typedef enum {
  XD_QUESTION_DRAFT,
  XD_QUESTION_OPEN,
  XD_QUESTION_CLOSED,
} XdQuestionState;

typedef enum {
  XD_VOTE_MODE_OPEN,       /* công khai: one named choice per member */
  XD_VOTE_MODE_SECRET,     /* bỏ phiếu kín: counted totals only */
} XdVoteMode;

typedef enum {
  XD_SECTION_OPENING,      /* free text typed by the secretary */
  XD_SECTION_DISCUSSION,
  XD_SECTION_CONCLUSION,   /* kết luận của chủ trì */
  XD_SECTION_RECIPIENTS,   /* nơi nhận, one per line */
} XdSectionKind;

typedef struct {
  gint64 id;
  char *title;
  char *kind;              /* "Hội nghị xét duyệt, công nhận" … */
  char *legal_basis;       /* căn cứ, one per line */
  int number;              /* số biên bản, 0 when not yet numbered */
  char *number_suffix;     /* "BB-BCĐ" */
  char *issuing_body;
  char *parent_body;
  char *place;
  char *starts_at;         /* "2022-01-09T08:00" or NULL */
  char *ends_at;
  gint64 criteria_set_id;  /* 0 when none chosen */
  XdRule rule;
  XdMeetingState state;
  char *record_hash;       /* set by finalising (xd-record.h), else NULL;
                            * read here, never written through this struct */
} XdMeeting;

typedef struct {
  gint64 id;
  gint64 meeting_id;
  char *full_name;         /* family–middle–given, as written */
  char *title;             /* chức vụ */
  char *organisation;
  XdRole role;
  gboolean voting;         /* counts towards quorum and votes */
  XdAttendance attendance;
  char *absence_reason;
  int position;            /* the council's own order */
} XdMember;

typedef struct {
  gint64 id;
  gint64 meeting_id;
  char *full_name;
  char *title;
  char *organisation;
  int position;
} XdGuest;

typedef struct {
  gint64 id;
  char *name;
  char *source;            /* "Thông tư 124/2021/TT-BCA, Điều 5" */
  gboolean read_only;      /* shipped presets are copied, never edited */
} XdCriteriaSet;

typedef struct {
  gint64 id;
  gint64 set_id;
  int position;
  char *code;              /* "1", "2a" … */
  char *text;
} XdCriterion;

typedef struct {
  gint64 id;
  gint64 meeting_id;
  char *unit_name;         /* "Phường Bãi Cháy" */
  XdUnitType unit_type;
  char *reference;         /* số hồ sơ / số tờ trình */
  char *received_on;       /* "2022-01-02" or NULL */
  char *summary;
  char *conclusion;        /* kết luận thẩm tra */
  char *verified_by;
  XdDossierState state;
  int position;
} XdDossier;

typedef struct {
  gint64 id;
  gint64 dossier_id;
  int position;
  char *title;
  XdDocumentKind kind;
  gboolean received;
  char *file_path;         /* NULL when nothing attached */
  char *sha256;            /* hex, NULL when nothing attached */
} XdDocument;

typedef struct {
  gint64 dossier_id;
  gint64 criterion_id;
  XdAssessmentResult result;
  char *note;
} XdAssessment;

typedef struct {
  gint64 id;
  gint64 meeting_id;
  gint64 dossier_id;       /* 0 for a free question */
  char *text;
  XdVoteMode mode;
  XdQuestionState state;
  int position;
  /* Snapshot taken when the question is closed; a later change of
   * attendance or rules does not touch it. */
  XdRule rule;
  int members_total;
  int members_present;
  int yes;
  int no;
  int abstain;
  XdOutcome outcome;
  char *explanation;
  gboolean quorum_overridden;
  char *opened_at;
  char *closed_at;
} XdQuestion;

typedef struct {
  gint64 question_id;
  gint64 member_id;
  XdChoice choice;
} XdVote;

typedef struct {
  gint64 question_id;
  int ballots_issued;
  int ballots_valid;
  int ballots_invalid;
  int yes;
  int no;
  int abstain;
} XdTally;

XdMeeting     *xd_meeting_new        (void);
void           xd_meeting_free       (XdMeeting *meeting);
XdMember      *xd_member_new         (void);
void           xd_member_free        (XdMember *member);
XdGuest       *xd_guest_new          (void);
void           xd_guest_free         (XdGuest *guest);
XdCriteriaSet *xd_criteria_set_new   (void);
void           xd_criteria_set_free  (XdCriteriaSet *set);
XdCriterion   *xd_criterion_new      (void);
void           xd_criterion_free     (XdCriterion *criterion);
XdDossier     *xd_dossier_new        (void);
void           xd_dossier_free       (XdDossier *dossier);
XdDocument    *xd_document_new       (void);
void           xd_document_free      (XdDocument *document);
XdAssessment  *xd_assessment_new     (void);
void           xd_assessment_free    (XdAssessment *assessment);
XdQuestion    *xd_question_new       (void);
void           xd_question_free      (XdQuestion *question);

/* Stable names used in the database and in exchange files. */
const char *xd_role_to_string             (XdRole value);
gboolean    xd_role_from_string           (const char *str, XdRole *out);
const char *xd_attendance_to_string       (XdAttendance value);
gboolean    xd_attendance_from_string     (const char *str, XdAttendance *out);
const char *xd_meeting_state_to_string    (XdMeetingState value);
gboolean    xd_meeting_state_from_string  (const char *str, XdMeetingState *out);
const char *xd_unit_type_to_string        (XdUnitType value);
gboolean    xd_unit_type_from_string      (const char *str, XdUnitType *out);
const char *xd_dossier_state_to_string    (XdDossierState value);
gboolean    xd_dossier_state_from_string  (const char *str, XdDossierState *out);
const char *xd_document_kind_to_string    (XdDocumentKind value);
gboolean    xd_document_kind_from_string  (const char *str, XdDocumentKind *out);
const char *xd_assessment_result_to_string (XdAssessmentResult value);
gboolean    xd_assessment_result_from_string (const char *str, XdAssessmentResult *out);
const char *xd_question_state_to_string   (XdQuestionState value);
gboolean    xd_question_state_from_string (const char *str, XdQuestionState *out);
const char *xd_vote_mode_to_string        (XdVoteMode value);
gboolean    xd_vote_mode_from_string      (const char *str, XdVoteMode *out);
const char *xd_section_kind_to_string     (XdSectionKind value);
gboolean    xd_section_kind_from_string   (const char *str, XdSectionKind *out);

/* Names a user reads, in the UI language. */
const char *xd_role_get_label             (XdRole value);
const char *xd_attendance_get_label       (XdAttendance value);
const char *xd_meeting_state_get_label    (XdMeetingState value);
const char *xd_unit_type_get_label        (XdUnitType value);
const char *xd_dossier_state_get_label    (XdDossierState value);
const char *xd_document_kind_get_label    (XdDocumentKind value);
const char *xd_assessment_result_get_label (XdAssessmentResult value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdMeeting, xd_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdMember, xd_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdGuest, xd_guest_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdCriteriaSet, xd_criteria_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdCriterion, xd_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdDossier, xd_dossier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdDocument, xd_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdAssessment, xd_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdQuestion, xd_question_free)

G_END_DECLS
