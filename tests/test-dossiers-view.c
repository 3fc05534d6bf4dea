/* test-dossiers-view.c — the Dossiers view driven as a secretary would, then the database reopened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-autosave.h"
#include "xd-dossier-detail.h"
#include "xd-dossier-item.h"
#include "xd-dossier-row.h"
#include "xd-dossiers-view.h"
#include "xd-resources.h"
#include "xd-gui-test-util.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 meeting_id;        /* an empty meeting judged by the TT 124 preset */
  GtkWindow *window;
  XdDossiersView *view;
} Fixture;

/* Main loop
 * ========= */

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets timeouts run: the search entry waits a moment after typing. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  xd_test_spin ();
}

/* Widgets
 * ======= */

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* Every widget called @name inside @root, in the order they are drawn. */
static GPtrArray *
find_all (gpointer    root,
          const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_named (GTK_WIDGET (root), name, found);
  return found;
}

static GtkWidget *
find (gpointer    root,
      const char *name)
{
  g_autoptr(GPtrArray) found = find_all (root, name);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text into @field and leaves it, as the user does; returns
 * whether it was saved. */
static gboolean
type_into (GtkWidget  *field,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  return xd_autosave_flush (field);
}

static void
search_for (Fixture    *f,
            const char *query)
{
  gtk_editable_set_text (GTK_EDITABLE (find (f->view, "search")), query);
  /* GtkSearchEntry reports a change 150 ms after the last key. */
  wait_ms (250);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (XD_IS_DOSSIER_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The units the list shows, "|"-separated; its rows must say the same. */
static char *
shown_units (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find (f->view, "dossiers"))));
  g_autoptr(GString) names = g_string_new (NULL);

  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, xd_dossiers_view_get_n_shown (f->view));
  /* What the rows on screen say, in the list's order. */
  collect_rows (find (f->view, "dossiers"), rows);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XdDossierItem) item = g_list_model_get_item (model, i);
      XdDossierRow *row = g_ptr_array_index (rows, i);
      const char *reference = xd_dossier_item_get_reference (item);

      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", xd_dossier_item_get_unit_name (item));
      g_assert_cmpstr (xd_dossier_row_get_name (row), ==, xd_dossier_item_get_unit_name (item));
      g_assert_true (g_str_has_prefix (xd_dossier_row_get_details (row),
                                       xd_dossier_item_get_unit_type_label (item)));
      if (*reference != '\0')
        g_assert_true (g_str_has_suffix (xd_dossier_row_get_details (row), reference));
      g_assert_cmpstr (gtk_label_get_text (xd_dossier_row_get_state_label (row)), ==,
                       xd_dossier_item_get_state_label (item));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
is_shown (gpointer root,
          const char *name)
{
  return gtk_widget_get_mapped (find (root, name));
}

static XdDossierDetail *
get_detail (Fixture *f)
{
  return XD_DOSSIER_DETAIL (find_type (GTK_WIDGET (f->view), XD_TYPE_DOSSIER_DETAIL));
}

/* Answers the confirmation the view asked, as the user would. */
static void
answer_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  xd_test_spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  xd_test_spin ();
}

/* Store
 * ===== */

static gint64
add_meeting (XdStore *store)
{
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (store, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, >, 0);
  g_free (m->title);
  m->title = g_strdup ("Hội nghị xét duyệt năm 2022");
  m->starts_at = g_strdup ("2023-01-09T08:00");
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  id = xd_store_add_meeting (store, m, &error);
  g_assert_no_error (error);
  return id;
}

static XdDossier *
dossier_named (XdStore    *store,
               gint64      meeting_id,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (store, meeting_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);

      if (g_str_equal (d->unit_name, name))
        return g_ptr_array_steal_index (dossiers, i);
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->meeting_id = add_meeting (f->store);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = XD_DOSSIERS_VIEW (xd_dossiers_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  xd_test_spin ();
}

static void
fixture_close_window (Fixture *f)
{
  if (f->window == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (f->window);
  f->window = NULL;
  xd_test_spin ();
  /* The view is gone with its window: nothing keeps it alive. */
  g_assert_null (f->view);
}

static void
fixture_reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fixture_close_window (f);
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Tests
 * ===== */

static gboolean
focus_is_in (GtkWindow *window,
             GtkWidget *field)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == field || gtk_widget_is_ancestor (focus, field));
}

