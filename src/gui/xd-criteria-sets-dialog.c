/* xd-criteria-sets-dialog.c — create, edit, copy and delete criteria sets
 *
 * The sets are listed on the left, the chosen one is edited on the right.
 * A shipped preset is shown as it is and cannot be changed (the store
 * refuses it too); "Make a Copy to Edit" gives an editable copy.  Every
 * edit is its own store call, as everywhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-criteria-sets-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-autosave.h"
#include "xd-criteria-sets-dialog.h"
#include "xd-fit-height.h"
#include "xd-text.h"

struct _XdCriteriaSetsDialog
{
  AdwWindow parent_instance;

  XdStore *store;
  gulong changed_id;
  guint rebuild_id;            /* idle rebuild of the list after a change */
  gint64 set_id;               /* shown on the right, 0 for none */
  gboolean set_read_only;      /* the shown set is a preset */
  gboolean rebuilding;         /* selection moves are ours, not the user's */
  GArray *criterion_ids;       /* the rows of criteria_list, in order */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkListBox *sets_list;
  GtkStack *detail_stack;
  GtkWidget *detail_box;
  AdwPreferencesGroup *preset_group;
  AdwPreferencesGroup *criteria_group;
  AdwEntryRow *name_row;
  AdwEntryRow *source_row;
  GtkListBox *criteria_list;
  AdwPreferencesGroup *add_group;
  GtkEntry *new_code_entry;
  GtkEntry *new_text_entry;
};

G_DEFINE_FINAL_TYPE (XdCriteriaSetsDialog, xd_criteria_sets_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Which part of a criterion a field edits. */
typedef enum {
  PART_CODE,
  PART_TEXT,
} CriterionPart;

static void show_set (XdCriteriaSetsDialog *self,
                      gint64                set_id);

/* Helpers
 * ======= */

static void
show_error (XdCriteriaSetsDialog *self,
            const char           *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
store_writable (XdCriteriaSetsDialog *self)
{
  return self->store != NULL && !xd_store_is_read_only (self->store);
}

static gint64
row_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "xd-id");

  return id != NULL ? *id : 0;
}

static void
set_row_id (gpointer object,
            gint64   id)
{
  g_object_set_data_full (G_OBJECT (object), "xd-id", g_memdup2 (&id, sizeof id), g_free);
}

/* @base, or "@base 2", "@base 3" … whichever no set has. */
static char *
free_set_name (XdCriteriaSetsDialog *self,
               const char           *base)
{
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (self->store, NULL);
  g_autofree char *name = g_strdup (base);

  for (int n = 2; sets != NULL; n++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < sets->len && !taken; i++)
        taken = g_strcmp0 (((XdCriteriaSet *) g_ptr_array_index (sets, i))->name, name) == 0;
      if (!taken)
        break;
      g_free (name);
      name = g_strdup_printf ("%s %d", base, n);
    }

  return g_steal_pointer (&name);
}

/* The next whole number after the last numeric code: "1".."4" → "5". */
static char *
next_code (GPtrArray *criteria)
{
  gint64 highest = 0;

  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      gint64 n;

      if (g_ascii_string_to_signed (((XdCriterion *) g_ptr_array_index (criteria, i))->code,
                                    10, 0, G_MAXINT, &n, NULL))
        highest = MAX (highest, n);
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, highest + 1);
}

/* The one switch: a preset, or a file that can only be read, is shown but
 * cannot be changed. */
static void
update_read_only (XdCriteriaSetsDialog *self)
{
  gboolean writable = store_writable (self);
  gboolean editable = writable && self->set_id != 0 && !self->set_read_only;

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->criteria_list), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_group), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->preset_group), self->set_id != 0 && self->set_read_only);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.move-up", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.move-down", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criteria.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sets.copy", writable && self->set_id != 0);
}

/* The list of sets
 * ================ */

static GtkWidget *
create_set_row (XdCriteriaSet *set)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (set->name);
  GtkWidget *note = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), name);

  if (set->read_only)
    note = gtk_label_new (_("Preset — read only"));
  else if (*set->source != '\0')
    note = gtk_label_new (set->source);
  if (note != NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  set_row_id (row, set->id);
  return row;
}

/* Rebuilds the list and selects @select_id (the first set when it is gone).
 * Returns the id selected. */
