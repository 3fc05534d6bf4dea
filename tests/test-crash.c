/* test-crash.c — killing the program mid-edit costs no committed edit
 *
 * crash-writer edits a database in a loop and reports each edit once it is
 * committed; this harness SIGKILLs it at random moments, then opens the
 * file as the app would, checks that SQLite finds it intact and that it
 * holds exactly the reported edits (plus, at most, the one the writer had
 * committed but not yet reported when it died).
 *
 * 30 kills by default; XD_CRASH_KILLS=200 (or any number) for the full run:
 *   XD_CRASH_KILLS=200 meson test -C _build crash --print-errorlogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crash-edits.h"
#include "xd-record.h"
#include "xd-store-private.h"
#include "xd-test-util.h"

#define DEFAULT_KILLS 30
#define N_VOTERS 4
#define MAX_CRITERIA 16

/* What the database must hold: for each field the writer edits, the number
 * of the edit that set it last (0: never edited). */
typedef struct {
  guint summary;
  guint assessment[MAX_CRITERIA];
  guint attendance;
  guint vote[N_VOTERS];
  GArray *guests;          /* guint, edit numbers */
} Expected;

typedef struct {
  char *dir;
  char *path;
  gint64 meeting_id;
  gint64 dossier_id;
  gint64 question_id;
  gint64 secretary_id;
  gint64 voters[N_VOTERS];
  guint n_criteria;
} Fixture;

