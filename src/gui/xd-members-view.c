/* xd-members-view.c — the council's members, attendance, guests and the
 * live quorum line of one meeting
 *
 * Members are a GListStore of XdMemberItem kept in step with the store by
 * updating items in place (xd_member_items_sync ()), so a row whose reason
 * field is being typed in keeps its widgets and the cursor when the store
 * announces a change.  Every cell is bound to its item's properties and
 * follows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-members-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-autosave.h"
#include "xd-guest-item.h"
#include "xd-member-item.h"
#include "xd-members-view.h"
#include "xd-person-dialog.h"
#include "xd-rules.h"
#include "xd-text.h"
#include "xd-window.h"

struct _XdMembersView
{
  AdwBin parent_instance;

  XdStore *store;
  gint64 meeting_id;
  XdMeeting *meeting;
  GPtrArray *members;          /* XdMember as last read: the quorum counts them */
  gboolean read_only;
  gboolean members_stale;      /* read again when the view is shown */
  gboolean guests_stale;

  GtkSorter *members_by_name;
  GtkSorter *members_by_council_order;
  GtkSorter *guests_by_name;
  GtkSorter *guests_by_entry_order;
  GListStore *guests_store;
  GtkSortListModel *guests_sorted;

  /* Template widgets.  The bin's own child, the page stack, is not bound:
   * gtk_widget_dispose_template () would unparent it behind AdwBin's back. */
  GtkWidget *quorum_box;
  GtkImage *quorum_icon;
  GtkLabel *quorum_label;
  GtkLabel *attendance_summary_label;
  GtkLabel *members_count_label;
  GtkDropDown *sort_dropdown;
  GtkStack *members_stack;
  GtkColumnView *members_view;
  GtkSortListModel *members_sorted;
  GListStore *members_store;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *organisation_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *attendance_column;
  GtkColumnViewColumn *actions_column;
  GtkLabel *guests_count_label;
  GtkListBox *guests_list;
};

G_DEFINE_FINAL_TYPE (XdMembersView, xd_members_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the sort dropdown's items. */
enum {
  SORT_BY_NAME,
  SORT_BY_COUNCIL_ORDER,
};

/* The attendance toggles of a row, left to right.  "Not marked" has no
 * button: it is the state before anyone clicks. */
static const XdAttendance attendance_buttons[] = {
  XD_ATTENDANCE_PRESENT,
  XD_ATTENDANCE_ABSENT,
  XD_ATTENDANCE_EXCUSED,
};

static const char *
attendance_button_label (XdAttendance attendance)
{
  switch (attendance)
    {
    case XD_ATTENDANCE_PRESENT:
      return C_("attendance toggle", "Present");
    case XD_ATTENDANCE_ABSENT:
      return C_("attendance toggle", "Absent");
    case XD_ATTENDANCE_EXCUSED:
      return C_("attendance toggle", "Excused");
    case XD_ATTENDANCE_UNKNOWN:
    default:
      g_return_val_if_reached ("");
    }
}

static GtkWindow *
parent_window (XdMembersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static XdMemberItem *
find_member_item (XdMembersView *self,
                  gint64         member_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members_store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XdMemberItem) item = g_list_model_get_item (G_LIST_MODEL (self->members_store), i);

      if (xd_member_item_get_id (item) == member_id)
        return item;   /* the store keeps its reference */
    }
  return NULL;
}

static XdGuestItem *
find_guest_item (XdMembersView *self,
                 gint64         guest_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->guests_store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XdGuestItem) item = g_list_model_get_item (G_LIST_MODEL (self->guests_store), i);

      if (xd_guest_item_get_id (item) == guest_id)
        return item;
    }
  return NULL;
}

/* Read-only state
 * =============== */

/* The one switch: a read-only file or a finalised meeting makes every
 * editing control insensitive.  Row widgets follow the "read-only"
 * property, buttons follow the actions. */