static gint64
rebuild_sets (XdCriteriaSetsDialog *self,
              gint64                select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  sets = xd_store_list_criteria_sets (self->store, &error);
  if (sets == NULL)
    {
      show_error (self, error->message);
      return self->set_id;
    }

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sets_list))) != NULL)
    gtk_list_box_remove (self->sets_list, child);
  for (guint i = 0; i < sets->len; i++)
    {
      XdCriteriaSet *set = g_ptr_array_index (sets, i);
      GtkWidget *row = create_set_row (set);

      gtk_list_box_append (self->sets_list, row);
      if (set->id == select_id || (selected == NULL && i == 0))
        selected = GTK_LIST_BOX_ROW (row);
    }
  gtk_list_box_select_row (self->sets_list, selected);
  self->rebuilding = FALSE;

  return selected != NULL ? row_id (GTK_WIDGET (selected)) : 0;
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  XdCriteriaSetsDialog *self = data;
  gint64 shown = self->set_id;
  gint64 id;

  self->rebuild_id = 0;
  id = rebuild_sets (self, shown);
  /* The set shown was deleted meanwhile: show what took its place. */
  if (id != shown)
    show_set (self, id);
  return G_SOURCE_REMOVE;
}

static void
on_sets_list_row_selected_cb (XdCriteriaSetsDialog *self,
                              GtkListBoxRow        *row)
{
  if (self->rebuilding || row == NULL)
    return;
  if (row_id (GTK_WIDGET (row)) != self->set_id)
    show_set (self, row_id (GTK_WIDGET (row)));
}

/* The criteria of the set shown
 * ============================= */

static gboolean
save_criterion_cb (GtkWidget  *field,
                   const char *text,
                   gpointer    user_data)
{
  XdCriteriaSetsDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree char *value = xd_text_normalize (text);
  CriterionPart part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), "xd-part"));
  gint64 id = row_id (field);
  XdCriterion *criterion = NULL;
  char **slot;

  criteria = xd_store_list_criteria (self->store, self->set_id, &error);
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    if (((XdCriterion *) g_ptr_array_index (criteria, i))->id == id)
      criterion = g_ptr_array_index (criteria, i);
  if (criterion == NULL)
    {
      show_error (self, error != NULL ? error->message : _("The criterion no longer exists."));
      return TRUE;   /* nothing left to save it to */
    }

  slot = part == PART_CODE ? &criterion->code : &criterion->text;
  if (g_strcmp0 (*slot, value) == 0)
    {
      gtk_widget_remove_css_class (field, "error");
      return TRUE;
    }
  g_free (*slot);
  *slot = g_steal_pointer (&value);

  if (!xd_store_update_criterion (self->store, criterion, &error))
    {
      gtk_widget_add_css_class (field, "error");
      show_error (self, error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (field, "error");
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label,
             const char *action_name,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* Without an action (the first row's "up") the button stays insensitive:
   * an enabled action would make it sensitive again. */
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_criterion_row (XdCriteriaSetsDialog *self,
                      XdCriterion          *criterion,
                      gboolean              first,
                      gboolean              last)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *code = gtk_entry_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *text = gtk_text_view_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *up, *down, *remove;
  g_autofree char *code_label = g_strdup_printf (_("Number of criterion %s"), criterion->code);
  g_autofree char *text_label = g_strdup_printf (_("Text of criterion %s"), criterion->code);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  gtk_editable_set_text (GTK_EDITABLE (code), criterion->code);
  gtk_editable_set_width_chars (GTK_EDITABLE (code), 3);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (code), 5);
  gtk_widget_set_valign (code, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (code),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, code_label, -1);
  set_row_id (code, criterion->id);
  g_object_set_data (G_OBJECT (code), "xd-part", GINT_TO_POINTER (PART_CODE));
  xd_autosave_attach (code, save_criterion_cb, self);
  gtk_box_append (GTK_BOX (box), code);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), criterion->text, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text_label, -1);
  set_row_id (text, criterion->id);
  g_object_set_data (G_OBJECT (text), "xd-part", GINT_TO_POINTER (PART_TEXT));
  xd_autosave_attach (text, save_criterion_cb, self);
  xd_text_view_fit_height (GTK_TEXT_VIEW (text));
  gtk_frame_set_child (GTK_FRAME (frame), text);
  gtk_widget_set_hexpand (frame, TRUE);
  gtk_box_append (GTK_BOX (box), frame);

  up = icon_button ("go-up-symbolic", _("Move Up"), first ? NULL : "criteria.move-up",
                    criterion->id);
  down = icon_button ("go-down-symbolic", _("Move Down"), last ? NULL : "criteria.move-down",
                      criterion->id);
  remove = icon_button ("user-trash-symbolic", _("Delete Criterion"), "criteria.delete",
                        criterion->id);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  gtk_box_append (GTK_BOX (buttons), remove);
  gtk_box_append (GTK_BOX (box), buttons);

  g_object_set_data (G_OBJECT (row), "xd-up", up);
  g_object_set_data (G_OBJECT (row), "xd-down", down);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  set_row_id (row, criterion->id);
  return row;
}

