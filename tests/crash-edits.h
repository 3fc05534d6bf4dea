/* crash-edits.h — the edits crash-writer makes and test-crash replays
 *
 * Edit N is a pure function of N, so the harness can work out exactly what
 * the database must hold after the edits the writer reported, whatever
 * moment it was killed at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "xd-model.h"

G_BEGIN_DECLS

typedef enum {
  CRASH_EDIT_SUMMARY,      /* the dossier's summary becomes "edit N" */
  CRASH_EDIT_ASSESSMENT,   /* criterion index: met or not met, note "edit N" */
  CRASH_EDIT_ATTENDANCE,   /* the secretary: absent or excused, reason "edit N" */
  CRASH_EDIT_VOTE,         /* voting member index votes yes, no or abstain */
  CRASH_EDIT_GUEST,        /* a guest "Khách N" joins the meeting */
  CRASH_N_EDIT_KINDS
} CrashEditKind;

typedef struct {
  CrashEditKind kind;
  guint index;             /* criterion or voting member, modulo their count */
  XdAssessmentResult result;
  XdAttendance attendance;
  XdChoice choice;
} CrashEdit;

static inline CrashEdit
crash_edit_for (guint n)
{
  CrashEdit e = { 0 };
  guint cycle = n / CRASH_N_EDIT_KINDS;

  e.kind = (CrashEditKind) (n % CRASH_N_EDIT_KINDS);
  e.index = cycle;
  e.result = (cycle / 4) % 2 == 0 ? XD_ASSESSMENT_MET : XD_ASSESSMENT_NOT_MET;
  e.attendance = cycle % 2 == 0 ? XD_ATTENDANCE_ABSENT : XD_ATTENDANCE_EXCUSED;
  /* A different stride from the member's, so each member changes vote. */
  e.choice = (XdChoice) ((cycle / 3) % 3);
  return e;
}

G_END_DECLS
