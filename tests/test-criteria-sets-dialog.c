/* test-criteria-sets-dialog.c — the criteria sets dialog on a temporary
 * database: the preset stays read-only, a copy is edited, all is kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-autosave.h"
#include "xd-criteria-sets-dialog.h"
#include "xd-resources.h"
#include "xd-gui-test-util.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 preset_id;
  XdCriteriaSetsDialog *dialog;
} Fixture;

static void
open_dialog (Fixture *f)
{
  f->dialog = xd_criteria_sets_dialog_new (NULL, f->store, 0);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_present (GTK_WINDOW (f->dialog));
  xd_test_spin ();
}

static void
close_dialog (Fixture *f)
{
  if (f->dialog == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  xd_test_spin ();
  g_assert_null (f->dialog);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  sets = xd_store_list_criteria_sets (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  f->preset_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  open_dialog (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_dialog (f);
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  close_dialog (f);
  g_assert_finalize_object (f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
}

#define CHILD(f, name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET ((f)->dialog), XD_TYPE_CRITERIA_SETS_DIALOG, name))

static GPtrArray *
criteria_of (Fixture *f,
             gint64   set_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *criteria = xd_store_list_criteria (f->store, set_id, &error);

  g_assert_no_error (error);
  return criteria;
}

static const char *
code_at (GPtrArray *criteria,
         guint      i)
{
  return ((XdCriterion *) g_ptr_array_index (criteria, i))->code;
}

/* Answers the confirmation as a click on its button would. */
static void
respond (const char *response)
{
  AdwMessageDialog *confirm = xd_test_find_message_dialog ();

  g_assert_nonnull (confirm);
  g_object_add_weak_pointer (G_OBJECT (confirm), (gpointer *) &confirm);
  adw_message_dialog_response (confirm, response);
  xd_test_spin ();
  /* A button closes the dialog after answering; the call alone does not. */
  if (confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (confirm));
  xd_test_spin ();
  g_assert_null (confirm);
}

/* The n-th criterion row's code entry and text view. */
static void
criterion_fields (Fixture    *f,
                  guint       n,
                  GtkWidget **code,
                  GtkWidget **text)
{
  GtkWidget *row = gtk_widget_get_first_child (CHILD (f, "criteria_list"));
  GtkWidget *box;

  for (guint i = 0; i < n; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  *code = gtk_widget_get_first_child (box);
  *text = gtk_frame_get_child (GTK_FRAME (gtk_widget_get_next_sibling (*code)));
  g_assert_true (GTK_IS_ENTRY (*code));
  g_assert_true (GTK_IS_TEXT_VIEW (*text));
}

static gboolean
set_exists (Fixture *f,
            gint64   set_id)
{
  g_autoptr(XdCriteriaSet) set = xd_store_get_criteria_set (f->store, set_id, NULL);

  return set != NULL;
}

static void
test_preset_is_read_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) criteria = NULL;
  GtkWidget *code, *text;

  g_assert_cmpint (xd_criteria_sets_dialog_get_set (f->dialog), ==, f->preset_id);
  g_assert_true (gtk_widget_get_visible (CHILD (f, "preset_group")));
  g_assert_false (gtk_widget_get_sensitive (CHILD (f, "name_row")));
  g_assert_false (gtk_widget_get_sensitive (CHILD (f, "source_row")));
  g_assert_false (gtk_widget_get_sensitive (CHILD (f, "criteria_list")));
  g_assert_false (gtk_widget_get_sensitive (CHILD (f, "add_group")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "name_row"))), ==,
                   "Xã, phường, thị trấn an toàn về an ninh, trật tự");
  criterion_fields (f, 3, &code, &text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "4");

  /* Adding anyway does nothing: the action is off, and the store refuses. */
  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "new_text_entry")), "Tiêu chí thêm");
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "criteria.add", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sets.delete", NULL);
  xd_test_spin ();
  g_assert_null (xd_test_find_message_dialog ());
  criteria = criteria_of (f, f->preset_id);
  g_assert_cmpuint (criteria->len, ==, 4);
}

