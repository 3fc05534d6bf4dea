/* test-votes.c — questions and votes in the store: the lifecycle, frozen
 * results, quorum overrides and secret ballots that name no one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "xd-store-private.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 meeting_id;
  gint64 dossier_id;
  gint64 members[5];        /* chair first; all voting */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(GPtrArray) sets = NULL;
  const char *names[] = { "Vũ Văn Diện", "Trần Văn Bình", "Lê Thị Cúc", "Phạm Văn Dũng",
                          "Hoàng Thị Hà" };

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "votes.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);

  sets = xd_store_list_criteria_sets (f->store, &error);
  g_free (m->title); m->title = g_strdup ("Hội nghị xét duyệt");
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  f->meeting_id = xd_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(XdMember) member = xd_member_new ();

      member->meeting_id = f->meeting_id;
      g_free (member->full_name); member->full_name = g_strdup (names[i]);
      member->role = i == 0 ? XD_ROLE_CHAIR : XD_ROLE_MEMBER;
      member->attendance = XD_ATTENDANCE_PRESENT;
      member->position = i;
      f->members[i] = xd_store_add_member (f->store, member, &error);
      g_assert_no_error (error);
    }

  d->meeting_id = f->meeting_id;
  g_free (d->unit_name); d->unit_name = g_strdup ("Phường Hồng Gai");
  f->dossier_id = xd_store_add_dossier (f->store, d, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_dossier_question (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdQuestion) q = NULL;
  gint64 id = xd_store_ensure_dossier_question (f->store, f->dossier_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Asking again gives the same question, not a second one. */
  g_assert_cmpint (xd_store_ensure_dossier_question (f->store, f->dossier_id, &error), ==, id);

  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpstr (q->text, ==, "Công nhận Phường Hồng Gai đạt chuẩn "
                                "“Xã, phường, thị trấn an toàn về an ninh, trật tự”");
  g_assert_cmpint (q->state, ==, XD_QUESTION_DRAFT);
  g_assert_cmpint (q->dossier_id, ==, f->dossier_id);
}

/* Open, vote, close; then a change of attendance or rules does not touch
 * the frozen result; reopening is explicit and logged. */
static void
test_lifecycle_and_frozen_result (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdQuestion) q = NULL;
  g_autoptr(XdMeeting) m = NULL;
  g_autoptr(XdDossier) d = NULL;
  gint64 id = xd_store_ensure_dossier_question (f->store, f->dossier_id, &error);

  /* A draft takes no votes and cannot be closed. */
  g_assert_false (xd_store_close_question (f->store, id, FALSE, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (xd_store_open_question (f->store, id, FALSE, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    g_assert_true (xd_store_set_vote (f->store, id, f->members[i], XD_CHOICE_YES, &error));
  g_assert_true (xd_store_set_vote (f->store, id, f->members[4], XD_CHOICE_NO, &error));
  /* A member changes their mind before closing: one vote, not two. */
  g_assert_true (xd_store_set_vote (f->store, id, f->members[3], XD_CHOICE_ABSTAIN, &error));
  g_assert_true (xd_store_close_question (f->store, id, FALSE, &error));
  g_assert_no_error (error);

  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_PASSED);
  g_assert_cmpint (q->yes, ==, 3);
  g_assert_cmpint (q->no, ==, 1);
  g_assert_cmpint (q->abstain, ==, 1);
  g_assert_cmpint (q->members_total, ==, 5);
  g_assert_cmpint (q->members_present, ==, 5);
  g_assert_cmpstr (q->explanation, ==,
                   "Tán thành 3/5 thành viên (60,0%) — đạt quá nửa tổng số thành viên.");
  d = xd_store_get_dossier (f->store, f->dossier_id, &error);
  g_assert_cmpint (d->state, ==, XD_DOSSIER_VOTED);

  /* No more votes on a closed question. */
  g_assert_false (xd_store_set_vote (f->store, id, f->members[4], XD_CHOICE_YES, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Attendance and rules change afterwards: the result stays as voted. */
  g_assert_true (xd_store_set_attendance (f->store, f->members[1], XD_ATTENDANCE_ABSENT, "", &error));
  m = xd_store_get_meeting (f->store, f->meeting_id, &error);
  m->rule.threshold_kind = XD_THRESHOLD_AT_LEAST;
  m->rule.threshold_num = 3;
  m->rule.threshold_den = 4;
  g_assert_true (xd_store_update_meeting (f->store, m, &error));
  g_clear_pointer (&q, xd_question_free);
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_PASSED);
  g_assert_cmpint (q->members_present, ==, 5);
  g_assert_cmpint (q->rule.threshold_num, ==, 1);
  g_assert_cmpint (q->rule.threshold_den, ==, 2);

  /* Reopening clears the result and says so in the log. */
  g_assert_true (xd_store_reopen_question (f->store, id, &error));
  g_clear_pointer (&q, xd_question_free);
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_OPEN);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_NONE);
  {
    sqlite3 *db = xd_store_get_db (f->store);
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT summary FROM audit_log WHERE action = 'reopen'"
                                             " AND entity_id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                     "was passed: Tán thành 3/5 thành viên (60,0%) — đạt quá nửa tổng số thành viên.");
    sqlite3_finalize (stmt);
  }

  /* Closed again under today's rules and attendance: the absent member's
   * vote is now inconsistent and is refused. */
  g_assert_false (xd_store_close_question (f->store, id, FALSE, &error));
  g_assert_error (error, XD_RULES_ERROR, XD_RULES_ERROR_INCONSISTENT);
}

static void
test_quorum_override (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdQuestion) q = NULL;
  gint64 id = xd_store_ensure_dossier_question (f->store, f->dossier_id, &error);

  /* 3 of 5 present is below 2/3. */
  g_assert_true (xd_store_set_attendance (f->store, f->members[3], XD_ATTENDANCE_ABSENT, "", &error));
  g_assert_true (xd_store_set_attendance (f->store, f->members[4], XD_ATTENDANCE_EXCUSED,
                                          "Đi công tác", &error));
  g_assert_false (xd_store_open_question (f->store, id, FALSE, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NO_QUORUM);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  g_assert_true (xd_store_open_question (f->store, id, TRUE, &error));
  for (int i = 0; i < 3; i++)
    g_assert_true (xd_store_set_vote (f->store, id, f->members[i], XD_CHOICE_YES, &error));
  g_assert_true (xd_store_close_question (f->store, id, FALSE, &error));
  g_assert_no_error (error);

  q = xd_store_get_question (f->store, id, &error);
  g_assert_true (q->quorum_overridden);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_PASSED);
  g_assert_true (g_str_has_prefix (q->explanation, "Có mặt 3/5 thành viên"));
  {
    sqlite3_stmt *stmt;

    sqlite3_prepare_v2 (xd_store_get_db (f->store),
                        "SELECT count(*) FROM audit_log WHERE action IN ('open-override', 'close-override')",
                        -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    sqlite3_finalize (stmt);
  }
}

/* The absent cannot vote, nor can anyone of another meeting. */
static void
test_vote_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xd_store_ensure_dossier_question (f->store, f->dossier_id, &error);

  g_assert_true (xd_store_open_question (f->store, id, FALSE, &error));
  g_assert_true (xd_store_set_attendance (f->store, f->members[4], XD_ATTENDANCE_ABSENT, "", &error));
  g_assert_false (xd_store_set_vote (f->store, id, f->members[4], XD_CHOICE_YES, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Hoàng Thị Hà"));
  g_clear_error (&error);

  /* A secret ballot takes totals, never names. */
  g_assert_true (xd_store_set_question_mode (f->store, id, XD_VOTE_MODE_SECRET, &error));
  g_assert_false (xd_store_set_vote (f->store, id, f->members[0], XD_CHOICE_YES, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
}

static gboolean
text_mentions_member (const char *text,
                      Fixture    *f)
{
  const char *names[] = { "Vũ", "Bình", "Cúc", "Dũng", "Hà" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (text != NULL && strstr (text, names[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Secret ballot: look at every table; nothing links a member to a choice. */
static void
test_secret_is_unlinkable (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdQuestion) q = NULL;
  XdTally t = { 0 };
  sqlite3 *db = xd_store_get_db (f->store);
  sqlite3_stmt *tables;
  gint64 id = xd_store_ensure_dossier_question (f->store, f->dossier_id, &error);

  g_assert_true (xd_store_set_question_mode (f->store, id, XD_VOTE_MODE_SECRET, &error));
  g_assert_true (xd_store_open_question (f->store, id, FALSE, &error));
  t.question_id = id;
  t.ballots_issued = 5;
  t.ballots_valid = 4;
  t.ballots_invalid = 1;
  t.yes = 3;
  t.no = 1;
  t.abstain = 0;
  g_assert_true (xd_store_set_tally (f->store, &t, &error));
  g_assert_true (xd_store_close_question (f->store, id, FALSE, &error));
  g_assert_no_error (error);
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_PASSED);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%'", -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      sqlite3_stmt *rows;

      if (g_str_equal (table, "member"))
        continue;   /* the council itself, with no choices in it */
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        continue;   /* FTS shadow tables */
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          gboolean about_question = FALSE;
          gboolean names_member = FALSE;
          gboolean other_entity = FALSE;

          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const char *col = sqlite3_column_name (rows, c);
              const char *text = (const char *) sqlite3_column_text (rows, c);
              gint64 value = sqlite3_column_int64 (rows, c);

              /* An audit entry is about the question only when its entity is. */
              if (g_str_equal (col, "entity") && g_strcmp0 (text, "question") != 0)
                other_entity = TRUE;
              if ((g_str_equal (col, "question_id") || g_str_equal (col, "entity_id")) &&
                  value == id)
                about_question = TRUE;
              if (g_str_equal (col, "member_id"))
                names_member = TRUE;
              if (text_mentions_member (text, f))
                names_member = TRUE;
            }
          if (about_question && !other_entity && names_member)
            g_error ("table %s links a member to the secret ballot %" G_GINT64_FORMAT, table, id);
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/votes/dossier-question", test_dossier_question);
  ADD ("/core/votes/lifecycle-and-frozen-result", test_lifecycle_and_frozen_result);
  ADD ("/core/votes/quorum-override", test_quorum_override);
  ADD ("/core/votes/refusals", test_vote_refusals);
  ADD ("/core/votes/secret-is-unlinkable", test_secret_is_unlinkable);
#undef ADD

  return g_test_run ();
}
