/* xd-minutes-view.c — the minutes of a meeting: the secretary's free text
 * beside the pages as they will print, export and printing
 *
 * The minutes are made from the whole meeting (every dossier, every vote),
 * so they are never built on the main thread: a worker opens its own
 * connection to the database (XdStore is not thread-safe), builds the
 * document and lays it out or writes it.  Measured on a meeting with
 * 1,000 dossiers (110 pages): opening 1 ms, building 105 ms, laying out
 * 400 ms, the PDF 510 ms, the ODT 50 ms; with the work here the main loop
 * never waited more than 32 ms during a PDF export of such a meeting (the
 * preview's pages are cached render nodes, see xd-pages-preview.c).
 * Cancel is checked between those steps, and always before the file is
 * written, so a cancelled export leaves no file (and the writers never
 * leave half of one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-minutes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-autosave.h"
#include "xd-fit-height.h"
#include "xd-minutes-file.h"
#include "xd-minutes-view.h"
#include "xd-minutes.h"
#include "xd-odf-writer.h"
#include "xd-output.h"
#include "xd-page-renderer.h"
#include "xd-pages-preview.h"
#include "xd-print-operation.h"
#include "xd-window.h"

/* The preview follows typing without laying out the pages for each
 * change the store reports (a vote closes several records at once). */
#define REBUILD_DELAY_MS 300

#define N_SECTIONS 4

struct _XdMinutesView
{
  AdwBin parent_instance;

  XdStore *store;
  gulong changed_id;
  gint64 meeting_id;
  gboolean read_only;
  gboolean edited[N_SECTIONS];  /* typed in and not saved (yet, or because
                                * the store refused the text) */
  gboolean loading;             /* filling the fields: not the user typing */

  guint rebuild_source;
  gboolean rebuild_pending;     /* changed while not shown: lay out when mapped */
  GCancellable *preview_cancellable;
  guint generation;

  GCancellable *export_cancellable;
  guint pulse_source;
  char *export_error;

  GtkPrintOperation *print_operation;

  /* Template widgets */
  GtkStack *stack;
  GtkRevealer *export_revealer;
  GtkLabel *export_label;
  GtkProgressBar *export_progress;
  GtkLabel *read_only_label;
  GtkTextView *opening_view;
  GtkTextView *discussion_view;
  GtkTextView *conclusion_view;
  GtkTextView *recipients_view;
  XdPagesPreview *preview;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (XdMinutesView, xd_minutes_view, ADW_TYPE_BIN)

static const XdSectionKind section_kinds[N_SECTIONS] = {
  XD_SECTION_OPENING,
  XD_SECTION_DISCUSSION,
  XD_SECTION_CONCLUSION,
  XD_SECTION_RECIPIENTS,
};

static const char *const format_names[] = { "odt", "fodt", "pdf" };

static void start_rebuild (XdMinutesView *self);

static GtkWidget *
section_field (XdMinutesView *self,
               guint          i)
{
  GtkTextView *fields[N_SECTIONS] = {
    self->opening_view, self->discussion_view, self->conclusion_view, self->recipients_view,
  };

  return i < N_SECTIONS ? GTK_WIDGET (fields[i]) : NULL;
}

static int
section_index (XdMinutesView *self,
               GtkWidget     *field)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    if (section_field (self, i) == field)
      return (int) i;
  g_return_val_if_reached (-1);
}

