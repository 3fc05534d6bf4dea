/* xd-finalize.c — finalising a meeting from the window's menu
 *
 * Finalising cannot be undone: the record is sealed with its hash and
 * every later change is refused.  So the user is told what it means and
 * confirms; the verification code it gives is shown at once, and from
 * then on in the overview and at the foot of the minutes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-finalize"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-finalize.h"
#include "xd-record.h"
#include "xd-window.h"

typedef struct {
  GtkWindow *parent;
  XdStore *store;
  gint64 meeting_id;
} Request;

static void
request_free (gpointer  data,
              GClosure *closure)
{
  Request *request = data;

  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request);
}

static void
finalize_meeting (Request *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  if (!xd_store_finalize_meeting (request->store, request->meeting_id, &error) ||
      (meeting = xd_store_get_meeting (request->store, request->meeting_id, &error)) == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (request->parent,
                                                  _("The Meeting Could Not Be Finalised"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  code = xd_record_verification_code (meeting->record_hash);
  message = g_strdup_printf (_("The meeting is finalised. Its verification code is %s."), code);
  if (XD_IS_WINDOW (request->parent))
    xd_window_show_message (XD_WINDOW (request->parent), message);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Request          *request)
{
  if (g_str_equal (response, "finalise"))
    finalize_meeting (request);
}

AdwMessageDialog *
xd_finalize_confirm (GtkWindow *parent,
                     XdStore   *store,
                     gint64     meeting_id)
{
  Request *request;
  GtkWidget *dialog;

  g_return_val_if_fail (XD_IS_STORE (store), NULL);

  request = g_new0 (Request, 1);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->store = g_object_ref (store);
  request->meeting_id = meeting_id;

  dialog = adw_message_dialog_new (parent, _("Finalise the Meeting?"),
                                   _("Do this once the minutes are approved. Nothing in the "
                                     "meeting can be changed afterwards, in this app or with "
                                     "xetduyet-cli. The record is sealed with a verification "
                                     "code, printed at the foot of every page of the minutes, "
                                     "by which anyone can check that it was not altered."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "finalise", _("_Finalise"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finalise",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), request,
                         request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
