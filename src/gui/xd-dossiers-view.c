/* xd-dossiers-view.c — the units' dossiers of a meeting: a searchable list beside the selected one
 *
 * The list is an XdDossierList (core): only the matching ids are held and
 * rows are read as they scroll into view, so a national review of ten
 * thousand units stays quick.  Its items are places that a search or a
 * save points at other dossiers, so the list view keeps its rows; the
 * view keeps the selection on its dossier, so it — and the field being
 * typed in beside it — survive every save and search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-dossiers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-autosave.h"
#include "xd-dossier-detail.h"
#include "xd-dossier-list.h"
#include "xd-dossier-row.h"
#include "xd-dossiers-view.h"
#include "xd-window.h"

struct _XdDossiersView
{
  AdwBin parent_instance;

  XdStore *store;
  gint64 meeting_id;
  gboolean read_only;
  XdDossierList *dossiers;
  GtkSingleSelection *selection;
  /* The selected dossier by id: the list's items are places, and a search
   * may show another dossier at the selected one's place. */
  gint64 selected_id;
  gboolean reloading;          /* from the list's ::items-changed to ::reloaded */
  gboolean load_pending;       /* the meeting is read when the view is shown */

  /* Template widgets.  The bin's own child, the page stack, is not bound
   * (gtk_widget_dispose_template () would unparent it behind AdwBin's
   * back): init takes it from the bin. */
  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *list_view;
  AdwStatusPage *no_results_page;
  GtkStack *detail_stack;
  XdDossierDetail *detail;
};

G_DEFINE_FINAL_TYPE (XdDossiersView, xd_dossiers_view, ADW_TYPE_BIN)

/* One CSS class per state, for the pill beside each unit. */
static const char *state_classes[] = {
  [XD_DOSSIER_RECEIVED] = "received",
  [XD_DOSSIER_CHECKING] = "checking",
  [XD_DOSSIER_MEETS] = "meets",
  [XD_DOSSIER_FAILS] = "fails",
  [XD_DOSSIER_VOTED] = "voted",
};

/* Helpers
 * ======= */

static void
update_pages (XdDossiersView *self)
{
  guint n = self->dossiers != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->dossiers)) : 0;
  const char *query = self->dossiers != NULL ? xd_dossier_list_get_query (self->dossiers) : "";
  gint64 selected_id = 0;
  GObject *item;

  /* The selection is put back on its dossier once the list is done. */
  if (self->reloading)
    return;

  if (self->dossiers == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  if (n == 0 && *query == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "dossiers");
  if (n == 0)
    {
      g_autofree char *description =
        g_strdup_printf (_("No unit's name or reference contains “%s”. Searching ignores "
                           "accents: “hong gai” finds “Hồng Gai”."), query);

      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL)
    selected_id = xd_dossier_item_get_id (XD_DOSSIER_ITEM (item));
  self->selected_id = selected_id;

  if (selected_id != xd_dossier_detail_get_dossier_id (self->detail))
    xd_dossier_detail_set_dossier (self->detail, self->store, selected_id);
  gtk_stack_set_visible_child_name (self->detail_stack, selected_id != 0 ? "detail" : "unselected");
}

static void
update_read_only (XdDossiersView *self)
{
  g_autoptr(XdMeeting) meeting = NULL;

  if (self->store != NULL && self->meeting_id != 0)
    meeting = xd_store_get_meeting (self->store, self->meeting_id, NULL);

  self->read_only = self->store == NULL || xd_store_is_read_only (self->store) ||
                    meeting == NULL || meeting->state == XD_MEETING_FINALISED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossiers.add", !self->read_only);
  xd_dossier_detail_set_read_only (self->detail, self->read_only);
}

static void
set_query (XdDossiersView *self,
           const char     *query)
{
  g_autoptr(GError) error = NULL;

  if (self->dossiers == NULL)
    return;

  if (!xd_dossier_list_set_query (self->dossiers, query, &error))
    xd_window_show_error (GTK_WIDGET (self), error->message);
  update_pages (self);
}

