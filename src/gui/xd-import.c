/* xd-import.c — importing exchange files from the window's menus
 *
 * A whole meeting comes from the level above or another computer; units'
 * dossiers come one file per unit and go into the open meeting.  The
 * store does the reading, all or nothing; this file asks for the files,
 * asks what to do with dossiers the meeting already has, and says what
 * happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-import"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-exchange.h"
#include "xd-format.h"
#include "xd-import.h"
#include "xd-window.h"

/* So many names fit in the question; the rest are counted. */
#define MAX_LISTED_DUPLICATES 8

static void
show_message (GtkWindow  *parent,
              const char *message)
{
  if (XD_IS_WINDOW (parent))
    xd_window_show_message (XD_WINDOW (parent), message);
}

/* Import problems name the file, the line and what is wrong: more than a
 * toast holds, and the user needs to read it to tell the unit. */
static void
show_problem (GtkWindow    *parent,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The File Could Not Be Imported"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
create_exchange_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Exchange files (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");
  return filter;
}

/* Asking for files
 * ================ */

typedef void (*FilesChosen) (GListModel *files,
                             gpointer    data);

typedef struct {
  FilesChosen chosen;
  gpointer data;
  GDestroyNotify destroy;
} Choice;

static void
choice_finish (Choice     *choice,
               GListModel *files)
{
  if (files != NULL && g_list_model_get_n_items (files) > 0)
    choice->chosen (files, choice->data);
  choice->destroy (choice->data);
  g_free (choice);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (file != NULL)
    g_list_store_append (files, file);
  choice_finish (user_data, G_LIST_MODEL (files));
}

static void
on_open_multiple_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source),
                                                                      result, NULL);

  choice_finish (user_data, files);
}
#else
static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        Choice          *choice)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  choice_finish (choice, files);
}
#endif

/* Asks for one exchange file, or several when @multiple; @chosen is
 * called only when the user picked some, @destroy in any case. */
static void
choose_exchange_files (GtkWindow      *parent,
                       const char     *title,
                       gboolean        multiple,
                       FilesChosen     chosen,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  g_autoptr(GtkFileFilter) filter = create_exchange_filter ();
  Choice *choice = g_new0 (Choice, 1);

  choice->chosen = chosen;
  choice->data = data;
  choice->destroy = destroy;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_accept_label (dialog, _("_Import"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    if (multiple)
      gtk_file_dialog_open_multiple (dialog, parent, NULL, on_open_multiple_done_cb, choice);
    else
      gtk_file_dialog_open (dialog, parent, NULL, on_open_done_cb, choice);
  }
#else
  {
    GtkFileChooserNative *native =
      gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                   _("_Import"), _("_Cancel"));

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    /* The dialog holds itself until it answers; the callback lets it go. */
    g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), choice);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* Whole meetings
 * ============== */

void
xd_import_meeting_file (GtkWindow           *parent,
                        XdStore             *store,
                        const char          *path,
                        XdImportMeetingDone  done,
                        gpointer             user_data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (XD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  if (!xd_exchange_import_file (store, path, ids, &error))
    {
      show_problem (parent, error);
      return;
    }

  if (ids->len == 0)
    {
      show_message (parent, _("The file held no meeting; its criteria sets were imported."));
      return;
    }

  meeting = xd_store_get_meeting (store, g_array_index (ids, gint64, 0), NULL);
  if (ids->len == 1 && meeting != NULL)
    message = g_strdup_printf (_("Imported the meeting “%s”."), meeting->title);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u meeting.",
                                            "Imported %u meetings.", ids->len),
                               ids->len);
  show_message (parent, message);
  if (done != NULL)
    done (g_array_index (ids, gint64, 0), user_data);
}

typedef struct {
  GtkWindow *parent;
  XdStore *store;
  XdImportMeetingDone done;
  gpointer user_data;
} MeetingRequest;

static void
meeting_request_free (MeetingRequest *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request);
}

static void
meeting_file_chosen (GListModel *files,
                     gpointer    data)
{
  MeetingRequest *request = data;
  g_autoptr(GFile) file = g_list_model_get_item (files, 0);

  if (g_file_peek_path (file) != NULL)
    xd_import_meeting_file (request->parent, request->store, g_file_peek_path (file),
                            request->done, request->user_data);
}

void
xd_import_choose_meeting_file (GtkWindow           *parent,
                               XdStore             *store,
                               XdImportMeetingDone  done,
                               gpointer             user_data)
{
  MeetingRequest *request = g_new0 (MeetingRequest, 1);

  request->parent = g_object_ref (parent);
  request->store = g_object_ref (store);
  request->done = done;
  request->user_data = user_data;
  choose_exchange_files (parent, _("Import a Meeting"), FALSE, meeting_file_chosen, request,
                         (GDestroyNotify) meeting_request_free);
}

/* Units' dossiers
 * =============== */

typedef struct {
  GtkWindow *parent;
  XdStore *store;
  gint64 meeting_id;
  GStrv paths;
} DossierRequest;

static void
dossier_request_free (DossierRequest *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_strfreev (request->paths);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierRequest, dossier_request_free)