static void
expected_clear (Expected *e)
{
  g_clear_pointer (&e->guests, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Expected, expected_clear)

static void
expected_copy (const Expected *from,
               Expected       *to)
{
  *to = *from;
  to->guests = g_array_copy (from->guests);
}

static void
expected_apply (Expected *e,
                guint     n_criteria,
                guint     n)
{
  CrashEdit edit = crash_edit_for (n);

  switch (edit.kind)
    {
    case CRASH_EDIT_SUMMARY:
      e->summary = n;
      break;
    case CRASH_EDIT_ASSESSMENT:
      e->assessment[edit.index % n_criteria] = n;
      break;
    case CRASH_EDIT_ATTENDANCE:
      e->attendance = n;
      break;
    case CRASH_EDIT_VOTE:
      e->vote[edit.index % N_VOTERS] = n;
      break;
    case CRASH_EDIT_GUEST:
      g_array_append_val (e->guests, n);
      break;
    case CRASH_N_EDIT_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
append_guests (GString   *out,
               GPtrArray *names)
{
  g_ptr_array_sort (names, compare_strings);
  g_string_append (out, "guests:");
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, " %s;", (const char *) g_ptr_array_index (names, i));
  g_string_append_c (out, '\n');
}

/* The state as text, from the edits the harness knows of … */
static char *
expected_describe (const Expected *e,
                   guint           n_criteria)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (e->summary > 0)
    g_string_append_printf (out, "summary: edit %u\n", e->summary);
  else
    g_string_append (out, "summary: \n");

  for (guint i = 0; i < n_criteria; i++)
    {
      guint n = e->assessment[i];

      if (n > 0)
        g_string_append_printf (out, "assessment %u: %s edit %u\n", i,
                                xd_assessment_result_to_string (crash_edit_for (n).result), n);
      else
        g_string_append_printf (out, "assessment %u: %s \n", i,
                                xd_assessment_result_to_string (XD_ASSESSMENT_NOT_ASSESSED));
    }

  if (e->attendance > 0)
    g_string_append_printf (out, "secretary: %s edit %u\n",
                            xd_attendance_to_string (crash_edit_for (e->attendance).attendance),
                            e->attendance);
  else
    g_string_append_printf (out, "secretary: %s \n",
                            xd_attendance_to_string (XD_ATTENDANCE_PRESENT));

  for (guint i = 0; i < N_VOTERS; i++)
    g_string_append_printf (out, "vote %u: %s\n", i,
                            e->vote[i] > 0 ? xd_choice_to_string (crash_edit_for (e->vote[i]).choice)
                                           : "none");

  for (guint i = 0; i < e->guests->len; i++)
    g_ptr_array_add (names, g_strdup_printf ("Khách %u", g_array_index (e->guests, guint, i)));
  append_guests (out, names);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* … and the same from the database, through the store. */
static char *
database_describe (Fixture *f,
                   XdStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossier) dossier = NULL;
  g_autoptr(XdMember) secretary = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GArray) votes = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  dossier = xd_store_get_dossier (store, f->dossier_id, &error);
  g_assert_no_error (error);
  g_string_append_printf (out, "summary: %s\n", dossier->summary);

  assessments = xd_store_list_assessments (store, f->dossier_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, f->n_criteria);
  for (guint i = 0; i < assessments->len; i++)
    {
      XdAssessment *a = g_ptr_array_index (assessments, i);

      g_string_append_printf (out, "assessment %u: %s %s\n", i,
                              xd_assessment_result_to_string (a->result), a->note);
    }

  secretary = xd_store_get_member (store, f->secretary_id, &error);
  g_assert_no_error (error);
  g_string_append_printf (out, "secretary: %s %s\n",
                          xd_attendance_to_string (secretary->attendance),
                          secretary->absence_reason);

  votes = xd_store_list_votes (store, f->question_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_VOTERS; i++)
    {
      const char *choice = "none";

      for (guint j = 0; j < votes->len; j++)
        if (g_array_index (votes, XdVote, j).member_id == f->voters[i])
          choice = xd_choice_to_string (g_array_index (votes, XdVote, j).choice);
      g_string_append_printf (out, "vote %u: %s\n", i, choice);
    }

  guests = xd_store_list_guests (store, f->meeting_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < guests->len; i++)
    g_ptr_array_add (names, g_strdup (((XdGuest *) g_ptr_array_index (guests, i))->full_name));
  append_guests (out, names);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_integrity (XdStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (xd_store_get_db (store), "PRAGMA integrity_check", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  /* The audit chain survived too: no entry half written, none lost. */
  g_assert_true (xd_store_verify (store, 0, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
fixture_set_up (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(XdMember) secretary = xd_member_new ();
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  const char *names[N_VOTERS] = { "Vũ Văn Diện", "Trần Văn Bình", "Lê Thị Cúc",
                                  "Phạm Văn Dũng" };

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "crash.xetduyet", NULL);
  store = xd_store_open (f->path, &error);
  g_assert_no_error (error);

  sets = xd_store_list_criteria_sets (store, &error);
  g_assert_no_error (error);
  g_free (m->title); m->title = g_strdup ("Hội nghị xét duyệt");
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  f->meeting_id = xd_store_add_meeting (store, m, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_VOTERS; i++)
    {
      g_autoptr(XdMember) member = xd_member_new ();

      member->meeting_id = f->meeting_id;
      g_free (member->full_name); member->full_name = g_strdup (names[i]);
      member->role = i == 0 ? XD_ROLE_CHAIR : XD_ROLE_MEMBER;
      member->voting = TRUE;
      member->attendance = XD_ATTENDANCE_PRESENT;
      member->position = i;
      f->voters[i] = xd_store_add_member (store, member, &error);
      g_assert_no_error (error);
    }
  /* The writer changes only the secretary's attendance: not voting, so the
   * quorum of the open question never depends on it. */
  secretary->meeting_id = f->meeting_id;
  g_free (secretary->full_name); secretary->full_name = g_strdup ("Hoàng Thị Hà");
  secretary->role = XD_ROLE_SECRETARY;
  secretary->voting = FALSE;
  secretary->attendance = XD_ATTENDANCE_PRESENT;
  secretary->position = N_VOTERS;
  f->secretary_id = xd_store_add_member (store, secretary, &error);
  g_assert_no_error (error);

  d->meeting_id = f->meeting_id;
  g_free (d->unit_name); d->unit_name = g_strdup ("Phường Hồng Gai");
  f->dossier_id = xd_store_add_dossier (store, d, &error);
  g_assert_no_error (error);
  assessments = xd_store_list_assessments (store, f->dossier_id, &error);
  g_assert_no_error (error);
  f->n_criteria = assessments->len;
  g_assert_cmpuint (f->n_criteria, >, 0);
  g_assert_cmpuint (f->n_criteria, <=, MAX_CRITERIA);

  f->question_id = xd_store_ensure_dossier_question (store, f->dossier_id, &error);
  g_assert_no_error (error);
  g_assert_true (xd_store_open_question (store, f->question_id, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f)
{
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Parses the complete lines in @buf into @reported and keeps the rest. */
static void
take_lines (GString *buf,
            GArray  *reported)
{
  char *newline;

  while ((newline = memchr (buf->str, '\n', buf->len)) != NULL)
    {
      guint64 n;
      guint edit;

      *newline = '\0';
      g_assert_true (g_ascii_string_to_unsigned (buf->str, 10, 1, G_MAXUINT, &n, NULL));
      edit = (guint) n;
      g_array_append_val (reported, edit);
      g_string_erase (buf, 0, newline - buf->str + 1);
    }
}

/* Reads until a line arrives (@until_line) or the writer is gone. */
static void
read_reports (int      fd,
              GString *buf,
              GArray  *reported,
              gboolean until_line)
{
  guint before = reported->len;

  for (;;)
    {
      char chunk[4096];
      gssize got = read (fd, chunk, sizeof chunk);

      if (got < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (got, >=, 0);
      if (got == 0)
        return;
      g_string_append_len (buf, chunk, got);
      take_lines (buf, reported);
      if (until_line && reported->len > before)
        return;
    }
}

static void
test_kill_anywhere (void)
{
  Fixture f = { 0 };
  g_auto(Expected) expected = { 0 };
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
  const char *env = g_getenv ("XD_CRASH_KILLS");
  guint64 kills = DEFAULT_KILLS;
  guint next = 1;
  guint verified = 0;
  guint unreported_committed = 0;
  guint before_first_report = 0;
  gint64 start_time = g_get_monotonic_time ();

  if (env != NULL && *env != '\0')
    g_assert_true (g_ascii_string_to_unsigned (env, 10, 1, 100000, &kills, NULL));

  fixture_set_up (&f);
  expected.guests = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < kills; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) buf = g_string_new (NULL);
      g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(XdStore) store = NULL;
      g_autofree char *first = g_strdup_printf ("%u", next);
      g_autofree char *want = NULL;
      g_autofree char *have = NULL;
      char *argv[] = { writer, f.path, first, NULL };
      GPid pid;
      int out_fd = -1;
      int status = 0;
      guint pending;

      g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CLOEXEC_PIPES,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* Mostly in the middle of the edit loop; one time in four anywhere,
       * including while the writer is still opening the file. */
      if (k % 4 != 3)
        read_reports (out_fd, buf, reported, TRUE);
      g_usleep (g_random_int_range (1, 50) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* A writer that stopped by itself failed: its message is above. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      read_reports (out_fd, buf, reported, FALSE);
      close (out_fd);

      for (guint i = 0; i < reported->len; i++)
        {
          g_assert_cmpuint (g_array_index (reported, guint, i), ==, next + i);
          expected_apply (&expected, f.n_criteria, next + i);
        }
      verified += reported->len;
      before_first_report += reported->len == 0;
      /* The writer may have committed this one and died before saying so. */
      pending = next + reported->len;

      store = xd_store_open (f.path, &error);
      g_assert_no_error (error);
      assert_integrity (store);

      have = database_describe (&f, store);
      want = expected_describe (&expected, f.n_criteria);
      if (g_strcmp0 (have, want) != 0)
        {
          g_auto(Expected) with_pending = { 0 };

          expected_copy (&expected, &with_pending);
          expected_apply (&with_pending, f.n_criteria, pending);
          g_clear_pointer (&want, g_free);
          want = expected_describe (&with_pending, f.n_criteria);
          g_assert_cmpstr (have, ==, want);

          expected_clear (&expected);
          expected = with_pending;
          with_pending.guests = NULL;
          unreported_committed++;
        }

      /* Never reuse a number that may already be in the file. */
      next = pending + 1;
    }

  g_test_message ("%" G_GUINT64_FORMAT " kills survived, %u reported edits verified "
                  "(%u more committed but not yet reported; %u kills before the first report) "
                  "in %.1f s",
                  kills, verified, unreported_committed, before_first_report,
                  (g_get_monotonic_time () - start_time) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (verified, >, 0);

  fixture_tear_down (&f);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/crash/kill-anywhere", test_kill_anywhere);

  return g_test_run ();
}