static void
update_read_only (XdMembersView *self)
{
  gboolean read_only = self->store == NULL ||
                       xd_store_is_read_only (self->store) ||
                       self->meeting == NULL ||
                       self->meeting->state == XD_MEETING_FINALISED;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "members.add-member", !read_only);
  gtk_widget_action_set_enabled (widget, "members.edit-member", !read_only);
  gtk_widget_action_set_enabled (widget, "members.remove-member", !read_only);
  gtk_widget_action_set_enabled (widget, "members.add-guest", !read_only);
  gtk_widget_action_set_enabled (widget, "members.edit-guest", !read_only);
  gtk_widget_action_set_enabled (widget, "members.remove-guest", !read_only);

  if (self->read_only != read_only)
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      /* A field that turns insensitive under the cursor would keep the
       * focus (and a blinking cursor) in GTK 4.8: let go of it first. */
      if (read_only && root != NULL &&
          (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN))
        gtk_root_set_focus (root, NULL);

      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

/* The quorum line
 * =============== */

static void
update_quorum (XdMembersView *self)
{
  XdRule rule = XD_RULE_INIT_DEFAULT;
  g_autofree char *line = NULL;
  g_autofree char *summary = NULL;
  int present = 0, total = 0, absent = 0, excused = 0, unmarked = 0;

  if (self->members == NULL)
    return;

  if (self->meeting != NULL && xd_rule_is_valid (&self->meeting->rule))
    rule = self->meeting->rule;

  xd_members_count_quorum (self->members, &present, &total);
  for (guint i = 0; i < self->members->len; i++)
    {
      const XdMember *m = g_ptr_array_index (self->members, i);

      if (!m->voting)
        continue;
      switch (m->attendance)
        {
        case XD_ATTENDANCE_ABSENT:
          absent++;
          break;
        case XD_ATTENDANCE_EXCUSED:
          excused++;
          break;
        case XD_ATTENDANCE_UNKNOWN:
          unmarked++;
          break;
        case XD_ATTENDANCE_PRESENT:
        default:
          break;
        }
    }

  line = xd_rules_describe_quorum (&rule, present, total);
  gtk_label_set_text (self->quorum_label, line);

  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_icon), "dim-label");
  if (total == 0)
    {
      gtk_image_set_from_icon_name (self->quorum_icon, "dialog-information-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->quorum_icon), "dim-label");
      summary = g_strdup (_("Only voting members count towards the quorum. Edit a member to give them a vote."));
    }
  else
    {
      if (xd_rules_quorum_met (&rule, present, total))
        {
          gtk_image_set_from_icon_name (self->quorum_icon, "emblem-ok-symbolic");
          gtk_widget_add_css_class (GTK_WIDGET (self->quorum_icon), "success");
        }
      else
        {
          gtk_image_set_from_icon_name (self->quorum_icon, "dialog-warning-symbolic");
          gtk_widget_add_css_class (GTK_WIDGET (self->quorum_icon), "warning");
        }
      summary = g_strdup_printf (_("Absent: %d · Absent with leave: %d · Not marked yet: %d"),
                                 absent, excused, unmarked);
    }
  gtk_label_set_text (self->attendance_summary_label, summary);
}

/* Loading
 * ======= */

static GtkSorter *
current_members_sorter (XdMembersView *self)
{
  return gtk_drop_down_get_selected (self->sort_dropdown) == SORT_BY_COUNCIL_ORDER
           ? self->members_by_council_order : self->members_by_name;
}

static GtkSorter *
current_guests_sorter (XdMembersView *self)
{
  return gtk_drop_down_get_selected (self->sort_dropdown) == SORT_BY_COUNCIL_ORDER
           ? self->guests_by_entry_order : self->guests_by_name;
}

static void
reload_members (XdMembersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GPtrArray *members;

  members = xd_store_list_members (self->store, self->meeting_id, &error);
  if (members == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  if (xd_member_items_sync (self->members_store, members))
    gtk_sorter_changed (current_members_sorter (self), GTK_SORTER_CHANGE_DIFFERENT);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = members;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", members->len),
                           members->len);
  gtk_label_set_text (self->members_count_label, members->len > 0 ? count : "");
  gtk_stack_set_visible_child_name (self->members_stack, members->len > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->quorum_box, members->len > 0);
  update_quorum (self);
}

static void
reload_guests (XdMembersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autofree char *count = NULL;

  guests = xd_store_list_guests (self->store, self->meeting_id, &error);
  if (guests == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  if (xd_guest_items_sync (self->guests_store, guests))
    gtk_sorter_changed (current_guests_sorter (self), GTK_SORTER_CHANGE_DIFFERENT);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u guest", "%u guests", guests->len),
                           guests->len);
  gtk_label_set_text (self->guests_count_label, guests->len > 0 ? count : "");
}

