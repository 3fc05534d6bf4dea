/* test-window.c — the real application and window on a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-application.h"
#include "xd-test-util.h"
#include "xd-window.h"

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static XdWindow *
find_window (GtkApplication *app)
{
  GList *windows = gtk_application_get_windows (app);

  return windows != NULL && XD_IS_WINDOW (windows->data) ? windows->data : NULL;
}

typedef struct {
  const char *expected_page;
  gboolean checked;
} Check;

static gboolean
inspect_and_quit (gpointer data)
{
  GtkApplication *app = data;
  Check *check = g_object_get_data (G_OBJECT (app), "check");
  XdWindow *window = find_window (app);

  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (xd_window_get_page_name (window), ==, check->expected_page);
  check->checked = TRUE;

  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        data)
{
  g_timeout_add (300, inspect_and_quit, app);
}

/* Runs the application as the desktop starts it, with @path as the file
 * to open, and checks the page its window shows. */
static void
run_app_on (const char *path,
            const char *expected_page)
{
  g_autoptr(XdApplication) app = xd_application_new ();
  Check check = { expected_page, FALSE };
  char *argv[] = { (char *) "xetduyet", (char *) path, NULL };
  int status;

  /* Tests run beside the user's own instance: never hand over to it. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "check", &check);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  status = g_application_run (G_APPLICATION (app), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.checked);
}

static void
test_app_empty_state (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);

  run_app_on (path, "empty");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  xd_test_remove_tree (dir);
}

static void
test_app_refuses_foreign_file (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.xetduyet", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "không phải cơ sở dữ liệu", -1, NULL));
  before = xd_test_file_sha256 (path);
  run_app_on (path, "error");
  after = xd_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  xd_test_remove_tree (dir);
}

/* The window's own actions: the empty state's two buttons. */
static void
test_window_actions (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  g_autoptr(GPtrArray) meetings = NULL;
  XdWindow *window;

  g_assert_no_error (error);
  window = xd_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL));
  spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meetings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  spin ();

  meetings = xd_store_list_meetings (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_null (window);

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  GTestDBus *bus;
  int status;

  setlocale (LC_ALL, "");
  /* A private session bus, as the desktop gives the app: the test never
   * talks to the user's session. */
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY (to keep dbus-launch away); GTK needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/window/actions", test_window_actions);
  g_test_add_func ("/gui/app/empty-state", test_app_empty_state);
  g_test_add_func ("/gui/app/refuses-foreign-file", test_app_refuses_foreign_file);

  status = g_test_run ();
  /* Stop, not down, and keep the object: GApplication holds its bus
   * connection until exit, and down would wait for it to go. */
  g_test_dbus_stop (bus);
  return status;
}
