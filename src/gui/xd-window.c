/* xd-window.c — a window on one database: the list of its meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-format.h"
#include "xd-window.h"

struct _XdWindow
{
  AdwApplicationWindow parent_instance;

  XdStore *store;
  char *open_error;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkListBox *meetings_list;
};

G_DEFINE_FINAL_TYPE (XdWindow, xd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OPEN_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_meeting_row (XdMeeting *meeting)
{
  g_autofree char *title = g_markup_escape_text (meeting->title, -1);
  g_autofree char *date = xd_format_date_ui (meeting->starts_at);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *subtitle_markup = NULL;
  GtkWidget *row;
  GtkWidget *state;

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
  gtk_widget_add_css_class (row, "meeting-row");

  state = gtk_label_new (xd_meeting_state_get_label (meeting->state));
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_add_css_class (state, "state");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  return row;
}

static void
xd_window_reload (XdWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  GtkWidget *child;

  if (self->store == NULL)
    {
      adw_status_page_set_description (self->error_page, self->open_error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-meeting", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", FALSE);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-meeting",
                                 !xd_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample",
                                 !xd_store_is_read_only (self->store));

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

  gtk_stack_set_visible_child_name (self->stack, meetings->len > 0 ? "meetings" : "empty");
}

static void
on_store_changed_cb (XdStore    *store,
                     const char *entity,
                     gint64      id,
                     XdWindow   *self)
{
  xd_window_reload (self);
}

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

  g_free (meeting->title);
  meeting->title = g_strdup (_("New meeting"));
  meeting->starts_at = g_date_time_format (now, "%Y-%m-%dT%H:00");

  /* Start from the first shipped criteria set, as most councils do. */
  sets = xd_store_list_criteria_sets (self->store, NULL);
  if (sets != NULL && sets->len > 0)
    meeting->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;

  if (xd_store_add_meeting (self->store, meeting, &error) == 0)
    xd_window_show_message (self, error->message);
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XdWindow *self = XD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (xd_store_load_sample (self->store, &error) == 0)
    xd_window_show_message (self, error->message);
  else
    xd_window_show_message (self, _("The sample meeting was added."));
}

static void
xd_window_constructed (GObject *object)
{
  XdWindow *self = XD_WINDOW (object);

  G_OBJECT_CLASS (xd_window_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      g_autofree char *name = g_filename_display_basename (xd_store_get_path (self->store));

      adw_window_title_set_subtitle (self->window_title, name);
      g_signal_connect_object (self->store, "changed",
                               G_CALLBACK (on_store_changed_cb), self, 0);
      if (xd_store_is_read_only (self->store))
        xd_window_show_message (self, _("This file can only be read: changes cannot be saved."));
    }

  xd_window_reload (self);
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

  object_class->constructed = xd_window_constructed;
  object_class->get_property = xd_window_get_property;
  object_class->set_property = xd_window_set_property;
  object_class->dispose = xd_window_dispose;
  object_class->finalize = xd_window_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, XD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_ERROR] =
    g_param_spec_string ("open-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, XdWindow, meetings_list);

  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-meeting", NULL);
}

static void
xd_window_init (XdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
