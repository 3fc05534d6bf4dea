/* test-store.c — the database: schema, migrations, refusals, every edit kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xd-exchange.h"
#include "xd-record.h"
#include "xd-store-private.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
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
  g_assert_nonnull (f->store);
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

static gint64
add_meeting (XdStore    *store,
             const char *title)
{
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (store, &error);
  gint64 id;

  g_assert_no_error (error);
  g_free (m->title);
  m->title = g_strdup (title);
  m->starts_at = g_strdup ("2022-01-09T08:00");
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  id = xd_store_add_meeting (store, m, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_member (XdStore    *store,
            gint64      meeting_id,
            const char *name,
            XdRole      role)
{
  g_autoptr(XdMember) m = xd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  m->meeting_id = meeting_id;
  g_free (m->full_name);
  m->full_name = g_strdup (name);
  m->role = role;
  m->voting = role != XD_ROLE_SECRETARY;
  id = xd_store_add_member (store, m, &error);
  g_assert_no_error (error);
  return id;
}

static int
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A new file: the newest schema, our application id, private mode, WAL,
 * and the TT 124 preset with its four criteria. */
static void
test_new_database (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (f->store, &error);
  g_autoptr(GPtrArray) criteria = NULL;
  XdCriteriaSet *preset;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (xd_store_get_schema_version (f->store), ==, XD_STORE_SCHEMA_VERSION);
  g_assert_false (xd_store_is_read_only (f->store));
  g_assert_cmpint (count_rows (f->path, "PRAGMA user_version"), ==, XD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f->path, "PRAGMA application_id"), ==, XD_STORE_APPLICATION_ID);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpuint (sets->len, ==, 1);
  preset = g_ptr_array_index (sets, 0);
  g_assert_true (preset->read_only);
  g_assert_cmpstr (preset->source, ==, "Thông tư 124/2021/TT-BCA, Điều 5");
  criteria = xd_store_list_criteria (f->store, preset->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, ==, 4);
  g_assert_cmpstr (((XdCriterion *) g_ptr_array_index (criteria, 0))->code, ==, "1");
  g_assert_cmpstr (((XdCriterion *) g_ptr_array_index (criteria, 3))->code, ==, "4");
}

