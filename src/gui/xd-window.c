/* xd-window.c — a window on one database: its meetings, and the views of
 * the open meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-autosave.h"
#include "xd-dossiers-view.h"
#include "xd-finalize.h"
#include "xd-format.h"
#include "xd-import.h"
#include "xd-members-view.h"
#include "xd-minutes-view.h"
#include "xd-overview-view.h"
#include "xd-settings.h"
#include "xd-stack-pages.h"
#include "xd-toolkit-fixes.h"
#include "xd-voting-view.h"
#include "xd-window.h"

struct _XdWindow
{
  AdwApplicationWindow parent_instance;

  XdStore *store;
  char *open_error;
  GSettings *settings;      /* NULL when the schema is not installed */
  gint64 meeting_id;        /* the open meeting, 0 on the list */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  AdwWindowTitle *meeting_title;
  GtkWidget *switcher_box;
  GtkWidget *switcher_separator;
  GtkStack *title_stack;
  GtkStack *stack;
  AdwViewStack *view_stack;
  AdwStatusPage *error_page;
  GtkListBox *meetings_list;
  GtkWidget *back_button;
  GtkWidget *new_meeting_button;
  GtkWidget *meeting_menu_button;
  XdOverviewView *overview_view;
  AdwBin *members_bin;
  AdwBin *dossiers_bin;
  AdwBin *voting_bin;
  AdwBin *minutes_bin;
  GtkWidget *export_button;
  GtkWidget *print_button;

  /* The other tabs, NULL until first needed (see ensure_view ()) */
  XdMembersView *members_view;
  XdDossiersView *dossiers_view;
  XdVotingView *voting_view;
  XdMinutesView *minutes_view;
};

G_DEFINE_FINAL_TYPE (XdWindow, xd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OPEN_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const view_names[] = { "overview", "members", "dossiers", "voting", "minutes" };

/* Settings
 * ======== */

static gint64
remembered_meeting (XdWindow *self)
{
  g_autoptr(GVariant) map = NULL;
  gint64 id = 0;

  if (self->settings == NULL || self->store == NULL)
    return 0;
  map = g_settings_get_value (self->settings, "last-meetings");
  if (!g_variant_lookup (map, xd_store_get_path (self->store), "x", &id))
    return 0;
  return id;
}

static void
remember_meeting (XdWindow *self)
{
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *path;
  const char *key;
  gint64 id;

  if (self->settings == NULL || self->store == NULL)
    return;

  path = xd_store_get_path (self->store);
  old = g_settings_get_value (self->settings, "last-meetings");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&sx}", &key, &id))
    if (!g_str_equal (key, path))
      g_variant_builder_add (&builder, "{sx}", key, id);
  if (self->meeting_id != 0)
    g_variant_builder_add (&builder, "{sx}", path, self->meeting_id);
  g_settings_set_value (self->settings, "last-meetings", g_variant_builder_end (&builder));
}

/* Meetings list
 * ============= */

static GtkWidget *
create_meeting_row (XdMeeting *meeting)
{
  g_autofree char *title = g_markup_escape_text (meeting->title, -1);
  g_autofree char *date = xd_format_date_ui (meeting->starts_at);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *subtitle_markup = NULL;
  GtkWidget *row;
  GtkWidget *state;
  GtkWidget *arrow;

  if (date != NULL)
    g_string_append (subtitle, date);
  if (*meeting->place != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, meeting->place);
    }
  subtitle_markup = g_markup_escape_text (subtitle->str, -1);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "meeting-row");
  g_object_set_data (G_OBJECT (row), "meeting-id", GSIZE_TO_POINTER ((gsize) meeting->id));

  state = gtk_label_new (xd_meeting_state_get_label (meeting->state));
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_add_css_class (state, "state");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
update_actions (XdWindow *self)
{
  gboolean writable = self->store != NULL && !xd_store_is_read_only (self->store);
  gboolean in_meeting = self->meeting_id != 0;
  g_autoptr(XdMeeting) meeting = in_meeting ? xd_store_get_meeting (self->store,
                                                                    self->meeting_id, NULL)
                                            : NULL;
  gboolean meeting_writable = writable && meeting != NULL &&
                              meeting->state != XD_MEETING_FINALISED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-meeting", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-meetings",
                                 self->store != NULL && in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-meeting",
                                 writable && in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-meeting",
                                 writable && in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-dossier", in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-minutes", in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-minutes", in_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-meeting", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-dossiers", meeting_writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.finalize-meeting", meeting_writable);
}

