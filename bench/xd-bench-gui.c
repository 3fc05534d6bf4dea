/* xd-bench-gui.c — the real window under build-aux/bench
 *
 *   xd-bench-gui search FILE MEETING_ID ROUNDS
 *   xd-bench-gui scroll FILE MEETING_ID
 *
 * Both open FILE in an XdWindow, as the app does, show the meeting's
 * Dossiers view and wait until it is drawn.
 *
 * search: types queries into the dossier search entry one character at a
 * time, as an input method commits them, ROUNDS times over.  For each
 * keystroke it records the time until the list had its new matches
 * (XdDossierList::reloaded) and until the next frame was painted; and the
 * work itself: the update, then the frame from its start to its end,
 * without the wait for the frame's turn.
 *
 * scroll: scrolls the list from top to bottom a page per frame, then
 * prints the peak resident memory (VmHWM) before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-bench-gui"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xd-bench-report.h"
#include "xd-dossier-list.h"
#include "xd-resources.h"
#include "xd-window.h"

static gboolean painted;
static gint64 t_before_paint;
static gint64 t_after_paint;
static gboolean items_changed;
static gint64 t_items;
static gint64 t_search_changed;

static void
die (const char *what)
{
  fprintf (stderr, "xd-bench-gui: %s\n", what);
  exit (1);
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       data)
{
  t_before_paint = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  t_after_paint = g_get_monotonic_time ();
  painted = TRUE;
}

/* Runs the main loop until the window paints a frame. */
static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A "Name:   123 kB" line of /proc/self/status, in kB. */
static long
status_kb (const char *name)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", name, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return -1;
  return strtol (line + strlen (key), NULL, 10);
}

static long
vm_hwm_kb (void)
{
  return status_kb ("VmHWM");
}

static GtkWidget *
open_window (const char *path,
             gint64      meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  XdWindow *window;

  if (store == NULL)
    die (error->message);
  window = xd_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  xd_window_open_meeting (window, meeting_id);
  /* Alt+3, as a user goes to the dossiers. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 3);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (GTK_WIDGET (window));
  if (g_strcmp0 (xd_window_get_view_name (window), "dossiers") != 0)
    die ("the window does not show the dossiers");
  return GTK_WIDGET (window);
}

/* Search
 * ====== */

/* After the list has pointed its items at the new matches and announced
 * the places that came or went: every row then shows the new list. */
static void
on_reloaded_cb (XdDossierList *list,
                gpointer       data)
{
  t_items = g_get_monotonic_time ();
  items_changed = TRUE;
}

/* Before the view's own handler: the moment the typing delay ran out. */
static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  t_search_changed = g_get_monotonic_time ();
  return TRUE;
}