/* FALSE when the meeting is gone: the view then shows nothing. */
static gboolean
reload_meeting (XdMembersView *self)
{
  g_autoptr(GError) error = NULL;
  XdMeeting *meeting;

  meeting = xd_store_get_meeting (self->store, self->meeting_id, &error);
  if (meeting == NULL)
    {
      if (!g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND))
        xd_window_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  g_clear_pointer (&self->meeting, xd_meeting_free);
  self->meeting = meeting;
  update_read_only (self);
  update_quorum (self);
  return TRUE;
}

/* Building the members' rows is most of what opening a meeting would
 * otherwise spend on this view before the window's first frame: while the
 * view is not shown (another tab of the window) the lists are only marked
 * stale, and map () reads them, as the Voting view does. */
static void
reload_members_when_shown (XdMembersView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->members_stale = FALSE;
      reload_members (self);
    }
  else
    self->members_stale = TRUE;
}

static void
reload_guests_when_shown (XdMembersView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->guests_stale = FALSE;
      reload_guests (self);
    }
  else
    self->guests_stale = TRUE;
}

static void
on_store_changed_cb (XdStore       *store,
                     const char    *entity,
                     gint64         id,
                     XdMembersView *self)
{
  if (g_str_equal (entity, "*"))
    {
      if (!reload_meeting (self))
        {
          xd_members_view_set_meeting (self, NULL, 0);
          return;
        }
      reload_members_when_shown (self);
      reload_guests_when_shown (self);
    }
  else if (g_str_equal (entity, "meeting"))
    {
      if ((id == self->meeting_id || id == 0) && !reload_meeting (self))
        xd_members_view_set_meeting (self, NULL, 0);
    }
  else if (g_str_equal (entity, "member"))
    reload_members_when_shown (self);
  else if (g_str_equal (entity, "guest"))
    reload_guests_when_shown (self);
}

static void
on_sort_selected_cb (XdMembersView *self)
{
  gtk_sort_list_model_set_sorter (self->members_sorted, current_members_sorter (self));
  gtk_sort_list_model_set_sorter (self->guests_sorted, current_guests_sorter (self));
}

/* Actions
 * ======= */

static void
present_person_dialog (XdMembersView  *self,
                       XdPersonDialog *dialog,
                       GError         *error)
{
  if (dialog == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XdMembersView *self = XD_MEMBERS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  present_person_dialog (self,
                         xd_person_dialog_new_member (parent_window (self), self->store,
                                                      self->meeting_id, 0, &error),
                         error);
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XdMembersView *self = XD_MEMBERS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  present_person_dialog (self,
                         xd_person_dialog_new_member (parent_window (self), self->store,
                                                      self->meeting_id,
                                                      g_variant_get_int64 (parameter), &error),
                         error);
}

static void
add_guest_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XdMembersView *self = XD_MEMBERS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  present_person_dialog (self,
                         xd_person_dialog_new_guest (parent_window (self), self->store,
                                                     self->meeting_id, 0, &error),
                         error);
}

static void
edit_guest_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XdMembersView *self = XD_MEMBERS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  present_person_dialog (self,
                         xd_person_dialog_new_guest (parent_window (self), self->store,
                                                     self->meeting_id,
                                                     g_variant_get_int64 (parameter), &error),
                         error);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       XdMembersView    *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "xd-id");
  gboolean guest = g_object_get_data (G_OBJECT (dialog), "xd-guest") != NULL;
  gboolean removed;

  if (!g_str_equal (response, "remove") || self->store == NULL)
    return;

  /* The store refuses to remove a member who has voted, and says why. */
  removed = guest ? xd_store_delete_guest (self->store, id, &error)
                  : xd_store_delete_member (self->store, id, &error);
  if (!removed)
    xd_window_show_error (GTK_WIDGET (self), error->message);
}

