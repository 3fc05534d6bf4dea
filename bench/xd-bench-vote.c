/* xd-bench-vote.c — one durable vote vs. the floor of one SQLite commit
 *
 *   xd-bench-vote DIR N
 *
 * In DIR (on the disk to measure: fsync is the cost) makes a meeting of 31
 * members present with one open question, and a bare SQLite file with the
 * store's pragmas (WAL, synchronous=FULL, foreign keys).  Then N times, in
 * turn: one vote through xd_store_set_vote () (its transaction, checks and
 * audit entry), and one single-row INSERT committed on the bare file.
 * Prints each figure's median and 99th percentile in milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-bench-vote"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "xd-bench-report.h"
#include "xd-store.h"

#define N_MEMBERS 31

static void
die (const char *what)
{
  fprintf (stderr, "xd-bench-vote: %s\n", what);
  exit (1);
}

static sqlite3 *
open_bare (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db,
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA foreign_keys = ON;"
                    "CREATE TABLE vote (id INTEGER PRIMARY KEY, question_id INTEGER NOT NULL,"
                    " member_id INTEGER NOT NULL, choice TEXT NOT NULL);",
                    NULL, NULL, NULL) != SQLITE_OK)
    die (sqlite3_errmsg (db));
  return db;
}

static gint64
set_up_store (XdStore *store,
              gint64  *members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(XdDossier) d = xd_dossier_new ();
  gint64 question_id;

  g_free (m->title);
  m->title = g_strdup ("Hội nghị xét duyệt");
  m->id = xd_store_add_meeting (store, m, &error);
  for (int i = 0; error == NULL && i < N_MEMBERS; i++)
    {
      g_autoptr(XdMember) member = xd_member_new ();

      member->meeting_id = m->id;
      g_free (member->full_name);
      member->full_name = g_strdup_printf ("Nguyễn Văn Thành viên %d", i + 1);
      member->role = i == 0 ? XD_ROLE_CHAIR : XD_ROLE_MEMBER;
      member->voting = TRUE;
      member->attendance = XD_ATTENDANCE_PRESENT;
      member->position = i;
      members[i] = xd_store_add_member (store, member, &error);
    }
  if (error == NULL)
    {
      d->meeting_id = m->id;
      g_free (d->unit_name);
      d->unit_name = g_strdup ("Phường Hồng Gai");
      d->id = xd_store_add_dossier (store, d, &error);
    }
  question_id = error == NULL ? xd_store_ensure_dossier_question (store, d->id, &error) : 0;
  if (error == NULL)
    xd_store_open_question (store, question_id, FALSE, &error);
  if (error != NULL)
    die (error->message);
  return question_id;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autofree char *store_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree double *store_ms = NULL;
  g_autofree double *bare_ms = NULL;
  sqlite3_stmt *insert = NULL;
  gint64 members[N_MEMBERS];
  gint64 question_id;
  sqlite3 *bare;
  int n;

  setlocale (LC_ALL, "");
  /* Figures for build-aux/bench to read: "1.5", not "1,5". */
  setlocale (LC_NUMERIC, "C");
  if (argc != 3 || (n = atoi (argv[2])) <= 0)
    {
      fprintf (stderr, "usage: %s DIR N\n", argv[0]);
      return 2;
    }

  store_path = g_build_filename (argv[1], "bench-vote.xetduyet", NULL);
  bare_path = g_build_filename (argv[1], "bench-vote-bare.sqlite3", NULL);
  for (int i = 0; i < 2; i++)
    {
      const char *base = i == 0 ? store_path : bare_path;
      g_autofree char *wal = g_strconcat (base, "-wal", NULL);
      g_autofree char *shm = g_strconcat (base, "-shm", NULL);

      g_remove (base);
      g_remove (wal);
      g_remove (shm);
    }

  store = xd_store_open (store_path, &error);
  if (store == NULL)
    die (error->message);
  question_id = set_up_store (store, members);
  bare = open_bare (bare_path);
  if (sqlite3_prepare_v2 (bare, "INSERT INTO vote (question_id, member_id, choice)"
                          " VALUES (?, ?, ?)", -1, &insert, NULL) != SQLITE_OK)
    die (sqlite3_errmsg (bare));

  store_ms = g_new (double, n);
  bare_ms = g_new (double, n);
  /* In turn, so both see the same disk and the same moment. */
  for (int i = 0; i < n; i++)
    {
      /* Each vote changes the member's choice: a real write every time. */
      XdChoice choice = (i / N_MEMBERS) % 2 == 0 ? XD_CHOICE_YES : XD_CHOICE_NO;
      gint64 t0 = g_get_monotonic_time ();

      if (!xd_store_set_vote (store, question_id, members[i % N_MEMBERS], choice, &error))
        die (error->message);
      store_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      sqlite3_bind_int64 (insert, 1, 1);
      sqlite3_bind_int64 (insert, 2, i % N_MEMBERS + 1);
      sqlite3_bind_text (insert, 3, xd_choice_to_string (choice), -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        die (sqlite3_errmsg (bare));
      sqlite3_reset (insert);
      bare_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  xd_bench_report ("store", store_ms, n);
  xd_bench_report ("sqlite", bare_ms, n);
  g_clear_pointer (&insert, sqlite3_finalize);
  sqlite3_close (bare);
  return 0;
}