static void
show_views_of (XdWindow *self,
               gint64    meeting_id)
{
  self->meeting_id = meeting_id;
  xd_overview_view_set_meeting (self->overview_view, self->store, meeting_id);
  if (self->members_view != NULL)
    xd_members_view_set_meeting (self->members_view, self->store, meeting_id);
  if (self->dossiers_view != NULL)
    xd_dossiers_view_set_meeting (self->dossiers_view, self->store, meeting_id);
  if (self->voting_view != NULL)
    xd_voting_view_set_meeting (self->voting_view, self->store, meeting_id);
  if (self->minutes_view != NULL)
    xd_minutes_view_set_meeting (self->minutes_view, self->store, meeting_id);
}

/* A meeting opens on its Overview.  The other four tabs hold some 750
 * widgets and read their data as they are made; built with the window they
 * doubled its time to the first frame (build-aux/bench).  Each is built the
 * first time it is shown, or when an action needs it (export, print). */
static void
ensure_view (XdWindow   *self,
             const char *name)
{
  GtkWidget *view = NULL;
  AdwBin *bin = NULL;

  if (g_strcmp0 (name, "members") == 0 && self->members_view == NULL)
    {
      view = xd_members_view_new ();
      self->members_view = XD_MEMBERS_VIEW (view);
      bin = self->members_bin;
      xd_members_view_set_meeting (self->members_view, self->store, self->meeting_id);
    }
  else if (g_strcmp0 (name, "dossiers") == 0 && self->dossiers_view == NULL)
    {
      view = xd_dossiers_view_new ();
      self->dossiers_view = XD_DOSSIERS_VIEW (view);
      bin = self->dossiers_bin;
      xd_dossiers_view_set_meeting (self->dossiers_view, self->store, self->meeting_id);
    }
  else if (g_strcmp0 (name, "voting") == 0 && self->voting_view == NULL)
    {
      view = xd_voting_view_new ();
      self->voting_view = XD_VOTING_VIEW (view);
      bin = self->voting_bin;
      xd_voting_view_set_meeting (self->voting_view, self->store, self->meeting_id);
    }
  else if (g_strcmp0 (name, "minutes") == 0 && self->minutes_view == NULL)
    {
      view = xd_minutes_view_new ();
      self->minutes_view = XD_MINUTES_VIEW (view);
      bin = self->minutes_bin;
      xd_minutes_view_set_meeting (self->minutes_view, self->store, self->meeting_id);
    }
  if (bin != NULL)
    {
      adw_bin_set_child (bin, view);
      xd_toolkit_fixes_apply_to_tree (view);
    }
}