/* A new dossier typed in field by field, its documents and criteria. */
static void
test_edit_and_reopen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossier) d = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *file = g_build_filename (f->dir, "to-trinh.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "khong-co.pdf", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *hash_label = NULL;
  XdDossierDetail *detail;
  GtkWidget *name_entry;
  XdDocument *doc;
  gint64 id, first_doc, added_doc;

  xd_dossiers_view_set_meeting (f->view, f->store, f->meeting_id);
  xd_test_spin ();
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 0);
  g_assert_true (is_shown (f->view, "empty-page"));

  /* Ctrl+N: a new dossier, its name ready to be typed over. */
  xd_dossiers_view_add_dossier (f->view);
  xd_test_spin ();
  detail = get_detail (f);
  name_entry = find (detail, "unit-name");
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 1);
  g_assert_false (is_shown (f->view, "empty-page"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "New dossier");
  g_assert_true (focus_is_in (f->window, name_entry));
  g_assert_true (type_into (name_entry, "  Phường   Hồng Hải "));
  id = xd_dossier_detail_get_dossier_id (detail);
  g_assert_cmpint (id, >, 0);

  /* An empty name is refused and the field keeps what was typed. */
  g_assert_false (type_into (name_entry, "   "));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "   ");
  d = xd_store_get_dossier (f->store, id, &error);
  g_assert_cmpstr (d->unit_name, ==, "Phường Hồng Hải");
  g_clear_pointer (&d, xd_dossier_free);
  g_assert_true (type_into (name_entry, "Phường Hồng Hải"));

  g_assert_true (type_into (find (detail, "reference"), "12/TTr-UBND"));
  g_assert_true (type_into (find (detail, "received-on"), "9/1/2023"));
  /* A date that does not exist is shown as wrong and not saved. */
  g_assert_false (type_into (find (detail, "received-on"), "31/02/2023"));
  g_assert_true (gtk_widget_has_css_class (find (detail, "received-on"), "error"));
  d = xd_store_get_dossier (f->store, id, &error);
  g_assert_cmpstr (d->received_on, ==, "2023-01-09");
  g_clear_pointer (&d, xd_dossier_free);
  g_assert_false (type_into (find (detail, "received-on"), "hôm qua"));
  g_assert_true (type_into (find (detail, "received-on"), "10.01.2023"));
  g_assert_false (gtk_widget_has_css_class (find (detail, "received-on"), "error"));

  g_assert_true (type_into (find (detail, "summary"), "Phường ven biển.\nHai khu phố mới."));
  g_assert_true (type_into (find (detail, "conclusion"), "Đủ điều kiện đề nghị công nhận"));
  g_assert_true (type_into (find (detail, "verified-by"), "Tổ thẩm tra – Công an thành phố"));

  /* The two drop-downs in the header save as soon as a choice is made. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (xd_test_find_by_id (GTK_WIDGET (detail),
                                                                 "unit_type_dropdown")),
                              XD_UNIT_TOWNSHIP);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (xd_test_find_by_id (GTK_WIDGET (detail),
                                                                 "state_dropdown")),
                              XD_DOSSIER_MEETS);
  xd_test_spin ();
  d = xd_store_get_dossier (f->store, id, &error);
  g_assert_cmpint (d->unit_type, ==, XD_UNIT_TOWNSHIP);
  g_assert_cmpint (d->state, ==, XD_DOSSIER_MEETS);
  g_clear_pointer (&d, xd_dossier_free);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (detail, "unit-type")), XD_UNIT_COMMUNE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (detail, "state")), XD_DOSSIER_MEETS);
  xd_test_spin ();

  /* The row in the list follows the edits. */
  {
    g_autofree char *units = shown_units (f);

    g_assert_cmpstr (units, ==, "Phường Hồng Hải");
  }

  /* Documents: none yet, so the usual five are offered in one click. */
  g_assert_true (is_shown (detail, "add-usual-documents"));
  g_assert_true (gtk_widget_activate (find (detail, "add-usual-documents")));
  /* A button pressed from the keyboard shows itself pressed a moment. */
  wait_ms (400);
  rows = find_all (detail, "document-title");
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, 0))), ==,
                   xd_document_kind_get_label (XD_DOCUMENT_SUBMISSION));
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "dossier.add-document", NULL));
  xd_test_spin ();
  rows = find_all (detail, "document-title");
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_true (focus_is_in (f->window, g_ptr_array_index (rows, 5)));
  g_assert_true (type_into (g_ptr_array_index (rows, 5), "Giấy xác nhận của Công an thành phố"));
  /* A document needs a title. */
  g_assert_false (type_into (g_ptr_array_index (rows, 4), ""));
  g_assert_true (type_into (g_ptr_array_index (rows, 4), "Bảng tự chấm điểm"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = find_all (detail, "document-received");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (g_ptr_array_index (rows, 1)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (g_ptr_array_index (rows, 5)), TRUE);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (detail, "document-kind");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (g_ptr_array_index (rows, 5)), XD_DOCUMENT_REPORT);
  g_clear_pointer (&rows, g_ptr_array_unref);
  xd_test_spin ();

  /* A file attached: its checksum is stored and its start shown. */
  documents = xd_store_list_documents (f->store, id, &error);
  first_doc = ((XdDocument *) g_ptr_array_index (documents, 0))->id;
  added_doc = ((XdDocument *) g_ptr_array_index (documents, 5))->id;
  g_clear_pointer (&documents, g_ptr_array_unref);
  g_assert_true (g_file_set_contents (file, "%PDF-1.4 tờ trình", -1, NULL));
  hash = xd_test_file_sha256 (file);
  g_assert_true (xd_dossier_detail_attach_file (detail, first_doc, file));
  xd_test_spin ();
  rows = find_all (detail, "document-hash");
  hash_label = g_strdup_printf ("to-trinh.pdf · SHA-256 %.8s…", hash);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (rows, 0))), ==, hash_label);
  g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (rows, 0)));
  g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (rows, 1)));
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* A file that cannot be read is never recorded. */
  g_assert_false (xd_dossier_detail_attach_file (detail, added_doc, missing));

  /* Removing a document asks first; cancelling keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "document.remove", "x",
                                             added_doc));
  answer_dialog ("cancel");
  rows = find_all (detail, "document-title");
  g_assert_cmpuint (rows->len, ==, 6);
  g_clear_pointer (&rows, g_ptr_array_unref);
  documents = xd_store_list_documents (f->store, id, &error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "document.remove", "x",
                                             ((XdDocument *) g_ptr_array_index (documents, 2))->id));
  g_clear_pointer (&documents, g_ptr_array_unref);
  answer_dialog ("remove");
  rows = find_all (detail, "document-title");
  g_assert_cmpuint (rows->len, ==, 5);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Criteria of the meeting's set, assessed through the table. */
  results = find_all (detail, "criterion-result");
  notes = find_all (detail, "criterion-note");
  g_assert_cmpuint (results->len, ==, 4);
  g_assert_cmpuint (notes->len, ==, 4);
  /* Đạt / Không đạt / Chưa đánh giá, in that order. */
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (results, 0)), ==, 2);
  gtk_drop_down_set_selected (g_ptr_array_index (results, 0), 0);
  gtk_drop_down_set_selected (g_ptr_array_index (results, 1), 1);
  gtk_drop_down_set_selected (g_ptr_array_index (results, 3), 0);
  xd_test_spin ();
  g_assert_true (type_into (g_ptr_array_index (notes, 0), "Nghị quyết số 05-NQ/ĐU ngày 15/02/2022"));
  /* Typed and not left: switching dossier saves it all the same. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (notes, 1)), "Còn 01 vụ việc phức tạp");

  /* A second dossier: the note of the first is kept. */
  xd_dossiers_view_add_dossier (f->view);
  xd_test_spin ();
  g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), !=, id);
  g_assert_true (type_into (find (detail, "unit-name"), "Phường Hồng Gai"));
  xd_dossiers_view_add_dossier (f->view);
  xd_test_spin ();
  g_assert_true (type_into (find (detail, "unit-name"), "Xã Thống Nhất"));

  /* Search, with and without diacritics. */
  {
    g_autofree char *all = shown_units (f);

    g_assert_cmpstr (all, ==, "Phường Hồng Hải|Phường Hồng Gai|Xã Thống Nhất");
  }
  xd_dossiers_view_select_dossier (f->view, id);
  xd_test_spin ();
  g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), ==, id);
  {
    struct {
      const char *query;
      const char *units;
    } cases[] = {
      { "hong gai", "Phường Hồng Gai" },
      { "Hồng Gai", "Phường Hồng Gai" },
      { "PHUONG HONG", "Phường Hồng Hải|Phường Hồng Gai" },
      { "phường hồng", "Phường Hồng Hải|Phường Hồng Gai" },
      /* A substring anywhere: "tHONG nhat" has it too. */
      { "hong", "Phường Hồng Hải|Phường Hồng Gai|Xã Thống Nhất" },
      { "thong nhat", "Xã Thống Nhất" },
      { "12/TTr", "Phường Hồng Hải" },
      { "", "Phường Hồng Hải|Phường Hồng Gai|Xã Thống Nhất" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *units = NULL;

        search_for (f, cases[i].query);
        units = shown_units (f);
        g_test_message ("search “%s”", cases[i].query);
        g_assert_cmpstr (units, ==, cases[i].units);
      }
  }

  /* A row is as tall as its two lines in the font the style gives it. */
  {
    g_autoptr(GPtrArray) drawn = g_ptr_array_new ();
    g_autoptr(GtkCssProvider) larger = gtk_css_provider_new ();
    GtkWidget *row;
    int before, after, again;

    collect_rows (find (f->view, "dossiers"), drawn);
    row = g_ptr_array_index (drawn, 0);
    gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, NULL, &before, NULL, NULL);
    gtk_css_provider_load_from_data (larger, "dossier-row { font-size: 30pt; }", -1);
    gtk_style_context_add_provider_for_display (gtk_widget_get_display (row),
                                                GTK_STYLE_PROVIDER (larger),
                                                GTK_STYLE_PROVIDER_PRIORITY_USER);
    /* Styles are brought up to date in the next frame. */
    xd_test_spin_for (200);
    gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, NULL, &after, NULL, NULL);
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (row),
                                                   GTK_STYLE_PROVIDER (larger));
    xd_test_spin_for (200);
    gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, NULL, &again, NULL, NULL);
    g_assert_cmpint (after, >, before + 20);
    g_assert_cmpint (again, ==, before);
  }

  /* The selection stays on a dossier the search still shows … */
  xd_dossiers_view_select_dossier (f->view, id);
  xd_test_spin ();
  search_for (f, "hong");
  g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), ==, id);
  g_assert_true (is_shown (f->view, "unit-name"));
  /* … follows it to its new place, the list's rows showing other units at
   * theirs … */
  {
    GtkSingleSelection *selection =
      GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (find (f->view, "dossiers"))));
    g_autoptr(XdDossier) gai = dossier_named (f->store, f->meeting_id, "Phường Hồng Gai");

    xd_dossiers_view_select_dossier (f->view, gai->id);
    xd_test_spin ();
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
    search_for (f, "hong gai");
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
    g_assert_cmpint (xd_dossier_item_get_id (gtk_single_selection_get_selected_item (selection)),
                     ==, gai->id);
    g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), ==, gai->id);
    search_for (f, "hong");
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
    g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), ==, gai->id);
    xd_dossiers_view_select_dossier (f->view, id);
    xd_test_spin ();
  }
  /* … and a search that hides it says so. */
  search_for (f, "thong nhat");
  g_assert_true (is_shown (f->view, "unselected-page"));
  search_for (f, "hà nội");
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 0);
  g_assert_true (is_shown (f->view, "no-results-page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (find (f->view, "no-results-page"))),
                            "hà nội"));
  /* Selecting a hidden dossier clears the search. */
  xd_dossiers_view_select_dossier (f->view, id);
  xd_test_spin ();
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f->view, "search"))), ==, "");
  g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), ==, id);

  /* Ctrl+F */
  xd_dossiers_view_focus_search (f->view);
  g_assert_true (focus_is_in (f->window, find (f->view, "search")));

  /* Deleting asks first; the list and the detail follow. */
  d = dossier_named (f->store, f->meeting_id, "Xã Thống Nhất");
  xd_dossiers_view_select_dossier (f->view, d->id);
  g_clear_pointer (&d, xd_dossier_free);
  xd_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "dossier.delete", NULL));
  answer_dialog ("delete");
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 2);
  g_assert_true (is_shown (f->view, "unselected-page"));

  /* Closing the window saves what is pending; reopen and check it all. */
  fixture_close_window (f);
  fixture_reopen (f);

  d = dossier_named (f->store, f->meeting_id, "Phường Hồng Hải");
  g_assert_nonnull (d);
  g_assert_cmpint (d->id, ==, id);
  g_assert_cmpstr (d->reference, ==, "12/TTr-UBND");
  g_assert_cmpstr (d->received_on, ==, "2023-01-10");
  g_assert_cmpstr (d->summary, ==, "Phường ven biển.\nHai khu phố mới.");
  g_assert_cmpstr (d->conclusion, ==, "Đủ điều kiện đề nghị công nhận");
  g_assert_cmpstr (d->verified_by, ==, "Tổ thẩm tra – Công an thành phố");
  g_assert_cmpint (d->unit_type, ==, XD_UNIT_COMMUNE);
  g_assert_cmpint (d->state, ==, XD_DOSSIER_MEETS);
  g_assert_null (dossier_named (f->store, f->meeting_id, "Xã Thống Nhất"));
  {
    g_autoptr(XdDossier) other = dossier_named (f->store, f->meeting_id, "Phường Hồng Gai");

    g_assert_nonnull (other);
  }

  documents = xd_store_list_documents (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 5);
  doc = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (doc->title, ==, xd_document_kind_get_label (XD_DOCUMENT_SUBMISSION));
  g_assert_cmpint (doc->kind, ==, XD_DOCUMENT_SUBMISSION);
  g_assert_true (doc->received);                 /* attaching the file */
  g_assert_cmpstr (doc->file_path, ==, file);
  g_assert_cmpstr (doc->sha256, ==, hash);
  doc = g_ptr_array_index (documents, 1);
  g_assert_cmpint (doc->kind, ==, XD_DOCUMENT_REPORT);
  g_assert_true (doc->received);
  g_assert_null (doc->file_path);
  doc = g_ptr_array_index (documents, 2);        /* the registration was removed */
  g_assert_cmpint (doc->kind, ==, XD_DOCUMENT_MINUTES);
  g_assert_false (doc->received);
  doc = g_ptr_array_index (documents, 3);
  g_assert_cmpstr (doc->title, ==, "Bảng tự chấm điểm");
  doc = g_ptr_array_index (documents, 4);
  g_assert_cmpint (doc->id, ==, added_doc);
  g_assert_cmpstr (doc->title, ==, "Giấy xác nhận của Công an thành phố");
  g_assert_cmpint (doc->kind, ==, XD_DOCUMENT_REPORT);
  g_assert_true (doc->received);
  g_assert_null (doc->file_path);
  g_assert_null (doc->sha256);

  assessments = xd_store_list_assessments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assessments->len, ==, 4);
  g_assert_cmpint (((XdAssessment *) g_ptr_array_index (assessments, 0))->result, ==, XD_ASSESSMENT_MET);
  g_assert_cmpstr (((XdAssessment *) g_ptr_array_index (assessments, 0))->note, ==,
                   "Nghị quyết số 05-NQ/ĐU ngày 15/02/2022");
  g_assert_cmpint (((XdAssessment *) g_ptr_array_index (assessments, 1))->result, ==, XD_ASSESSMENT_NOT_MET);
  g_assert_cmpstr (((XdAssessment *) g_ptr_array_index (assessments, 1))->note, ==,
                   "Còn 01 vụ việc phức tạp");
  g_assert_cmpint (((XdAssessment *) g_ptr_array_index (assessments, 2))->result, ==, XD_ASSESSMENT_NOT_ASSESSED);
  g_assert_cmpint (((XdAssessment *) g_ptr_array_index (assessments, 3))->result, ==, XD_ASSESSMENT_MET);
}