static void
confirm_remove (XdMembersView *self,
                gint64         id,
                const char    *name,
                gboolean       guest)
{
  g_autofree char *heading = g_strdup_printf (_("Remove %s?"), name);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   guest
                                   ? _("The guest will no longer be listed in the minutes of this meeting.")
                                   : _("The member will no longer be listed in the council of this meeting, its attendance or its minutes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "xd-id", g_memdup2 (&id, sizeof id), g_free);
  if (guest)
    g_object_set_data (G_OBJECT (dialog), "xd-guest", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XdMembersView *self = XD_MEMBERS_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  XdMemberItem *item = find_member_item (self, id);

  if (item == NULL)
    return;
  confirm_remove (self, id, xd_member_item_get_full_name (item), FALSE);
}

static void
remove_guest_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XdMembersView *self = XD_MEMBERS_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  XdGuestItem *item = find_guest_item (self, id);

  if (item == NULL)
    return;
  confirm_remove (self, id, xd_guest_item_get_full_name (item), TRUE);
}

static void
on_member_activate_cb (GtkColumnView *view,
                       guint          position,
                       XdMembersView *self)
{
  g_autoptr(XdMemberItem) item = g_list_model_get_item (G_LIST_MODEL (self->members_sorted), position);

  if (item != NULL && !self->read_only)
    gtk_widget_activate_action (GTK_WIDGET (self), "members.edit-member", "x",
                                xd_member_item_get_id (item));
}

static void
on_guest_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       XdMembersView *self)
{
  g_autoptr(XdGuestItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->guests_sorted), gtk_list_box_row_get_index (row));

  if (item != NULL && !self->read_only)
    gtk_widget_activate_action (GTK_WIDGET (self), "members.edit-guest", "x",
                                xd_guest_item_get_id (item));
}

/* Cells
 * ===== */

static GtkExpression *
item_property (const char *property)
{
  return gtk_property_expression_new (XD_TYPE_MEMBER_ITEM,
                                      gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                      property);
}

/* An empty tooltip would still pop up an empty bubble. */
static char *
tooltip_or_null (gpointer    this,
                 const char *text,
                 gpointer    user_data)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static gboolean
invert_boolean (gpointer this,
                gboolean value,
                gpointer user_data)
{
  return !value;
}

static void
keep_insensitive_while_read_only (XdMembersView *self,
                                  GtkWidget     *widget)
{
  g_object_bind_property (self, "read-only", widget, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
}

static GtkWidget *
text_label_new (GtkListItem *list_item,
                const char  *property)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *text = item_property (property);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_expression_bind (gtk_expression_ref (text), label, "label", list_item);
  /* Long titles are cut short: the whole text is one hover away. */
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &text,
                                                    G_CALLBACK (tooltip_or_null), NULL, NULL),
                       label, "tooltip-text", list_item);
  return label;
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               XdMembersView            *self)
{
  GtkWidget *label = text_label_new (list_item, "full-name");

  gtk_widget_set_name (label, "member-name");
  gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (list_item, label);
}

/* Titles and organisations run long ("Bí thư Thành ủy, Chủ tịch HĐND
 * thành phố"): two lines fit in a row's height. */
static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const char               *property)
{
  GtkWidget *label = text_label_new (list_item, property);

  gtk_label_set_single_line_mode (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_list_item_set_child (list_item, label);
}

static void
setup_role_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               XdMembersView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *role = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (_("No vote"));
  GtkExpression *voting = item_property ("voting");

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_expression_bind (item_property ("role-label"), role, "label", list_item);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_set_tooltip_text (note, _("Does not count towards the quorum and does not vote"));
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 1, &voting,
                                                    G_CALLBACK (invert_boolean), NULL, NULL),
                       note, "visible", list_item);

  gtk_box_append (GTK_BOX (box), role);
  gtk_box_append (GTK_BOX (box), note);
  gtk_list_item_set_child (list_item, box);
}

/* Attendance toggles: "xd-syncing" is set while the buttons are made to
 * show the item's state, so that does not count as a click. */
static void
sync_attendance_buttons (GtkWidget    *box,
                         XdAttendance  attendance)
{
  g_object_set_data (G_OBJECT (box), "xd-syncing", GINT_TO_POINTER (TRUE));
  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      XdAttendance own = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "xd-attendance"));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), own == attendance);
    }
  g_object_set_data (G_OBJECT (box), "xd-syncing", NULL);
}

static void
on_item_attendance_cb (XdMemberItem *item,
                       GParamSpec   *pspec,
                       GtkWidget    *box)
{
  sync_attendance_buttons (box, xd_member_item_get_attendance (item));
}

