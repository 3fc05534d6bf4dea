/* test-overview-view.c — the Overview on a temporary database, driven
 * through its widgets, then read back from the reopened file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-autosave.h"
#include "xd-overview-view.h"
#include "xd-resources.h"
#include "xd-gui-test-util.h"
#include "xd-test-util.h"

/* What the view told the user last (outside a window it logs it). */
static char *last_message;

static void
capture_message (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  g_free (last_message);
  last_message = g_strdup (message);
}

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 meeting_id;
  gint64 an, binh, cuong;
  gint64 preset_id;
  GtkWindow *window;
  XdOverviewView *view;
} Fixture;

static gint64
add_member (XdStore    *store,
            gint64      meeting_id,
            const char *name,
            const char *title,
            XdRole      role)
{
  g_autoptr(XdMember) m = xd_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  m->meeting_id = meeting_id;
  g_free (m->full_name);
  m->full_name = g_strdup (name);
  g_free (m->title);
  m->title = g_strdup (title);
  m->role = role;
  m->voting = TRUE;
  id = xd_store_add_member (store, m, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GPtrArray) sets = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);

  sets = xd_store_list_criteria_sets (f->store, &error);
  g_assert_no_error (error);
  f->preset_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;

  /* What "New meeting" in the window creates. */
  g_free (m->title);
  m->title = g_strdup ("Cuộc họp mới");
  m->starts_at = g_strdup ("2022-01-09T08:00");
  m->criteria_set_id = f->preset_id;
  f->meeting_id = xd_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);

  f->an = add_member (f->store, f->meeting_id, "Nguyễn Văn An", "Bí thư", XD_ROLE_CHAIR);
  f->binh = add_member (f->store, f->meeting_id, "Trần Thị Bình", "Phó Bí thư", XD_ROLE_MEMBER);
  f->cuong = add_member (f->store, f->meeting_id, "Lê Văn Cường", "Chuyên viên", XD_ROLE_SECRETARY);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = XD_OVERVIEW_VIEW (xd_overview_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  xd_overview_view_set_meeting (f->view, f->store, f->meeting_id);
  gtk_window_present (f->window);
  xd_test_spin ();

  g_clear_pointer (&last_message, g_free);
}

static void
close_view (Fixture *f)
{
  if (f->window == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (f->window);
  f->window = NULL;
  xd_test_spin ();
  /* Nothing keeps the view alive after its window. */
  g_assert_null (f->view);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  close_view (f);
  g_assert_finalize_object (f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_view (f);
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

#define CHILD(f, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET ((f)->view), XD_TYPE_OVERVIEW_VIEW, name))

/* Types @text into the field as a user would, then leaves it. */
static gboolean
type_into (Fixture    *f,
           const char *name,
           const char *text)
{
  GtkWidget *field = CHILD (f, name);
  gboolean saved;

  g_assert_nonnull (field);
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  saved = xd_autosave_flush (field);
  xd_test_spin ();
  return saved;
}

static void
choose (Fixture    *f,
        const char *name,
        guint       position)
{
  GtkWidget *row = CHILD (f, name);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (position, <, g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  xd_test_spin ();
}

static const char *
combo_text (Fixture    *f,
            const char *name)
{
  GtkWidget *row = CHILD (f, name);
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static XdMeeting *
stored_meeting (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  XdMeeting *m = xd_store_get_meeting (f->store, f->meeting_id, &error);

  g_assert_no_error (error);
  return m;
}

static XdRole
role_of (Fixture *f,
         gint64   member_id)
{
  g_autoptr(XdMember) m = xd_store_get_member (f->store, member_id, NULL);

  g_assert_nonnull (m);
  return m->role;
}

static void
test_overview_shows_meeting (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "title_row"))), ==, "Cuộc họp mới");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "date_row"))), ==, "09/01/2022");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "start_row"))), ==, "08:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "end_row"))), ==, "");
  g_assert_cmpstr (combo_text (f, "chair_row"), ==, "Nguyễn Văn An");
  g_assert_cmpstr (combo_text (f, "secretary_row"), ==, "Lê Văn Cường");
  g_assert_cmpstr (combo_text (f, "quorum_row"), ==, "At least two thirds (2/3)");
  g_assert_cmpstr (combo_text (f, "threshold_row"), ==, "More than half (> 1/2)");

  /* Progress follows the store: nobody marked present yet. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (CHILD (f, "quorum_label"))), ==, "0/3");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (CHILD (f, "dossiers_label"))), ==, "0/0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (CHILD (f, "votes_label"))), ==, "0/0");
  g_assert_true (xd_store_set_attendance (f->store, f->an, XD_ATTENDANCE_PRESENT, NULL, &error));
  g_assert_true (xd_store_set_attendance (f->store, f->binh, XD_ATTENDANCE_PRESENT, NULL, &error));
  g_assert_no_error (error);
  xd_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (CHILD (f, "quorum_label"))), ==, "2/3");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (CHILD (f, "quorum_now_row"))), ==,
                   "2 of 3 members present — enough to proceed (at least 2/3)");

  /* Nothing shown without a meeting. */
  xd_overview_view_set_meeting (f->view, NULL, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (CHILD (f, "stack"))), ==, "empty");
  xd_overview_view_set_meeting (f->view, f->store, f->meeting_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (CHILD (f, "stack"))), ==, "meeting");
}