/* The sample meeting: search, the store's refusal, the one read-only switch. */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(XdDossier) hong_gai = NULL;
  gint64 sample = xd_store_load_sample (f->store, &error);
  XdDossierDetail *detail;

  g_assert_no_error (error);
  xd_dossiers_view_set_meeting (f->view, f->store, sample);
  xd_test_spin ();
  detail = get_detail (f);
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 5);
  /* The first unit is shown at once. */
  g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), >, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (detail, "unit-name"))), ==,
                   "Phường Bãi Cháy");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (detail, "received-on"))), ==,
                   "28/12/2021");

  {
    struct {
      const char *query;
      const char *units;
    } cases[] = {
      { "hong gai", "Phường Hồng Gai" },
      { "Hồng Gai", "Phường Hồng Gai" },
      { "phuong", "Phường Bãi Cháy|Phường Cao Thắng|Phường Hồng Gai" },
      { "dong lam", "Xã Đồng Lâm" },
      { "ĐỒNG LÂM", "Xã Đồng Lâm" },
      { "xa", "Xã Đồng Lâm|Xã Quảng La" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *units = NULL;

        search_for (f, cases[i].query);
        units = shown_units (f);
        g_test_message ("search “%s”", cases[i].query);
        g_assert_cmpstr (units, ==, cases[i].units);
      }
  }

  /* Enter in the search takes the first match. */
  search_for (f, "hong gai");
  g_signal_emit_by_name (find (f->view, "search"), "activate");
  xd_test_spin ();
  hong_gai = dossier_named (f->store, sample, "Phường Hồng Gai");
  g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), ==, hong_gai->id);

  /* The council voted on it: the store refuses, the dossier stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "dossier.delete", NULL));
  answer_dialog ("delete");
  g_clear_pointer (&hong_gai, xd_dossier_free);
  hong_gai = dossier_named (f->store, sample, "Phường Hồng Gai");
  g_assert_nonnull (hong_gai);
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 1);

  /* Another meeting in the same file: its own dossiers only. */
  xd_dossiers_view_set_meeting (f->view, f->store, f->meeting_id);
  xd_test_spin ();
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 0);
  g_assert_true (is_shown (f->view, "empty-page"));
  xd_dossiers_view_set_meeting (f->view, f->store, sample);
  xd_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f->view, "search"))), ==, "");
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 5);

  /* Finalised: one switch and nothing can be edited. */
  meeting = xd_store_get_meeting (f->store, sample, &error);
  meeting->state = XD_MEETING_FINALISED;
  g_assert_true (xd_store_update_meeting (f->store, meeting, &error));
  g_assert_no_error (error);
  xd_test_spin ();
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find (detail, "unit-name"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find (detail, "reference"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find (detail, "summary"))));
  g_assert_false (gtk_widget_get_sensitive (find (detail, "state")));
  {
    g_autoptr(GPtrArray) results = find_all (detail, "criterion-result");
    g_autoptr(GPtrArray) checks = find_all (detail, "document-received");

    g_assert_cmpuint (results->len, ==, 4);
    for (guint i = 0; i < results->len; i++)
      g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (results, i)));
    g_assert_cmpuint (checks->len, ==, 5);
    for (guint i = 0; i < checks->len; i++)
      g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (checks, i)));
  }
  xd_dossiers_view_add_dossier (f->view);
  xd_test_spin ();
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 5);

  /* Nothing shown without a meeting. */
  xd_dossiers_view_set_meeting (f->view, NULL, 0);
  xd_test_spin ();
  g_assert_cmpuint (xd_dossiers_view_get_n_shown (f->view), ==, 0);
  g_assert_cmpint (xd_dossier_detail_get_dossier_id (detail), ==, 0);
}