static void
test_copy_and_edit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) preset = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(XdCriteriaSet) copy = NULL;
  GtkWidget *code, *text;
  gint64 copy_id, new_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sets.copy", NULL));
  xd_test_spin ();
  copy_id = xd_criteria_sets_dialog_get_set (f->dialog);
  g_assert_cmpint (copy_id, !=, f->preset_id);
  g_assert_false (gtk_widget_get_visible (CHILD (f, "preset_group")));
  g_assert_true (gtk_widget_get_sensitive (CHILD (f, "name_row")));
  g_assert_true (gtk_widget_get_sensitive (CHILD (f, "add_group")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "name_row"))), ==,
                   "Xã, phường, thị trấn an toàn về an ninh, trật tự (bản sao)");
  /* The next number is offered. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "new_code_entry"))), ==, "5");

  /* A criterion added to the copy. */
  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "new_text_entry")),
                         "Không để xảy ra tụ điểm phức tạp về an ninh, trật tự.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "criteria.add", NULL));
  xd_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "new_text_entry"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "new_code_entry"))), ==, "6");
  criteria = criteria_of (f, copy_id);
  g_assert_cmpuint (criteria->len, ==, 5);
  new_id = ((XdCriterion *) g_ptr_array_index (criteria, 4))->id;
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* An empty text is refused and nothing is added. */
  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "new_text_entry")), "   ");
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "criteria.add", NULL);
  xd_test_spin ();
  criteria = criteria_of (f, copy_id);
  g_assert_cmpuint (criteria->len, ==, 5);
  g_clear_pointer (&criteria, g_ptr_array_unref);

  /* Renamed, reordered, and a text edited in place. */
  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "name_row")), "Tiêu chí của tỉnh năm 2023");
  g_assert_true (xd_autosave_flush (CHILD (f, "name_row")));
  gtk_editable_set_text (GTK_EDITABLE (CHILD (f, "source_row")), "Hướng dẫn của Công an tỉnh");
  g_assert_true (xd_autosave_flush (CHILD (f, "source_row")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "criteria.move-up", "x", new_id));
  xd_test_spin ();
  criterion_fields (f, 1, &code, &text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            "Đạt các tiêu chí đối với khu dân cư.", -1);
  g_assert_true (xd_autosave_flush (text));
  /* Two criteria with one number: refused, and the field keeps the text. */
  gtk_editable_set_text (GTK_EDITABLE (code), "1");
  g_assert_false (xd_autosave_flush (code));
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  gtk_editable_set_text (GTK_EDITABLE (code), "2a");
  g_assert_true (xd_autosave_flush (code));
  xd_test_spin ();

  /* The preset never changed. */
  preset = criteria_of (f, f->preset_id);
  g_assert_cmpuint (preset->len, ==, 4);
  g_clear_pointer (&preset, g_ptr_array_unref);

  reopen (f);
  copy = xd_store_get_criteria_set (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->name, ==, "Tiêu chí của tỉnh năm 2023");
  g_assert_cmpstr (copy->source, ==, "Hướng dẫn của Công an tỉnh");
  g_assert_false (copy->read_only);
  criteria = criteria_of (f, copy_id);
  g_assert_cmpuint (criteria->len, ==, 5);
  g_assert_cmpstr (code_at (criteria, 0), ==, "1");
  g_assert_cmpstr (code_at (criteria, 1), ==, "2a");
  g_assert_cmpstr (((XdCriterion *) g_ptr_array_index (criteria, 1))->text, ==,
                   "Đạt các tiêu chí đối với khu dân cư.");
  g_assert_cmpstr (code_at (criteria, 2), ==, "3");
  g_assert_cmpstr (code_at (criteria, 3), ==, "5");
  g_assert_cmpstr (((XdCriterion *) g_ptr_array_index (criteria, 3))->text, ==,
                   "Không để xảy ra tụ điểm phức tạp về an ninh, trật tự.");
  g_assert_cmpstr (code_at (criteria, 4), ==, "4");
  preset = criteria_of (f, f->preset_id);
  g_assert_cmpuint (preset->len, ==, 4);
  g_assert_cmpstr (code_at (preset, 3), ==, "4");
  sets = xd_store_list_criteria_sets (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 2);
}

static void
test_new_and_delete (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = xd_meeting_new ();
  g_autoptr(GPtrArray) sets = NULL;
  gint64 first, second;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sets.new", NULL));
  xd_test_spin ();
  first = xd_criteria_sets_dialog_get_set (f->dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "name_row"))), ==, "New criteria set");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sets.new", NULL));
  xd_test_spin ();
  second = xd_criteria_sets_dialog_get_set (f->dialog);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (CHILD (f, "name_row"))), ==, "New criteria set 2");

  /* A set a meeting uses: asked, then refused by the store. */
  g_free (meeting->title);
  meeting->title = g_strdup ("Hội nghị");
  meeting->criteria_set_id = second;
  g_assert_cmpint (xd_store_add_meeting (f->store, meeting, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sets.delete", NULL));
  xd_test_spin ();
  respond ("delete");
  g_assert_true (set_exists (f, second));
  g_assert_cmpint (xd_criteria_sets_dialog_get_set (f->dialog), ==, second);

  /* Cancel keeps it; confirming deletes it. */
  xd_criteria_sets_dialog_select_set (f->dialog, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sets.delete", NULL));
  xd_test_spin ();
  respond ("cancel");
  g_assert_null (xd_test_find_message_dialog ());
  g_assert_cmpint (xd_criteria_sets_dialog_get_set (f->dialog), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sets.delete", NULL));
  xd_test_spin ();
  respond ("delete");
  g_assert_cmpint (xd_criteria_sets_dialog_get_set (f->dialog), !=, first);

  reopen (f);
  sets = xd_store_list_criteria_sets (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_false (set_exists (f, first));
  g_assert_true (set_exists (f, second));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (xd_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/criteria-sets/preset-is-read-only", test_preset_is_read_only);
  ADD ("/gui/criteria-sets/copy-and-edit", test_copy_and_edit);
  ADD ("/gui/criteria-sets/new-and-delete", test_new_and_delete);

#undef ADD

  return g_test_run ();
}
