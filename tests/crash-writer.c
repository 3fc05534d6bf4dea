/* crash-writer.c — edits a database until it is killed (for test-crash)
 *
 * crash-writer DATABASE FIRST: makes edit FIRST, FIRST + 1 … (crash-edits.h)
 * through the store, each its own committed call, and prints "N\n" on
 * standard output once edit N has been committed.  It never stops by
 * itself: the harness kills it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crash-writer"

#include "config.h"

#include <stdio.h>

#include "crash-edits.h"
#include "xd-store.h"

typedef struct {
  XdStore *store;
  gint64 meeting_id;
  gint64 dossier_id;
  gint64 question_id;
  gint64 secretary_id;
  GArray *criteria;        /* gint64, in the dossier's assessment order */
  GArray *voters;          /* gint64, voting members in council order */
} Writer;

static gboolean
writer_find (Writer  *w,
             GError **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) assessments = NULL;

  if ((meetings = xd_store_list_meetings (w->store, error)) == NULL)
    return FALSE;
  g_assert (meetings->len == 1);
  w->meeting_id = ((XdMeeting *) g_ptr_array_index (meetings, 0))->id;

  if ((dossiers = xd_store_list_dossiers (w->store, w->meeting_id, error)) == NULL ||
      (questions = xd_store_list_questions (w->store, w->meeting_id, error)) == NULL ||
      (members = xd_store_list_members (w->store, w->meeting_id, error)) == NULL)
    return FALSE;
  g_assert (dossiers->len >= 1 && questions->len >= 1);
  w->dossier_id = ((XdDossier *) g_ptr_array_index (dossiers, 0))->id;
  w->question_id = ((XdQuestion *) g_ptr_array_index (questions, 0))->id;

  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);

      if (m->role == XD_ROLE_SECRETARY)
        w->secretary_id = m->id;
      else if (m->voting)
        g_array_append_val (w->voters, m->id);
    }

  if ((assessments = xd_store_list_assessments (w->store, w->dossier_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < assessments->len; i++)
    g_array_append_val (w->criteria,
                        ((XdAssessment *) g_ptr_array_index (assessments, i))->criterion_id);

  g_assert (w->secretary_id > 0 && w->voters->len > 0 && w->criteria->len > 0);
  return TRUE;
}

static gboolean
writer_edit (Writer  *w,
             guint    n,
             GError **error)
{
  CrashEdit e = crash_edit_for (n);
  g_autofree char *text = g_strdup_printf ("edit %u", n);

  switch (e.kind)
    {
    case CRASH_EDIT_SUMMARY:
      {
        g_autoptr(XdDossier) d = xd_store_get_dossier (w->store, w->dossier_id, error);

        if (d == NULL)
          return FALSE;
        g_free (d->summary);
        d->summary = g_steal_pointer (&text);
        return xd_store_update_dossier (w->store, d, error);
      }
    case CRASH_EDIT_ASSESSMENT:
      {
        g_autoptr(XdAssessment) a = xd_assessment_new ();

        a->dossier_id = w->dossier_id;
        a->criterion_id = g_array_index (w->criteria, gint64, e.index % w->criteria->len);
        a->result = e.result;
        g_free (a->note);
        a->note = g_steal_pointer (&text);
        return xd_store_set_assessment (w->store, a, error);
      }
    case CRASH_EDIT_ATTENDANCE:
      return xd_store_set_attendance (w->store, w->secretary_id, e.attendance, text, error);
    case CRASH_EDIT_VOTE:
      return xd_store_set_vote (w->store, w->question_id,
                                g_array_index (w->voters, gint64, e.index % w->voters->len),
                                e.choice, error);
    case CRASH_EDIT_GUEST:
      {
        g_autoptr(XdGuest) g = xd_guest_new ();

        g->meeting_id = w->meeting_id;
        g_free (g->full_name);
        g->full_name = g_strdup_printf ("Khách %u", n);
        return xd_store_add_guest (w->store, g, error) > 0;
      }
    case CRASH_N_EDIT_KINDS:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autoptr(GArray) criteria = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) voters = g_array_new (FALSE, FALSE, sizeof (gint64));
  Writer w = { 0 };
  guint64 first;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT / 2, &first, NULL))
    {
      g_printerr ("Usage: crash-writer DATABASE FIRST-EDIT\n");
      return 2;
    }

  store = xd_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }
  w.store = store;
  w.criteria = criteria;
  w.voters = voters;
  if (!writer_find (&w, &error))
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  for (guint n = (guint) first; n < G_MAXUINT; n++)
    {
      if (!writer_edit (&w, n, &error))
        {
          g_printerr ("crash-writer: edit %u: %s\n", n, error->message);
          return 1;
        }
      /* Reported only once committed: the harness holds us to it. */
      printf ("%u\n", n);
      fflush (stdout);
    }

  return 0;
}
