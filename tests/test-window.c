/* test-window.c — the real application and window on a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "xd-about-window.h"
#include "xd-application.h"
#include "xd-shortcuts-window.h"
#include "xd-gui-test-util.h"
#include "xd-test-util.h"
#include "xd-toolkit-fixes.h"
#include "xd-window.h"

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
  xd_test_spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "empty");

  /* The sample opens on its overview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL));
  xd_test_spin ();
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
  xd_test_spin ();
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "dossiers");
  g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (window))) ||
                 GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-dossier", NULL));
  xd_test_spin ();
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "dossiers");
  dossiers = xd_store_list_dossiers (store, sample_id, &error);
  g_assert_cmpuint (dossiers->len, ==, 6);

  /* Back to the list, then a new meeting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-meetings", NULL));
  xd_test_spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meetings");
  g_assert_cmpint (xd_window_get_meeting (window), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-meeting", NULL));
  xd_test_spin ();
  new_id = xd_window_get_meeting (window);
  g_assert_cmpint (new_id, >, sample_id);
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "overview");
  g_assert_cmpint (count_meetings (store), ==, 2);

  /* Duplicate the sample as next year's meeting. */
  xd_window_open_meeting (window, sample_id);
  xd_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-meeting", NULL));
  xd_test_spin ();
  copy_id = xd_window_get_meeting (window);
  g_assert_cmpint (copy_id, !=, sample_id);
  copy = xd_store_get_meeting (store, copy_id, &error);
  g_assert_cmpstr (copy->title, ==, "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2022");
  g_assert_cmpint (count_meetings (store), ==, 3);

  /* Deleting asks; Cancel keeps the meeting, Delete removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-meeting", NULL));
  xd_test_spin ();
  dialog = xd_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  xd_test_spin ();
  g_assert_cmpint (count_meetings (store), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-meeting", NULL));
  xd_test_spin ();
  dialog = xd_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  xd_test_spin ();
  g_assert_cmpint (count_meetings (store), ==, 2);
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meetings");
  g_assert_null (xd_store_get_meeting (store, copy_id, NULL));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  xd_test_spin ();
  g_assert_null (window);

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

/* A tab is built and reads its meeting when it is first shown (so the
 * window's first frame does not wait for tabs nobody looks at): what it
 * shows then is the meeting as it is, changes made meanwhile included. */