static void
on_visible_view_changed_cb (XdWindow *self)
{
  ensure_view (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
update_title (XdWindow        *self,
              const XdMeeting *meeting)
{
  adw_window_title_set_title (self->meeting_title, meeting->title);
  adw_window_title_set_subtitle (self->meeting_title, xd_meeting_state_get_label (meeting->state));
  gtk_window_set_title (GTK_WINDOW (self), meeting->title);
}

static void
show_page (XdWindow   *self,
           const char *name)
{
  gboolean meeting = g_str_equal (name, "meeting");

  xd_stack_pages_show (self->stack, name);
  gtk_stack_set_visible_child_name (self->title_stack, meeting ? "meeting" : "list");
  gtk_widget_set_visible (self->back_button, meeting);
  gtk_widget_set_visible (self->meeting_menu_button, meeting);
  gtk_widget_set_visible (self->export_button, meeting);
  gtk_widget_set_visible (self->print_button, meeting);
  gtk_widget_set_visible (self->switcher_box, meeting);
  gtk_widget_set_visible (self->switcher_separator, meeting);
  gtk_widget_set_visible (self->new_meeting_button, !meeting && self->store != NULL);
  if (!meeting)
    gtk_window_set_title (GTK_WINDOW (self), _("Xét duyệt"));
  update_actions (self);
}

static void
reload_meetings (XdWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  GtkWidget *child;

  meetings = xd_store_list_meetings (self->store, &error);
  if (meetings == NULL)
    {
      xd_window_show_message (self, error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list))) != NULL)
    gtk_list_box_remove (self->meetings_list, child);
  for (guint i = 0; i < meetings->len; i++)
    gtk_list_box_append (self->meetings_list,
                         create_meeting_row (g_ptr_array_index (meetings, i)));

  if (self->meeting_id == 0)
    show_page (self, meetings->len > 0 ? "meetings" : "empty");
}

/**
 * xd_window_open_meeting:
 *
 * Shows the views of @meeting_id; 0 goes back to the list of meetings.
 */
void
xd_window_open_meeting (XdWindow *self,
                        gint64    meeting_id)
{
  g_autoptr(XdMeeting) meeting = NULL;

  g_return_if_fail (XD_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  /* What was being typed in the meeting we leave is saved first. */
  xd_autosave_flush_all (GTK_WIDGET (self->stack));

  if (meeting_id != 0 &&
      (meeting = xd_store_get_meeting (self->store, meeting_id, NULL)) == NULL)
    meeting_id = 0;

  show_views_of (self, meeting_id);
  remember_meeting (self);
  if (meeting_id == 0)
    {
      reload_meetings (self);
      show_page (self, gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list)) != NULL
                       ? "meetings" : "empty");
      return;
    }

  update_title (self, meeting);
  show_page (self, "meeting");
}

gint64
xd_window_get_meeting (XdWindow *self)
{
  g_return_val_if_fail (XD_IS_WINDOW (self), 0);

  return self->meeting_id;
}

static void
on_meetings_list_row_activated_cb (GtkListBox    *list,
                                   GtkListBoxRow *row,
                                   XdWindow      *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "meeting-id"));

  xd_window_open_meeting (self, id);
}

static void
on_store_changed_cb (XdStore    *store,
                     const char *entity,
                     gint64      id,
                     XdWindow   *self)
{
  if (g_str_equal (entity, "meeting") || g_str_equal (entity, "*"))
    {
      g_autoptr(XdMeeting) meeting = NULL;

      /* The list is only seen without a meeting open, and opening none
       * reads it again: a meeting's saved field need not rebuild it. */
      if (self->meeting_id == 0)
        {
          reload_meetings (self);
          return;
        }
      meeting = xd_store_get_meeting (self->store, self->meeting_id, NULL);
      if (meeting == NULL)
        xd_window_open_meeting (self, 0);   /* deleted */
      else
        {
          update_title (self, meeting);
          update_actions (self);   /* finalising takes the editing actions away */
        }
    }
}

/* Actions
 * ======= */

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);
  g_autoptr(XdMeeting) meeting = xd_meeting_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) sets = NULL;
  gint64 id;

  g_free (meeting->title);
  meeting->title = g_strdup (_("New meeting"));
  meeting->starts_at = g_date_time_format (now, "%Y-%m-%dT%H:00");

  /* Start from the first shipped criteria set, as most councils do. */
  sets = xd_store_list_criteria_sets (self->store, NULL);
  if (sets != NULL && sets->len > 0)
    meeting->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;

  id = xd_store_add_meeting (self->store, meeting, &error);
  if (id == 0)
    {
      xd_window_show_message (self, error->message);
      return;
    }

  xd_window_open_meeting (self, id);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = xd_store_load_sample (self->store, &error);

  if (id == 0)
    {
      xd_window_show_message (self, error->message);
      return;
    }
  xd_window_open_meeting (self, id);
}