static void
clear_search (XdDossiersView *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* Now, not after the entry's typing delay. */
  set_query (self, "");
}

static char *
free_unit_name (XdDossiersView *self)
{
  /* The store refuses two dossiers of one unit with the same reference:
   * a second new dossier is "New dossier 2". */
  for (guint n = 1; ; n++)
    {
      /* Its own context: the unit's name until the user types it, not
       * the "New dossier" of a menu. */
      g_autofree char *name =
        n == 1 ? g_strdup (C_("name of a new dossier", "New dossier"))
               : g_strdup_printf (C_("name of a new dossier", "New dossier %u"), n);
      g_autoptr(GPtrArray) found = xd_store_search_dossiers (self->store, self->meeting_id,
                                                             name, NULL);
      gboolean taken = FALSE;

      for (guint i = 0; found != NULL && i < found->len; i++)
        {
          XdDossier *d = g_ptr_array_index (found, i);

          taken |= g_str_equal (d->unit_name, name) && *d->reference == '\0';
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

/* Signal callbacks
 * ================ */

static void
on_search_changed_cb (XdDossiersView *self)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search_cb (XdDossiersView *self)
{
  clear_search (self);
}

static void
on_search_activate_cb (XdDossiersView *self)
{
  /* Enter takes the first match, as a search box should. */
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (xd_dossiers_view_get_n_shown (self) > 0)
    {
      if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
    }
}

static void
on_list_activate_cb (XdDossiersView *self,
                     guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  xd_dossier_detail_focus_unit_name (self->detail);
}

static void
on_selected_item_changed_cb (GtkSingleSelection *selection,
                             GParamSpec         *pspec,
                             XdDossiersView     *self)
{
  update_pages (self);
}

static void
on_n_items_changed_cb (XdDossierList  *dossiers,
                       GParamSpec     *pspec,
                       XdDossiersView *self)
{
  update_pages (self);
}

/* Runs before the selection's own handler: see on_list_reloaded_cb (). */
static void
on_list_items_changed_cb (XdDossierList  *dossiers,
                          guint           position,
                          guint           removed,
                          guint           added,
                          XdDossiersView *self)
{
  self->reloading = TRUE;
}

static void
on_list_reloaded_cb (XdDossierList  *dossiers,
                     XdDossiersView *self)
{
  guint position = self->selected_id != 0 ? xd_dossier_list_find (dossiers, self->selected_id)
                                          : G_MAXUINT;

  /* The selection counts places, and a search points them at other
   * dossiers: it follows its dossier to its new place, or goes when the
   * dossier is no longer shown. */
  self->reloading = FALSE;
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  update_pages (self);
}

static void
on_list_failed_cb (XdDossierList  *dossiers,
                   const char     *message,
                   XdDossiersView *self)
{
  xd_window_show_error (GTK_WIDGET (self), message);
}

static void
on_store_changed_cb (XdStore        *store,
                     const char     *entity,
                     gint64          id,
                     XdDossiersView *self)
{
  if (g_str_equal (entity, "*") || (g_str_equal (entity, "meeting") && id == self->meeting_id))
    update_read_only (self);
}

static void
update_row_name (XdDossierItem *item,
                 XdDossierRow  *row)
{
  const char *unit_name = xd_dossier_item_get_unit_name (item);

  xd_dossier_row_set_name (row, *unit_name != '\0' ? unit_name : _("Unnamed unit"));
}

static void
update_row_details (XdDossierItem *item,
                    XdDossierRow  *row)
{
  const char *reference = xd_dossier_item_get_reference (item);
  g_autofree char *details = NULL;

  if (*reference != '\0')
    details = g_strdup_printf ("%s · %s", xd_dossier_item_get_unit_type_label (item), reference);
  xd_dossier_row_set_details (row, details != NULL ? details
                                                   : xd_dossier_item_get_unit_type_label (item));
}

static void
update_row_state (XdDossierItem *item,
                  XdDossierRow  *row)
{
  xd_dossier_row_set_state (row, xd_dossier_item_get_state_label (item),
                            state_classes[xd_dossier_item_get_state (item)]);
}

/* A search points a row's item at another dossier and a save changes it:
 * the row follows what it shows, and only that. */
static void
on_item_notify_cb (XdDossierItem *item,
                   GParamSpec    *pspec,
                   GtkListItem   *list_item)
{
  XdDossierRow *row = XD_DOSSIER_ROW (gtk_list_item_get_child (list_item));

  if (g_str_equal (pspec->name, "unit-name"))
    update_row_name (item, row);
  else if (g_str_equal (pspec->name, "reference") || g_str_equal (pspec->name, "unit-type"))
    update_row_details (item, row);
  else if (g_str_equal (pspec->name, "state"))
    update_row_state (item, row);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 XdDossiersView           *self)
{
  gtk_list_item_set_child (list_item, xd_dossier_row_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                XdDossiersView           *self)
{
  XdDossierItem *item = gtk_list_item_get_item (list_item);
  XdDossierRow *row = XD_DOSSIER_ROW (gtk_list_item_get_child (list_item));

  update_row_name (item, row);
  update_row_details (item, row);
  update_row_state (item, row);
  /* Items are updated in place: by a store change, and by a search, which
   * points them at other dossiers. */
  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), list_item, 0);
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  XdDossiersView           *self)
{
  XdDossierItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, list_item);
}

static void
add_dossier_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  xd_dossiers_view_add_dossier (XD_DOSSIERS_VIEW (widget));
}