static void
test_window_views_load_when_shown (void)
{
  static const char *const lazy_bins[] = { "members_bin", "dossiers_bin", "voting_bin", "minutes_bin" };
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  g_autoptr(XdMember) member = xd_member_new ();
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autofree char *count = NULL;
  GtkWidget *members_count, *dossiers_view, *list_view, *detail_stack;
  GListModel *model;
  XdWindow *window;
  gint64 meeting_id, member_id;

  g_assert_no_error (error);
  window = xd_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  xd_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL));
  xd_test_spin ();
  meeting_id = xd_window_get_meeting (window);
  g_assert_cmpint (meeting_id, >, 0);
  g_assert_cmpstr (xd_window_get_view_name (window), ==, "overview");

  /* Not built yet: the tabs are hidden. */
  for (guint i = 0; i < G_N_ELEMENTS (lazy_bins); i++)
    g_assert_null (adw_bin_get_child (ADW_BIN (
      gtk_widget_get_template_child (GTK_WIDGET (window), XD_TYPE_WINDOW, lazy_bins[i]))));
  g_assert_null (xd_test_find_by_id (GTK_WIDGET (window), "members_count_label"));

  /* A member added while the Members tab is hidden is there when it shows. */
  member->meeting_id = meeting_id;
  g_free (member->full_name);
  member->full_name = g_strdup ("Hoàng Văn Mới");
  member->role = XD_ROLE_MEMBER;
  member->voting = TRUE;
  member->position = 100;
  member_id = xd_store_add_member (store, member, &error);
  g_assert_no_error (error);
  g_assert_cmpint (member_id, >, 0);
  members = xd_store_list_members (store, meeting_id, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 2));
  xd_test_spin ();
  members_count = xd_test_find_by_id (GTK_WIDGET (window), "members_count_label");
  g_assert_nonnull (members_count);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", members->len),
                           members->len);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (members_count)), ==, count);
  g_assert_true (gtk_widget_get_mapped (members_count));

  /* Hidden again, it still follows the store: the member removed is gone
   * when it shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 1));
  xd_test_spin ();
  g_assert_true (xd_store_delete_member (store, member_id, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 2));
  xd_test_spin ();
  g_free (count);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members",
                                        members->len - 1), members->len - 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (members_count)), ==, count);

  /* The Dossiers tab lists the meeting's dossiers and shows the first. */
  dossiers = xd_store_list_dossiers (store, meeting_id, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 3));
  xd_test_spin ();
  dossiers_view = adw_bin_get_child (ADW_BIN (
    gtk_widget_get_template_child (GTK_WIDGET (window), XD_TYPE_WINDOW, "dossiers_bin")));
  g_assert_nonnull (dossiers_view);
  list_view = xd_test_find_by_id (dossiers_view, "list_view");
  detail_stack = xd_test_find_by_id (dossiers_view, "detail_stack");
  g_assert_nonnull (list_view);
  g_assert_nonnull (detail_stack);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, dossiers->len);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (detail_stack)), ==, "detail");
  g_assert_true (gtk_widget_get_mapped (list_view));

  /* Every tab's content is there once it is shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 4));
  xd_test_spin ();
  g_assert_true (gtk_widget_get_mapped (adw_bin_get_child (ADW_BIN (
    gtk_widget_get_template_child (GTK_WIDGET (window), XD_TYPE_WINDOW, "voting_bin")))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", 5));
  xd_test_spin ();
  g_assert_true (gtk_widget_get_mapped (adw_bin_get_child (ADW_BIN (
    gtk_widget_get_template_child (GTK_WIDGET (window), XD_TYPE_WINDOW, "minutes_bin")))));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  xd_test_spin ();
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
  xd_test_spin ();
  xd_window_open_meeting (window, id);
  xd_test_spin ();
  gtk_window_close (GTK_WINDOW (window));
  xd_test_spin ();

  window = xd_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  xd_test_spin ();
  g_assert_cmpstr (xd_window_get_page_name (window), ==, "meeting");
  g_assert_cmpint (xd_window_get_meeting (window), ==, id);

  /* The pages it did not need stay out of its frames (GTK styles a
   * stack's hidden pages and loads their icons), the Overview's own
   * "empty" page too; each is shown when needed. */
  {
    GtkStack *pages = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                XD_TYPE_WINDOW, "stack"));
    GtkWidget *overview = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      XD_TYPE_WINDOW,
                                                                      "overview_view"));
    GtkStack *overview_pages = GTK_STACK (xd_test_find_by_id (overview, "stack"));

    g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (pages, "error")));
    g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (pages, "empty")));
    g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (pages, "meetings")));
    g_assert_true (gtk_widget_get_mapped (gtk_stack_get_child_by_name (pages, "meeting")));
    g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (overview_pages, "empty")));
    g_assert_true (gtk_widget_get_mapped (gtk_stack_get_child_by_name (overview_pages, "meeting")));

    /* A meeting renamed while it is open is listed under its new name. */
    {
      g_autoptr(XdMeeting) renamed = xd_store_get_meeting (store, id, &error);
      GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      XD_TYPE_WINDOW,
                                                                      "meetings_list"));
      GtkWidget *first;

      g_assert_no_error (error);
      g_free (renamed->title);
      renamed->title = g_strdup ("Hội nghị đổi tên");
      g_assert_true (xd_store_update_meeting (store, renamed, &error));
      g_assert_no_error (error);
      xd_test_spin ();

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-meetings", NULL));
      xd_test_spin ();
      g_assert_cmpstr (xd_window_get_page_name (window), ==, "meetings");
      g_assert_true (gtk_widget_get_mapped (gtk_stack_get_child_by_name (pages, "meetings")));
      for (first = gtk_widget_get_first_child (GTK_WIDGET (list)); first != NULL;
           first = gtk_widget_get_next_sibling (first))
        if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)),
                       "Hội nghị đổi tên") == 0)
          break;
      g_assert_nonnull (first);
    }
    xd_window_open_meeting (window, id);
    xd_test_spin ();
    g_assert_cmpstr (xd_window_get_page_name (window), ==, "meeting");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  xd_test_spin ();

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WINDOW (w);
    }
  return NULL;
}