static void
on_meeting_imported_cb (gint64   meeting_id,
                        gpointer user_data)
{
  xd_window_open_meeting (XD_WINDOW (user_data), meeting_id);
}

static void
import_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);

  xd_import_choose_meeting_file (GTK_WINDOW (self), self->store, on_meeting_imported_cb, self);
}

static void
import_dossiers_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);

  xd_import_choose_dossier_files (GTK_WINDOW (self), self->store, self->meeting_id);
}

static void
finalize_meeting_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);

  /* What is typed but not yet saved belongs in the sealed record. */
  xd_autosave_flush_all (GTK_WIDGET (self));
  xd_finalize_confirm (GTK_WINDOW (self), self->store, self->meeting_id);
}

static void
show_meetings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  xd_window_open_meeting (XD_WINDOW (widget), 0);
}

static void
duplicate_meeting_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  xd_autosave_flush_all (GTK_WIDGET (self->stack));
  id = xd_store_duplicate_meeting (self->store, self->meeting_id, &error);
  if (id == 0)
    {
      xd_window_show_message (self, error->message);
      return;
    }
  xd_window_open_meeting (self, id);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  xd_window_show_message (self, _("A copy for next year was created with the same council, "
                                  "rules and criteria."));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       XdWindow         *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "meeting-id"));

  if (!g_str_equal (response, "delete"))
    return;

  if (!xd_store_delete_meeting (self->store, id, &error))
    xd_window_show_message (self, error->message);
  else
    xd_window_open_meeting (self, 0);
}

static void
delete_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);
  g_autoptr(XdMeeting) meeting = xd_store_get_meeting (self->store, self->meeting_id, NULL);
  AdwMessageDialog *dialog;

  if (meeting == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Delete the Meeting?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” will be deleted with its members, dossiers, votes "
                                    "and minutes. This cannot be undone."),
                                  meeting->title);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "meeting-id", GSIZE_TO_POINTER ((gsize) meeting->id));
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_dossier_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "dossiers");
  ensure_view (self, "dossiers");
  xd_dossiers_view_add_dossier (self->dossiers_view);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "dossiers");
  ensure_view (self, "dossiers");
  xd_dossiers_view_focus_search (self->dossiers_view);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);
  int index = g_variant_get_int32 (parameter);

  if (index >= 1 && index <= (int) G_N_ELEMENTS (view_names))
    adw_view_stack_set_visible_child_name (self->view_stack, view_names[index - 1]);
}

static void
export_minutes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);
  XdMinutesFormat format;

  if (xd_minutes_format_from_string (g_variant_get_string (parameter, NULL), &format))
    {
      ensure_view (self, "minutes");
      xd_minutes_view_choose_export_file (self->minutes_view, format);
    }
}

static void
print_minutes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);

  ensure_view (self, "minutes");
  xd_minutes_view_print (self->minutes_view);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_launch_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autofree char *message =
        g_strdup_printf (_("No program could open the file: %s"), error->message);

      xd_window_show_message (self, message);
    }
}
#endif

/* The button of the toast xd_window_show_file_message () shows. */
static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GFile) file = g_file_new_for_uri (uri);
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL,
                              on_launch_done_cb, g_object_ref (widget));
  }
#else
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
#endif
}

/* Overrides
 * ========= */

static gboolean
xd_window_close_request (GtkWindow *window)
{
  XdWindow *self = XD_WINDOW (window);

  /* Nothing typed is lost when the window closes. */
  xd_autosave_flush_all (GTK_WIDGET (self));

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      remember_meeting (self);
    }

  return GTK_WINDOW_CLASS (xd_window_parent_class)->close_request (window);
}