static DossierRequest *
dossier_request_new (GtkWindow          *parent,
                     XdStore            *store,
                     gint64              meeting_id,
                     const char * const *paths)
{
  DossierRequest *request = g_new0 (DossierRequest, 1);

  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->store = g_object_ref (store);
  request->meeting_id = meeting_id;
  request->paths = g_strdupv ((char **) paths);
  return request;
}

static void
report_dossiers (GtkWindow             *parent,
                 const XdDossierImport *result)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *added = xd_format_integer (result->added);
  g_autofree char *replaced = xd_format_integer (result->replaced);
  g_autofree char *skipped = xd_format_integer (result->skipped);

  /* TRANSLATORS: %s is a number, grouped as the language groups them ("1.234") */
  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE, "Added %s dossier.",
                                       "Added %s dossiers.", result->added),
                          added);
  if (result->replaced > 0)
    {
      g_string_append_c (message, ' ');
      /* TRANSLATORS: %s is a number, grouped as the language groups them ("1.234") */
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE, "Replaced %s dossier.",
                                           "Replaced %s dossiers.", result->replaced),
                              replaced);
    }
  if (result->skipped > 0)
    {
      g_string_append_c (message, ' ');
      /* TRANSLATORS: %s is a number, grouped as the language groups them ("1.234") */
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Skipped %s dossier the meeting already had.",
                                           "Skipped %s dossiers the meeting already had.",
                                           result->skipped),
                              skipped);
    }
  show_message (parent, message->str);
}

static gboolean
import_dossiers (DossierRequest *request,
                 XdDuplicates    duplicates,
                 XdDossierImport *result)
{
  g_autoptr(GError) error = NULL;

  if (xd_exchange_import_dossiers (request->store, request->meeting_id,
                                   (const char * const *) request->paths,
                                   duplicates, result, &error))
    {
      report_dossiers (request->parent, result);
      return TRUE;
    }
  if (!g_error_matches (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_DUPLICATES))
    show_problem (request->parent, error);
  return FALSE;
}

static void
on_duplicates_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           DossierRequest   *request)
{
  g_auto(XdDossierImport) result = { 0 };

  if (g_str_equal (response, "replace"))
    import_dossiers (request, XD_DUPLICATES_REPLACE, &result);
  else if (g_str_equal (response, "skip"))
    import_dossiers (request, XD_DUPLICATES_SKIP, &result);
}

static void
on_duplicates_dialog_gone_cb (gpointer  data,
                              GClosure *closure)
{
  dossier_request_free (data);
}

/* The meeting already has some of the dossiers: the user decides.  The
 * dialog takes @request. */
static void
ask_about_duplicates (DossierRequest        *request,
                      const XdDossierImport *result)
{
  guint n = result->duplicates->len;
  g_autoptr(GString) body = g_string_new (_("The files bring dossiers this meeting already has "
                                            "(the same unit with the same reference):"));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u Dossier Is Already in the Meeting",
                                          "%u Dossiers Are Already in the Meeting", n),
                             n);
  for (guint i = 0; i < MIN (n, MAX_LISTED_DUPLICATES); i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (result->duplicates, i));
  if (n > MAX_LISTED_DUPLICATES)
    {
      g_string_append (body, "\n");
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE, "and %u more.", "and %u more.",
                                           n - MAX_LISTED_DUPLICATES),
                              n - MAX_LISTED_DUPLICATES);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Replace them with the files’ versions, or skip them and keep the "
                           "meeting’s own? Votes already taken on them are kept either way."));

  dialog = adw_message_dialog_new (request->parent, heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Skip"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_duplicates_response_cb),
                         request, on_duplicates_dialog_gone_cb, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
xd_import_dossier_files (GtkWindow          *parent,
                         XdStore            *store,
                         gint64              meeting_id,
                         const char * const *paths)
{
  g_autoptr(DossierRequest) request = NULL;
  g_auto(XdDossierImport) result = { 0 };

  g_return_if_fail (XD_IS_STORE (store));
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  request = dossier_request_new (parent, store, meeting_id, paths);
  /* Nothing is written while there are duplicates to decide on. */
  if (!import_dossiers (request, XD_DUPLICATES_ASK, &result) &&
      result.duplicates != NULL && result.duplicates->len > 0)
    ask_about_duplicates (g_steal_pointer (&request), &result);
}

static void
dossier_files_chosen (GListModel *files,
                      gpointer    data)
{
  DossierRequest *request = data;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (g_file_peek_path (file) != NULL)
        g_ptr_array_add (paths, g_file_get_path (file));
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);
  xd_import_dossier_files (request->parent, request->store, request->meeting_id,
                           (const char * const *) paths->pdata);
}

void
xd_import_choose_dossier_files (GtkWindow *parent,
                                XdStore   *store,
                                gint64     meeting_id)
{
  const char *none[] = { NULL };

  choose_exchange_files (parent, _("Import Units’ Dossiers"), TRUE, dossier_files_chosen,
                         dossier_request_new (parent, store, meeting_id, none),
                         (GDestroyNotify) dossier_request_free);
}
