/* xd-store.h — the SQLite database that holds every meeting
 *
 * One file, many meetings.  Every write is its own transaction, committed
 * before the call returns: there is no Save and nothing to lose on a crash.
 * The store refuses, without changing a byte, files that are not ours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xd-model.h"

G_BEGIN_DECLS

#define XD_STORE_ERROR (xd_store_error_quark ())

typedef enum {
  XD_STORE_ERROR_NOT_DATABASE,   /* not an SQLite file, or damaged */
  XD_STORE_ERROR_NEWER_VERSION,  /* written by a newer Xét duyệt */
  XD_STORE_ERROR_FOREIGN,        /* another application's database */
  XD_STORE_ERROR_CANNOT_OPEN,    /* missing folder, no permission … */
  XD_STORE_ERROR_READ_ONLY,      /* the file can be read but not changed */
  XD_STORE_ERROR_BUSY,           /* another program holds a lock */
  XD_STORE_ERROR_FULL,           /* the disk is full */
  XD_STORE_ERROR_IO,             /* the disk failed */
  XD_STORE_ERROR_INVALID,        /* the values break a rule of the record */
  XD_STORE_ERROR_NOT_FOUND,      /* the record was removed meanwhile */
  XD_STORE_ERROR_FINALISED,      /* the meeting is finalised and read-only */
  XD_STORE_ERROR_NO_QUORUM,      /* too few members present to vote */
  XD_STORE_ERROR_FAILED,
} XdStoreError;

/* The schema version this build writes; files with a larger one are refused. */
#define XD_STORE_SCHEMA_VERSION 2

/* PRAGMA application_id of our files: "XDuy". */
#define XD_STORE_APPLICATION_ID 0x58447579

#define XD_TYPE_STORE (xd_store_get_type ())
G_DECLARE_FINAL_TYPE (XdStore, xd_store, XD, STORE, GObject)

GQuark       xd_store_error_quark        (void);

char        *xd_store_default_path       (void);
XdStore     *xd_store_open               (const char  *path,
                                          GError     **error);
const char  *xd_store_get_path           (XdStore     *self);
gboolean     xd_store_is_read_only       (XdStore     *self);
int          xd_store_get_schema_version (XdStore     *self);

/* Members of a meeting's council, in the council's own order. */
GPtrArray   *xd_store_list_members       (XdStore     *self,
                                          gint64       meeting_id,
                                          GError     **error);
XdMember    *xd_store_get_member         (XdStore     *self,
                                          gint64       member_id,
                                          GError     **error);
gint64       xd_store_add_member         (XdStore        *self,
                                          const XdMember *member,
                                          GError        **error);
gboolean     xd_store_update_member      (XdStore        *self,
                                          const XdMember *member,
                                          GError        **error);
gboolean     xd_store_set_attendance     (XdStore      *self,
                                          gint64        member_id,
                                          XdAttendance  attendance,
                                          const char   *absence_reason,
                                          GError      **error);
gboolean     xd_store_delete_member      (XdStore     *self,
                                          gint64       member_id,
                                          GError     **error);

GPtrArray   *xd_store_list_guests        (XdStore     *self,
                                          gint64       meeting_id,
                                          GError     **error);
gint64       xd_store_add_guest          (XdStore       *self,
                                          const XdGuest *guest,
                                          GError       **error);
gboolean     xd_store_update_guest       (XdStore       *self,
                                          const XdGuest *guest,
                                          GError       **error);
gboolean     xd_store_delete_guest       (XdStore     *self,
                                          gint64       guest_id,
                                          GError     **error);

/* Meetings, newest first. */
GPtrArray   *xd_store_list_meetings      (XdStore     *self,
                                          GError     **error);
XdMeeting   *xd_store_get_meeting        (XdStore     *self,
                                          gint64       meeting_id,
                                          GError     **error);
gint64       xd_store_add_meeting        (XdStore         *self,
                                          const XdMeeting *meeting,
                                          GError         **error);
gboolean     xd_store_update_meeting     (XdStore         *self,
                                          const XdMeeting *meeting,
                                          GError         **error);
gboolean     xd_store_delete_meeting     (XdStore     *self,
                                          gint64       meeting_id,
                                          GError     **error);

/* Criteria sets and their criteria. */
GPtrArray     *xd_store_list_criteria_sets (XdStore   *self,
                                            GError   **error);
XdCriteriaSet *xd_store_get_criteria_set   (XdStore   *self,
                                            gint64     set_id,
                                            GError   **error);