/* A meeting without a criteria set says where to choose one. */
static void
test_no_criteria_set (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (f->store, NULL);
  XdDossierDetail *detail;

  meeting->criteria_set_id = 0;
  g_assert_true (xd_store_update_meeting (f->store, meeting, &error));
  xd_dossiers_view_set_meeting (f->view, f->store, f->meeting_id);
  xd_dossiers_view_add_dossier (f->view);
  xd_test_spin ();
  detail = get_detail (f);
  results = find_all (detail, "criterion-result");
  g_assert_cmpuint (results->len, ==, 0);
  g_assert_false (gtk_widget_get_mapped (find (detail, "criteria")));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Choosing a set in the Overview fills the table at once. */
  meeting->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  g_assert_true (xd_store_update_meeting (f->store, meeting, &error));
  g_assert_no_error (error);
  xd_test_spin ();
  wait_ms (100);
  g_assert_true (gtk_widget_get_mapped (find (detail, "criteria")));
  results = find_all (detail, "criterion-result");
  g_assert_cmpuint (results->len, ==, 4);
}

/* Where the text of a drawn widget lies, in its own coordinates: the
 * bounds of every glyph run of @node, translated as the nodes above it
 * translate it. */
static void
collect_text_bounds (GskRenderNode *node,
                     float          dx,
                     float          dy,
                     GArray        *bounds)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (type == GSK_TEXT_NODE)
    {
      graphene_rect_t r;

      gsk_render_node_get_bounds (node, &r);
      r.origin.x += dx;
      r.origin.y += dy;
      g_array_append_val (bounds, r);
    }
  else if (type == GSK_CONTAINER_NODE)
    {
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_text_bounds (gsk_container_node_get_child (node, i), dx, dy, bounds);
    }
  else if (type == GSK_TRANSFORM_NODE)
    {
      float tx = 0, ty = 0;

      /* Rows are only ever translated. */
      gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
      collect_text_bounds (gsk_transform_node_get_child (node), dx + tx, dy + ty, bounds);
    }
  else if (type == GSK_CLIP_NODE)
    collect_text_bounds (gsk_clip_node_get_child (node), dx, dy, bounds);
  else if (type == GSK_ROUNDED_CLIP_NODE)
    collect_text_bounds (gsk_rounded_clip_node_get_child (node), dx, dy, bounds);
  else if (type == GSK_OPACITY_NODE)
    collect_text_bounds (gsk_opacity_node_get_child (node), dx, dy, bounds);
  else if (type == GSK_COLOR_MATRIX_NODE)
    collect_text_bounds (gsk_color_matrix_node_get_child (node), dx, dy, bounds);
  else if (type == GSK_DEBUG_NODE)
    collect_text_bounds (gsk_debug_node_get_child (node), dx, dy, bounds);
}

