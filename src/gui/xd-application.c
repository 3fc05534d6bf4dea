/* xd-application.c — the GtkApplication: one window per database file
 *
 * Started without a file it opens the default database; started with files
 * (a double click in the file manager) it opens a window for each, or
 * brings forward the window that already shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-about-window.h"
#include "xd-application.h"
#include "xd-help-window.h"
#include "xd-resources.h"
#include "xd-shortcuts-window.h"
#include "xd-toolkit-fixes.h"
#include "xd-window.h"

struct _XdApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (XdApplication, xd_application, ADW_TYPE_APPLICATION)

static XdWindow *
find_window_for (XdApplication *self,
                 const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      XdStore *store;

      if (!XD_IS_WINDOW (l->data))
        continue;
      store = xd_window_get_store (l->data);
      if (store != NULL && g_strcmp0 (xd_store_get_path (store), path) == 0)
        return l->data;
    }
  return NULL;
}

/* Benchmark hook (build-aux/bench, README "Performance"): with
 * XETDUYET_BENCH_FIRST_FRAME=1 in the environment the app prints
 * "first-frame" once the first window's first frame is painted, and quits,
 * so start-up can be timed from the outside. */
static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         gpointer       app)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint_cb, app);
  g_print ("first-frame\n");
  g_application_quit (G_APPLICATION (app));
}

static void
bench_watch_first_frame (XdApplication *self,
                         GtkWidget     *window)
{
  if (g_strcmp0 (g_getenv ("XETDUYET_BENCH_FIRST_FRAME"), "1") != 0)
    return;
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_after_paint_cb), self);
}

static void
open_path (XdApplication *self,
           const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  XdWindow *window;

  if (path != NULL && (window = find_window_for (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  store = xd_store_open (path, &error);
  window = xd_window_new (GTK_APPLICATION (self), store, error);
  bench_watch_first_frame (self, GTK_WIDGET (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
xd_application_activate (GApplication *app)
{
  XdApplication *self = XD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    open_path (self, NULL);
}

static void
xd_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  XdApplication *self = XD_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a local file. Copy it to this computer first."), uri);
          g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                         message);

          gtk_window_present (GTK_WINDOW (xd_window_new (GTK_APPLICATION (self), NULL, error)));
          continue;
        }
      open_path (self, path);
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  /* Our own window, not adw_show_about_window (): libadwaita 1.2's
   * Vietnamese catalogue leaves most of that one in English. */
  gtk_window_present (GTK_WINDOW (xd_about_window_new (gtk_application_get_active_window (app))));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *help;

  /* One help window: F1 again brings it forward instead of stacking copies. */
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (XD_IS_HELP_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }
  help = GTK_WINDOW (xd_help_window_new (gtk_application_get_active_window (app)));
  /* One of the app's windows: found again above, and the app lives on while
   * it is open. */
  gtk_window_set_application (help, app);
  gtk_window_present (help);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
};

static void
show_shortcuts_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (xd_shortcuts_window_new (GTK_WINDOW (user_data))));
}

/* Where GTK would put its GtkShortcutsWindow (win.show-help-overlay, on
 * each window's action map, so the menu and D-Bus reach it): ours instead,
 * since GTK 4.8's Vietnamese catalogue leaves parts of its own in English.
 * The app ships no gtk/help-overlay.ui, so GTK adds nothing itself. */
static const GActionEntry window_actions[] = {
  { "show-help-overlay", show_shortcuts_action },
};

static void
xd_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (xd_application_parent_class)->window_added (app, window);

  if (XD_IS_WINDOW (window))
    g_action_map_add_action_entries (G_ACTION_MAP (window), window_actions,
                                     G_N_ELEMENTS (window_actions), window);
}

static void
xd_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *help_accels[] = { "F1", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *meetings_accels[] = { "<Alt>Left", NULL };

  G_APPLICATION_CLASS (xd_application_parent_class)->startup (app);

  xd_toolkit_fixes_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
  /* Back to the list of meetings, as Back goes in GNOME's own apps. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-meetings",
                                         meetings_accels);
}

static void
xd_application_class_init (XdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  gtk_app_class->window_added = xd_application_window_added;
  app_class->activate = xd_application_activate;
  app_class->open = xd_application_open;
  app_class->startup = xd_application_startup;
}

static void
xd_application_init (XdApplication *self)
{
}

XdApplication *
xd_application_new (void)
{
  /* The app's own resources, registered before any window loads a template. */
  g_resources_register (xd_get_resource ());

  return g_object_new (XD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/xetduyet/XetDuyet",
                       NULL);
}