static void
test_default_path (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *expected = g_build_filename (data_dir, "xetduyet", "xetduyet.sqlite3", NULL);
  g_autofree char *folder = g_path_get_dirname (expected);
  g_autofree char *path = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  /* GLib reads XDG_DATA_HOME once; the test sets it before asking. */
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_test_message ("Only valid in a fresh process: run with -p /core/store/default-path");
  path = xd_store_default_path ();
  if (g_strcmp0 (path, expected) != 0)
    {
      g_test_skip ("XDG_DATA_HOME was read before this test");
      xd_test_remove_tree (dir);
      return;
    }

  store = xd_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xd_store_get_path (store), ==, expected);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (expected, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

/* The upgrade path from an older file is the one real users take. */
static void
test_migration_from_version_1 (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.xetduyet", NULL);
  g_autoptr(XdStore) old = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(XdDossier) d = xd_dossier_new ();
  gint64 meeting_id;

  old = xd_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xd_store_get_schema_version (old), ==, 1);
  meeting_id = add_meeting (old, "Hội nghị năm 2020");
  d->meeting_id = meeting_id;
  g_free (d->unit_name);
  d->unit_name = g_strdup ("Phường Hồng Gai");
  g_assert_cmpint (xd_store_add_dossier (old, d, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&old);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM sqlite_master WHERE name = 'dossier_search'"), ==, 0);

  store = xd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xd_store_get_schema_version (store), ==, XD_STORE_SCHEMA_VERSION);

  /* Rows from before the upgrade are in the new search index. */
  found = xd_store_search_dossiers (store, meeting_id, "hong gai", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((XdDossier *) g_ptr_array_index (found, 0))->unit_name, ==, "Phường Hồng Gai");

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

#define DROP_READ_INDEXES \
  "DROP INDEX dossier_by_meeting_state; DROP INDEX question_by_meeting_state;" \
  "DROP INDEX assessment_by_dossier_result; DROP INDEX dossier_search_keys;"

#define COUNT_READ_INDEXES \
  "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN " \
  "('dossier_by_meeting_state', 'question_by_meeting_state', 'assessment_by_dossier_result'," \
  " 'dossier_search_keys')"

/* The indexes the Overview's progress reads through are added on opening,
 * to new files and to files made before them, without changing the format
 * version: a file stays readable by the version that wrote it. */
static void
test_read_indexes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossier) d = xd_dossier_new ();
  gint64 meeting_id = add_meeting (f->store, "Hội nghị");
  XdMeetingProgress p;

  g_assert_cmpint (count_rows (f->path, COUNT_READ_INDEXES), ==, 4);

  d->meeting_id = meeting_id;
  g_free (d->unit_name); d->unit_name = g_strdup ("Phường Hồng Gai");
  d->state = XD_DOSSIER_MEETS;
  g_assert_cmpint (xd_store_add_dossier (f->store, d, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  exec_sql (f->path, DROP_READ_INDEXES);
  g_assert_cmpint (count_rows (f->path, COUNT_READ_INDEXES), ==, 0);

  /* Another program writing: the file opens at once, without them, and
   * reads as before. */
  {
    sqlite3 *other;
    gint64 start;

    g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
    start = g_get_monotonic_time ();
    f->store = xd_store_open (f->path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    g_assert_true (xd_store_get_progress (f->store, meeting_id, &p, &error));
    g_assert_no_error (error);
    g_assert_cmpint (p.dossiers_checked, ==, 1);
    sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close (other);
    g_clear_object (&f->store);
    g_assert_cmpint (count_rows (f->path, COUNT_READ_INDEXES), ==, 0);
  }

  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, COUNT_READ_INDEXES), ==, 4);
  g_assert_cmpint (count_rows (f->path, "PRAGMA user_version"), ==, XD_STORE_SCHEMA_VERSION);
  g_assert_true (xd_store_get_progress (f->store, meeting_id, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.dossiers_total, ==, 1);
  g_assert_cmpint (p.dossiers_checked, ==, 1);
}

/* Every field written, closed, reopened and read back. */
static void
test_reopen_keeps_edits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(XdDocument) doc = xd_document_new ();
  g_autoptr(XdAssessment) a = xd_assessment_new ();
  g_autoptr(XdGuest) g = xd_guest_new ();
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autofree char *conclusion = NULL;
  gint64 meeting_id, member_id, dossier_id;
  XdDossier *rd;
  XdDocument *rdoc;
  XdAssessment *ra;

  meeting_id = add_meeting (f->store, "Hội nghị xét duyệt năm 2021");
  m = xd_store_get_meeting (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_free (m->legal_basis); m->legal_basis = g_strdup ("Thông tư 124/2021/TT-BCA\nKế hoạch số 01");
  m->number = 1;
  g_free (m->number_suffix); m->number_suffix = g_strdup ("BB-BCĐ");
  g_free (m->place); m->place = g_strdup ("Hội trường Thành ủy Hạ Long");
  m->ends_at = g_strdup ("2022-01-09T10:30");
  m->rule.threshold_kind = XD_THRESHOLD_AT_LEAST;
  m->rule.threshold_num = 2;
  m->rule.threshold_den = 3;
  m->rule.base = XD_BASE_PRESENT;
  m->rule.tie_rule = XD_TIE_REVOTE;
  m->state = XD_MEETING_IN_SESSION;
  g_assert_true (xd_store_update_meeting (f->store, m, &error));
  g_assert_no_error (error);

  member_id = add_member (f->store, meeting_id, "Vũ Văn Diện", XD_ROLE_CHAIR);
  g_assert_true (xd_store_set_attendance (f->store, member_id, XD_ATTENDANCE_EXCUSED,
                                          "Đi công tác", &error));
  g_assert_no_error (error);

  g->meeting_id = meeting_id;
  g_free (g->full_name); g->full_name = g_strdup ("Đại diện Công an tỉnh");
  g_assert_cmpint (xd_store_add_guest (f->store, g, &error), >, 0);

  d->meeting_id = meeting_id;
  g_free (d->unit_name); d->unit_name = g_strdup ("Xã Đồng Lâm");
  d->unit_type = XD_UNIT_COMMUNE;
  g_free (d->reference); d->reference = g_strdup ("02/TTr-UBND");
  d->received_on = g_strdup ("2022-01-04");
  d->state = XD_DOSSIER_CHECKING;
  dossier_id = xd_store_add_dossier (f->store, d, &error);
  g_assert_no_error (error);

  doc->dossier_id = dossier_id;
  g_free (doc->title); doc->title = g_strdup ("Tờ trình đề nghị công nhận");
  doc->kind = XD_DOCUMENT_SUBMISSION;
  doc->received = TRUE;
  doc->file_path = g_strdup ("/tmp/to-trinh.pdf");
  doc->sha256 = g_strnfill (64, 'a');
  g_assert_cmpint (xd_store_add_document (f->store, doc, &error), >, 0);
  g_assert_no_error (error);

  assessments = xd_store_list_assessments (f->store, dossier_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 4);
  a->dossier_id = dossier_id;
  a->criterion_id = ((XdAssessment *) g_ptr_array_index (assessments, 1))->criterion_id;
  a->result = XD_ASSESSMENT_NOT_MET;
  g_free (a->note); a->note = g_strdup ("Thiếu biên bản khu dân cư số 3");
  g_assert_true (xd_store_set_assessment (f->store, a, &error));
  g_assert_no_error (error);
  g_clear_pointer (&assessments, g_ptr_array_unref);

  g_assert_true (xd_store_set_section (f->store, meeting_id, XD_SECTION_CONCLUSION,
                                       "Đồng chí Chủ trì kết luận: <giữ vững> & \"an toàn\"", &error));
  g_assert_no_error (error);

  /* Reopen: a new connection sees exactly what was committed. */
  g_clear_object (&f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);

  g_clear_pointer (&m, xd_meeting_free);
  m = xd_store_get_meeting (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m->title, ==, "Hội nghị xét duyệt năm 2021");
  g_assert_cmpstr (m->legal_basis, ==, "Thông tư 124/2021/TT-BCA\nKế hoạch số 01");
  g_assert_cmpint (m->number, ==, 1);
  g_assert_cmpstr (m->number_suffix, ==, "BB-BCĐ");
  g_assert_cmpstr (m->place, ==, "Hội trường Thành ủy Hạ Long");
  g_assert_cmpstr (m->starts_at, ==, "2022-01-09T08:00");
  g_assert_cmpstr (m->ends_at, ==, "2022-01-09T10:30");
  g_assert_cmpint (m->rule.threshold_kind, ==, XD_THRESHOLD_AT_LEAST);
  g_assert_cmpint (m->rule.threshold_num, ==, 2);
  g_assert_cmpint (m->rule.threshold_den, ==, 3);
  g_assert_cmpint (m->rule.base, ==, XD_BASE_PRESENT);
  g_assert_cmpint (m->rule.tie_rule, ==, XD_TIE_REVOTE);
  g_assert_cmpint (m->state, ==, XD_MEETING_IN_SESSION);

  members = xd_store_list_members (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((XdMember *) g_ptr_array_index (members, 0))->full_name, ==, "Vũ Văn Diện");
  g_assert_cmpint (((XdMember *) g_ptr_array_index (members, 0))->attendance, ==,
                   XD_ATTENDANCE_EXCUSED);
  g_assert_cmpstr (((XdMember *) g_ptr_array_index (members, 0))->absence_reason, ==,
                   "Đi công tác");

  guests = xd_store_list_guests (f->store, meeting_id, &error);
  g_assert_cmpuint (guests->len, ==, 1);

  dossiers = xd_store_list_dossiers (f->store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossiers->len, ==, 1);
  rd = g_ptr_array_index (dossiers, 0);
  g_assert_cmpstr (rd->unit_name, ==, "Xã Đồng Lâm");
  g_assert_cmpint (rd->unit_type, ==, XD_UNIT_COMMUNE);
  g_assert_cmpstr (rd->reference, ==, "02/TTr-UBND");
  g_assert_cmpstr (rd->received_on, ==, "2022-01-04");
  g_assert_cmpint (rd->state, ==, XD_DOSSIER_CHECKING);

  documents = xd_store_list_documents (f->store, dossier_id, &error);
  g_assert_cmpuint (documents->len, ==, 1);
  rdoc = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (rdoc->title, ==, "Tờ trình đề nghị công nhận");
  g_assert_true (rdoc->received);
  g_assert_cmpint (rdoc->kind, ==, XD_DOCUMENT_SUBMISSION);
  g_assert_cmpstr (rdoc->sha256, ==, doc->sha256);

  assessments = xd_store_list_assessments (f->store, dossier_id, &error);
  ra = g_ptr_array_index (assessments, 1);
  g_assert_cmpint (ra->result, ==, XD_ASSESSMENT_NOT_MET);
  g_assert_cmpstr (ra->note, ==, "Thiếu biên bản khu dân cư số 3");
  g_assert_cmpint (((XdAssessment *) g_ptr_array_index (assessments, 0))->result, ==,
                   XD_ASSESSMENT_NOT_ASSESSED);

  conclusion = xd_store_get_section (f->store, meeting_id, XD_SECTION_CONCLUSION, &error);
  g_assert_cmpstr (conclusion, ==, "Đồng chí Chủ trì kết luận: <giữ vững> & \"an toàn\"");

  /* Every edit above left its trace in the audit log. */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action <> 'migrate'"
                                        " AND entity <> 'criteria_set' AND entity <> 'criterion'"),
                   ==, 9);
}

