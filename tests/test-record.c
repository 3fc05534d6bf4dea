/* test-record.c — the canonical record, finalising and verifying
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "xd-minutes.h"
#include "xd-record.h"
#include "xd-store-private.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 meeting_id;   /* the sample meeting */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->meeting_id = xd_store_load_sample (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->meeting_id, >, 0);
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

static char *
record_hash (XdStore *store,
             gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  char *hash = xd_record_hash (store, meeting_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hash);
  g_assert_cmpuint (strlen (hash), ==, 64);
  return hash;
}

/* Runs @sql on its own connection, as someone with the sqlite3 shell would;
 * returns how many rows it changed. */
static int
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int changes;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
  changes = sqlite3_total_changes (db);
  sqlite3_close (db);
  return changes;
}

static GPtrArray *
verify (XdStore *store,
        gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (xd_store_verify (store, meeting_id, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  return g_steal_pointer (&problems);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* The same record gives the same bytes, in this process or after reopening. */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text1 = xd_record_serialize (f->store, f->meeting_id, &error);
  g_autofree char *text2 = xd_record_serialize (f->store, f->meeting_id, NULL);
  g_autofree char *hash1 = record_hash (f->store, f->meeting_id);
  g_autofree char *hash2 = record_hash (f->store, f->meeting_id);
  g_autofree char *hash3 = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text1, ==, text2);
  g_assert_cmpstr (hash1, ==, hash2);
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text1, -1);
  g_assert_cmpstr (hash1, ==, expected);

  /* One line per row, each "table<TAB>column=value…". */
  g_assert_true (g_str_has_prefix (text1, "xetduyet-record\t1\nmeeting\tid=1\ttitle="));
  g_assert_true (g_str_has_suffix (text1, "\n"));
  lines = g_strsplit (text1, "\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_nonnull (strchr (lines[i], '\t'));
  g_assert_nonnull (strstr (text1, "\nvote\tquestion_id=1\tmember_id="));
  g_assert_nonnull (strstr (text1, "\ndossier\tid=1\tposition="));

  /* Another meeting's rows are not this record. */
  g_clear_object (&f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xd_store_load_sample (f->store, &error), ==, 2);
  hash3 = record_hash (f->store, f->meeting_id);
  g_assert_cmpstr (hash1, ==, hash3);

  g_assert_null (xd_record_hash (f->store, 999, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
}

static void
test_escaping (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash1 = NULL;
  g_autofree char *hash2 = NULL;

  g_assert_true (xd_store_set_section (f->store, f->meeting_id, XD_SECTION_DISCUSSION,
                                       "a\tb\nc\\d\re", &error));
  g_assert_no_error (error);
  text = xd_record_serialize (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\tkind=discussion\tbody=a\\tb\\nc\\\\d\\re\n"));
  hash1 = record_hash (f->store, f->meeting_id);

  /* A value cannot pose as a separator and another column. */
  g_assert_true (xd_store_set_section (f->store, f->meeting_id, XD_SECTION_DISCUSSION,
                                       "a\\tb\\nc\\\\d\\re", &error));
  g_assert_no_error (error);
  hash2 = record_hash (f->store, f->meeting_id);
  g_assert_cmpstr (hash1, !=, hash2);

  /* NULL and the text "\N" differ too. */
  g_clear_pointer (&text, g_free);
  text = xd_record_serialize (f->store, f->meeting_id, &error);
  g_assert_nonnull (strstr (text, "\tfile_path=\\N\tsha256=\\N\n"));
}

/* Any single field of the record changes the hash; derived columns and
 * other meetings do not. */
static void
test_every_field (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    const char *sql;
    gboolean changes;
  } cases[] = {
    { "UPDATE meeting SET title = title || '.' WHERE id = 1", TRUE },
    { "UPDATE meeting SET place = 'Hà Nội' WHERE id = 1", TRUE },
    { "UPDATE meeting SET number = number + 1 WHERE id = 1", TRUE },
    { "UPDATE meeting SET tie_rule = 'fail' WHERE id = 1", TRUE },
    { "UPDATE meeting SET ends_at = '2022-01-09T17:00' WHERE id = 1", TRUE },
    { "UPDATE criteria_set SET name = name || '.' WHERE id = 1", TRUE },
    { "UPDATE criteria_set SET source = 'x' WHERE id = 1", TRUE },
    { "UPDATE criterion SET text = text || '.' WHERE id = (SELECT min (id) FROM criterion)", TRUE },
    { "UPDATE member SET attendance = 'absent' WHERE id = (SELECT min (id) FROM member)", TRUE },
    { "UPDATE member SET position = position + 100 WHERE id = (SELECT min (id) FROM member)",
      TRUE },
    { "UPDATE guest SET organisation = 'x' WHERE id = (SELECT min (id) FROM guest)", TRUE },
    { "INSERT INTO guest (meeting_id, full_name) VALUES (1, 'Người lạ')", TRUE },
    { "UPDATE dossier SET unit_name = 'Phường Giả' WHERE id = 1", TRUE },
    { "UPDATE dossier SET conclusion = conclusion || ' ' WHERE id = 2", TRUE },
    { "UPDATE dossier_document SET title = 'x' WHERE id = (SELECT min (id) FROM dossier_document)",
      TRUE },
    { "UPDATE dossier_document SET file_path = 'a.pdf', sha256 = printf ('%064d', 0)"
      " WHERE id = (SELECT min (id) FROM dossier_document)", TRUE },
    { "UPDATE assessment SET note = 'x' WHERE dossier_id = 1"
      " AND criterion_id = (SELECT min (criterion_id) FROM assessment)", TRUE },
    { "UPDATE question SET explanation = 'x' WHERE id = 1", TRUE },
    { "UPDATE question SET yes = yes + 1 WHERE id = 1", TRUE },
    { "UPDATE vote SET choice = CASE choice WHEN 'yes' THEN 'no' ELSE 'yes' END"
      " WHERE question_id = 1 AND member_id = (SELECT min (member_id) FROM vote)", TRUE },
    { "DELETE FROM vote WHERE question_id = 2"
      " AND member_id = (SELECT min (member_id) FROM vote)", TRUE },
    { "INSERT INTO tally VALUES (1, 9, 9, 0, 7, 1, 1)", TRUE },
    { "UPDATE minutes_section SET body = body || '.' WHERE meeting_id = 1 AND kind = 'opening'",
      TRUE },
    /* Not part of the record. */
    { "UPDATE dossier SET search_key = 'x' WHERE id = 1", FALSE },
    { "UPDATE member SET sort_key = x'00' WHERE id = (SELECT min (id) FROM member)", FALSE },
    { "UPDATE meeting SET state = 'in-session' WHERE id = 1", FALSE },
    { "INSERT INTO criteria_set (name) VALUES ('Bộ khác')", FALSE },
    { "INSERT INTO meeting (title) VALUES ('Cuộc họp khác')", FALSE },
  };
  g_autofree char *original = record_hash (f->store, f->meeting_id);
  sqlite3 *db = xd_store_get_db (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = NULL;
      g_autofree char *restored = NULL;
      char *message = NULL;

      g_test_message ("case %u: %s", i, cases[i].sql);
      g_assert_cmpint (sqlite3_exec (db, "SAVEPOINT t", NULL, NULL, NULL), ==, SQLITE_OK);
      if (sqlite3_exec (db, cases[i].sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("case %u failed: %s", i, message);
      g_assert_cmpint (sqlite3_changes (db), >, 0);

      changed = record_hash (f->store, f->meeting_id);
      if (cases[i].changes)
        g_assert_cmpstr (changed, !=, original);
      else
        g_assert_cmpstr (changed, ==, original);

      g_assert_cmpint (sqlite3_exec (db, "ROLLBACK TO t; RELEASE t", NULL, NULL, NULL),
                       ==, SQLITE_OK);
      restored = record_hash (f->store, f->meeting_id);
      g_assert_cmpstr (restored, ==, original);
    }
}

static void
test_verification_code (void)
{
  g_autofree char *code =
    xd_record_verification_code ("7f3a9c2104be11d8aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

  g_assert_cmpstr (code, ==, "7F3A-9C21-04BE-11D8");
}

static void
on_store_changed_cb (XdStore    *store,
                     const char *entity,
                     gint64      id,
                     gpointer    user_data)
{
  int *count = user_data;

  g_assert_cmpstr (entity, ==, "meeting");
  g_assert_cmpint (id, ==, 1);
  (*count)++;
}

static void
test_finalise (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = record_hash (f->store, f->meeting_id);
  g_autofree char *stored = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected_summary = NULL;
  XdMember *member;
  XdDossier *dossier;
  XdQuestion *question;
  int changed = 0;

  problems = verify (f->store, 0);
  g_assert_cmpuint (problems->len, ==, 0);

  g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed_cb), &changed);
  g_assert_true (xd_store_finalize_meeting (f->store, f->meeting_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);

  meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meeting->state, ==, XD_MEETING_FINALISED);

  stmt = xd_store_prepare (f->store, "SELECT record_hash FROM meeting WHERE id = 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  stored = xd_store_column_text (stmt, 0);
  g_assert_cmpstr (stored, ==, hash);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The audit log holds the hash, and every part's. */
  stmt = xd_store_prepare (f->store,
                           "SELECT summary FROM audit_log WHERE action = 'finalise'"
                           " AND entity = 'meeting' AND entity_id = 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  summary = xd_store_column_text (stmt, 0);
  expected_summary = g_strconcat ("record=", hash, " meeting=", NULL);
  g_assert_true (g_str_has_prefix (summary, expected_summary));
  g_assert_nonnull (strstr (summary, " vote="));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Finalising again is refused. */
  g_assert_false (xd_store_finalize_meeting (f->store, f->meeting_id, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
  g_assert_nonnull (strstr (error->message, "already finalised"));
  g_clear_error (&error);

  /* Every write to the record is refused. */
  members = xd_store_list_members (f->store, f->meeting_id, &error);
  dossiers = xd_store_list_dossiers (f->store, f->meeting_id, &error);
  questions = xd_store_list_questions (f->store, f->meeting_id, &error);
  guests = xd_store_list_guests (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  member = g_ptr_array_index (members, 0);
  dossier = g_ptr_array_index (dossiers, 0);
  question = g_ptr_array_index (questions, 0);

#define REFUSED(call) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED); \
    g_clear_error (&error); \
  } G_STMT_END

  {
    g_autoptr(XdMeeting) m = xd_store_get_meeting (f->store, f->meeting_id, NULL);
    g_free (m->place);
    m->place = g_strdup ("Hà Nội");
    m->state = XD_MEETING_CLOSED;
    REFUSED (xd_store_update_meeting (f->store, m, &error));
  }
  REFUSED (xd_store_delete_meeting (f->store, f->meeting_id, &error));
  REFUSED (xd_store_set_section (f->store, f->meeting_id, XD_SECTION_OPENING, "x", &error));
  {
    g_autoptr(XdMember) m = xd_member_new ();
    m->meeting_id = f->meeting_id;
    g_free (m->full_name);
    m->full_name = g_strdup ("Người mới");
    REFUSED (xd_store_add_member (f->store, m, &error) != 0);
  }
  REFUSED (xd_store_update_member (f->store, member, &error));
  REFUSED (xd_store_set_attendance (f->store, member->id, XD_ATTENDANCE_ABSENT, "", &error));
  REFUSED (xd_store_delete_member (f->store, member->id, &error));
  REFUSED (xd_store_update_guest (f->store, g_ptr_array_index (guests, 0), &error));
  REFUSED (xd_store_delete_guest (f->store, ((XdGuest *) g_ptr_array_index (guests, 0))->id,
                                  &error));
  REFUSED (xd_store_set_meeting_role (f->store, f->meeting_id, XD_ROLE_CHAIR, member->id,
                                      &error));
  {
    g_autoptr(XdDossier) d = xd_dossier_new ();
    d->meeting_id = f->meeting_id;
    g_free (d->unit_name);
    d->unit_name = g_strdup ("Phường Mới");
    REFUSED (xd_store_add_dossier (f->store, d, &error) != 0);
  }
  REFUSED (xd_store_update_dossier (f->store, dossier, &error));
  REFUSED (xd_store_delete_dossier (f->store, dossier->id, &error));
  {
    g_autoptr(XdDocument) d = xd_document_new ();
    d->dossier_id = dossier->id;
    g_free (d->title);
    d->title = g_strdup ("Tờ trình");
    REFUSED (xd_store_add_document (f->store, d, &error) != 0);
  }
  {
    g_autoptr(GPtrArray) assessments = xd_store_list_assessments (f->store, dossier->id, NULL);
    REFUSED (xd_store_set_assessment (f->store, g_ptr_array_index (assessments, 0), &error));
  }
  REFUSED (xd_store_set_vote (f->store, question->id, member->id, XD_CHOICE_NO, &error));
  REFUSED (xd_store_clear_vote (f->store, question->id, member->id, &error));
  REFUSED (xd_store_reopen_question (f->store, question->id, &error));
  REFUSED (xd_store_delete_question (f->store, question->id, &error));

#undef REFUSED

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = verify (f->store, f->meeting_id);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = verify (f->store, 0);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A criteria set that a finalised record includes cannot change. */
static void
test_finalised_criteria_set (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  g_autoptr(XdCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  gint64 copy_id;

  g_assert_no_error (error);
  copy_id = xd_store_copy_criteria_set (f->store, meeting->criteria_set_id, "Bộ riêng", &error);
  g_assert_no_error (error);
  meeting->criteria_set_id = copy_id;
  g_assert_true (xd_store_update_meeting (f->store, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (xd_store_finalize_meeting (f->store, f->meeting_id, &error));
  g_assert_no_error (error);

  set = xd_store_get_criteria_set (f->store, copy_id, &error);
  g_free (set->name);
  set->name = g_strdup ("Bộ đã đổi");
  g_assert_false (xd_store_update_criteria_set (f->store, set, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
  g_clear_error (&error);

  criteria = xd_store_list_criteria (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_false (xd_store_update_criterion (f->store, g_ptr_array_index (criteria, 0), &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_false (xd_store_move_criterion (f->store,
                                           ((XdCriterion *) g_ptr_array_index (criteria, 0))->id,
                                           2, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
}

static gint64
count_audit (XdStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = xd_store_prepare (store, "SELECT count (*) FROM audit_log",
                                                   NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Draft and open questions, a missing meeting: refused, nothing written. */
static void
test_finalise_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(XdQuestion) q = xd_question_new ();
  g_autoptr(XdMeeting) after = NULL;
  gint64 meeting_id;
  gint64 n_audit;

  g_free (m->title);
  m->title = g_strdup ("Họp bổ sung");
  meeting_id = xd_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);
  q->meeting_id = meeting_id;
  g_free (q->text);
  q->text = g_strdup ("Thông qua biên bản");
  q->id = xd_store_add_question (f->store, q, &error);
  g_assert_no_error (error);

  n_audit = count_audit (f->store);
  g_assert_false (xd_store_finalize_meeting (f->store, meeting_id, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Thông qua biên bản” has not been put to the vote"));
  g_clear_error (&error);
  g_assert_cmpint (count_audit (f->store), ==, n_audit);

  g_assert_true (xd_store_open_question (f->store, q->id, TRUE, &error));
  g_assert_no_error (error);
  n_audit = count_audit (f->store);
  g_assert_false (xd_store_finalize_meeting (f->store, meeting_id, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The vote on “Thông qua biên bản” is still open"));
  g_clear_error (&error);
  g_assert_cmpint (count_audit (f->store), ==, n_audit);

  after = xd_store_get_meeting (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->state, !=, XD_MEETING_FINALISED);

  g_assert_false (xd_store_finalize_meeting (f->store, 999, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_false (xd_store_verify (f->store, 999, problems, &error));
    g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Changes behind the program's back, each in a copy of a finalised file. */
static void
test_tamper (Fixture       *f,
             gconstpointer  data)
{
  static const struct {
    const char *sql;
    const char *problem;
    const char *not_problem;   /* a wrong diagnosis */
  } cases[] = {
    { "UPDATE dossier SET unit_name = 'Phường Giả' WHERE id = 1",
      "no longer matches its verification code" },
    { "UPDATE dossier SET unit_name = 'Phường Giả' WHERE id = 1",
      ": the dossiers changed after finalising." },
    { "UPDATE vote SET choice = CASE choice WHEN 'yes' THEN 'no' ELSE 'yes' END"
      " WHERE question_id = 3 AND member_id = (SELECT min (member_id) FROM vote)",
      ": the votes changed after finalising." },
    { "UPDATE question SET yes = yes + 1 WHERE id = 2",
      ": the questions and their results changed after finalising." },
    { "UPDATE minutes_section SET body = '' WHERE meeting_id = 1 AND kind = 'conclusion'",
      ": the text of the minutes changed after finalising." },
    { "UPDATE audit_log SET summary = 'x' WHERE id = 3",
      "The audit log entry 3 was changed." },
    { "DELETE FROM audit_log WHERE id = 3",
      "The audit log entry 3 was removed." },
    { "DELETE FROM audit_log WHERE id IN (3, 4, 5)",
      "The audit log entries 3 to 5 were removed." },
    { "DELETE FROM audit_log WHERE id = 1",
      "The audit log entry 1 was removed." },
    /* A changed entry whose hash was recomputed breaks the next link. */
    { "UPDATE audit_log SET hash = printf ('%064d', 7) WHERE id = 3",
      "The audit log entry 3 or 4 was changed or replaced." },
    { "UPDATE audit_log SET summary = 'record=' || (SELECT record_hash FROM meeting)"
      " WHERE action = 'finalise'", "was changed." },
    { "UPDATE meeting SET state = 'closed'",
      "is no longer finalised: it was reopened behind the program’s back." },
    { "UPDATE meeting SET record_hash = NULL",
      "is marked finalised but has no valid verification code" },
    { "UPDATE meeting SET record_hash = printf ('%064d', 1)",
      "is not the one the audit log recorded when it was finalised.",
      "no longer matches" },
    /* The code replaced by that of the changed record: the log still knows. */
    { "UPDATE dossier SET unit_name = 'Phường Giả' WHERE id = 1;"
      "UPDATE meeting SET record_hash = printf ('%064d', 1)",
      ": the dossiers changed after finalising." },
    { "DELETE FROM meeting WHERE id = 1",
      "was deleted behind the program’s back." },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;

  g_assert_true (xd_store_finalize_meeting (f->store, f->meeting_id, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  original = g_build_filename (f->dir, "finalised.xetduyet", NULL);
  g_assert_cmpint (g_rename (f->path, original), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/case-%u.xetduyet", f->dir, i);
      g_autofree char *contents = NULL;
      g_autoptr(XdStore) store = NULL;
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GPtrArray) one = NULL;
      gsize length;

      g_test_message ("case %u: %s", i, cases[i].sql);
      g_assert_true (g_file_get_contents (original, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (path, contents, length, NULL));

      /* Untouched, the copy checks out. */
      store = xd_store_open (path, &error);
      g_assert_no_error (error);
      all = verify (store, 0);
      g_assert_cmpuint (all->len, ==, 0);
      g_clear_pointer (&all, g_ptr_array_unref);
      g_clear_object (&store);

      g_assert_cmpint (tamper (path, cases[i].sql), >, 0);

      store = xd_store_open (path, &error);
      g_assert_no_error (error);
      all = verify (store, 0);
      g_assert_true (has_problem (all, cases[i].problem));
      one = verify (store, f->meeting_id);
      g_assert_true (has_problem (one, cases[i].problem));
      if (cases[i].not_problem != NULL)
        g_assert_false (has_problem (all, cases[i].not_problem));
    }
}

/* The minutes of a finalised record carry its verification code at the
 * foot of the page, so a printed copy can be checked; a draft's do not. */
static void
test_minutes_footer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMinutes) draft = xd_minutes_build (f->store, f->meeting_id, &error);
  g_autoptr(XdMinutes) final = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_null (draft->footer);

  g_assert_true (xd_store_finalize_meeting (f->store, f->meeting_id, &error));
  g_assert_no_error (error);
  meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting->record_hash);
  code = xd_record_verification_code (meeting->record_hash);
  expected = g_strdup_printf ("Mã kiểm chứng biên bản: %s", code);

  final = xd_minutes_build (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (final->footer, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/record/deterministic", test_deterministic);
  ADD ("/record/escaping", test_escaping);
  ADD ("/record/every-field", test_every_field);
  g_test_add_func ("/record/verification-code", test_verification_code);
  ADD ("/record/finalise", test_finalise);
  ADD ("/record/finalised-criteria-set", test_finalised_criteria_set);
  ADD ("/record/finalise-refused", test_finalise_refused);
  ADD ("/record/tamper", test_tamper);
  ADD ("/record/minutes-footer", test_minutes_footer);

#undef ADD

  return g_test_run ();
}