static void
rebuild_criteria (XdCriteriaSetsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autofree char *code = NULL;
  GtkWidget *child;

  /* What was typed in a row goes to the store before the row goes. */
  xd_autosave_flush_all (GTK_WIDGET (self->criteria_list));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_list))) != NULL)
    gtk_list_box_remove (self->criteria_list, child);
  g_array_set_size (self->criterion_ids, 0);

  if (self->set_id == 0)
    return;

  criteria = xd_store_list_criteria (self->store, self->set_id, &error);
  if (criteria == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < criteria->len; i++)
    {
      XdCriterion *criterion = g_ptr_array_index (criteria, i);

      g_array_append_val (self->criterion_ids, criterion->id);
      gtk_list_box_append (self->criteria_list,
                           create_criterion_row (self, criterion, i == 0, i + 1 == criteria->len));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_list), criteria->len > 0);
  adw_preferences_group_set_description (self->criteria_group,
                                         criteria->len > 0
                                         ? _("Each dossier is assessed against every criterion, in this order.")
                                         : _("No criteria yet. Add the first one below."));

  code = next_code (criteria);
  gtk_editable_set_text (GTK_EDITABLE (self->new_code_entry), code);
}

static GtkWidget *
criterion_row (XdCriteriaSetsDialog *self,
               gint64                id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (row_id (child) == id)
      return child;
  return NULL;
}

/* Showing a set
 * ============= */

static gboolean
save_set_cb (GtkWidget  *field,
             const char *text,
             gpointer    user_data)
{
  XdCriteriaSetsDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdCriteriaSet) set = NULL;
  g_autofree char *value = xd_text_normalize (text);
  char **slot;

  if (self->set_id == 0)
    return TRUE;
  set = xd_store_get_criteria_set (self->store, self->set_id, &error);
  if (set == NULL)
    {
      show_error (self, error->message);
      return TRUE;
    }

  slot = field == GTK_WIDGET (self->name_row) ? &set->name : &set->source;
  if (g_strcmp0 (*slot, value) == 0)
    {
      gtk_widget_remove_css_class (field, "error");
      return TRUE;
    }
  g_free (*slot);
  *slot = g_steal_pointer (&value);

  if (!xd_store_update_criteria_set (self->store, set, &error))
    {
      gtk_widget_add_css_class (field, "error");
      show_error (self, error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (field, "error");
  return TRUE;
}

static void
show_set (XdCriteriaSetsDialog *self,
          gint64                set_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdCriteriaSet) set = NULL;

  /* Typing still pending belongs to the set shown so far. */
  xd_autosave_flush_all (self->detail_box);

  if (set_id != 0)
    {
      set = xd_store_get_criteria_set (self->store, set_id, &error);
      if (set == NULL)
        show_error (self, error->message);
    }

  self->set_id = set != NULL ? set->id : 0;
  self->set_read_only = set != NULL && set->read_only;
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->source_row), "error");
  xd_autosave_set_text (GTK_WIDGET (self->name_row), set != NULL ? set->name : "");
  xd_autosave_set_text (GTK_WIDGET (self->source_row), set != NULL ? set->source : "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_text_entry), "");
  rebuild_criteria (self);
  update_read_only (self);

  gtk_stack_set_visible_child_name (self->detail_stack, set != NULL ? "set" : "none");
}

/* Actions
 * ======= */