static void
on_attendance_toggled_cb (GtkToggleButton *button,
                          XdMembersView   *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (box), "xd-list-item");
  XdMemberItem *item = gtk_list_item_get_item (list_item);
  XdAttendance attendance = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "xd-attendance"));
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (box), "xd-syncing") != NULL ||
      !gtk_toggle_button_get_active (button) ||
      item == NULL || self->store == NULL ||
      xd_member_item_get_attendance (item) == attendance)
    return;

  /* Absent ⇄ excused keeps the reason already typed; present drops it. */
  if (!xd_store_set_attendance (self->store, xd_member_item_get_id (item), attendance,
                                xd_member_item_get_absence_reason (item), &error))
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      sync_attendance_buttons (box, xd_member_item_get_attendance (item));
    }
}

/* The reason for an absence saves itself like every text field. */
static gboolean
save_reason (GtkWidget  *entry,
             const char *text,
             gpointer    user_data)
{
  XdMembersView *self = user_data;
  GtkListItem *list_item = g_object_get_data (G_OBJECT (entry), "xd-list-item");
  XdMemberItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *reason = xd_text_normalize (text);
  g_autoptr(GError) error = NULL;

  if (item == NULL || self->store == NULL ||
      g_strcmp0 (reason, xd_member_item_get_absence_reason (item)) == 0)
    return TRUE;

  if (!xd_store_set_attendance (self->store, xd_member_item_get_id (item),
                                xd_member_item_get_attendance (item), reason, &error))
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_item_reason_cb (XdMemberItem *item,
                   GParamSpec   *pspec,
                   GtkWidget    *entry)
{
  /* Never replace what the user is typing: their text wins and is saved. */
  if (gtk_widget_get_state_flags (entry) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)),
                 xd_member_item_get_absence_reason (item)) != 0)
    xd_autosave_set_text (entry, xd_member_item_get_absence_reason (item));
}

static GtkWidget *
attendance_toggles_new (GtkListItem   *list_item,
                        XdMembersView *self)
{
  static const char *names[] = { "attendance-present", "attendance-absent", "attendance-excused" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *first = NULL;

  gtk_widget_add_css_class (box, "linked");
  g_object_set_data (G_OBJECT (box), "xd-list-item", list_item);

  for (guint i = 0; i < G_N_ELEMENTS (attendance_buttons); i++)
    {
      XdAttendance attendance = attendance_buttons[i];
      GtkWidget *button = gtk_toggle_button_new_with_label (attendance_button_label (attendance));

      gtk_widget_set_name (button, names[i]);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_set_tooltip_text (button, xd_attendance_get_label (attendance));
      g_object_set_data (G_OBJECT (button), "xd-attendance", GINT_TO_POINTER (attendance));
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      g_signal_connect (button, "toggled", G_CALLBACK (on_attendance_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static GtkWidget *
reason_entry_new (GtkListItem   *list_item,
                  XdMembersView *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for absence"));
  gtk_widget_set_name (entry, "absence-reason");
  g_object_set_data (G_OBJECT (entry), "xd-list-item", list_item);
  xd_autosave_attach (entry, save_reason, self);
  /* Only someone who is not there has a reason to give: the field appears
   * under the choice that asks for it. */
  gtk_expression_bind (item_property ("absent"), entry, "visible", list_item);
  return entry;
}

/* The attendance cell: three toggles, and under them the reason for an
 * absence when there is one to give. */
static void
setup_attendance_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     XdMembersView            *self)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (cell, 3);
  gtk_widget_set_margin_bottom (cell, 3);
  gtk_box_append (GTK_BOX (cell), attendance_toggles_new (list_item, self));
  gtk_box_append (GTK_BOX (cell), reason_entry_new (list_item, self));
  keep_insensitive_while_read_only (self, cell);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_attendance_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    XdMembersView            *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GtkWidget *toggles = gtk_widget_get_first_child (cell);
  GtkWidget *entry = gtk_widget_get_last_child (cell);
  XdMemberItem *item = gtk_list_item_get_item (list_item);
  const char *name = xd_member_item_get_full_name (item);
  g_autofree char *label = g_strdup_printf (_("Reason for the absence of %s"), name);

  sync_attendance_buttons (toggles, xd_member_item_get_attendance (item));
  g_signal_connect_object (item, "notify::attendance", G_CALLBACK (on_item_attendance_cb),
                           toggles, 0);

  xd_autosave_set_text (entry, xd_member_item_get_absence_reason (item));
  g_signal_connect_object (item, "notify::absence-reason", G_CALLBACK (on_item_reason_cb),
                           entry, 0);
  g_signal_connect_object (item, "notify::attendance", G_CALLBACK (on_item_reason_cb),
                           entry, 0);

  /* Screen readers hear whose attendance each control sets. */
  for (GtkWidget *child = gtk_widget_get_first_child (toggles);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name,
                                    -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
unbind_attendance_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      XdMembersView            *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  XdMemberItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return;
  g_signal_handlers_disconnect_by_data (item, gtk_widget_get_first_child (cell));
  g_signal_handlers_disconnect_by_data (item, gtk_widget_get_last_child (cell));
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The target before the action name: a parameterised action without its
 * target would be an error.  @label (taken) names whose row the button
 * acts on, for screen readers. */
static void
set_button_action (GtkWidget  *button,
                   const char *action_name,
                   gint64      id,
                   char       *label)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
}

static void
setup_actions_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  XdMembersView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), icon_button_new ("document-edit-symbolic", _("Edit Member")));
  gtk_box_append (GTK_BOX (box), icon_button_new ("user-trash-symbolic", _("Remove Member")));
  gtk_list_item_set_child (list_item, box);
}

static void
bind_actions_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 XdMembersView            *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  XdMemberItem *item = gtk_list_item_get_item (list_item);
  gint64 id = xd_member_item_get_id (item);
  const char *name = xd_member_item_get_full_name (item);
  GtkWidget *edit = gtk_widget_get_first_child (box);
  GtkWidget *remove = gtk_widget_get_next_sibling (edit);

  set_button_action (edit, "members.edit-member", id, g_strdup_printf (_("Edit %s"), name));
  set_button_action (remove, "members.remove-member", id, g_strdup_printf (_("Remove %s"), name));
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             GCallback            unbind,
             gpointer             data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, data);
  if (bind != NULL)
    g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);
  gtk_column_view_column_set_factory (column, factory);
}