gboolean
xd_minutes_format_from_string (const char      *str,
                               XdMinutesFormat *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (str, format_names[i]) == 0)
      {
        *out = (XdMinutesFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Work off the main thread
 * ======================== */

typedef enum {
  JOB_PREVIEW,
  JOB_PRINT,
  JOB_EXPORT,
} JobKind;

typedef struct {
  JobKind kind;
  char *store_path;
  gint64 meeting_id;
  XdMinutesFormat format;
  char *path;                  /* JOB_EXPORT: the file to write */
  char *title;                 /* set by the worker: the meeting's name */
} Job;

static void
job_free (Job *job)
{
  g_free (job->store_path);
  g_free (job->path);
  g_free (job->title);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autoptr(XdMinutes) minutes = NULL;
  g_autoptr(GBytes) bytes = NULL;

  store = xd_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  minutes = xd_minutes_build (store, job->meeting_id, &error);
  if (minutes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&store);
  job->title = g_strdup (minutes->title);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (job->kind != JOB_EXPORT)
    {
      g_task_return_pointer (task, xd_page_layout_new (minutes, NULL),
                             (GDestroyNotify) xd_page_layout_free);
      return;
    }

  switch (job->format)
    {
    case XD_MINUTES_FORMAT_ODT:
      bytes = xd_minutes_to_odt (minutes, &error);
      break;
    case XD_MINUTES_FORMAT_FODT:
      bytes = xd_minutes_to_fodt (minutes, &error);
      break;
    case XD_MINUTES_FORMAT_PDF:
    default:
      bytes = xd_minutes_to_pdf (minutes, &error);
      break;
    }
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The last moment Cancel can still mean "no file". */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!xd_output_write_file (job->path, g_bytes_get_data (bytes, NULL),
                             g_bytes_get_size (bytes), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static GTask *
new_job (XdMinutesView       *self,
         JobKind              kind,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback)
{
  GTask *task = g_task_new (self, cancellable, callback, NULL);
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->store_path = g_strdup (xd_store_get_path (self->store));
  job->meeting_id = self->meeting_id;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

/* Preview
 * ======= */

static void
on_preview_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  XdMinutesView *self = XD_MINUTES_VIEW (source);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  XdPageLayout *layout;

  layout = g_task_propagate_pointer (task, &error);
  /* A newer layout is on its way: this one is out of date. */
  if (g_task_get_cancellable (task) != self->preview_cancellable)
    {
      g_clear_pointer (&layout, xd_page_layout_free);
      return;
    }
  g_clear_object (&self->preview_cancellable);
  gtk_spinner_stop (self->spinner);

  if (layout == NULL)
    {
      /* A meeting deleted meanwhile simply goes; the window moves on. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND))
        xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  xd_pages_preview_set_layout (self->preview, layout);
  self->generation++;
}

static void
start_rebuild (XdMinutesView *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->preview_cancellable != NULL)
    {
      g_cancellable_cancel (self->preview_cancellable);
      g_clear_object (&self->preview_cancellable);
    }

  if (self->store == NULL || self->meeting_id == 0)
    {
      xd_pages_preview_set_layout (self->preview, NULL);
      gtk_spinner_stop (self->spinner);
      return;
    }
  /* Nobody sees the pages: lay them out when the view is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->rebuild_pending = TRUE;
      return;
    }
  self->rebuild_pending = FALSE;

  self->preview_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  task = new_job (self, JOB_PREVIEW, self->preview_cancellable, on_preview_done_cb);
  g_task_run_in_thread (task, run_job);
}

static gboolean
rebuild_timeout_cb (gpointer user_data)
{
  XdMinutesView *self = user_data;

  self->rebuild_source = 0;
  start_rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (XdMinutesView *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->rebuild_source = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout_cb, self);
}

/* Fields
 * ====== */

static void
update_read_only (XdMinutesView *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_widget_set_sensitive (section_field (self, i), !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), self->read_only);
}

static gboolean
read_state (XdMinutesView *self)
{
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  meeting = xd_store_get_meeting (self->store, self->meeting_id, &error);
  if (meeting == NULL)
    {
      if (!g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND))
        xd_window_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  self->read_only = xd_store_is_read_only (self->store) ||
                    meeting->state == XD_MEETING_FINALISED;
  return TRUE;
}

/* @force: a new meeting, every field shows its text.  Otherwise the field
 * the user is in, or whose text the store refused, keeps what it shows. */
static void
load_sections (XdMinutesView *self,
               gboolean       force)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkWidget *field = section_field (self, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (!force && (self->edited[i] || gtk_widget_has_focus (field)))
        continue;
      text = xd_store_get_section (self->store, self->meeting_id, section_kinds[i], &error);
      if (text == NULL)
        {
          xd_window_show_error (GTK_WIDGET (self), error->message);
          return;
        }
      self->loading = TRUE;
      xd_autosave_set_text (field, text);
      self->loading = FALSE;
      self->edited[i] = FALSE;
    }
}

static void
reload (XdMinutesView *self,
        gboolean       force)
{
  if (self->store == NULL || self->meeting_id == 0 || !read_state (self))
    {
      self->read_only = TRUE;
      update_read_only (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      start_rebuild (self);
      return;
    }

  load_sections (self, force);
  update_read_only (self);
  gtk_stack_set_visible_child_name (self->stack, "minutes");
}

static gboolean
save_section_cb (GtkWidget  *field,
                 const char *text,
                 gpointer    user_data)
{
  XdMinutesView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  int i = section_index (self, field);

  if (self->store == NULL || self->meeting_id == 0 || i < 0)
    return TRUE;

  /* The lines stay as typed; only blank lines at the end go. */
  value = g_strchomp (g_strdup (text));
  if (!xd_store_set_section (self->store, self->meeting_id, section_kinds[i], value, &error))
    {
      gtk_widget_add_css_class (field, "error");
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  self->edited[i] = FALSE;
  gtk_widget_remove_css_class (field, "error");
  return TRUE;
}

static void
on_store_changed_cb (XdStore       *store,
                     const char    *entity,
                     gint64         id,
                     XdMinutesView *self)
{
  /* Another meeting's text or details are not in these minutes. */
  if ((g_str_equal (entity, "minutes_section") || g_str_equal (entity, "meeting")) &&
      id != self->meeting_id && id != 0)
    return;

  if (g_str_equal (entity, "minutes_section") || g_str_equal (entity, "meeting") ||
      g_str_equal (entity, "*"))
    reload (self, FALSE);
  if (self->meeting_id != 0)
    schedule_rebuild (self);
}

/* Export
 * ====== */

static gboolean
pulse_cb (gpointer user_data)
{
  XdMinutesView *self = user_data;

  gtk_progress_bar_pulse (self->export_progress);
  return G_SOURCE_CONTINUE;
}

static void
export_finished (XdMinutesView *self)
{
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.cancel-export", FALSE);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  XdMinutesView *self = XD_MINUTES_VIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The view went away meanwhile (its template widgets with it). */
  if (self->stack == NULL)
    return;
  export_finished (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          xd_window_show_error (GTK_WIDGET (self), _("The export was cancelled; no file was saved."));
          return;
        }
      g_free (self->export_error);
      self->export_error = g_strdup (error->message);
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (job->path);
    g_autofree char *name = g_filename_display_basename (job->path);
    g_autofree char *message = g_strdup_printf (_("Minutes exported to “%s”"), name);

    xd_window_show_file_message (GTK_WIDGET (self), message, file);
  }
}

void
xd_minutes_view_export (XdMinutesView   *self,
                        XdMinutesFormat  format,
                        GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (XD_IS_MINUTES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->meeting_id == 0 || self->export_cancellable != NULL)
    return;
  if (g_file_peek_path (file) == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), _("The minutes can only be saved to a folder on this computer."));
      return;
    }

  /* What is being typed goes into the file. */
  xd_autosave_flush_all (GTK_WIDGET (self));
  g_clear_pointer (&self->export_error, g_free);

  self->export_cancellable = g_cancellable_new ();
  task = new_job (self, JOB_EXPORT, self->export_cancellable, on_export_done_cb);
  job = g_task_get_task_data (task);
  job->format = format;
  job->path = g_strdup (g_file_peek_path (file));

  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  self->pulse_source = g_timeout_add (100, pulse_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.cancel-export", TRUE);

  g_task_run_in_thread (task, run_job);
}

void
xd_minutes_view_cancel_export (XdMinutesView *self)
{
  g_return_if_fail (XD_IS_MINUTES_VIEW (self));

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

gboolean
xd_minutes_view_is_exporting (XdMinutesView *self)
{
  g_return_val_if_fail (XD_IS_MINUTES_VIEW (self), FALSE);

  return self->export_cancellable != NULL;
}

const char *
xd_minutes_view_get_export_error (XdMinutesView *self)
{
  g_return_val_if_fail (XD_IS_MINUTES_VIEW (self), NULL);

  return self->export_error;
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  xd_minutes_view_cancel_export (XD_MINUTES_VIEW (widget));
}

static GtkWindow *
get_window (XdMinutesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkFileFilter *
create_filter (XdMinutesFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (format)
    {
    case XD_MINUTES_FORMAT_ODT:
      gtk_file_filter_set_name (filter, _("OpenDocument Text (.odt)"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
      gtk_file_filter_add_pattern (filter, "*.odt");
      break;
    case XD_MINUTES_FORMAT_FODT:
      gtk_file_filter_set_name (filter, _("Flat OpenDocument Text (.fodt)"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text-flat-xml");
      gtk_file_filter_add_pattern (filter, "*.fodt");
      break;
    case XD_MINUTES_FORMAT_PDF:
    default:
      gtk_file_filter_set_name (filter, _("PDF Document (.pdf)"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
      break;
    }
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_dialog_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(XdMinutesView) self = user_data;
  XdMinutesFormat format = GPOINTER_TO_INT (g_object_get_data (source, "format"));
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  if (file != NULL)
    xd_minutes_view_export (self, format, file);
}
#else
static void
on_file_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             XdMinutesView   *self)
{
  XdMinutesFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        xd_minutes_view_export (self, format, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

void
xd_minutes_view_choose_export_file (XdMinutesView   *self,
                                    XdMinutesFormat  format)
{
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  const char *title;

  g_return_if_fail (XD_IS_MINUTES_VIEW (self));

  if (self->store == NULL || self->meeting_id == 0 || self->export_cancellable != NULL)
    return;
  meeting = xd_store_get_meeting (self->store, self->meeting_id, &error);
  if (meeting == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  name = xd_minutes_default_file_name (meeting, format_names[format]);
  filter = create_filter (format);
  switch (format)
    {
    case XD_MINUTES_FORMAT_ODT:
      title = _("Export the Minutes as ODT");
      break;
    case XD_MINUTES_FORMAT_FODT:
      title = _("Export the Minutes as Flat ODT");
      break;
    case XD_MINUTES_FORMAT_PDF:
    default:
      title = _("Export the Minutes as PDF");
      break;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
    gtk_file_dialog_save (dialog, get_window (self), NULL, on_save_dialog_done_cb,
                          g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, get_window (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Export"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    g_object_set_data (G_OBJECT (native), "format", GINT_TO_POINTER (format));
    /* The dialog holds itself until it answers; the callback lets it go. */
    g_signal_connect_object (native, "response", G_CALLBACK (on_file_chooser_response_cb), self, 0);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* Print
 * ===== */

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  XdMinutesView           *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        xd_window_show_error (GTK_WIDGET (self), error->message);
    }
}

static void
on_print_layout_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  XdMinutesView *self = XD_MINUTES_VIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  XdPageLayout *layout;
  GtkPrintOperationResult res;

  layout = g_task_propagate_pointer (G_TASK (result), &error);
  if (layout != NULL && self->stack == NULL)
    g_clear_pointer (&layout, xd_page_layout_free);
  if (self->stack == NULL)
    return;
  if (layout == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  if (get_window (self) == NULL)
    {
      xd_page_layout_free (layout);
      return;
    }

  g_clear_object (&self->print_operation);
  self->print_operation = GTK_PRINT_OPERATION (xd_print_operation_new (layout, job->title));
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  res = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                 get_window (self), &error);
  if (res == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    xd_window_show_error (GTK_WIDGET (self), error->message);
}

void
xd_minutes_view_print (XdMinutesView *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XD_IS_MINUTES_VIEW (self));

  if (self->store == NULL || self->meeting_id == 0)
    return;

  xd_autosave_flush_all (GTK_WIDGET (self));
  task = new_job (self, JOB_PRINT, NULL, on_print_layout_cb);
  g_task_run_in_thread (task, run_job);
}

/* A field typed in keeps its text when the store reports a change (saving
 * another field, say) until its own text is saved. */
static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      XdMinutesView *self)
{
  if (self->loading)
    return;
  for (guint i = 0; i < N_SECTIONS; i++)
    if (gtk_text_view_get_buffer (GTK_TEXT_VIEW (section_field (self, i))) == buffer)
      self->edited[i] = TRUE;
}

/* Overrides
 * ========= */

static void
xd_minutes_view_map (GtkWidget *widget)
{
  XdMinutesView *self = XD_MINUTES_VIEW (widget);

  GTK_WIDGET_CLASS (xd_minutes_view_parent_class)->map (widget);

  if (self->rebuild_pending)
    start_rebuild (self);
}

static void
xd_minutes_view_dispose (GObject *object)
{
  XdMinutesView *self = XD_MINUTES_VIEW (object);

  /* Before the store goes: a field left with unsaved text saves it now. */
  xd_autosave_flush_all (GTK_WIDGET (self));

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->print_operation);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  /* AdwBin 1.2 would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_MINUTES_VIEW);

  G_OBJECT_CLASS (xd_minutes_view_parent_class)->dispose (object);
}

static void
xd_minutes_view_finalize (GObject *object)
{
  XdMinutesView *self = XD_MINUTES_VIEW (object);

  g_clear_pointer (&self->export_error, g_free);

  G_OBJECT_CLASS (xd_minutes_view_parent_class)->finalize (object);
}

static void
xd_minutes_view_class_init (XdMinutesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xd_minutes_view_dispose;
  object_class->finalize = xd_minutes_view_finalize;
  widget_class->map = xd_minutes_view_map;

  g_type_ensure (XD_TYPE_PAGES_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-minutes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, stack);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, export_label);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, export_progress);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, opening_view);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, discussion_view);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, conclusion_view);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, recipients_view);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, preview);
  gtk_widget_class_bind_template_child (widget_class, XdMinutesView, spinner);

  gtk_widget_class_install_action (widget_class, "minutes.cancel-export", NULL,
                                   cancel_export_action);
}

static void
xd_minutes_view_init (XdMinutesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkWidget *field = section_field (self, i);

      xd_autosave_attach (field, save_section_cb, self);
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                               G_CALLBACK (on_buffer_changed_cb), self, 0);
      xd_text_view_fit_height (GTK_TEXT_VIEW (field));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "minutes.cancel-export", FALSE);
  self->read_only = TRUE;
  update_read_only (self);
}

GtkWidget *
xd_minutes_view_new (void)
{
  return g_object_new (XD_TYPE_MINUTES_VIEW, NULL);
}

void
xd_minutes_view_set_meeting (XdMinutesView *self,
                             XdStore       *store,
                             gint64         meeting_id)
{
  g_return_if_fail (XD_IS_MINUTES_VIEW (self));
  g_return_if_fail (store == NULL || XD_IS_STORE (store));

  /* What was typed belongs to the meeting shown so far. */
  xd_autosave_flush_all (GTK_WIDGET (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed",
                                             G_CALLBACK (on_store_changed_cb), self);
    }
  self->meeting_id = store != NULL ? meeting_id : 0;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      self->edited[i] = FALSE;
      gtk_widget_remove_css_class (section_field (self, i), "error");
    }

  /* The old meeting's pages must not stay up while the new ones are made. */
  xd_pages_preview_set_layout (self->preview, NULL);
  reload (self, TRUE);
  start_rebuild (self);
}

int
xd_minutes_view_get_n_pages (XdMinutesView *self)
{
  g_return_val_if_fail (XD_IS_MINUTES_VIEW (self), 0);

  return xd_pages_preview_get_n_pages (self->preview);
}

guint
xd_minutes_view_get_generation (XdMinutesView *self)
{
  g_return_val_if_fail (XD_IS_MINUTES_VIEW (self), 0);

  return self->generation;
}

gboolean
xd_minutes_view_is_updating (XdMinutesView *self)
{
  g_return_val_if_fail (XD_IS_MINUTES_VIEW (self), FALSE);

  return self->preview_cancellable != NULL || self->rebuild_source != 0 ||
         self->rebuild_pending;
}
