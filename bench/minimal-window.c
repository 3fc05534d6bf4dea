/* minimal-window.c — the floor for build-aux/bench's start-up figure
 *
 * The least a GTK 4 program does before its first frame: an application,
 * one window with a label, presented.  Run by build-aux/bench.  Prints "first-frame" once the
 * window's frame clock has painted it, then quits, exactly as xetduyet does
 * with XETDUYET_BENCH_FIRST_FRAME=1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
on_after_paint_cb (GdkFrameClock  *clock,
                   GtkApplication *app)
{
  g_autofree char *status = NULL;
  const char *hwm;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  /* The floor of the memory figure too: what GTK alone holds. */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    printf ("vm_hwm_kb=%ld\n", strtol (hwm + strlen ("VmHWM:"), NULL, 10));
  printf ("first-frame\n");
  fflush (stdout);
  g_application_quit (G_APPLICATION (app));
}

static void
on_realize_cb (GtkWidget      *window,
               GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* A unique application, as xetduyet is: both register on the session
   * bus before their first frame. */
  g_autoptr(GtkApplication) app =
    gtk_application_new ("io.github.xetduyet.BenchMinimal", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