/* The schema itself refuses what the API would never write. */
static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  sqlite3 *db = xd_store_get_db (f->store);
  gint64 meeting_id = add_meeting (f->store, "Hội nghị");
  g_autofree char *sql = NULL;
  const char *bad[] = {
    "INSERT INTO meeting (title) VALUES ('   ')",
    "INSERT INTO meeting (title, state) VALUES ('x', 'approved')",
    "INSERT INTO meeting (title, starts_at) VALUES ('x', '09/01/2022')",
    "INSERT INTO meeting (title, quorum_num, quorum_den) VALUES ('x', 3, 2)",
    "INSERT INTO meeting (title, criteria_set_id) VALUES ('x', 999)",
    "INSERT INTO member (meeting_id, full_name) VALUES (999, 'Nguyễn Văn A')",
    "INSERT INTO member (meeting_id, full_name, role) VALUES (1, 'Nguyễn Văn A', 'boss')",
    "INSERT INTO member (meeting_id, full_name, attendance) VALUES (1, 'A', 'late')",
    "INSERT INTO dossier (meeting_id, unit_name, unit_type) VALUES (1, 'X', 'city')",
    "INSERT INTO dossier (meeting_id, unit_name, received_on) VALUES (1, 'X', '2022-1-4')",
    "INSERT INTO dossier_document (dossier_id, title) VALUES (999, 'Tờ trình')",
    "INSERT INTO question (meeting_id, text, mode) VALUES (1, 'Q', 'show-of-hands')",
    "INSERT INTO question (meeting_id, text, state) VALUES (1, 'Q', 'closed')",
    "INSERT INTO tally (question_id, ballots_issued, ballots_valid, ballots_invalid, yes, no, abstain)"
    " VALUES (999, 1, 1, 0, 1, 0, 0)",
    "INSERT INTO minutes_section (meeting_id, kind) VALUES (1, 'appendix')",
  };

  g_assert_cmpint (meeting_id, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int rc = sqlite3_exec (db, bad[i], NULL, NULL, NULL);

      if ((rc & 0xff) != SQLITE_CONSTRAINT)
        g_error ("accepted or failed oddly (%d): %s", rc, bad[i]);
    }

  /* Two chairs in one meeting, and a second identical dossier. */
  add_member (f->store, meeting_id, "Vũ Văn Diện", XD_ROLE_CHAIR);
  sql = g_strdup_printf ("INSERT INTO member (meeting_id, full_name, role) VALUES (%"
                         G_GINT64_FORMAT ", 'Trần Văn B', 'chair')", meeting_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO dossier (meeting_id, unit_name, reference)"
                                     " VALUES (1, 'Xã Quảng La', '05')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO dossier (meeting_id, unit_name, reference)"
                                     " VALUES (1, 'Xã Quảng La', '05')", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
}