gint64         xd_store_add_criteria_set   (XdStore             *self,
                                            const XdCriteriaSet *set,
                                            GError             **error);
gboolean       xd_store_update_criteria_set (XdStore             *self,
                                             const XdCriteriaSet *set,
                                             GError             **error);
gboolean       xd_store_delete_criteria_set (XdStore   *self,
                                             gint64     set_id,
                                             GError   **error);
gint64         xd_store_copy_criteria_set   (XdStore    *self,
                                             gint64      set_id,
                                             const char *new_name,
                                             GError    **error);
GPtrArray     *xd_store_list_criteria       (XdStore   *self,
                                             gint64     set_id,
                                             GError   **error);
gint64         xd_store_add_criterion       (XdStore           *self,
                                             const XdCriterion *criterion,
                                             GError           **error);
gboolean       xd_store_update_criterion    (XdStore           *self,
                                             const XdCriterion *criterion,
                                             GError           **error);
gboolean       xd_store_delete_criterion    (XdStore   *self,
                                             gint64     criterion_id,
                                             GError   **error);

/* Dossiers of a meeting, their documents and assessments. */
GPtrArray   *xd_store_list_dossiers      (XdStore     *self,
                                          gint64       meeting_id,
                                          GError     **error);
/* Matches without case or diacritics: "hong gai" finds "Hồng Gai". */
GPtrArray   *xd_store_search_dossiers    (XdStore     *self,
                                          gint64       meeting_id,
                                          const char  *query,
                                          GError     **error);
/* The same dossiers' ids (a GArray of gint64), in the same order. */
GArray      *xd_store_search_dossier_ids (XdStore     *self,
                                          gint64       meeting_id,
                                          const char  *query,
                                          GError     **error);
XdDossier   *xd_store_get_dossier        (XdStore     *self,
                                          gint64       dossier_id,
                                          GError     **error);
gint64       xd_store_add_dossier        (XdStore         *self,
                                          const XdDossier *dossier,
                                          GError         **error);
gboolean     xd_store_update_dossier     (XdStore         *self,
                                          const XdDossier *dossier,
                                          GError         **error);
gboolean     xd_store_delete_dossier     (XdStore     *self,
                                          gint64       dossier_id,
                                          GError     **error);
GPtrArray   *xd_store_list_documents     (XdStore     *self,
                                          gint64       dossier_id,
                                          GError     **error);
gint64       xd_store_add_document       (XdStore          *self,
                                          const XdDocument *document,
                                          GError          **error);
gboolean     xd_store_update_document    (XdStore          *self,
                                          const XdDocument *document,
                                          GError          **error);
gboolean     xd_store_delete_document    (XdStore     *self,
                                          gint64       document_id,
                                          GError     **error);
/* One row per criterion of the meeting's set, "not assessed" where none. */
GPtrArray   *xd_store_list_assessments   (XdStore     *self,
                                          gint64       dossier_id,
                                          GError     **error);
gboolean     xd_store_set_assessment     (XdStore            *self,
                                          const XdAssessment *assessment,
                                          GError            **error);
/* Per dossier of a meeting, its criteria assessed met out of the set's
 * (what the minutes' table shows), all in one query. */
typedef struct {
  gint64 dossier_id;
  int met;
  int total;               /* criteria in the meeting's set */
} XdCriteriaTally;
GArray      *xd_store_tally_criteria     (XdStore            *self,
                                          gint64              meeting_id,
                                          GError            **error);

/* Questions put to the vote, open votes and secret-ballot tallies. */
GPtrArray   *xd_store_list_questions     (XdStore     *self,
                                          gint64       meeting_id,
                                          GError     **error);
XdQuestion  *xd_store_get_question       (XdStore     *self,
                                          gint64       question_id,
                                          GError     **error);
gint64       xd_store_add_question       (XdStore          *self,
                                          const XdQuestion *question,
                                          GError          **error);
gboolean     xd_store_delete_question    (XdStore     *self,
                                          gint64       question_id,
                                          GError     **error);
GArray      *xd_store_list_votes         (XdStore     *self,
                                          gint64       question_id,
                                          GError     **error);
gboolean     xd_store_set_vote           (XdStore     *self,
                                          gint64       question_id,
                                          gint64       member_id,
                                          XdChoice     choice,
                                          GError     **error);
gboolean     xd_store_clear_vote         (XdStore     *self,
                                          gint64       question_id,
                                          gint64       member_id,
                                          GError     **error);