static void
new_set_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (widget);
  g_autoptr(XdCriteriaSet) set = xd_criteria_set_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  xd_autosave_flush_all (self->detail_box);
  g_free (set->name);
  set->name = free_set_name (self, _("New criteria set"));
  id = xd_store_add_criteria_set (self->store, set, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  rebuild_sets (self, id);
  show_set (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
copy_set_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (widget);
  g_autoptr(XdCriteriaSet) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  xd_autosave_flush_all (self->detail_box);
  source = xd_store_get_criteria_set (self->store, self->set_id, &error);
  if (source == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Set names are Vietnamese data like the presets they come from, so the
   * mark of a copy is too, whatever the UI language. */
  base = g_strconcat (source->name, " (bản sao)", NULL);
  name = free_set_name (self, base);
  id = xd_store_copy_criteria_set (self->store, self->set_id, name, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  rebuild_sets (self, id);
  show_set (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
on_delete_set_response_cb (AdwMessageDialog     *dialog,
                           const char           *response,
                           XdCriteriaSetsDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = row_id (GTK_WIDGET (dialog));

  if (!g_str_equal (response, "delete"))
    return;

  if (!xd_store_delete_criteria_set (self->store, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  if (self->set_id == id)
    show_set (self, rebuild_sets (self, 0));
}

static void
delete_set_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (widget);
  g_autoptr(XdCriteriaSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  set = xd_store_get_criteria_set (self->store, self->set_id, &error);
  if (set == NULL)
    {
      show_error (self, error->message);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), set->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The set and all its criteria will be removed. "
                                                         "A set that a meeting uses cannot be deleted.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  set_row_id (dialog, set->id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_set_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (widget);
  g_autoptr(XdCriterion) criterion = xd_criterion_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = xd_text_normalize (gtk_editable_get_text (GTK_EDITABLE (self->new_code_entry)));
  g_autofree char *text = xd_text_normalize (gtk_editable_get_text (GTK_EDITABLE (self->new_text_entry)));
  gint64 id;

  if (self->set_id == 0 || self->set_read_only)
    return;

  criterion->set_id = self->set_id;
  criterion->position = (int) self->criterion_ids->len;
  g_free (criterion->code);
  criterion->code = g_steal_pointer (&code);
  g_free (criterion->text);
  criterion->text = g_steal_pointer (&text);

  id = xd_store_add_criterion (self->store, criterion, &error);
  if (id == 0)
    {
      /* The text stays in the fields, to be corrected. */
      show_error (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_text_entry), "");
  rebuild_criteria (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_text_entry));
}

static void
on_new_text_entry_activate_cb (XdCriteriaSetsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "criteria.add", NULL);
}

static void
move_criterion (XdCriteriaSetsDialog *self,
                gint64                id,
                int                   delta)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  int index = -1;

  for (guint i = 0; i < self->criterion_ids->len; i++)
    if (g_array_index (self->criterion_ids, gint64, i) == id)
      index = (int) i;
  if (index < 0 || index + delta < 0 || index + delta >= (int) self->criterion_ids->len)
    return;

  xd_autosave_flush_all (GTK_WIDGET (self->criteria_list));
  if (!xd_store_move_criterion (self->store, id, index + delta, &error))
    {
      show_error (self, error->message);
      return;
    }
  rebuild_criteria (self);

  /* Keyboard users stay on the button they pressed, on the moved row. */
  row = criterion_row (self, id);
  if (row != NULL)
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), delta < 0 ? "xd-up" : "xd-down");

      if (!gtk_widget_get_sensitive (button))
        button = g_object_get_data (G_OBJECT (row), delta < 0 ? "xd-down" : "xd-up");
      gtk_widget_grab_focus (button);
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_criterion (XD_CRITERIA_SETS_DIALOG (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_criterion (XD_CRITERIA_SETS_DIALOG (widget), g_variant_get_int64 (parameter), +1);
}

static void
on_delete_criterion_response_cb (AdwMessageDialog     *dialog,
                                 const char           *response,
                                 XdCriteriaSetsDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!xd_store_delete_criterion (self->store, row_id (GTK_WIDGET (dialog)), &error))
    {
      show_error (self, error->message);
      return;
    }
  rebuild_criteria (self);
}

static void
delete_criterion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *heading = NULL;
  GtkWidget *row = criterion_row (self, id);
  GtkWidget *code;
  AdwMessageDialog *dialog;

  if (row == NULL)
    return;
  code = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  heading = g_strdup_printf (_("Delete criterion %s?"), gtk_editable_get_text (GTK_EDITABLE (code)));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Dossiers will no longer be assessed against it. "
                                                         "A criterion that dossiers were already assessed against cannot be deleted.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  set_row_id (dialog, id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_criterion_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Signals
 * ======= */

static void
on_store_changed_cb (XdStore              *store,
                     const char           *entity,
                     gint64                id,
                     XdCriteriaSetsDialog *self)
{
  /* Criteria rows are rebuilt by the actions that add, move or delete
   * them; an edit inside a row must not rebuild the row being typed in.
   * Sets are listed again once the current event is over: the change may
   * come from inside a handler of the list itself. */
  if (g_str_equal (entity, "criteria_set") && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

/* Overrides
 * ========= */

static void
xd_criteria_sets_dialog_constructed (GObject *object)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (object);

  G_OBJECT_CLASS (xd_criteria_sets_dialog_parent_class)->constructed (object);

  g_return_if_fail (XD_IS_STORE (self->store));
  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (on_store_changed_cb), self);
}

static void
xd_criteria_sets_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_criteria_sets_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_criteria_sets_dialog_dispose (GObject *object)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (object);

  xd_autosave_flush_all (GTK_WIDGET (self));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_CRITERIA_SETS_DIALOG);

  G_OBJECT_CLASS (xd_criteria_sets_dialog_parent_class)->dispose (object);
}

static void
xd_criteria_sets_dialog_finalize (GObject *object)
{
  XdCriteriaSetsDialog *self = XD_CRITERIA_SETS_DIALOG (object);

  g_clear_pointer (&self->criterion_ids, g_array_unref);

  G_OBJECT_CLASS (xd_criteria_sets_dialog_parent_class)->finalize (object);
}

static void
xd_criteria_sets_dialog_class_init (XdCriteriaSetsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xd_criteria_sets_dialog_constructed;
  object_class->get_property = xd_criteria_sets_dialog_get_property;
  object_class->set_property = xd_criteria_sets_dialog_set_property;
  object_class->dispose = xd_criteria_sets_dialog_dispose;
  object_class->finalize = xd_criteria_sets_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, XD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-criteria-sets-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, sets_list);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, detail_box);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, preset_group);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, new_code_entry);
  gtk_widget_class_bind_template_child (widget_class, XdCriteriaSetsDialog, new_text_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_sets_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_text_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "sets.new", NULL, new_set_action);
  gtk_widget_class_install_action (widget_class, "sets.copy", NULL, copy_set_action);
  gtk_widget_class_install_action (widget_class, "sets.delete", NULL, delete_set_action);
  gtk_widget_class_install_action (widget_class, "criteria.add", NULL, add_criterion_action);
  gtk_widget_class_install_action (widget_class, "criteria.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "criteria.move-down", "x", move_down_action);
  gtk_widget_class_install_action (widget_class, "criteria.delete", "x", delete_criterion_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "sets.new", NULL);
}

