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

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gint64
count_meetings (XdStore *store)
{
  g_autoptr(GPtrArray) meetings = xd_store_list_meetings (store, NULL);

  return meetings->len;
}

/* The window's own actions, as the menu, the buttons and the shortcuts
 * reach them: meetings created, opened, duplicated and deleted; views
 * switched; a new dossier and the search from anywhere. */
static void
test_window_actions (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(XdMeeting) copy = NULL;
  AdwMessageDialog *dialog;
  XdWindow *window;
  gint64 sample_id, new_id, copy_id;

  g_assert_no_error (error);
  window = xd_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "empty");

  /* The sample opens on its overview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL));
  spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meeting");
  sample_id = xd_window_get_meeting (window);
  g_assert_cmpint (sample_id, >, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2021");

  /* Alt+1..4 switch views. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 2));
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "members");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 3));
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "dossiers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 4));
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "voting");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 5));
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "minutes");
  /* Export and Print are in the header bar of a meeting. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (window), XD_TYPE_WINDOW, "export_button"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (window), XD_TYPE_WINDOW, "print_button"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 1));
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "overview");

  /* Ctrl+F and Ctrl+N lead to the dossiers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  spin ();
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "dossiers");
  g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (window))) ||
                 GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-dossier", NULL));
  spin ();
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "dossiers");
  dossiers = xd_store_list_dossiers (store, sample_id, &error);
  g_assert_cmpuint (dossiers->len, ==, 6);

  /* Back to the list, then a new meeting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-meetings", NULL));
  spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meetings");
  g_assert_cmpint (xd_window_get_meeting (window), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  spin ();
  new_id = xd_window_get_meeting (window);
  g_assert_cmpint (new_id, >, sample_id);
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "overview");
  g_assert_cmpint (count_meetings (store), ==, 2);

  /* Duplicate the sample as next year's meeting. */
  xd_window_open_meeting (window, sample_id);
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-meeting", NULL));
  spin ();
  copy_id = xd_window_get_meeting (window);
  g_assert_cmpint (copy_id, !=, sample_id);
  copy = xd_store_get_meeting (store, copy_id, &error);
  g_assert_cmpstr (copy->title, ==, "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2022");
  g_assert_cmpint (count_meetings (store), ==, 3);

  /* Deleting asks; Cancel keeps the meeting, Delete removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-meeting", NULL));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_cmpint (count_meetings (store), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-meeting", NULL));
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  spin ();
  g_assert_cmpint (count_meetings (store), ==, 2);
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meetings");
  g_assert_null (xd_store_get_meeting (store, copy_id, NULL));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_null (window);

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

/* The window opens again on the meeting it showed when it closed. */
static void
test_window_remembers_meeting (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  XdWindow *window;
  gint64 id;

  g_assert_no_error (error);
  xd_store_load_sample (store, &error);
  id = xd_store_load_sample (store, &error);

  window = xd_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  xd_window_open_meeting (window, id);
  spin ();
  gtk_window_close (GTK_WINDOW (window));
  spin ();

  window = xd_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meeting");
  g_assert_cmpint (xd_window_get_meeting (window), ==, id);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

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
  g_test_add_func ("/gui/window/remembers-meeting", test_window_remembers_meeting);
  g_test_add_func ("/gui/app/empty-state", test_app_empty_state);
  g_test_add_func ("/gui/app/refuses-foreign-file", test_app_refuses_foreign_file);

  status = g_test_run ();
  /* Stop, not down, and keep the object: GApplication holds its bus
   * connection until exit, and down would wait for it to go. */
  g_test_dbus_stop (bus);
  return status;
}