static void
test_overview_edits_are_saved (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(XdMeeting) m = NULL;
  GtkWidget *date_row, *end_row, *quorum_custom_row;
  GtkWidget *dropdown;

  /* Text fields. */
  g_assert_true (type_into (f, "title_row", "  Hội nghị xét duyệt năm 2022 "));
  g_assert_true (type_into (f, "kind_row", "Hội nghị xét duyệt"));
  g_assert_true (type_into (f, "place_row", "Hội trường Thành ủy"));
  g_assert_true (type_into (f, "parent_body_row", "Thành ủy Hạ Long"));
  g_assert_true (type_into (f, "issuing_body_row", "Ban Chỉ đạo"));
  g_assert_true (type_into (f, "number_spin", "7"));
  g_assert_true (type_into (f, "suffix_entry", "BB-BCĐ"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (CHILD (f, "number_row"))), ==,
                   "Số: 07/BB-BCĐ");
  g_assert_true (type_into (f, "legal_basis_view",
                            "Thông tư số 124/2021/TT-BCA\nQuy chế hoạt động của Ban Chỉ đạo\n"));

  /* Date and times, typed as people do. */
  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "start_row")), "8h30");
  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "end_row")), "11:00");
  g_assert_true (type_into (f, "date_row", "9/1/2023"));
  g_assert_true (xd_autosave_flush (CHILD (f, "start_row")));
  g_assert_true (xd_autosave_flush (CHILD (f, "end_row")));
  m = stored_meeting (f);
  g_assert_cmpstr (m->starts_at, ==, "2023-01-09T08:30");
  g_assert_cmpstr (m->ends_at, ==, "2023-01-09T11:00");
  g_clear_pointer (&m, xd_meeting_free);

  /* An impossible date: said, marked, not saved, and still on screen. */
  date_row = CHILD (f, "date_row");
  g_assert_false (type_into (f, "date_row", "31/02/2023"));
  g_assert_nonnull (last_message);
  g_assert_nonnull (strstr (last_message, "31/02/2023"));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "31/02/2023");
  m = stored_meeting (f);
  g_assert_cmpstr (m->starts_at, ==, "2023-01-09T08:30");
  g_clear_pointer (&m, xd_meeting_free);
  g_assert_true (type_into (f, "date_row", "09/01/2023"));
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));

  /* The end before the start: the store says no, in its own words. */
  end_row = CHILD (f, "end_row");
  g_clear_pointer (&last_message, g_free);
  g_assert_false (type_into (f, "end_row", "7:00"));
  g_assert_cmpstr (last_message, ==, "The meeting cannot end before it starts.");
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "7:00");
  m = stored_meeting (f);
  g_assert_cmpstr (m->ends_at, ==, "2023-01-09T11:00");
  g_clear_pointer (&m, xd_meeting_free);
  g_assert_true (type_into (f, "end_row", "11:00"));
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));

  /* An empty title is refused by the store. */
  g_clear_pointer (&last_message, g_free);
  g_assert_false (type_into (f, "title_row", "   "));
  g_assert_cmpstr (last_message, ==, "The meeting needs a title.");
  g_assert_true (type_into (f, "title_row", "Hội nghị xét duyệt năm 2022"));

  /* Chair and secretary, by name: An, Bình, Cường after "Nobody". */
  g_assert_cmpstr (combo_text (f, "chair_row"), ==, "Nguyễn Văn An");
  choose (f, "chair_row", 2);
  g_assert_cmpint (role_of (f, f->binh), ==, XD_ROLE_CHAIR);
  g_assert_cmpint (role_of (f, f->an), ==, XD_ROLE_MEMBER);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (CHILD (f, "chair_row"))), ==,
                   "Phó Bí thư");
  choose (f, "secretary_row", 1);
  g_assert_cmpint (role_of (f, f->an), ==, XD_ROLE_SECRETARY);
  g_assert_cmpint (role_of (f, f->cuong), ==, XD_ROLE_MEMBER);
  choose (f, "chair_row", 3);
  g_assert_cmpint (role_of (f, f->cuong), ==, XD_ROLE_CHAIR);
  g_assert_cmpint (role_of (f, f->binh), ==, XD_ROLE_MEMBER);
  g_assert_cmpstr (combo_text (f, "chair_row"), ==, "Lê Văn Cường");
  g_assert_cmpstr (combo_text (f, "secretary_row"), ==, "Nguyễn Văn An");

  /* State and criteria set. */
  choose (f, "state_row", 1);
  choose (f, "criteria_set_row", 0);
  m = stored_meeting (f);
  g_assert_cmpint (m->state, ==, XD_MEETING_IN_SESSION);
  g_assert_cmpint (m->criteria_set_id, ==, 0);
  g_clear_pointer (&m, xd_meeting_free);
  choose (f, "criteria_set_row", 1);

  /* Voting rules through the combo rows. */
  choose (f, "quorum_row", 2);
  choose (f, "threshold_row", 1);
  choose (f, "base_row", XD_BASE_PRESENT);
  choose (f, "tie_row", XD_TIE_REVOTE);
  m = stored_meeting (f);
  g_assert_cmpint (m->rule.quorum_num, ==, 3);
  g_assert_cmpint (m->rule.quorum_den, ==, 4);
  g_assert_cmpint (m->rule.threshold_kind, ==, XD_THRESHOLD_AT_LEAST);
  g_assert_cmpint (m->rule.threshold_num, ==, 2);
  g_assert_cmpint (m->rule.threshold_den, ==, 3);
  g_clear_pointer (&m, xd_meeting_free);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (CHILD (f, "rules_group"))), ==,
                   "A proposal passes with at least 2/3 of the members present in favour, "
                   "once at least 3/4 of all members are present.");

  /* "Other…": a custom quorum, a bad one, and a custom majority. */
  quorum_custom_row = CHILD (f, "quorum_custom_row");
  g_assert_false (gtk_widget_get_visible (quorum_custom_row));
  choose (f, "quorum_row", 3);
  g_assert_true (gtk_widget_get_visible (quorum_custom_row));
  g_assert_true (type_into (f, "quorum_custom_row", "3/5"));
  g_clear_pointer (&last_message, g_free);
  g_assert_false (type_into (f, "quorum_custom_row", "nhiều"));
  g_assert_nonnull (last_message);
  g_assert_true (gtk_widget_has_css_class (quorum_custom_row, "error"));
  g_assert_true (type_into (f, "quorum_custom_row", "3/5"));

  choose (f, "threshold_row", 3);
  g_assert_true (gtk_widget_get_visible (CHILD (f, "threshold_custom_row")));
  dropdown = CHILD (f, "threshold_kind_dropdown");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  xd_test_spin ();
  g_assert_true (type_into (f, "threshold_custom_entry", "70"));
  /* "More than 100%" cannot be reached: refused. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_clear_pointer (&last_message, g_free);
  g_assert_false (type_into (f, "threshold_custom_entry", "100%"));
  g_assert_nonnull (last_message);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  g_assert_true (type_into (f, "threshold_custom_entry", "70%"));
  g_assert_cmpstr (combo_text (f, "threshold_row"), ==, "Other…");

  /* Closing the view, then the file: everything is in the database. */
  reopen (f);
  m = stored_meeting (f);
  g_assert_cmpstr (m->title, ==, "Hội nghị xét duyệt năm 2022");
  g_assert_cmpstr (m->kind, ==, "Hội nghị xét duyệt");
  g_assert_cmpstr (m->place, ==, "Hội trường Thành ủy");
  g_assert_cmpstr (m->parent_body, ==, "Thành ủy Hạ Long");
  g_assert_cmpstr (m->issuing_body, ==, "Ban Chỉ đạo");
  g_assert_cmpint (m->number, ==, 7);
  g_assert_cmpstr (m->number_suffix, ==, "BB-BCĐ");
  g_assert_cmpstr (m->legal_basis, ==, "Thông tư số 124/2021/TT-BCA\nQuy chế hoạt động của Ban Chỉ đạo");
  g_assert_cmpstr (m->starts_at, ==, "2023-01-09T08:30");
  g_assert_cmpstr (m->ends_at, ==, "2023-01-09T11:00");
  g_assert_cmpint (m->state, ==, XD_MEETING_IN_SESSION);
  g_assert_cmpint (m->criteria_set_id, ==, f->preset_id);
  g_assert_cmpint (m->rule.quorum_num, ==, 3);
  g_assert_cmpint (m->rule.quorum_den, ==, 5);
  g_assert_cmpint (m->rule.base, ==, XD_BASE_PRESENT);
  g_assert_cmpint (m->rule.threshold_kind, ==, XD_THRESHOLD_AT_LEAST);
  g_assert_cmpint (m->rule.threshold_num, ==, 70);
  g_assert_cmpint (m->rule.threshold_den, ==, 100);
  g_assert_cmpint (m->rule.tie_rule, ==, XD_TIE_REVOTE);
  g_assert_cmpint (role_of (f, f->cuong), ==, XD_ROLE_CHAIR);
  g_assert_cmpint (role_of (f, f->an), ==, XD_ROLE_SECRETARY);
  g_assert_cmpint (role_of (f, f->binh), ==, XD_ROLE_MEMBER);
}