/* GObject
 * ======= */

static void
disconnect (XdDossiersView *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->dossiers != NULL)
    g_signal_handlers_disconnect_by_data (self->dossiers, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->dossiers);
  self->selected_id = 0;
  self->reloading = FALSE;
}

static void
xd_dossiers_view_dispose (GObject *object)
{
  XdDossiersView *self = XD_DOSSIERS_VIEW (object);

  /* Before anything goes: the last words typed reach the database. */
  xd_autosave_flush_all (GTK_WIDGET (self));
  disconnect (self);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_DOSSIERS_VIEW);

  G_OBJECT_CLASS (xd_dossiers_view_parent_class)->dispose (object);
}

static void ensure_loaded (XdDossiersView *self);

static void
xd_dossiers_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xd_dossiers_view_parent_class)->map (widget);

  ensure_loaded (XD_DOSSIERS_VIEW (widget));
}

static void
xd_dossiers_view_class_init (XdDossiersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xd_dossiers_view_dispose;
  widget_class->map = xd_dossiers_view_map;

  g_type_ensure (XD_TYPE_DOSSIER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-dossiers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XdDossiersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XdDossiersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XdDossiersView, list_view);
  gtk_widget_class_bind_template_child (widget_class, XdDossiersView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, XdDossiersView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XdDossiersView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);

  gtk_widget_class_install_action (widget_class, "dossiers.add", NULL, add_dossier_action);
}

static void
xd_dossiers_view_init (XdDossiersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  /* Typing while the list has the keyboard searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  update_read_only (self);
}

/* Public API
 * ========== */

GtkWidget *
xd_dossiers_view_new (void)
{
  return g_object_new (XD_TYPE_DOSSIERS_VIEW, NULL);
}

/* Reads the meeting's list and selects its first dossier. */
static void
load_meeting (XdDossiersView *self)
{
  g_autoptr(GError) error = NULL;

  self->load_pending = FALSE;
  if (self->store != NULL && self->meeting_id != 0)
    {
      self->dossiers = xd_dossier_list_new (self->store, self->meeting_id, &error);
      if (self->dossiers == NULL)
        xd_window_show_error (GTK_WIDGET (self), error->message);
    }

  if (self->dossiers != NULL)
    {
      g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
      g_signal_connect_object (self->dossiers, "failed", G_CALLBACK (on_list_failed_cb), self, 0);
      g_signal_connect_object (self->dossiers, "notify::n-items",
                               G_CALLBACK (on_n_items_changed_cb), self, 0);
      /* Before the selection connects to the list. */
      g_signal_connect_object (self->dossiers, "items-changed",
                               G_CALLBACK (on_list_items_changed_cb), self, 0);
      g_signal_connect_object (self->dossiers, "reloaded",
                               G_CALLBACK (on_list_reloaded_cb), self, 0);

      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->dossiers)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->dossiers)) > 0)
        gtk_single_selection_set_selected (self->selection, 0);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (on_selected_item_changed_cb), self, 0);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  /* A new meeting starts unfiltered; the entry's own signal then finds
   * nothing to do. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  update_read_only (self);
  update_pages (self);
}

/* Public functions that look at the list first read it. */
static void
ensure_loaded (XdDossiersView *self)
{
  if (self->load_pending)
    load_meeting (self);
}

