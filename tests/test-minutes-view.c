/* test-minutes-view.c — the Minutes view on the sample meeting: its
 * preview, its free text (read back from the reopened file), export and
 * printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "xd-autosave.h"
#include "xd-minutes-view.h"
#include "xd-minutes.h"
#include "xd-page-renderer.h"
#include "xd-print-operation.h"
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

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Spins the main loop (the worker threads report through it) until the
 * view has nothing left to do. */
static void
wait_for_view (XdMinutesView *view)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, (gpointer) "the minutes view");

  while (xd_minutes_view_is_updating (view) || xd_minutes_view_is_exporting (view))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  xd_test_spin ();
}

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 meeting_id;
  GtkWindow *window;
  XdMinutesView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->meeting_id = xd_store_load_sample (f->store, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->view = XD_MINUTES_VIEW (xd_minutes_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  xd_minutes_view_set_meeting (f->view, f->store, f->meeting_id);
  gtk_window_present (f->window);
  xd_test_spin ();
  wait_for_view (f->view);

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
  /* A layout still being made holds the view until it is reported. */
  for (int i = 0; i < 1000 && f->view != NULL; i++)
    {
      xd_test_spin ();
      g_usleep (1000);
    }
  g_assert_null (f->view);
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

static int
pages_of_store (XdStore *store,
                gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMinutes) minutes = xd_minutes_build (store, meeting_id, &error);
  g_autoptr(XdPageLayout) layout = NULL;

  g_assert_no_error (error);
  layout = xd_page_layout_new (minutes, NULL);
  return xd_page_layout_get_n_pages (layout);
}

static GtkWidget *
get_child (Fixture    *f,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->view), XD_TYPE_MINUTES_VIEW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static char *
text_of (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_preview_pages (Fixture       *f,
                    gconstpointer  data)
{
  int expected = pages_of_store (f->store, f->meeting_id);

  g_assert_cmpint (expected, >=, 2);
  g_assert_cmpuint (xd_minutes_view_get_generation (f->view), >=, 1);
  g_assert_cmpint (xd_minutes_view_get_n_pages (f->view), ==, expected);
  g_assert_true (gtk_widget_get_sensitive (get_child (f, "discussion_view")));

  /* Nothing shown: no pages. */
  xd_minutes_view_set_meeting (f->view, NULL, 0);
  wait_for_view (f->view);
  g_assert_cmpint (xd_minutes_view_get_n_pages (f->view), ==, 0);
}

static void
test_typing_saves_and_rerenders (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *discussion = get_child (f, "discussion_view");
  GtkWidget *recipients = get_child (f, "recipients_view");
  guint generation = xd_minutes_view_get_generation (f->view);
  int pages = xd_minutes_view_get_n_pages (f->view);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_recipients = NULL;

  /* Enough discussion to need more pages. */
  for (int i = 0; i < 60; i++)
    g_string_append_printf (text, "Ý kiến thứ %d: đồng chí đại biểu đề nghị làm rõ thêm "
                            "kết quả thẩm tra hồ sơ của đơn vị.\n", i + 1);
  gtk_widget_grab_focus (discussion);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (discussion)), text->str, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (recipients)),
                            "Như trên;\nLưu: VT.\n\n", -1);
  xd_autosave_flush_all (GTK_WIDGET (f->view));
  xd_test_spin ();
  g_assert_true (xd_minutes_view_is_updating (f->view));
  wait_for_view (f->view);

  g_assert_cmpuint (xd_minutes_view_get_generation (f->view), >, generation);
  g_assert_cmpint (xd_minutes_view_get_n_pages (f->view), >, pages);
  g_assert_cmpint (xd_minutes_view_get_n_pages (f->view), ==,
                   pages_of_store (f->store, f->meeting_id));
  /* The field being typed in kept its text. */
  {
    g_autofree char *shown = text_of (discussion);
    g_assert_cmpstr (shown, ==, text->str);
  }

  close_view (f);
  g_clear_object (&f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  saved = xd_store_get_section (f->store, f->meeting_id, XD_SECTION_DISCUSSION, &error);
  g_assert_no_error (error);
  /* Only the blank lines at the end go. */
  g_strchomp (text->str);
  g_assert_cmpstr (saved, ==, text->str);
  saved_recipients = xd_store_get_section (f->store, f->meeting_id, XD_SECTION_RECIPIENTS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved_recipients, ==, "Như trên;\nLưu: VT.");
}