static void
xd_criteria_sets_dialog_init (XdCriteriaSetsDialog *self)
{
  self->criterion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  xd_autosave_attach (GTK_WIDGET (self->name_row), save_set_cb, self);
  xd_autosave_attach (GTK_WIDGET (self->source_row), save_set_cb, self);
}

/* Public API
 * ========== */

XdCriteriaSetsDialog *
xd_criteria_sets_dialog_new (GtkWindow *parent,
                             XdStore   *store,
                             gint64     set_id)
{
  XdCriteriaSetsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XD_IS_STORE (store), NULL);

  self = g_object_new (XD_TYPE_CRITERIA_SETS_DIALOG,
                       "store", store,
                       "transient-for", parent,
                       NULL);
  show_set (self, rebuild_sets (self, set_id));
  return self;
}

gint64
xd_criteria_sets_dialog_get_set (XdCriteriaSetsDialog *self)
{
  g_return_val_if_fail (XD_IS_CRITERIA_SETS_DIALOG (self), 0);

  return self->set_id;
}

void
xd_criteria_sets_dialog_select_set (XdCriteriaSetsDialog *self,
                                    gint64                set_id)
{
  g_return_if_fail (XD_IS_CRITERIA_SETS_DIALOG (self));

  show_set (self, rebuild_sets (self, set_id));
}