gboolean     xd_store_get_tally          (XdStore     *self,
                                          gint64       question_id,
                                          XdTally     *out,
                                          GError     **error);
gboolean     xd_store_set_tally          (XdStore       *self,
                                          const XdTally *tally,
                                          GError       **error);
/* Draft → open → closed.  Opening without a quorum is refused unless
 * @override_quorum, which is recorded. */
gboolean     xd_store_open_question      (XdStore     *self,
                                          gint64       question_id,
                                          gboolean     override_quorum,
                                          GError     **error);
gboolean     xd_store_reopen_question    (XdStore     *self,
                                          gint64       question_id,
                                          GError     **error);
gboolean     xd_store_set_question_mode  (XdStore     *self,
                                          gint64       question_id,
                                          XdVoteMode   mode,
                                          GError     **error);
/* The dossier's question, created as a draft the first time. */
gint64       xd_store_ensure_dossier_question (XdStore  *self,
                                               gint64    dossier_id,
                                               GError  **error);
/* Computes the result by the meeting's rules and freezes it. */
gboolean     xd_store_close_question     (XdStore     *self,
                                          gint64       question_id,
                                          gboolean     override_quorum,
                                          GError     **error);

/* Free-text sections of the minutes. */
char        *xd_store_get_section        (XdStore       *self,
                                          gint64         meeting_id,
                                          XdSectionKind  kind,
                                          GError       **error);
gboolean     xd_store_set_section        (XdStore       *self,
                                          gint64         meeting_id,
                                          XdSectionKind  kind,
                                          const char    *body,
                                          GError       **error);

/* Loads the sample meeting shipped with the program; returns its id. */
gint64       xd_store_load_sample        (XdStore     *self,
                                          GError     **error);

/* Overview: a meeting's progress, next year's meeting, the chair and the
 * secretary, the order of criteria (xd-store-overview.c).  The quorum now is
 * xd_rules_quorum_met () / xd_rules_describe_quorum () of members_present
 * and members_total. */
typedef struct {
  int dossiers_total;
  int dossiers_checked;    /* state meets / fails / voted, or every criterion
                            * of the meeting's set assessed met or not met */
  int questions_total;     /* questions, plus one per dossier without one */
  int questions_closed;
  int members_total;       /* voting members only */
  int members_present;
} XdMeetingProgress;

gboolean     xd_store_get_progress       (XdStore            *self,
                                          gint64              meeting_id,
                                          XdMeetingProgress  *out,
                                          GError            **error);
/* "… năm 2021" → "… năm 2022": every year (four digits, 1900–2998, not
 * inside a reference such as "124/2021/TT-BCA" or a date) moves on by one;
 * a title without a year gets " (bản sao)". */
char        *xd_meeting_title_for_next_year      (const char *title);
/* "As next year's meeting": the same council (attendance not yet marked),
 * rules, criteria set, bodies, kind, legal basis, place and number suffix;
 * no number, dates, dossiers, questions, guests or minutes text; a draft.
 * Returns the new meeting's id, 0 on error. */
gint64       xd_store_duplicate_meeting  (XdStore     *self,
                                          gint64       meeting_id,
                                          GError     **error);
/* Makes @member_id the meeting's chair (or secretary), and the previous one
 * an ordinary member, in one transaction; @member_id 0 leaves nobody. */
gboolean     xd_store_set_meeting_role   (XdStore     *self,
                                          gint64       meeting_id,
                                          XdRole       role,
                                          gint64       member_id,
                                          GError     **error);
/* Moves a criterion to @new_position (0-based, clamped) within its set and
 * renumbers the set 0, 1, 2 …; presets are refused. */
gboolean     xd_store_move_criterion     (XdStore     *self,
                                          gint64       criterion_id,
                                          int          new_position,
                                          GError     **error);

/* Batches: runs @func, which may call any of the functions above, inside one
 * transaction — committed (and one "changed" ("*", 0) emitted) when it
 * returns TRUE, rolled back so nothing changed when it returns FALSE.  Many
 * writes then cost one durable commit instead of one each (generators,
 * importers).  Nested calls become savepoints of the outer batch. */
typedef gboolean (*XdStoreBatchFunc) (XdStore   *self,
                                      gpointer   data,
                                      GError   **error);
gboolean     xd_store_run_in_transaction (XdStore          *self,
                                          XdStoreBatchFunc  func,
                                          gpointer          data,
                                          GError          **error);

G_END_DECLS