static void
collect_accelerators (GtkWidget *widget,
                      GPtrArray *accels)
{
  if (GTK_IS_SHORTCUT_LABEL (widget))
    {
      g_auto(GStrv) alternatives =
        g_strsplit (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (widget)), " ", -1);

      for (guint i = 0; alternatives[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          /* Every key shown must be a key GTK can read. */
          g_assert_true (gtk_accelerator_parse (alternatives[i], &key, &mods));
          g_ptr_array_add (accels, gtk_accelerator_name (key, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, accels);
}

static gboolean
has_accelerator (GPtrArray  *accels,
                 const char *accel)
{
  guint key;
  GdkModifierType mods;
  g_autofree char *name = NULL;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  name = gtk_accelerator_name (key, mods);
  for (guint i = 0; i < accels->len; i++)
    if (g_str_equal (g_ptr_array_index (accels, i), name))
      return TRUE;
  return FALSE;
}

/* The About and shortcuts windows are ours (GTK 4.8 and libadwaita 1.2
 * leave theirs partly in English): app.about and win.show-help-overlay
 * open them, modal over the window, and Escape's action closes them.  The
 * shortcuts window lists every accelerator the application sets. */
static gboolean
check_about_and_shortcuts (gpointer data)
{
  GtkApplication *app = data;
  Check *check = g_object_get_data (G_OBJECT (app), "check");
  XdWindow *window = find_window (app);
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = NULL;
  GtkWindow *about;
  GtkWindow *shortcuts;

  g_assert_nonnull (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (XD_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_window_get_title (about), ==, _("About Xét duyệt"));
  g_assert_true (gtk_window_get_modal (about));
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  /* No libadwaita About window beside ours. */
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_object_add_weak_pointer (G_OBJECT (about), (gpointer *) &about);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (about), "window.close", NULL));
  xd_test_spin ();
  g_assert_null (about);

  /* Ctrl+? is ours, and GTK installs no shortcuts window of its own. */
  {
    g_auto(GStrv) keys = gtk_application_get_accels_for_action (app, "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char * const *) keys, "<Control>question"));
  }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  shortcuts = find_toplevel (XD_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_cmpstr (gtk_window_get_title (shortcuts), ==,
                   C_("shortcut window", "Keyboard Shortcuts"));
  g_assert_true (gtk_window_get_modal (shortcuts));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  collect_accelerators (GTK_WIDGET (shortcuts), accels);
  g_assert_cmpuint (accels->len, >=, 20);
  actions = gtk_application_list_action_descriptions (app);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) keys = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint k = 0; keys[k] != NULL; k++)
        if (!has_accelerator (accels, keys[k]))
          g_error ("%s (%s) is not in the shortcuts window", keys[k], actions[i]);
    }
  /* The window's own bindings (xd-window.c) and the voting keys. */
  for (const char *const *k = (const char *const[]) { "<Control><Shift>n", "<Control>n",
                                                      "<Control>f", "<Control>p", "<Alt>1",
                                                      "<Alt>5", "BackSpace", "1", "3", NULL };
       *k != NULL; k++)
    g_assert_true (has_accelerator (accels, *k));

  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &shortcuts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shortcuts), "window.close", NULL));
  xd_test_spin ();
  g_assert_null (shortcuts);

  check->checked = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_window_added_check_windows_cb (GtkApplication *app,
                                  GtkWindow      *window,
                                  gpointer        data)
{
  if (XD_IS_WINDOW (window))
    g_timeout_add (300, check_about_and_shortcuts, app);
}

static void
test_app_about_and_shortcuts (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autoptr(XdApplication) app = xd_application_new ();
  Check check = { NULL, FALSE };
  char *argv[] = { (char *) "xetduyet", path, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "check", &check);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_check_windows_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (check.checked);
  xd_test_remove_tree (dir);
}

/* GTK 4.8 names a button with a mnemonic by its raw label and its label
 * ("_Thêm hồ sơ Thêm hồ sơ"); the fix names it by what it shows, once,
 * and again when its label changes. */
static void
test_toolkit_fixes_mnemonic_name (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_mnemonic ("_Thêm hồ sơ"));
  GtkWidget *plain = g_object_ref_sink (gtk_button_new_with_label ("Đóng"));

  xd_toolkit_fixes_apply (button);
  xd_toolkit_fixes_apply (plain);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Thêm hồ sơ");

  gtk_button_set_label (GTK_BUTTON (button), "_Xóa hồ sơ…");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Xóa hồ sơ…");

  /* A button without a mnemonic keeps what GTK gave it. */
  gtk_test_accessible_assert_property (plain, GTK_ACCESSIBLE_PROPERTY_LABEL, "Đóng");

  g_assert_finalize_object (button);
  g_assert_finalize_object (plain);
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

  /* GTK's test accessibility backend, not none: the toolkit fixes are
   * checked on the accessible properties it records (no bus is used). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/window/actions", test_window_actions);
  g_test_add_func ("/gui/window/remembers-meeting", test_window_remembers_meeting);
  g_test_add_func ("/gui/window/views-load-when-shown", test_window_views_load_when_shown);
  g_test_add_func ("/gui/app/empty-state", test_app_empty_state);
  g_test_add_func ("/gui/app/refuses-foreign-file", test_app_refuses_foreign_file);
  g_test_add_func ("/gui/app/about-and-shortcuts", test_app_about_and_shortcuts);
  g_test_add_func ("/gui/toolkit-fixes/mnemonic-name", test_toolkit_fixes_mnemonic_name);

  status = g_test_run ();
  /* Stop, not down, and keep the object: GApplication holds its bus
   * connection until exit, and down would wait for it to go. */
  g_test_dbus_stop (bus);
  return status;
}