static void
report (const char *name,
        GArray     *values)
{
  xd_bench_report (name, (double *) (void *) values->data, values->len);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
run_search (const char *path,
            gint64      meeting_id,
            int         rounds)
{
  /* What a secretary types to find a unit; each ends on a list that
   * differs from the one before, so every keystroke changes the list. */
  static const char *const queries[] = { "phuong hong", "xa tan phu", "thi tran vinh", "lạc" };
  GtkWidget *window = open_window (path, meeting_id);
  GtkWidget *entry = find_widget (window, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list = find_widget (window, GTK_TYPE_LIST_VIEW);
  GListModel *model;
  g_autoptr(GArray) total_items = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  guint delay = 0;
  guint n_all;

  if (entry == NULL || list == NULL)
    die ("no search entry or list in the dossiers view");
  /* The selection wraps our XdDossierList; its signals are the list's. */
  model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
  n_all = g_list_model_get_n_items (model);
  g_signal_connect (model, "reloaded", G_CALLBACK (on_reloaded_cb), NULL);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (entry), "search-delay") != NULL)
    g_object_get (entry, "search-delay", &delay, NULL);
  gtk_widget_grab_focus (entry);

  for (int r = 0; r < rounds; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        const char *p = queries[q];

        gtk_editable_set_text (GTK_EDITABLE (entry), "");
        wait_ms (300);
        if (g_list_model_get_n_items (model) != n_all)
          die ("clearing the search did not show every dossier");

        while (*p != '\0')
          {
            const char *next = g_utf8_next_char (p);
            int pos = gtk_editable_get_position (GTK_EDITABLE (entry));
            gint64 t0, deadline;

            /* A frame with nothing changed: the floor of the figures
             * below on this display. */
            t0 = g_get_monotonic_time ();
            wait_for_frame (window);
            {
              double v = (g_get_monotonic_time () - t0) / 1000.0;
              g_array_append_val (idle_frame, v);
              v = (t_after_paint - t_before_paint) / 1000.0;
              g_array_append_val (idle_paint, v);
            }
            items_changed = FALSE;
            t_search_changed = 0;
            t0 = g_get_monotonic_time ();
            gtk_editable_insert_text (GTK_EDITABLE (entry), p, next - p, &pos);
            gtk_editable_set_position (GTK_EDITABLE (entry), pos);
            p = next;

            /* A keystroke that leaves the list as it was ("phuong h" →
             * "phuong ho" may match the same units) announces nothing:
             * it counts once the view has handled the search. */
            deadline = t0 + 2 * G_USEC_PER_SEC;
            while (!items_changed && t_search_changed == 0 &&
                   g_get_monotonic_time () < deadline)
              g_main_context_iteration (NULL, TRUE);
            if (!items_changed)
              continue;
            painted = FALSE;
            while (!painted)
              g_main_context_iteration (NULL, TRUE);
            {
              gint64 t_frame = g_get_monotonic_time ();
              double v;

              v = (t_items - t0) / 1000.0; g_array_append_val (total_items, v);
              v = (t_frame - t0) / 1000.0; g_array_append_val (total_frame, v);
              /* The time spent on this keystroke: until the list and its
               * rows were updated, then the frame that lays them out and
               * draws them — without the wait for that frame's turn, which
               * GTK paces to the display's 60 Hz. */
              v = (t_items - t0 + t_after_paint - t_before_paint) / 1000.0;
              g_array_append_val (work, v);
              /* Each keystroke on stderr, to see which ones are slow. */
              fprintf (stderr, "keystroke \"%s\": %u shown, list %.1f ms, frame drawn in %.1f ms, "
                       "on screen after %.1f ms\n",
                       gtk_editable_get_text (GTK_EDITABLE (entry)),
                       g_list_model_get_n_items (model),
                       (t_items - t0) / 1000.0, (t_after_paint - t_before_paint) / 1000.0,
                       (t_frame - t0) / 1000.0);
            }
          }
      }

  {
    /* GTK 4.8's list view keeps up to 200 rows built, seen or not: a
     * search that changes them all rebuilds that many. */
    guint rows = 0;

    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    wait_ms (300);
    for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      rows += g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget");
    printf ("rows_built=%u\n", rows);
  }
  printf ("dossiers=%u\nkeystrokes=%u\nsearch_delay_ms=%u\n", n_all, total_items->len, delay);
  report ("idle_frame", idle_frame);
  report ("idle_paint", idle_paint);
  report ("work", work);
  report ("total_items", total_items);
  report ("total_frame", total_frame);
  return 0;
}

/* Scroll
 * ====== */

static int
run_scroll (const char *path,
            gint64      meeting_id)
{
  GtkWidget *window = open_window (path, meeting_id);
  GtkWidget *list = find_widget (window, GTK_TYPE_LIST_VIEW);
  GtkAdjustment *adj;
  long before = vm_hwm_kb ();
  int frames = 0;
  gint64 t0;

  if (list == NULL)
    die ("no list in the dossiers view");
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  t0 = g_get_monotonic_time ();
  while (gtk_adjustment_get_value (adj) <
         gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) - 1)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) +
                                     gtk_adjustment_get_page_size (adj));
      wait_for_frame (window);
      frames++;
    }
  printf ("dossiers=%u\nframes=%d\nscroll_seconds=%.2f\nvm_hwm_before_kb=%ld\nvm_hwm_kb=%ld\n"
          "rss_anon_kb=%ld\nrss_file_kb=%ld\n",
          g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
          frames, (g_get_monotonic_time () - t0) / 1e6, before, vm_hwm_kb (),
          status_kb ("RssAnon"), status_kb ("RssFile"));
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* Figures for build-aux/bench to read: "1.5", not "1,5". */
  setlocale (LC_NUMERIC, "C");
  if (argc < 4)
    {
      fprintf (stderr, "usage: %s search FILE MEETING_ID ROUNDS | scroll FILE MEETING_ID\n",
               argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  /* gtk_init () set the whole locale again. */
  setlocale (LC_NUMERIC, "C");
  /* As xd_application_new () does: the templates live in the app's resources. */
  g_resources_register (xd_get_resource ());

  if (g_str_equal (argv[1], "search") && argc == 5)
    return run_search (argv[2], g_ascii_strtoll (argv[3], NULL, 10), atoi (argv[4]));
  if (g_str_equal (argv[1], "scroll"))
    return run_scroll (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
  fprintf (stderr, "%s: unknown mode %s\n", argv[0], argv[1]);
  return 2;
}