static void
on_long_row_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  data)
{
  GtkWidget *row = xd_dossier_row_new ();

  xd_dossier_row_set_name (XD_DOSSIER_ROW (row),
                           "Phường Hồng Gai thuộc thành phố Hạ Long, tỉnh Quảng Ninh (đơn vị thí điểm)");
  xd_dossier_row_set_details (XD_DOSSIER_ROW (row), "Phường · 286/TTr-UBND");
  xd_dossier_row_set_state (XD_DOSSIER_ROW (row), "Đã biểu quyết", "voted");
  gtk_list_item_set_child (list_item, row);
}

/* A unit's name too long for its row ends in "…" before the state's pill
 * and leaves the gap between them; the pill keeps its whole width.  In a
 * list, as the Dossiers view shows it: sized first, then drawn. */
static void
test_row_long_name (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GtkStringList) items = gtk_string_list_new ((const char *[]) { "x", NULL });
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  GtkWidget *list;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GtkWidget *row, *pill;
  graphene_rect_t pill_box;
  int width, pill_width;

  /* The app's own style, the pill's padding with it (GtkApplication
   * loads it for the app). */
  gtk_css_provider_load_from_resource (style, "/io/github/xetduyet/XetDuyet/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect (factory, "setup", G_CALLBACK (on_long_row_setup_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (items)))),
                            factory);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  xd_test_spin_for (300);

  collect_rows (list, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  width = gtk_widget_get_width (row);
  pill = GTK_WIDGET (xd_dossier_row_get_state_label (XD_DOSSIER_ROW (row)));
  g_assert_true (gtk_widget_compute_bounds (pill, row, &pill_box));
  gtk_widget_measure (pill, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &pill_width, NULL, NULL);
  g_assert_cmpfloat (pill_box.size.width, ==, pill_width);
  g_assert_cmpfloat (pill_box.origin.x + pill_box.size.width, ==, width);

  paintable = gtk_widget_paintable_new (row);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, gtk_widget_get_height (row));
  node = gtk_snapshot_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  collect_text_bounds (node, 0, 0, bounds);
  /* The name, its "…", the details and the pill's label. */
  g_assert_cmpuint (bounds->len, >=, 3);
  for (guint i = 0; i < bounds->len; i++)
    {
      graphene_rect_t *r = &g_array_index (bounds, graphene_rect_t, i);

      if (r->origin.x + r->size.width / 2 >= pill_box.origin.x)
        continue;   /* the pill's own label */
      g_assert_cmpfloat (r->origin.x + r->size.width, <=, pill_box.origin.x - 8);
    }

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (style));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  GTestDBus *bus;
  int status;
  /* A private session bus: the test never talks to the user's session. */
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  setlocale (LC_ALL, "");
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY (to keep dbus-launch away); GTK needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* As xd_application_new () does: the templates live in the app's resources. */
  g_resources_register (xd_get_resource ());

  g_test_add_func ("/gui/dossier-row/long-name", test_row_long_name);
  g_test_add ("/gui/dossiers-view/edit-and-reopen", Fixture, NULL,
              fixture_set_up, test_edit_and_reopen, fixture_tear_down);
  g_test_add ("/gui/dossiers-view/sample", Fixture, NULL,
              fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/gui/dossiers-view/no-criteria-set", Fixture, NULL,
              fixture_set_up, test_no_criteria_set, fixture_tear_down);

  status = g_test_run ();
  g_test_dbus_stop (bus);
  return status;
}