/* Guests
 * ====== */

static GtkWidget *
create_guest_row (gpointer item,
                  gpointer user_data)
{
  XdMembersView *self = user_data;
  XdGuestItem *guest = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = icon_button_new ("document-edit-symbolic", _("Edit Guest"));
  GtkWidget *remove = icon_button_new ("user-trash-symbolic", _("Remove Guest"));

  /* Names are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (guest, "full-name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (guest, "description", row, "subtitle", G_BINDING_SYNC_CREATE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "guest-row");

  set_button_action (edit, "members.edit-guest", xd_guest_item_get_id (guest),
                     g_strdup_printf (_("Edit %s"), xd_guest_item_get_full_name (guest)));
  set_button_action (remove, "members.remove-guest", xd_guest_item_get_id (guest),
                     g_strdup_printf (_("Remove %s"), xd_guest_item_get_full_name (guest)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_bind_property (self, "read-only", row, "activatable",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  return row;
}

/* GObject
 * ======= */

static void
xd_members_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XdMembersView *self = XD_MEMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_members_view_dispose (GObject *object)
{
  XdMembersView *self = XD_MEMBERS_VIEW (object);

  /* A reason typed a moment ago is saved before the store goes. */
  xd_autosave_flush_all (GTK_WIDGET (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_MEMBERS_VIEW);

  g_clear_object (&self->store);
  g_clear_object (&self->members_by_name);
  g_clear_object (&self->members_by_council_order);
  g_clear_object (&self->guests_by_name);
  g_clear_object (&self->guests_by_entry_order);
  g_clear_object (&self->guests_sorted);
  g_clear_object (&self->guests_store);
  g_clear_pointer (&self->meeting, xd_meeting_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (xd_members_view_parent_class)->dispose (object);
}

static void
xd_members_view_map (GtkWidget *widget)
{
  XdMembersView *self = XD_MEMBERS_VIEW (widget);

  GTK_WIDGET_CLASS (xd_members_view_parent_class)->map (widget);

  if (self->store == NULL)
    return;
  if (self->members_stale)
    reload_members_when_shown (self);
  if (self->guests_stale)
    reload_guests_when_shown (self);
}

static void
xd_members_view_class_init (XdMembersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xd_members_view_get_property;
  object_class->dispose = xd_members_view_dispose;
  widget_class->map = xd_members_view_map;

  /* TRUE when nothing can be changed: a read-only file, a finalised
   * meeting, or no meeting at all.  Row widgets follow it. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names the item type of its list store. */
  g_type_ensure (XD_TYPE_MEMBER_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-members-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, quorum_box);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, quorum_icon);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, attendance_summary_label);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, members_count_label);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, members_stack);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, members_view);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, members_sorted);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, members_store);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, title_column);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, organisation_column);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, role_column);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, attendance_column);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, actions_column);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, guests_count_label);
  gtk_widget_class_bind_template_child (widget_class, XdMembersView, guests_list);

  gtk_widget_class_install_action (widget_class, "members.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "members.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "members.remove-member", "x", remove_member_action);
  gtk_widget_class_install_action (widget_class, "members.add-guest", NULL, add_guest_action);
  gtk_widget_class_install_action (widget_class, "members.edit-guest", "x", edit_guest_action);
  gtk_widget_class_install_action (widget_class, "members.remove-guest", "x", remove_guest_action);
}