static void
export_to (Fixture         *f,
           XdMinutesFormat  format,
           const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  xd_minutes_view_export (f->view, format, file);
  g_assert_true (xd_minutes_view_is_exporting (f->view));
  wait_for_view (f->view);
  g_assert_false (xd_minutes_view_is_exporting (f->view));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *odt = g_build_filename (f->dir, "Biên bản.odt", NULL);
  g_autofree char *fodt = g_build_filename (f->dir, "Biên bản.fodt", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "Biên bản.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  export_to (f, XD_MINUTES_FORMAT_ODT, odt);
  g_assert_null (xd_minutes_view_get_export_error (f->view));
  g_assert_true (g_file_get_contents (odt, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_true (memcmp (contents, "PK", 2) == 0);
  g_assert_true (memcmp (contents + 30, "mimetype", 8) == 0);
  g_assert_nonnull (last_message);
  g_assert_nonnull (strstr (last_message, "Biên bản.odt"));
  g_clear_pointer (&contents, g_free);

  export_to (f, XD_MINUTES_FORMAT_FODT, fodt);
  g_assert_null (xd_minutes_view_get_export_error (f->view));
  g_assert_true (g_file_get_contents (fodt, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<office:document"));
  g_assert_nonnull (strstr (contents, "BIÊN BẢN"));
  g_clear_pointer (&contents, g_free);

  export_to (f, XD_MINUTES_FORMAT_PDF, pdf);
  g_assert_null (xd_minutes_view_get_export_error (f->view));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
}

static void
test_export_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);

  xd_minutes_view_export (f->view, XD_MINUTES_FORMAT_PDF, file);
  /* The Cancel button beside the progress bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "minutes.cancel-export", NULL));
  wait_for_view (f->view);

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_null (xd_minutes_view_get_export_error (f->view));
  g_assert_cmpstr (last_message, ==, "The export was cancelled; no file was saved.");
  /* Nothing is left behind by the worker either. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "council.xetduyet"));
  }
}

static void
test_export_missing_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing", "minutes.odt", NULL);

  export_to (f, XD_MINUTES_FORMAT_ODT, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_nonnull (xd_minutes_view_get_export_error (f->view));
  /* Shown to the user, not only kept. */
  g_assert_cmpstr (last_message, ==, xd_minutes_view_get_export_error (f->view));
  g_assert_nonnull (strstr (last_message, "missing"));
}

static void
test_finalised_is_read_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);

  g_assert_no_error (error);
  meeting->state = XD_MEETING_FINALISED;
  xd_store_update_meeting (f->store, meeting, &error);
  g_assert_no_error (error);
  xd_test_spin ();

  g_assert_false (gtk_widget_get_sensitive (get_child (f, "opening_view")));
  g_assert_false (gtk_widget_get_sensitive (get_child (f, "discussion_view")));
  g_assert_false (gtk_widget_get_sensitive (get_child (f, "conclusion_view")));
  g_assert_false (gtk_widget_get_sensitive (get_child (f, "recipients_view")));
  g_assert_true (gtk_widget_get_visible (get_child (f, "read_only_label")));
  wait_for_view (f->view);
}

static int
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status = 0;

  if (pdfinfo == NULL)
    return -1;
  command = g_strdup_printf ("%s %s", pdfinfo, quoted);
  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static void
test_print_operation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMinutes) minutes = xd_minutes_build (f->store, f->meeting_id, &error);
  g_autoptr(XdPrintOperation) operation = NULL;
  g_autofree char *contents = NULL;
  GtkPrintOperationResult result;
  int n_pages;
  int printed;

  g_assert_no_error (error);
  operation = xd_print_operation_new (xd_page_layout_new (minutes, NULL), minutes->title);
  n_pages = pages_of_store (f->store, f->meeting_id);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  xd_test_spin ();

  /* The page setup is remembered for the next print dialog, also after a
   * restart: it is in the settings, A4 portrait. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(GVariant) setup = g_settings_get_value (settings, "page-setup");
    g_autoptr(GtkPageSetup) remembered = NULL;

    g_assert_cmpuint (g_variant_n_children (setup), >, 0);
    remembered = gtk_page_setup_new_from_gvariant (setup);
    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (remembered)), ==,
                     GTK_PAPER_NAME_A4);
  }

  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  printed = pdf_pages (pdf);
  if (printed < 0)
    {
      g_test_skip ("pdfinfo is not installed: the page count is not checked");
      return;
    }
  g_assert_cmpint (printed, ==, n_pages);
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

  ADD ("/gui/minutes/preview-pages", test_preview_pages);
  ADD ("/gui/minutes/typing-saves-and-rerenders", test_typing_saves_and_rerenders);
  ADD ("/gui/minutes/export", test_export);
  ADD ("/gui/minutes/export-cancelled", test_export_cancelled);
  ADD ("/gui/minutes/export-missing-folder", test_export_missing_folder);
  ADD ("/gui/minutes/finalised-is-read-only", test_finalised_is_read_only);
  ADD ("/gui/print/export-pdf", test_print_operation);

#undef ADD

  return g_test_run ();
}