void
xd_dossiers_view_set_meeting (XdDossiersView *self,
                              XdStore        *store,
                              gint64          meeting_id)
{
  g_return_if_fail (XD_IS_DOSSIERS_VIEW (self));
  g_return_if_fail (store == NULL || XD_IS_STORE (store));

  /* What was typed belongs to the meeting shown until now. */
  xd_autosave_flush_all (GTK_WIDGET (self));
  xd_dossier_detail_set_dossier (self->detail, NULL, 0);
  disconnect (self);
  g_set_object (&self->store, store);
  self->meeting_id = store != NULL ? meeting_id : 0;

  /* Selecting the first dossier builds its forty criteria: a window that
   * opens on another tab would wait for them before its first frame.  So
   * while the view is not shown the meeting is only noted, and map ()
   * reads it, as the Voting view does. */
  if (self->store != NULL && self->meeting_id != 0 && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->load_pending = TRUE;
      update_read_only (self);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  load_meeting (self);
}

void
xd_dossiers_view_focus_search (XdDossiersView *self)
{
  g_return_if_fail (XD_IS_DOSSIERS_VIEW (self));

  ensure_loaded (self);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dossiers") != 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
xd_dossiers_view_add_dossier (XdDossiersView *self)
{
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_if_fail (XD_IS_DOSSIERS_VIEW (self));

  ensure_loaded (self);
  if (self->dossiers == NULL || self->read_only)
    return;

  xd_autosave_flush_all (GTK_WIDGET (self));

  /* Last in the meeting's order: the order the units were received in. */
  all = xd_store_search_dossier_ids (self->store, self->meeting_id, NULL, &error);
  if (all == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  d->meeting_id = self->meeting_id;
  g_free (d->unit_name);
  d->unit_name = free_unit_name (self);
  d->unit_type = XD_UNIT_WARD;
  d->state = XD_DOSSIER_RECEIVED;
  d->position = all->len;

  id = xd_store_add_dossier (self->store, d, &error);
  if (id == 0)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  xd_dossiers_view_select_dossier (self, id);
  xd_dossier_detail_focus_unit_name (self->detail);
}

void
xd_dossiers_view_select_dossier (XdDossiersView *self,
                                 gint64          dossier_id)
{
  guint position;

  g_return_if_fail (XD_IS_DOSSIERS_VIEW (self));

  ensure_loaded (self);
  if (self->dossiers == NULL)
    return;

  position = xd_dossier_list_find (self->dossiers, dossier_id);
  if (position == G_MAXUINT && *xd_dossier_list_get_query (self->dossiers) != '\0')
    {
      clear_search (self);
      position = xd_dossier_list_find (self->dossiers, dossier_id);
    }
  if (position == G_MAXUINT)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  update_pages (self);
}

guint
xd_dossiers_view_get_n_shown (XdDossiersView *self)
{
  g_return_val_if_fail (XD_IS_DOSSIERS_VIEW (self), 0);

  ensure_loaded (self);
  return self->dossiers != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->dossiers)) : 0;
}