static void
xd_members_view_init (XdMembersView *self)
{
  GtkWidget *placeholder;

  self->read_only = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->members_by_name =
    GTK_SORTER (gtk_custom_sorter_new (xd_member_item_compare_by_name, NULL, NULL));
  self->members_by_council_order =
    GTK_SORTER (gtk_custom_sorter_new (xd_member_item_compare_by_council_order, NULL, NULL));
  self->guests_by_name =
    GTK_SORTER (gtk_custom_sorter_new (xd_guest_item_compare_by_name, NULL, NULL));
  self->guests_by_entry_order =
    GTK_SORTER (gtk_custom_sorter_new (xd_guest_item_compare_by_entry_order, NULL, NULL));

  self->guests_store = g_list_store_new (XD_TYPE_GUEST_ITEM);
  self->guests_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->guests_store)),
                                                 NULL);
  gtk_list_box_bind_model (self->guests_list, G_LIST_MODEL (self->guests_sorted),
                           create_guest_row, self, NULL);
  g_signal_connect (self->guests_list, "row-activated", G_CALLBACK (on_guest_activated_cb), self);

  placeholder = gtk_label_new (_("No guests. Add the people invited to attend without a vote; "
                                 "the minutes list them after the council."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 18);
  gtk_widget_set_margin_end (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->guests_list, placeholder);

  set_factory (self->name_column, G_CALLBACK (setup_name_cb), NULL, NULL, self);
  set_factory (self->title_column, G_CALLBACK (setup_text_cb), NULL, NULL, (gpointer) "title");
  set_factory (self->organisation_column, G_CALLBACK (setup_text_cb), NULL, NULL,
               (gpointer) "organisation");
  set_factory (self->role_column, G_CALLBACK (setup_role_cb), NULL, NULL, self);
  set_factory (self->attendance_column, G_CALLBACK (setup_attendance_cb),
               G_CALLBACK (bind_attendance_cb), G_CALLBACK (unbind_attendance_cb), self);
  set_factory (self->actions_column, G_CALLBACK (setup_actions_cb),
               G_CALLBACK (bind_actions_cb), NULL, self);
  g_signal_connect (self->members_view, "activate", G_CALLBACK (on_member_activate_cb), self);

  g_signal_connect_swapped (self->sort_dropdown, "notify::selected",
                            G_CALLBACK (on_sort_selected_cb), self);
  on_sort_selected_cb (self);

  update_read_only (self);
}

GtkWidget *
xd_members_view_new (void)
{
  return g_object_new (XD_TYPE_MEMBERS_VIEW, NULL);
}

void
xd_members_view_set_meeting (XdMembersView *self,
                             XdStore       *store,
                             gint64         meeting_id)
{
  g_return_if_fail (XD_IS_MEMBERS_VIEW (self));
  g_return_if_fail (store == NULL || XD_IS_STORE (store));

  /* What was typed for the previous meeting goes to the previous meeting. */
  xd_autosave_flush_all (GTK_WIDGET (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->meeting_id = store != NULL ? meeting_id : 0;
  g_clear_pointer (&self->meeting, xd_meeting_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_list_store_remove_all (self->members_store);
  g_list_store_remove_all (self->guests_store);
  self->members_stale = self->guests_stale = FALSE;

  if (self->store == NULL || self->meeting_id == 0 || !reload_meeting (self))
    {
      g_clear_object (&self->store);
      self->meeting_id = 0;
      gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), "none");
      update_read_only (self);
      return;
    }

  g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload_members_when_shown (self);
  reload_guests_when_shown (self);
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), "meeting");
}