/* The API says what is wrong in words, and nothing is written. */
static void
test_api_refuses_bad_values (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(XdMember) second_chair = xd_member_new ();
  gint64 meeting_id = add_meeting (f->store, "Hội nghị");
  int audit_before = count_rows (f->path, "SELECT count(*) FROM audit_log");

  g_free (m->title); m->title = g_strdup ("  ");
  g_assert_cmpint (xd_store_add_meeting (f->store, m, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (m->title); m->title = g_strdup ("Hội nghị");
  m->starts_at = g_strdup ("2022-02-30T08:00");
  g_assert_cmpint (xd_store_add_meeting (f->store, m, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (m->starts_at); m->starts_at = g_strdup ("2022-01-09T10:00");
  m->ends_at = g_strdup ("2022-01-09T08:00");
  g_assert_cmpint (xd_store_add_meeting (f->store, m, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  add_member (f->store, meeting_id, "Vũ Văn Diện", XD_ROLE_CHAIR);
  second_chair->meeting_id = meeting_id;
  g_free (second_chair->full_name); second_chair->full_name = g_strdup ("Trần Văn B");
  second_chair->role = XD_ROLE_CHAIR;
  g_assert_cmpint (xd_store_add_member (f->store, second_chair, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Vũ Văn Diện"));
  g_clear_error (&error);

  d->meeting_id = meeting_id;
  g_free (d->unit_name); d->unit_name = g_strdup ("Phường Bãi Cháy");
  d->received_on = g_strdup ("2021-13-01");
  g_assert_cmpint (xd_store_add_dossier (f->store, d, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  d->meeting_id = 4242;
  g_free (d->received_on); d->received_on = NULL;
  g_assert_cmpint (xd_store_add_dossier (f->store, d, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only the chair's own successful insert was logged. */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before + 1);
}

static void
test_preset_is_read_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (f->store, &error);
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(XdCriterion) extra = xd_criterion_new ();
  XdCriteriaSet *preset = g_ptr_array_index (sets, 0);
  gint64 copy_id;

  extra->set_id = preset->id;
  g_free (extra->code); extra->code = g_strdup ("5");
  g_free (extra->text); extra->text = g_strdup ("Tiêu chí thêm");
  g_assert_cmpint (xd_store_add_criterion (f->store, extra, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xd_store_delete_criteria_set (f->store, preset->id, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  copy_id = xd_store_copy_criteria_set (f->store, preset->id, "Bộ tiêu chí của tỉnh", &error);
  g_assert_no_error (error);
  extra->set_id = copy_id;
  g_assert_cmpint (xd_store_add_criterion (f->store, extra, &error), >, 0);
  g_assert_no_error (error);
  criteria = xd_store_list_criteria (f->store, copy_id, &error);
  g_assert_cmpuint (criteria->len, ==, 5);

  /* The same name twice is a mistake a user can make: say so. */
  g_assert_cmpint (xd_store_copy_criteria_set (f->store, preset->id, "Bộ tiêu chí của tỉnh",
                                               &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
}

/* Opening a file must not change it when it is refused. */
static void
assert_refused (const char   *path,
                XdStoreError  code)
{
  g_autofree char *before = xd_test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, XD_STORE_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_test_message ("refused: %s", error->message);
  after = xd_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuses_not_sqlite (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.xetduyet", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.xetduyet", NULL);
  g_autofree char *good = g_build_filename (dir, "good.xetduyet", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(XdStore) store = NULL;

  g_assert_true (g_file_set_contents (text, "Biên bản hội nghị — không phải cơ sở dữ liệu\n",
                                      -1, NULL));
  assert_refused (text, XD_STORE_ERROR_NOT_DATABASE);

  /* A real database cut short, as a failed copy leaves it. */
  store = xd_store_open (good, NULL);
  g_assert_nonnull (store);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, 100, NULL));
  assert_refused (truncated, XD_STORE_ERROR_NOT_DATABASE);

  xd_test_remove_tree (dir);
}

static void
test_refuses_newer_version (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "future.xetduyet", NULL);
  g_autoptr(XdStore) store = xd_store_open (path, NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", XD_STORE_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  g_assert_true (xd_store_exec (store, sql, NULL));
  g_clear_object (&store);

  assert_refused (path, XD_STORE_ERROR_NEWER_VERSION);

  /* The message names both versions so the user knows what to do. */
  store = xd_store_open (path, &error);
  g_assert_nonnull (strstr (error->message, "3"));
  xd_test_remove_tree (dir);
}

static void
test_refuses_foreign (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *other_id = g_build_filename (dir, "other.db", NULL);
  g_autofree char *no_id = g_build_filename (dir, "firefox-places.sqlite", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (other_id, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234;"
                                     "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (other_id, XD_STORE_ERROR_FOREIGN);

  g_assert_cmpint (sqlite3_open (no_id, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (url TEXT)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (no_id, XD_STORE_ERROR_FOREIGN);

  xd_test_remove_tree (dir);
}

/* A file in a folder that cannot be written is opened read-only and says
 * so; a new file there is refused. */
static void
check_read_only_folder (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autofree char *missing = g_build_filename (dir, "new.xetduyet", NULL);
  g_autofree char *before = xd_test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();

  store = xd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (xd_store_is_read_only (store));
  meetings = xd_store_list_meetings (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_cmpstr (((XdMeeting *) g_ptr_array_index (meetings, 0))->title, ==, "Hội nghị");

  g_free (m->title); m->title = g_strdup ("Không lưu được");
  g_assert_cmpint (xd_store_add_meeting (store, m, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&store);
  after = xd_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  store = xd_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_CANNOT_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      /* root writes anywhere, so the check runs as "nobody", for whom the
       * folder and the file are read-only. */
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
      check_read_only_folder (g_getenv ("XD_TEST_READ_ONLY_DIR"));
      return;
    }

  dir = xd_test_make_dir ();
  path = g_build_filename (dir, "council.xetduyet", NULL);
  store = xd_store_open (path, &error);
  g_assert_no_error (error);
  add_meeting (store, "Hội nghị");
  g_clear_object (&store);
  /* A file from before the read indexes: a read-only one opens without
   * them, and check_read_only_folder () sees it unchanged. */
  exec_sql (path, DROP_READ_INDEXES);

  if (geteuid () == 0)
    {
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      g_setenv ("XD_TEST_READ_ONLY_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
    }
  else
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      check_read_only_folder (dir);
    }

  g_chmod (dir, 0700);
  xd_test_remove_tree (dir);
}

/* Another program holding the write lock: the edit fails with a message,
 * and the database keeps what it had. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  sqlite3 *other;
  gint64 start;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_free (m->title); m->title = g_strdup ("Hội nghị");
  start = g_get_monotonic_time ();
  g_assert_cmpint (xd_store_add_meeting (f->store, m, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_BUSY);
  /* It waited for the lock before giving up, but not for ever. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_clear_error (&error);
  g_assert_cmpint (xd_store_add_meeting (f->store, m, &error), >, 0);
  g_assert_no_error (error);
}

/* A full disk in the middle of an edit loses nothing that was there. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');
  g_autofree char *limit = NULL;
  gint64 meeting_id = add_meeting (f->store, "Hội nghị");
  int pages = count_rows (f->path, "PRAGMA page_count");

  /* Enough pages for what is there, none for a summary of 200 kB. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 2);
  g_assert_true (xd_store_exec (f->store, limit, NULL));

  d->meeting_id = meeting_id;
  g_free (d->unit_name); d->unit_name = g_strdup ("Phường Bãi Cháy");
  g_free (d->summary); d->summary = g_strdup (big);
  g_assert_cmpint (xd_store_add_dossier (f->store, d, &error), ==, 0);
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FULL);
  g_clear_error (&error);

  dossiers = xd_store_list_dossiers (f->store, meeting_id, NULL);
  g_assert_cmpuint (dossiers->len, ==, 0);
  meeting = xd_store_get_meeting (f->store, meeting_id, &error);
  g_assert_nonnull (meeting);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autofree char *conclusion = NULL;
  const char *units[] = { "Phường Bãi Cháy", "Phường Cao Thắng", "Phường Hồng Gai",
                          "Xã Đồng Lâm", "Xã Quảng La" };
  gint64 id;
  int present = 0, voting = 0;

  id = xd_store_load_sample (f->store, &error);
  g_assert_no_error (error);
  meeting = xd_store_get_meeting (f->store, id, &error);
  g_assert_cmpstr (meeting->title, ==, "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2021");
  g_assert_cmpstr (meeting->starts_at, ==, "2022-01-09T08:00");
  g_assert_cmpint (meeting->number, ==, 1);

  dossiers = xd_store_list_dossiers (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossiers->len, ==, G_N_ELEMENTS (units));
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);
      g_autoptr(GPtrArray) assessments = xd_store_list_assessments (f->store, d->id, NULL);
      g_autoptr(GPtrArray) documents = xd_store_list_documents (f->store, d->id, NULL);

      g_assert_cmpstr (d->unit_name, ==, units[i]);
      g_assert_true (g_utf8_validate (d->unit_name, -1, NULL));
      g_assert_cmpint (d->state, ==, XD_DOSSIER_VOTED);
      g_assert_cmpuint (assessments->len, ==, 4);
      for (guint j = 0; j < assessments->len; j++)
        g_assert_cmpint (((XdAssessment *) g_ptr_array_index (assessments, j))->result, ==,
                         XD_ASSESSMENT_MET);
      g_assert_cmpuint (documents->len, ==, 5);
    }

  members = xd_store_list_members (f->store, id, &error);
  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);

      voting += m->voting;
      present += m->voting && m->attendance == XD_ATTENDANCE_PRESENT;
    }
  g_assert_cmpstr (((XdMember *) g_ptr_array_index (members, 0))->full_name, ==, "Vũ Văn Diện");
  g_assert_cmpint (((XdMember *) g_ptr_array_index (members, 0))->role, ==, XD_ROLE_CHAIR);
  g_assert_cmpint (voting, ==, 9);
  g_assert_cmpint (present, ==, 8);

  /* All five recognised, each result frozen with its explanation. */
  questions = xd_store_list_questions (f->store, id, &error);
  g_assert_cmpuint (questions->len, ==, 5);
  for (guint i = 0; i < questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (questions, i);

      g_assert_cmpint (q->state, ==, XD_QUESTION_CLOSED);
      g_assert_cmpint (q->outcome, ==, XD_OUTCOME_PASSED);
      g_assert_cmpint (q->members_total, ==, 9);
      g_assert_cmpint (q->members_present, ==, 8);
      g_assert_true (g_str_has_prefix (q->explanation, "Tán thành "));
    }

  conclusion = xd_store_get_section (f->store, id, XD_SECTION_CONCLUSION, &error);
  g_assert_nonnull (strstr (conclusion, "An ninh cơ sở"));

  /* Loading it a second time adds a second meeting but not a second preset. */
  g_assert_cmpint (xd_store_load_sample (f->store, &error), >, id);
  sets = xd_store_list_criteria_sets (f->store, &error);
  g_assert_cmpuint (sets->len, ==, 1);

  found = xd_store_search_dossiers (f->store, id, "QUANG LA", &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xd_store_load_sample (f->store, &error);
  struct {
    const char *query;
    guint n;
    const char *first;
  } cases[] = {
    { "hong gai", 1, "Phường Hồng Gai" },
    { "Hồng Gai", 1, "Phường Hồng Gai" },
    { "HONG", 1, "Phường Hồng Gai" },
    { "dong lam", 1, "Xã Đồng Lâm" },
    { "đồng", 1, "Xã Đồng Lâm" },
    { "phuong", 3, "Phường Bãi Cháy" },
    { "xa", 2, "Xã Đồng Lâm" },
    { "ca", 1, "Phường Cao Thắng" },
    { "", 5, "Phường Bãi Cháy" },
    { "   ", 5, "Phường Bãi Cháy" },
    { "03/TTr", 1, "Phường Hồng Gai" },
    { "hà nội", 0, NULL },
    { "\"; DROP TABLE dossier; --", 0, NULL },
    { "%", 0, NULL },
    { "*", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = xd_store_search_dossiers (f->store, id, cases[i].query, &error);

      g_assert_no_error (error);
      g_test_message ("query “%s”", cases[i].query);
      g_assert_cmpuint (found->len, ==, cases[i].n);
      if (cases[i].first != NULL)
        g_assert_cmpstr (((XdDossier *) g_ptr_array_index (found, 0))->unit_name, ==,
                         cases[i].first);
    }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 id = xd_store_load_sample (f->store, &error);
  XdDossier *voted;
  XdMember *chair;

  dossiers = xd_store_list_dossiers (f->store, id, &error);
  voted = g_ptr_array_index (dossiers, 0);
  /* What the council voted on is part of the record. */
  g_assert_false (xd_store_delete_dossier (f->store, voted->id, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  members = xd_store_list_members (f->store, id, &error);
  chair = g_ptr_array_index (members, 0);
  g_assert_false (xd_store_delete_member (f->store, chair->id, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting the meeting takes everything that belongs to it. */
  g_assert_true (xd_store_delete_meeting (f->store, id, &error));
  g_assert_no_error (error);
  meetings = xd_store_list_meetings (f->store, &error);
  g_assert_cmpuint (meetings->len, ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM dossier"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM vote"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM member"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM assessment"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM criterion"), ==, 4);
}

static void
test_finalised_is_read_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  gint64 id = xd_store_load_sample (f->store, &error);

  m = xd_store_get_meeting (f->store, id, &error);
  m->state = XD_MEETING_FINALISED;
  g_assert_true (xd_store_update_meeting (f->store, m, &error));

  /* However it got there, a finalised meeting has its code, and the
   * record checks out. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM meeting"
                                          " WHERE record_hash IS NOT NULL"), ==, 1);
    g_assert_true (xd_store_verify (f->store, id, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  g_free (m->title); m->title = g_strdup ("Sửa sau khi đã hoàn tất");
  g_assert_false (xd_store_update_meeting (f->store, m, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
  g_clear_error (&error);

  dossiers = xd_store_list_dossiers (f->store, id, &error);
  g_assert_false (xd_store_set_section (f->store, id, XD_SECTION_DISCUSSION, "…", &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
  g_clear_error (&error);
  g_assert_false (xd_store_delete_meeting (f->store, id, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
}

/* An import that fails half-way leaves nothing behind. */
static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                 "absent-voter.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int audit_before = count_rows (f->path, "SELECT count(*) FROM audit_log");
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  g_assert_false (xd_exchange_import_bytes (f->store, bytes, "absent-voter.xml", NULL, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "absent-voter.xml, line "));
  g_assert_nonnull (strstr (error->message, "Hoàng Thị H"));

  meetings = xd_store_list_meetings (f->store, NULL);
  g_assert_cmpuint (meetings->len, ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM member"), ==, 0);
}

/* xd_store_tally_criteria () counts as xd_store_list_assessments () does,
 * for every dossier at once: the sample, then with assessments changed. */
static void
check_tallies (XdStore *store,
               gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (store, meeting_id, &error);
  g_autoptr(GArray) tallies = xd_store_tally_criteria (store, meeting_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tallies->len, ==, dossiers->len);
  for (guint i = 0; i < dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);
      g_autoptr(GPtrArray) assessments = xd_store_list_assessments (store, d->id, &error);
      XdCriteriaTally *t = NULL;
      int met = 0;

      for (guint j = 0; j < tallies->len; j++)
        if (g_array_index (tallies, XdCriteriaTally, j).dossier_id == d->id)
          t = &g_array_index (tallies, XdCriteriaTally, j);
      for (guint j = 0; j < assessments->len; j++)
        met += ((XdAssessment *) g_ptr_array_index (assessments, j))->result == XD_ASSESSMENT_MET;
      g_assert_nonnull (t);
      g_assert_cmpint (t->total, ==, (int) assessments->len);
      g_assert_cmpint (t->met, ==, met);
    }
}

static void
test_tally_criteria (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GArray) none = NULL;
  gint64 id = xd_store_load_sample (f->store, &error);
  XdAssessment *a;

  g_assert_no_error (error);
  check_tallies (f->store, id);

  /* One criterion of the first dossier now not met, another not assessed. */
  dossiers = xd_store_list_dossiers (f->store, id, &error);
  assessments = xd_store_list_assessments (f->store,
                                           ((XdDossier *) g_ptr_array_index (dossiers, 0))->id,
                                           &error);
  g_assert_cmpuint (assessments->len, >=, 2);
  a = g_ptr_array_index (assessments, 0);
  a->result = XD_ASSESSMENT_NOT_MET;
  g_assert_true (xd_store_set_assessment (f->store, a, &error));
  a = g_ptr_array_index (assessments, 1);
  a->result = XD_ASSESSMENT_NOT_ASSESSED;
  g_assert_true (xd_store_set_assessment (f->store, a, &error));
  g_assert_no_error (error);
  check_tallies (f->store, id);

  /* A meeting without dossiers has no tallies, and is no error. */
  none = xd_store_tally_criteria (f->store, add_meeting (f->store, "Hội nghị trống"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* xd_store_run_in_transaction (): many calls, one commit and one
 * "changed"; a FALSE return (a bad value half-way) leaves nothing. */
typedef struct {
  gint64 meeting_id;
  int n;              /* dossiers to add */
  gboolean fail;      /* then add one the store refuses */
  int changed;        /* "changed" emissions seen */
  int changed_inside; /* … of single edits, which should stay silent */
  int serial;         /* numbers the units: two of one name are refused */
} Batch;

static void
on_batch_changed_cb (XdStore    *store,
                     const char *entity,
                     gint64      id,
                     Batch      *b)
{
  b->changed++;
  /* The edits inside stay silent: only the batch's own "*" is heard. */
  if (!g_str_equal (entity, "*"))
    b->changed_inside++;
}

static gboolean
add_batch (XdStore  *store,
           gpointer  data,
           GError  **error)
{
  Batch *b = data;

  for (int i = 0; i < b->n; i++)
    {
      g_autoptr(XdDossier) d = xd_dossier_new ();

      d->meeting_id = b->meeting_id;
      g_free (d->unit_name);
      d->unit_name = g_strdup_printf ("Xã Số %d", ++b->serial);
      if (xd_store_add_dossier (store, d, error) == 0)
        return FALSE;
    }
  if (b->fail)
    {
      g_autoptr(XdDossier) d = xd_dossier_new ();

      d->meeting_id = b->meeting_id + 1000;   /* no such meeting */
      g_free (d->unit_name);
      d->unit_name = g_strdup ("Phường Không Có");
      return xd_store_add_dossier (store, d, error) != 0;
    }
  return TRUE;
}

static gboolean
run_batch (XdStore  *store,
           Batch    *b,
           GError  **error)
{
  return xd_store_run_in_transaction (store, add_batch, b, error);
}

static void
test_run_in_transaction (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Batch b = { add_meeting (f->store, "Hội nghị xét duyệt"), 25, FALSE, 0, 0, 0 };
  int audit_before;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_batch_changed_cb), &b);

  g_assert_true (run_batch (f->store, &b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM dossier"), ==, 25);
  g_assert_cmpint (b.changed_inside, ==, 0);
  g_assert_cmpint (b.changed, ==, 1);

  /* A refusal after ten good dossiers: none of them stays, nothing is
   * logged and nobody is told of a change. */
  audit_before = count_rows (f->path, "SELECT count(*) FROM audit_log");
  b.n = 10;
  b.fail = TRUE;
  g_assert_false (run_batch (f->store, &b, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM dossier"), ==, 25);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (b.changed, ==, 1);

  /* The store still takes single writes afterwards. */
  b.n = 1;
  b.fail = FALSE;
  g_assert_true (run_batch (f->store, &b, &error));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM dossier"), ==, 26);

  g_signal_handlers_disconnect_by_data (f->store, &b);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/default-path", test_default_path);
  g_test_add ("/core/store/new-database", Fixture, NULL,
              fixture_set_up, test_new_database, fixture_tear_down);
  g_test_add_func ("/core/store/migration-from-version-1", test_migration_from_version_1);
  g_test_add ("/core/store/read-indexes", Fixture, NULL,
              fixture_set_up, test_read_indexes, fixture_tear_down);
  g_test_add ("/core/store/reopen-keeps-edits", Fixture, NULL,
              fixture_set_up, test_reopen_keeps_edits, fixture_tear_down);
  g_test_add ("/core/store/constraints", Fixture, NULL,
              fixture_set_up, test_constraints, fixture_tear_down);
  g_test_add ("/core/store/api-refuses-bad-values", Fixture, NULL,
              fixture_set_up, test_api_refuses_bad_values, fixture_tear_down);
  g_test_add ("/core/store/preset-is-read-only", Fixture, NULL,
              fixture_set_up, test_preset_is_read_only, fixture_tear_down);
  g_test_add_func ("/core/store/refuses/not-sqlite", test_refuses_not_sqlite);
  g_test_add_func ("/core/store/refuses/newer-version", test_refuses_newer_version);
  g_test_add_func ("/core/store/refuses/foreign", test_refuses_foreign);
  g_test_add_func ("/core/store/read-only-folder", test_read_only_folder);
  g_test_add ("/core/store/busy", Fixture, NULL, fixture_set_up, test_busy, fixture_tear_down);
  g_test_add ("/core/store/disk-full", Fixture, NULL,
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/core/store/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/core/store/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/core/store/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/core/store/finalised-is-read-only", Fixture, NULL,
              fixture_set_up, test_finalised_is_read_only, fixture_tear_down);
  g_test_add ("/core/store/tally-criteria", Fixture, NULL,
              fixture_set_up, test_tally_criteria, fixture_tear_down);
  g_test_add ("/core/store/run-in-transaction", Fixture, NULL,
              fixture_set_up, test_run_in_transaction, fixture_tear_down);
  g_test_add ("/core/store/import-all-or-nothing", Fixture, NULL,
              fixture_set_up, test_import_all_or_nothing, fixture_tear_down);

  return g_test_run ();
}