/* Text typed and not yet saved is saved when the view goes. */
static void
test_overview_saves_on_close (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(XdMeeting) m = NULL;

  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "place_row")), "Hạ Long");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (CHILD (f, "legal_basis_view"))),
                            "Căn cứ một", -1);
  reopen (f);
  m = stored_meeting (f);
  g_assert_cmpstr (m->place, ==, "Hạ Long");
  g_assert_cmpstr (m->legal_basis, ==, "Căn cứ một");
}

/* A finalised meeting is shown, not editable: one switch for every field. */
static void
test_overview_finalised_is_read_only (Fixture       *f,
                                      gconstpointer  data)
{
  const char *const editing[] = {
    "title_row", "kind_row", "place_row", "date_row", "start_row", "end_row",
    "parent_body_row", "issuing_body_row", "number_spin", "suffix_entry", "legal_basis_view",
    "chair_row", "secretary_row", "criteria_set_row", "quorum_row", "threshold_row",
    "base_row", "tie_row",
  };
  g_autoptr(XdMeeting) m = stored_meeting (f);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    g_assert_true (gtk_widget_get_sensitive (CHILD (f, editing[i])));
  g_assert_false (gtk_widget_get_visible (CHILD (f, "finalised_row")));

  m->state = XD_MEETING_FINALISED;
  g_assert_true (xd_store_update_meeting (f->store, m, &error));
  g_assert_no_error (error);
  xd_test_spin ();

  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    {
      g_test_message ("%s", editing[i]);
      g_assert_false (gtk_widget_get_sensitive (CHILD (f, editing[i])));
    }
  g_assert_true (gtk_widget_get_visible (CHILD (f, "finalised_row")));
  g_assert_false (gtk_widget_get_visible (CHILD (f, "state_row")));
  /* The record is still shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "title_row"))), ==, "Cuộc họp mới");
}

/* The sample meeting: the numbers the council saw. */
static void
test_overview_sample_progress (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 sample = xd_store_load_sample (f->store, &error);

  g_assert_no_error (error);
  xd_overview_view_set_meeting (f->view, f->store, sample);
  xd_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (CHILD (f, "dossiers_label"))), ==, "5/5");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (CHILD (f, "votes_label"))), ==, "5/5");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (CHILD (f, "quorum_label"))), ==, "8/9");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (CHILD (f, "number_row"))), ==,
                   "Số: 01/BB-BCĐ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "end_row"))), ==, "10:30");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* As xd_application_new () does: the templates live in the app's resources. */
  g_resources_register (xd_get_resource ());
  g_log_set_handler ("xd-window", G_LOG_LEVEL_MESSAGE, capture_message, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/overview/shows-meeting", test_overview_shows_meeting);
  ADD ("/gui/overview/edits-are-saved", test_overview_edits_are_saved);
  ADD ("/gui/overview/saves-on-close", test_overview_saves_on_close);
  ADD ("/gui/overview/finalised-is-read-only", test_overview_finalised_is_read_only);
  ADD ("/gui/overview/sample-progress", test_overview_sample_progress);

#undef ADD

  return g_test_run ();
}
