/* xd-person-dialog.c — add or edit a council member or a guest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-person-dialog.h"
#include "xd-text.h"

struct _XdPersonDialog
{
  AdwWindow parent_instance;

  XdStore *store;
  gint64 meeting_id;
  gint64 id;                 /* the member or guest edited, 0 when adding */
  gboolean guest;
  gboolean voting_touched;   /* the user set the switch: roles leave it alone */
  gboolean loading;
  char *error_message;

  /* Template widgets */
  GtkButton *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *title_row;
  AdwEntryRow *organisation_row;
  AdwPreferencesGroup *council_group;
  AdwComboRow *role_row;
  GtkSwitch *voting_switch;
};

G_DEFINE_FINAL_TYPE (XdPersonDialog, xd_person_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The role dropdown lists roles in council order, which is their enum order. */
static const XdRole roles[] = { XD_ROLE_CHAIR, XD_ROLE_DEPUTY, XD_ROLE_MEMBER, XD_ROLE_SECRETARY };

static char *
field_text (AdwEntryRow *row)
{
  return xd_text_normalize (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
show_error (XdPersonDialog *self,
            const char     *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

static void
clear_error (XdPersonDialog *self)
{
  g_clear_pointer (&self->error_message, g_free);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* New people go to the end of the council's (or the guests') own order. */
static int
next_position (XdPersonDialog *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  int next = 0;

  if (self->guest)
    {
      rows = xd_store_list_guests (self->store, self->meeting_id, NULL);
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        next = MAX (next, ((XdGuest *) g_ptr_array_index (rows, i))->position + 1);
    }
  else
    {
      rows = xd_store_list_members (self->store, self->meeting_id, NULL);
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        next = MAX (next, ((XdMember *) g_ptr_array_index (rows, i))->position + 1);
    }

  return next;
}

static XdRole
selected_role (XdPersonDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected < G_N_ELEMENTS (roles) ? roles[selected] : XD_ROLE_MEMBER;
}

static XdGuest *
find_guest (XdStore  *store,
            gint64    meeting_id,
            gint64    guest_id,
            GError  **error)
{
  g_autoptr(GPtrArray) guests = xd_store_list_guests (store, meeting_id, error);

  if (guests == NULL)
    return NULL;
  for (guint i = 0; i < guests->len; i++)
    if (((XdGuest *) g_ptr_array_index (guests, i))->id == guest_id)
      return g_ptr_array_steal_index (guests, i);

  g_set_error_literal (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
                       _("The guest no longer exists. They may have been removed."));
  return NULL;
}

static gint64
save_member (XdPersonDialog  *self,
             GError         **error)
{
  g_autoptr(XdMember) member = NULL;

  if (self->id != 0)
    {
      /* Read again: attendance may have changed while the dialog was open. */
      member = xd_store_get_member (self->store, self->id, error);
      if (member == NULL)
        return 0;
    }
  else
    {
      member = xd_member_new ();
      member->meeting_id = self->meeting_id;
      member->position = next_position (self);
    }

  g_free (member->full_name);
  member->full_name = field_text (self->name_row);
  g_free (member->title);
  member->title = field_text (self->title_row);
  g_free (member->organisation);
  member->organisation = field_text (self->organisation_row);
  member->role = selected_role (self);
  member->voting = gtk_switch_get_active (self->voting_switch);

  if (self->id != 0)
    return xd_store_update_member (self->store, member, error) ? self->id : 0;
  return xd_store_add_member (self->store, member, error);
}

static gint64
save_guest (XdPersonDialog  *self,
            GError         **error)
{
  g_autoptr(XdGuest) guest = NULL;

  if (self->id != 0)
    {
      guest = find_guest (self->store, self->meeting_id, self->id, error);
      if (guest == NULL)
        return 0;
    }
  else
    {
      guest = xd_guest_new ();
      guest->meeting_id = self->meeting_id;
      guest->position = next_position (self);
    }

  g_free (guest->full_name);
  guest->full_name = field_text (self->name_row);
  g_free (guest->title);
  guest->title = field_text (self->title_row);
  g_free (guest->organisation);
  guest->organisation = field_text (self->organisation_row);

  if (self->id != 0)
    return xd_store_update_guest (self->store, guest, error) ? self->id : 0;
  return xd_store_add_guest (self->store, guest, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XdPersonDialog *self = XD_PERSON_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = field_text (self->name_row);
  gint64 id;

  clear_error (self);

  id = self->guest ? save_guest (self, &error) : save_member (self, &error);
  if (id == 0)
    {
      /* The store says what is wrong; the dialog keeps every field as typed
       * so the user only fixes that. */
      show_error (self, error->message);
      if (*name == '\0')
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
        }
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_role_selected_cb (XdPersonDialog *self)
{
  /* Secretaries usually keep the minutes without a vote; suggest it, but
   * never undo what the user chose. */
  if (self->loading || self->voting_touched)
    return;

  self->loading = TRUE;
  gtk_switch_set_active (self->voting_switch, selected_role (self) != XD_ROLE_SECRETARY);
  self->loading = FALSE;
}

static void
on_voting_active_cb (XdPersonDialog *self)
{
  if (!self->loading)
    self->voting_touched = TRUE;
}

static void
xd_person_dialog_dispose (GObject *object)
{
  XdPersonDialog *self = XD_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_PERSON_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xd_person_dialog_parent_class)->dispose (object);
}

static void
xd_person_dialog_finalize (GObject *object)
{
  XdPersonDialog *self = XD_PERSON_DIALOG (object);

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (xd_person_dialog_parent_class)->finalize (object);
}

static void
xd_person_dialog_class_init (XdPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xd_person_dialog_dispose;
  object_class->finalize = xd_person_dialog_finalize;

  /**
   * XdPersonDialog::saved:
   * @id: the member or guest written
   *
   * Emitted after the store accepted the change, just before closing.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, council_group);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, XdPersonDialog, voting_switch);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "person.save", NULL);
}

static void
xd_person_dialog_init (XdPersonDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (labels, xd_role_get_label (roles[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (labels));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  g_signal_connect_swapped (self->role_row, "notify::selected",
                            G_CALLBACK (on_role_selected_cb), self);
  g_signal_connect_swapped (self->voting_switch, "notify::active",
                            G_CALLBACK (on_voting_active_cb), self);
}

static XdPersonDialog *
create (GtkWindow *parent,
        XdStore   *store,
        gint64     meeting_id,
        gint64     id,
        gboolean   guest)
{
  XdPersonDialog *self = g_object_new (XD_TYPE_PERSON_DIALOG,
                                       "transient-for", parent,
                                       NULL);

  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  self->id = id;
  self->guest = guest;
  gtk_widget_set_visible (GTK_WIDGET (self->council_group), !guest);

  return self;
}

static void
set_fields (XdPersonDialog *self,
            const char     *name,
            const char     *title,
            const char     *organisation)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation);
}

XdPersonDialog *
xd_person_dialog_new_member (GtkWindow  *parent,
                             XdStore    *store,
                             gint64      meeting_id,
                             gint64      member_id,
                             GError    **error)
{
  g_autoptr(XdMember) member = NULL;
  XdPersonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XD_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id > 0, NULL);

  if (member_id != 0)
    {
      member = xd_store_get_member (store, member_id, error);
      if (member == NULL)
        return NULL;
    }

  self = create (parent, store, meeting_id, member_id, FALSE);
  self->loading = TRUE;
  if (member != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Member"));
      set_fields (self, member->full_name, member->title, member->organisation);
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (roles[i] == member->role)
          adw_combo_row_set_selected (self->role_row, i);
      gtk_switch_set_active (self->voting_switch, member->voting);
      /* An existing member's vote is deliberate: a role change keeps it. */
      self->voting_touched = TRUE;
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Member"));
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (roles[i] == XD_ROLE_MEMBER)
          adw_combo_row_set_selected (self->role_row, i);
      gtk_switch_set_active (self->voting_switch, TRUE);
    }
  self->loading = FALSE;

  return self;
}

XdPersonDialog *
xd_person_dialog_new_guest (GtkWindow  *parent,
                            XdStore    *store,
                            gint64      meeting_id,
                            gint64      guest_id,
                            GError    **error)
{
  g_autoptr(XdGuest) guest = NULL;
  XdPersonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XD_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id > 0, NULL);

  if (guest_id != 0)
    {
      guest = find_guest (store, meeting_id, guest_id, error);
      if (guest == NULL)
        return NULL;
    }

  self = create (parent, store, meeting_id, guest_id, TRUE);
  if (guest != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Guest"));
      set_fields (self, guest->full_name, guest->title, guest->organisation);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Add Guest"));

  return self;
}

const char *
xd_person_dialog_get_error (XdPersonDialog *self)
{
  g_return_val_if_fail (XD_IS_PERSON_DIALOG (self), NULL);

  return self->error_message;
}