static void
xd_window_constructed (GObject *object)
{
  XdWindow *self = XD_WINDOW (object);

  G_OBJECT_CLASS (xd_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (self->store == NULL)
    {
      adw_status_page_set_description (self->error_page, self->open_error);
      show_page (self, "error");
      gtk_widget_set_visible (self->new_meeting_button, FALSE);
      return;
    }

  {
    g_autofree char *name = g_filename_display_basename (xd_store_get_path (self->store));
    adw_window_title_set_subtitle (self->window_title, name);
  }
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  if (xd_store_is_read_only (self->store))
    xd_window_show_message (self, _("This file can only be read: changes cannot be saved."));

  /* Straight to the meeting remembered, without showing the list first;
   * opening none (0) lists the meetings. */
  xd_window_open_meeting (self, remembered_meeting (self));
}

static void
xd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XdWindow *self = XD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_OPEN_ERROR:
      g_value_set_string (value, self->open_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XdWindow *self = XD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_OPEN_ERROR:
      self->open_error = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_window_dispose (GObject *object)
{
  XdWindow *self = XD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xd_window_parent_class)->dispose (object);
}

static void
xd_window_finalize (GObject *object)
{
  XdWindow *self = XD_WINDOW (object);

  g_clear_pointer (&self->open_error, g_free);

  G_OBJECT_CLASS (xd_window_parent_class)->finalize (object);
}

static void
xd_window_class_init (XdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = xd_window_constructed;
  object_class->get_property = xd_window_get_property;
  object_class->set_property = xd_window_set_property;
  object_class->dispose = xd_window_dispose;
  object_class->finalize = xd_window_finalize;
  window_class->close_request = xd_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, XD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_ERROR] =
    g_param_spec_string ("open-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XD_TYPE_OVERVIEW_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, meeting_title);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, switcher_box);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, switcher_separator);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, new_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, meeting_menu_button);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, overview_view);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, members_bin);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, dossiers_bin);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, voting_bin);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, minutes_bin);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_meetings_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.show-meetings", NULL, show_meetings_action);
  gtk_widget_class_install_action (widget_class, "win.import-meeting", NULL, import_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.import-dossiers", NULL,
                                   import_dossiers_action);
  gtk_widget_class_install_action (widget_class, "win.finalize-meeting", NULL,
                                   finalize_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-meeting", NULL,
                                   duplicate_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.delete-meeting", NULL,
                                   delete_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.new-dossier", NULL, new_dossier_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "i", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.export-minutes", "s",
                                   export_minutes_action);
  gtk_widget_class_install_action (widget_class, "win.print-minutes", NULL, print_minutes_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-dossier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-minutes", NULL);
  for (int i = 1; i <= (int) G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "win.show-view", "i", i);
}

static void
xd_window_init (XdWindow *self)
{
  self->settings = xd_settings_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  xd_stack_pages_hide_all (self->stack);
}

XdWindow *
xd_window_new (GtkApplication *application,
               XdStore        *store,
               const GError   *open_error)
{
  g_return_val_if_fail (store != NULL || open_error != NULL, NULL);

  return g_object_new (XD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "open-error", open_error != NULL ? open_error->message : NULL,
                       NULL);
}

XdStore *
xd_window_get_store (XdWindow *self)
{
  g_return_val_if_fail (XD_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
xd_window_get_page_name (XdWindow *self)
{
  g_return_val_if_fail (XD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
xd_window_get_view_name (XdWindow *self)
{
  g_return_val_if_fail (XD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
xd_window_show_message (XdWindow   *self,
                        const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (XD_IS_WINDOW (self));

  /* A toast's title is markup; the message is plain text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
xd_window_show_file_message (GtkWidget  *widget,
                             const char *message,
                             GFile      *file)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);
  g_return_if_fail (G_IS_FILE (file));

  root = gtk_widget_get_root (widget);
  if (!XD_IS_WINDOW (root))
    {
      g_message ("%s", message);   /* not in a window yet (a view tested alone) */
      return;
    }

  escaped = g_markup_escape_text (message, -1);
  uri = g_file_get_uri (file);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (XD_WINDOW (root)->toast_overlay, toast);
}

void
xd_window_show_error (GtkWidget  *widget,
                      const char *message)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  root = gtk_widget_get_root (widget);
  if (XD_IS_WINDOW (root))
    xd_window_show_message (XD_WINDOW (root), message);
  else
    g_message ("%s", message);   /* not in a window yet (a view tested alone) */
}
