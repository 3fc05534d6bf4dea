/* xd-dossier-detail.c — one unit's dossier: documents, criteria, conclusion
 *
 * Every field saves itself (xd_autosave) as one store call; the store's
 * "changed" signal brings the saved values back, and a field the user is
 * in, or whose save failed, is never overwritten by them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-dossier-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-assessment-item.h"
#include "xd-autosave.h"
#include "xd-dossier-detail.h"
#include "xd-file.h"
#include "xd-format.h"
#include "xd-text.h"
#include "xd-window.h"

struct _XdDossierDetail
{
  AdwBin parent_instance;

  XdStore *store;
  gint64 dossier_id;
  gint64 meeting_id;
  gboolean read_only;
  gboolean loading;             /* filling widgets: their signals are not edits */
  gboolean loading_documents;
  gboolean documents_pending;
  gboolean loading_criteria;
  gboolean criteria_pending;
  GListStore *assessments;      /* XdAssessmentItem, the criteria table's rows */

  /* Template widgets.  The bin's own child, the scroller, is not bound
   * (gtk_widget_dispose_template () would unparent it behind AdwBin's
   * back): init takes it from the bin. */
  GtkScrolledWindow *scroller;
  GtkEntry *unit_name_entry;
  GtkDropDown *unit_type_dropdown;
  GtkDropDown *state_dropdown;
  AdwEntryRow *reference_row;
  AdwEntryRow *received_row;
  GtkWidget *received_error_icon;
  GtkTextView *summary_view;
  GtkListBox *documents_list;
  GtkLabel *criteria_source_label;
  GtkStack *criteria_stack;
  GtkColumnView *criteria_view;
  GtkTextView *conclusion_view;
  AdwEntryRow *verified_by_row;
};

G_DEFINE_FINAL_TYPE (XdDossierDetail, xd_dossier_detail, ADW_TYPE_BIN)

/* The widgets of one row of the documents checklist. */
typedef struct {
  gint64 id;
  GtkWidget *received;
  GtkWidget *title;
  GtkWidget *kind;
  GtkWidget *file_box;
  GtkWidget *file_label;
  GtkWidget *open;
  GtkWidget *attach;
  GtkWidget *remove;
} DocumentRow;

/* The order of the result drop-down: what a secretary picks most first. */
static const XdAssessmentResult result_order[] = {
  XD_ASSESSMENT_MET,
  XD_ASSESSMENT_NOT_MET,
  XD_ASSESSMENT_NOT_ASSESSED,
};

/* The documents nearly every unit sends, offered in one go. */
static const XdDocumentKind usual_documents[] = {
  XD_DOCUMENT_SUBMISSION,
  XD_DOCUMENT_REPORT,
  XD_DOCUMENT_REGISTRATION,
  XD_DOCUMENT_MINUTES,
  XD_DOCUMENT_SELF_SCORING,
};

static void load_documents (XdDossierDetail *self,
                            gboolean         force);
static void load_criteria  (XdDossierDetail *self);

/* Helpers
 * ======= */

static void
report_error (XdDossierDetail *self,
              const GError    *error)
{
  xd_window_show_error (GTK_WIDGET (self), error->message);
}

static gboolean
field_has_focus (GtkWidget *field)
{
  GtkRoot *root = gtk_widget_get_root (field);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == field || gtk_widget_is_ancestor (focus, field));
}

/* A field whose save failed keeps the user's text until a save works. */
static void
mark_failed (GtkWidget *field,
             gboolean   failed)
{
  g_object_set_data (G_OBJECT (field), "xd-save-failed", GINT_TO_POINTER (failed));
}

static gboolean
has_failed (GtkWidget *field)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), "xd-save-failed"));
}

static char *
get_field_text (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

/* Shows a stored value, unless the user is typing there (@force: a
 * different dossier is being shown, so nothing of the old one may stay). */
static void
show_text (GtkWidget  *field,
           const char *text,
           gboolean    force)
{
  g_autofree char *current = NULL;

  if (!force && (field_has_focus (field) || has_failed (field)))
    return;

  mark_failed (field, FALSE);
  current = get_field_text (field);
  if (g_strcmp0 (current, text != NULL ? text : "") != 0)
    xd_autosave_set_text (field, text);
}

static void
set_date_error (XdDossierDetail *self,
                gboolean         invalid)
{
  gtk_widget_set_visible (self->received_error_icon, invalid);
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->received_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->received_row), "error");
}

static GtkWindow *
get_window (XdDossierDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
new_drop_down (const char *(*get_label) (int),
               int          n)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (labels, get_label (i));

  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
}

static void
on_compact_label_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_list_item_set_child (list_item, label);
}

static void
on_compact_label_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
}

/* Every row's drop-down the same width, the long names cut short on the
 * button and whole in the list it opens. */
static void
make_drop_down_compact (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  g_object_get (dropdown, "factory", &list_factory, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (on_compact_label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_compact_label_bind_cb), NULL);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_factory (dropdown, factory);
}

static void
set_drop_down_model (GtkDropDown  *dropdown,
                     const char *(*get_label) (int),
                     int           n)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (labels, get_label (i));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

static const char *
unit_type_label (int value)
{
  return xd_unit_type_get_label ((XdUnitType) value);
}

static const char *
dossier_state_label (int value)
{
  return xd_dossier_state_get_label ((XdDossierState) value);
}

static const char *
document_kind_label (int value)
{
  return xd_document_kind_get_label ((XdDocumentKind) value);
}

static const char *
result_label (int index)
{
  return xd_assessment_result_get_label (result_order[index]);
}

static guint
result_to_index (XdAssessmentResult result)
{
  for (guint i = 0; i < G_N_ELEMENTS (result_order); i++)
    if (result_order[i] == result)
      return i;
  g_return_val_if_reached (0);
}

/* Dossier fields
 * ============== */

static void
load_dossier (XdDossierDetail *self,
              gboolean         force)
{
  g_autoptr(XdDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *received = NULL;

  d = xd_store_get_dossier (self->store, self->dossier_id, &error);
  if (d == NULL)
    {
      /* Deleted: the view is about to show another one. */
      if (!g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND))
        report_error (self, error);
      return;
    }

  self->meeting_id = d->meeting_id;
  received = xd_format_date_ui (d->received_on);

  self->loading = TRUE;
  show_text (GTK_WIDGET (self->unit_name_entry), d->unit_name, force);
  show_text (GTK_WIDGET (self->reference_row), d->reference, force);
  if (force || !has_failed (GTK_WIDGET (self->received_row)))
    set_date_error (self, FALSE);
  show_text (GTK_WIDGET (self->received_row), received, force);
  show_text (GTK_WIDGET (self->summary_view), d->summary, force);
  show_text (GTK_WIDGET (self->conclusion_view), d->conclusion, force);
  show_text (GTK_WIDGET (self->verified_by_row), d->verified_by, force);
  if (gtk_drop_down_get_selected (self->unit_type_dropdown) != (guint) d->unit_type)
    gtk_drop_down_set_selected (self->unit_type_dropdown, d->unit_type);
  if (gtk_drop_down_get_selected (self->state_dropdown) != (guint) d->state)
    gtk_drop_down_set_selected (self->state_dropdown, d->state);
  self->loading = FALSE;
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
save_dossier (XdDossierDetail *self,
              XdDossier       *d,
              GtkWidget       *field)
{
  g_autoptr(GError) error = NULL;

  if (!xd_store_update_dossier (self->store, d, &error))
    {
      if (field != NULL)
        mark_failed (field, TRUE);
      report_error (self, error);
      return FALSE;
    }

  if (field != NULL)
    mark_failed (field, FALSE);
  return TRUE;
}

static gboolean
on_field_save_cb (GtkWidget  *field,
                  const char *text,
                  gpointer    user_data)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (user_data);
  g_autoptr(XdDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *single_line = xd_text_normalize (text);
  gboolean changed;

  if (self->store == NULL || self->dossier_id == 0)
    return TRUE;

  d = xd_store_get_dossier (self->store, self->dossier_id, &error);
  if (d == NULL)
    {
      report_error (self, error);
      return FALSE;
    }

  if (field == GTK_WIDGET (self->unit_name_entry))
    changed = replace_string (&d->unit_name, single_line);
  else if (field == GTK_WIDGET (self->reference_row))
    changed = replace_string (&d->reference, single_line);
  else if (field == GTK_WIDGET (self->verified_by_row))
    changed = replace_string (&d->verified_by, single_line);
  else if (field == GTK_WIDGET (self->summary_view))
    changed = replace_string (&d->summary, text);
  else if (field == GTK_WIDGET (self->conclusion_view))
    changed = replace_string (&d->conclusion, text);
  else if (field == GTK_WIDGET (self->received_row))
    {
      g_autofree char *iso = NULL;

      /* An empty field means "not received yet"; anything else must be a
       * date, and a wrong one is never saved (nor guessed). */
      if (*single_line != '\0' && !xd_parse_date_ui (single_line, &iso))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a valid date. Type the date the dossier was "
                               "received as day/month/year, for example 09/01/2022."),
                             single_line);

          mark_failed (field, TRUE);
          set_date_error (self, TRUE);
          xd_window_show_error (GTK_WIDGET (self), message);
          return FALSE;
        }
      set_date_error (self, FALSE);
      changed = replace_string (&d->received_on, iso);
    }
  else
    g_return_val_if_reached (TRUE);

  if (!changed)
    {
      mark_failed (field, FALSE);
      return TRUE;
    }

  return save_dossier (self, d, field);
}

/* A choice in one of the header's drop-downs: @apply puts the position
 * chosen into the dossier and says whether that changed it. */
static void
save_choice (XdDossierDetail *self,
             GtkDropDown     *dropdown,
             gboolean       (*apply) (XdDossier *dossier,
                                      guint      selected))
{
  g_autoptr(XdDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->loading || self->store == NULL || self->dossier_id == 0 ||
      selected == GTK_INVALID_LIST_POSITION)
    return;

  d = xd_store_get_dossier (self->store, self->dossier_id, &error);
  if (d == NULL)
    {
      report_error (self, error);
      return;
    }
  if (!apply (d, selected))
    return;

  if (!save_dossier (self, d, NULL))
    load_dossier (self, FALSE);
}

static gboolean
apply_unit_type (XdDossier *d,
                 guint      selected)
{
  if (d->unit_type == (XdUnitType) selected)
    return FALSE;
  d->unit_type = selected;
  return TRUE;
}

static gboolean
apply_state (XdDossier *d,
             guint      selected)
{
  if (d->state == (XdDossierState) selected)
    return FALSE;
  d->state = selected;
  return TRUE;
}

static void
on_unit_type_selected_cb (XdDossierDetail *self)
{
  save_choice (self, self->unit_type_dropdown, apply_unit_type);
}

static void
on_state_selected_cb (XdDossierDetail *self)
{
  save_choice (self, self->state_dropdown, apply_state);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       XdDossierDetail  *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "dossier-id");

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;

  /* The store refuses once the council has voted; it says why. */
  if (!xd_store_delete_dossier (self->store, id, &error))
    report_error (self, error);
}

static void
delete_dossier_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (widget);
  g_autoptr(XdDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->store == NULL || self->dossier_id == 0)
    return;

  xd_autosave_flush_all (GTK_WIDGET (self));
  d = xd_store_get_dossier (self->store, self->dossier_id, &error);
  if (d == NULL)
    {
      report_error (self, error);
      return;
    }

  dialog = adw_message_dialog_new (get_window (self), NULL,
                                   _("Its documents, the results of its criteria and their "
                                     "notes are deleted with it. This cannot be undone."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Delete the Dossier of %s?"), d->unit_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "dossier-id",
                          g_memdup2 (&d->id, sizeof d->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Documents
 * ========= */

static DocumentRow *
get_document_row (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "document-row") : NULL;
}

static XdDocument *
find_document (XdDossierDetail  *self,
               gint64            document_id,
               GError          **error)
{
  g_autoptr(GPtrArray) documents = NULL;

  documents = xd_store_list_documents (self->store, self->dossier_id, error);
  if (documents == NULL)
    return NULL;

  for (guint i = 0; i < documents->len; i++)
    {
      XdDocument *doc = g_ptr_array_index (documents, i);

      if (doc->id == document_id)
        return g_ptr_array_steal_index (documents, i);
    }

  g_set_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND,
               _("The document no longer exists. It may have been removed."));
  return NULL;
}

static gboolean
save_document (XdDossierDetail  *self,
               const XdDocument *doc)
{
  g_autoptr(GError) error = NULL;

  if (!xd_store_update_document (self->store, doc, &error))
    {
      report_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
update_document_row (XdDossierDetail  *self,
                     DocumentRow      *row,
                     const XdDocument *doc,
                     gboolean          force)
{
  g_autofree char *short_hash = xd_file_short_hash (doc->sha256);

  self->loading = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->received), doc->received);
  show_text (row->title, doc->title, force);
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (row->kind)) != (guint) doc->kind)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (row->kind), doc->kind);
  self->loading = FALSE;

  if (doc->file_path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (doc->file_path);
      g_autofree char *where = g_filename_display_name (doc->file_path);
      g_autofree char *label = g_strdup_printf ("%s · SHA-256 %s…", name, short_hash);
      g_autofree char *tooltip = g_strdup_printf ("%s\nSHA-256 %s", where, doc->sha256);

      gtk_label_set_text (GTK_LABEL (row->file_label), label);
      gtk_widget_set_tooltip_text (row->file_label, tooltip);
      gtk_widget_set_tooltip_text (row->attach, _("Replace the Attached File…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->attach),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Replace the attached file"), -1);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (row->file_label), "");
      gtk_widget_set_tooltip_text (row->file_label, NULL);
      gtk_widget_set_tooltip_text (row->attach, _("Attach a File…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->attach),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Attach a file"), -1);
    }
  gtk_widget_set_visible (row->file_box, doc->file_path != NULL);
}

static void
on_document_received_toggled_cb (GtkCheckButton  *check,
                                 XdDossierDetail *self)
{
  DocumentRow *row = get_document_row (GTK_WIDGET (check));
  g_autoptr(XdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || row == NULL)
    return;

  doc = find_document (self, row->id, &error);
  if (doc == NULL)
    {
      report_error (self, error);
      return;
    }
  if (doc->received == gtk_check_button_get_active (check))
    return;

  doc->received = gtk_check_button_get_active (check);
  if (!save_document (self, doc))
    load_documents (self, FALSE);
}

static void
on_document_kind_selected_cb (GtkDropDown     *dropdown,
                              GParamSpec      *pspec,
                              XdDossierDetail *self)
{
  DocumentRow *row = get_document_row (GTK_WIDGET (dropdown));
  g_autoptr(XdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->loading || row == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  doc = find_document (self, row->id, &error);
  if (doc == NULL)
    {
      report_error (self, error);
      return;
    }
  if (doc->kind == (XdDocumentKind) selected)
    return;

  doc->kind = selected;
  if (!save_document (self, doc))
    load_documents (self, FALSE);
}

static gboolean
on_document_title_save_cb (GtkWidget  *field,
                           const char *text,
                           gpointer    user_data)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (user_data);
  DocumentRow *row = get_document_row (field);
  g_autoptr(XdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = xd_text_normalize (text);

  if (row == NULL || self->store == NULL)
    return TRUE;

  doc = find_document (self, row->id, &error);
  if (doc == NULL)
    {
      report_error (self, error);
      return FALSE;
    }
  if (!replace_string (&doc->title, title))
    return TRUE;

  if (!save_document (self, doc))
    {
      mark_failed (field, TRUE);
      return FALSE;
    }
  mark_failed (field, FALSE);
  return TRUE;
}

static GtkWidget *
create_document_row (XdDossierDetail  *self,
                     const XdDocument *doc)
{
  DocumentRow *row = g_new0 (DocumentRow, 1);
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GVariant *target = g_variant_new_int64 (doc->id);

  g_variant_ref_sink (target);
  row->id = doc->id;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_add_css_class (list_row, "document-row");
  g_object_set_data_full (G_OBJECT (list_row), "document-row", row, g_free);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);

  row->received = gtk_check_button_new ();
  gtk_widget_set_name (row->received, "document-received");
  gtk_widget_set_tooltip_text (row->received, _("Received"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->received),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Received"), -1);
  g_signal_connect (row->received, "toggled", G_CALLBACK (on_document_received_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), row->received);

  /* The title, and under it the attached file when there is one, so
   * every row's title gets the same width. */
  gtk_widget_set_hexpand (middle, TRUE);
  gtk_widget_set_valign (middle, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), middle);

  row->title = gtk_entry_new ();
  gtk_widget_set_name (row->title, "document-title");
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->title), _("Title of the document"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of the document"), -1);
  xd_autosave_attach (row->title, on_document_title_save_cb, self);
  gtk_box_append (GTK_BOX (middle), row->title);

  row->file_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (row->file_box, 6);
  gtk_box_append (GTK_BOX (middle), row->file_box);

  row->file_label = gtk_label_new (NULL);
  gtk_widget_set_name (row->file_label, "document-hash");
  gtk_label_set_ellipsize (GTK_LABEL (row->file_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (row->file_label), 0);
  gtk_widget_add_css_class (row->file_label, "dim-label");
  gtk_widget_add_css_class (row->file_label, "caption");
  gtk_box_append (GTK_BOX (row->file_box), row->file_label);

  row->open = gtk_button_new_with_mnemonic (_("_Open"));
  gtk_widget_set_name (row->open, "document-open");
  gtk_widget_set_valign (row->open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->open, _("Open the attached file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->open), "document.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row->open), target);
  gtk_widget_add_css_class (row->open, "flat");
  gtk_widget_add_css_class (row->open, "document-open");
  gtk_box_append (GTK_BOX (row->file_box), row->open);

  row->kind = new_drop_down (document_kind_label, XD_DOCUMENT_OTHER + 1);
  make_drop_down_compact (GTK_DROP_DOWN (row->kind));
  gtk_widget_set_name (row->kind, "document-kind");
  gtk_widget_set_valign (row->kind, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->kind, _("Kind of document"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->kind),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of document"), -1);
  g_signal_connect (row->kind, "notify::selected", G_CALLBACK (on_document_kind_selected_cb), self);
  gtk_box_append (GTK_BOX (box), row->kind);

  row->attach = gtk_button_new_from_icon_name ("mail-attachment-symbolic");
  gtk_widget_set_name (row->attach, "document-attach");
  gtk_widget_set_valign (row->attach, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->attach), "document.attach");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row->attach), target);
  gtk_widget_add_css_class (row->attach, "flat");
  gtk_box_append (GTK_BOX (box), row->attach);

  row->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (row->remove, "document-remove");
  gtk_widget_set_valign (row->remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->remove, _("Remove the Document…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the document"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->remove), "document.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row->remove), target);
  gtk_widget_add_css_class (row->remove, "flat");
  gtk_box_append (GTK_BOX (box), row->remove);

  g_variant_unref (target);

  update_document_row (self, row, doc, TRUE);
  gtk_widget_set_sensitive (row->received, !self->read_only);
  gtk_widget_set_sensitive (row->kind, !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (row->title), !self->read_only);

  return list_row;
}

static void
remove_document_rows (XdDossierDetail *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->documents_list, 0)) != NULL)
    gtk_list_box_remove (self->documents_list, GTK_WIDGET (row));
}

static void
load_documents (XdDossierDetail *self,
                gboolean         force)
{
  if (self->loading_documents)
    {
      /* A save made while the rows are rebuilt: read them once more. */
      self->documents_pending = TRUE;
      return;
    }

  self->loading_documents = TRUE;
  do
    {
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GError) error = NULL;
      gboolean same = TRUE;
      guint n_rows = 0;

      self->documents_pending = FALSE;
      documents = xd_store_list_documents (self->store, self->dossier_id, &error);
      if (documents == NULL)
        {
          report_error (self, error);
          break;
        }

      while (gtk_list_box_get_row_at_index (self->documents_list, n_rows) != NULL)
        n_rows++;
      same = n_rows == documents->len;
      for (guint i = 0; same && i < documents->len; i++)
        {
          GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->documents_list, i);
          DocumentRow *row = g_object_get_data (G_OBJECT (list_row), "document-row");

          same = row->id == ((XdDocument *) g_ptr_array_index (documents, i))->id;
        }

      if (same)
        {
          /* In place, so the title being typed keeps its cursor. */
          for (guint i = 0; i < documents->len; i++)
            {
              GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->documents_list, i);

              update_document_row (self, g_object_get_data (G_OBJECT (list_row), "document-row"),
                                   g_ptr_array_index (documents, i), force);
            }
          continue;
        }

      /* Rows are about to go: what was typed in them is saved first. */
      xd_autosave_flush_all (GTK_WIDGET (self->documents_list));
      remove_document_rows (self);
      for (guint i = 0; i < documents->len; i++)
        {
          XdDocument *doc = g_ptr_array_index (documents, i);

          gtk_list_box_append (self->documents_list, create_document_row (self, doc));
        }
    }
  while (self->documents_pending);
  self->loading_documents = FALSE;
}

static guint
count_document_rows (XdDossierDetail *self)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (self->documents_list, n) != NULL)
    n++;
  return n;
}

static void
add_document_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (widget);
  g_autoptr(XdDocument) doc = xd_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->store == NULL || self->dossier_id == 0)
    return;

  doc->dossier_id = self->dossier_id;
  doc->position = count_document_rows (self);
  doc->kind = XD_DOCUMENT_OTHER;
  g_free (doc->title);
  doc->title = g_strdup (_("New document"));

  id = xd_store_add_document (self->store, doc, &error);
  if (id == 0)
    {
      report_error (self, error);
      return;
    }

  /* The store's change has built the row: the user names it next. */
  for (guint i = 0; gtk_list_box_get_row_at_index (self->documents_list, i) != NULL; i++)
    {
      GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->documents_list, i);
      DocumentRow *row = g_object_get_data (G_OBJECT (list_row), "document-row");

      if (row->id == id)
        {
          gtk_widget_grab_focus (row->title);
          gtk_editable_select_region (GTK_EDITABLE (row->title), 0, -1);
        }
    }
}

static void
add_usual_documents_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (widget);
  guint position;

  if (self->store == NULL || self->dossier_id == 0)
    return;

  position = count_document_rows (self);
  for (guint i = 0; i < G_N_ELEMENTS (usual_documents); i++)
    {
      g_autoptr(XdDocument) doc = xd_document_new ();
      g_autoptr(GError) error = NULL;

      doc->dossier_id = self->dossier_id;
      doc->position = position + i;
      doc->kind = usual_documents[i];
      g_free (doc->title);
      doc->title = g_strdup (xd_document_kind_get_label (usual_documents[i]));
      if (xd_store_add_document (self->store, doc, &error) == 0)
        {
          report_error (self, error);
          return;
        }
    }
}

static void
on_remove_document_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                XdDossierDetail  *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "document-id");

  if (g_strcmp0 (response, "remove") != 0 || self->store == NULL)
    return;

  if (!xd_store_delete_document (self->store, id, &error))
    report_error (self, error);
}

static void
remove_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (widget);
  g_autoptr(XdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  doc = find_document (self, id, &error);
  if (doc == NULL)
    {
      report_error (self, error);
      return;
    }

  dialog = adw_message_dialog_new (get_window (self), NULL,
                                   _("The document is taken off this dossier's checklist. "
                                     "An attached file stays where it is on the disk."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Remove “%s”?"), doc->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "document-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_remove_document_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GListModel *
create_file_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *types[] = {
    "application/pdf",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "image/jpeg",
    "image/png",
    "image/tiff",
  };

  gtk_file_filter_set_name (documents, _("Scans and documents"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_file_filter_add_mime_type (documents, types[i]);
  g_list_store_append (filters, documents);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);

  return G_LIST_MODEL (filters);
}

#if GTK_CHECK_VERSION (4, 10, 0)
typedef struct {
  XdDossierDetail *self;
  gint64 document_id;
} AttachRequest;

static void
on_file_dialog_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  AttachRequest *request = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file != NULL && g_file_peek_path (file) != NULL)
    xd_dossier_detail_attach_file (request->self, request->document_id, g_file_peek_path (file));

  g_object_unref (request->self);
  g_free (request);
}
#else
static void
on_file_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             XdDossierDetail *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (native), "document-id");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && g_file_peek_path (file) != NULL)
        xd_dossier_detail_attach_file (self, id, g_file_peek_path (file));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static void
attach_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GListModel) filters = create_file_filters ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  AttachRequest *request = g_new0 (AttachRequest, 1);

  request->self = g_object_ref (self);
  request->document_id = id;
  gtk_file_dialog_set_title (dialog, _("Attach a File"));
  gtk_file_dialog_set_accept_label (dialog, _("_Attach"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, get_window (self), NULL, on_file_dialog_done_cb, request);
#else
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Attach a File"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  g_object_set_data_full (G_OBJECT (native), "document-id", g_memdup2 (&id, sizeof id), g_free);
  /* The dialog holds itself until it answers; the callback lets it go. */
  g_signal_connect_object (native, "response", G_CALLBACK (on_file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_launch_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XdDossierDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autofree char *message =
        g_strdup_printf (_("No program could open the file: %s"), error->message);

      xd_window_show_error (GTK_WIDGET (self), message);
    }
}
#endif

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (widget);
  g_autoptr(XdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *hash = NULL;

  if (self->store == NULL)
    return;

  doc = find_document (self, g_variant_get_int64 (parameter), &error);
  if (doc == NULL)
    {
      report_error (self, error);
      return;
    }
  if (doc->file_path == NULL)
    return;

  /* The fingerprint is the point of attaching: say so when the file on
   * the disk is no longer the one that was checked. */
  hash = xd_file_sha256 (doc->file_path, &error);
  if (hash == NULL)
    {
      report_error (self, error);
      return;
    }
  if (g_strcmp0 (hash, doc->sha256) != 0)
    {
      g_autofree char *name = g_filename_display_basename (doc->file_path);
      g_autofree char *message =
        g_strdup_printf (_("The file “%s” has changed since it was attached: its SHA-256 "
                           "fingerprint is different. Check it, then attach it again."),
                         name);

      xd_window_show_error (GTK_WIDGET (self), message);
    }

  file = g_file_new_for_path (doc->file_path);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, get_window (self), NULL,
                              on_launch_done_cb, g_object_ref (self));
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    gtk_show_uri (get_window (self), uri, GDK_CURRENT_TIME);
  }
#endif
}

/* Criteria table
 * ============== */

static void
load_criteria (XdDossierDetail *self)
{
  if (self->loading_criteria)
    {
      self->criteria_pending = TRUE;
      return;
    }

  self->loading_criteria = TRUE;
  do
    {
      g_autoptr(XdMeeting) meeting = NULL;
      g_autoptr(XdCriteriaSet) set = NULL;
      g_autoptr(GError) error = NULL;

      self->criteria_pending = FALSE;
      meeting = xd_store_get_meeting (self->store, self->meeting_id, &error);
      if (meeting == NULL)
        {
          report_error (self, error);
          break;
        }
      if (meeting->criteria_set_id != 0)
        set = xd_store_get_criteria_set (self->store, meeting->criteria_set_id, &error);
      if (set == NULL)
        {
          if (error != NULL)
            report_error (self, error);
          g_list_store_remove_all (self->assessments);
          gtk_widget_set_visible (GTK_WIDGET (self->criteria_source_label), FALSE);
          gtk_stack_set_visible_child_name (self->criteria_stack, "no-set");
          continue;
        }

      if (*set->source != '\0')
        {
          g_autofree char *source = g_strdup_printf ("%s · %s", set->name, set->source);

          gtk_label_set_text (self->criteria_source_label, source);
        }
      else
        gtk_label_set_text (self->criteria_source_label, set->name);
      gtk_widget_set_visible (GTK_WIDGET (self->criteria_source_label), TRUE);

      if (!xd_assessment_items_load (self->assessments, self->store, self->dossier_id, &error))
        {
          if (!g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND))
            report_error (self, error);
          break;
        }
      gtk_stack_set_visible_child_name (self->criteria_stack, "table");
    }
  while (self->criteria_pending);
  self->loading_criteria = FALSE;
}

static void
on_code_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  XdDossierDetail          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_code_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 XdDossierDetail          *self)
{
  XdAssessmentItem *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      xd_assessment_item_get_code (item));
}

static void
on_text_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  XdDossierDetail          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Keeps the natural width modest, so the column's share decides where
   * lines break instead of the longest criterion. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_item_set_child (list_item, label);
}

static void
on_text_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 XdDossierDetail          *self)
{
  XdAssessmentItem *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      xd_assessment_item_get_text (item));
}

static void
show_result (GtkDropDown      *dropdown,
             XdAssessmentItem *item)
{
  g_object_set_data (G_OBJECT (dropdown), "loading", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_selected (dropdown, result_to_index (xd_assessment_item_get_result (item)));
  g_object_set_data (G_OBJECT (dropdown), "loading", NULL);
}

static void
on_item_result_changed_cb (XdAssessmentItem *item,
                           GParamSpec       *pspec,
                           GtkDropDown      *dropdown)
{
  show_result (dropdown, item);
}

static gboolean
save_assessment (XdDossierDetail    *self,
                 XdAssessmentItem   *item,
                 XdAssessmentResult  result,
                 const char         *note)
{
  g_autoptr(XdAssessment) a = xd_assessment_new ();
  g_autoptr(GError) error = NULL;

  a->dossier_id = xd_assessment_item_get_dossier_id (item);
  a->criterion_id = xd_assessment_item_get_criterion_id (item);
  a->result = result;
  g_free (a->note);
  a->note = g_strdup (note);

  if (!xd_store_set_assessment (self->store, a, &error))
    {
      report_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
on_result_selected_cb (GtkDropDown     *dropdown,
                       GParamSpec      *pspec,
                       XdDossierDetail *self)
{
  XdAssessmentItem *item = g_object_get_data (G_OBJECT (dropdown), "item");
  guint selected = gtk_drop_down_get_selected (dropdown);
  XdAssessmentResult result;

  if (item == NULL || g_object_get_data (G_OBJECT (dropdown), "loading") != NULL ||
      selected >= G_N_ELEMENTS (result_order) || self->store == NULL)
    return;

  result = result_order[selected];
  if (result == xd_assessment_item_get_result (item))
    return;

  if (!save_assessment (self, item, result, xd_assessment_item_get_note (item)))
    show_result (dropdown, item);
}

static void
on_result_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    XdDossierDetail          *self)
{
  GtkWidget *dropdown = new_drop_down (result_label, G_N_ELEMENTS (result_order));

  gtk_widget_set_name (dropdown, "criterion-result");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_START);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_result_selected_cb), self);
  gtk_list_item_set_child (list_item, dropdown);
}

static void
on_result_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   XdDossierDetail          *self)
{
  XdAssessmentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);
  g_autofree char *label = g_strdup_printf (_("Result of criterion %s"),
                                            xd_assessment_item_get_code (item));

  g_object_set_data (G_OBJECT (dropdown), "item", item);
  show_result (GTK_DROP_DOWN (dropdown), item);
  gtk_widget_set_sensitive (dropdown, !self->read_only);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (item, "notify::result",
                           G_CALLBACK (on_item_result_changed_cb), dropdown, 0);
}

static void
on_result_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     XdDossierDetail          *self)
{
  XdAssessmentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, dropdown);
  g_object_set_data (G_OBJECT (dropdown), "item", NULL);
}

static gboolean
on_note_save_cb (GtkWidget  *field,
                 const char *text,
                 gpointer    user_data)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (user_data);
  XdAssessmentItem *item = g_object_get_data (G_OBJECT (field), "item");
  g_autofree char *note = xd_text_normalize (text);

  if (item == NULL || self->store == NULL ||
      g_strcmp0 (note, xd_assessment_item_get_note (item)) == 0)
    {
      mark_failed (field, FALSE);
      return TRUE;
    }

  if (!save_assessment (self, item, xd_assessment_item_get_result (item), note))
    {
      mark_failed (field, TRUE);
      return FALSE;
    }
  mark_failed (field, FALSE);
  return TRUE;
}

/* A long note does not fit the column: the whole of it on hover. */
static void
show_note_tooltip (GtkWidget        *entry,
                   XdAssessmentItem *item)
{
  const char *note = xd_assessment_item_get_note (item);

  gtk_widget_set_tooltip_text (entry, *note != '\0' ? note : NULL);
}

static void
on_item_note_changed_cb (XdAssessmentItem *item,
                         GParamSpec       *pspec,
                         GtkWidget        *entry)
{
  show_text (entry, xd_assessment_item_get_note (item), FALSE);
  show_note_tooltip (entry, item);
}

static void
on_note_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  XdDossierDetail          *self)
{
  GtkWidget *entry = gtk_entry_new ();

  /* An entry, not a text view: list rows must know their height before
   * they are drawn, which a text view only learns afterwards. */
  gtk_widget_set_name (entry, "criterion-note");
  gtk_widget_set_valign (entry, GTK_ALIGN_START);
  gtk_widget_set_margin_end (entry, 6);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note"));
  xd_autosave_attach (entry, on_note_save_cb, self);
  gtk_list_item_set_child (list_item, entry);
}

static void
on_note_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 XdDossierDetail          *self)
{
  XdAssessmentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  g_autofree char *label = g_strdup_printf (_("Note on criterion %s"),
                                            xd_assessment_item_get_code (item));

  g_object_set_data (G_OBJECT (entry), "item", item);
  show_text (entry, xd_assessment_item_get_note (item), TRUE);
  show_note_tooltip (entry, item);
  gtk_editable_set_editable (GTK_EDITABLE (entry), !self->read_only);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (item, "notify::note", G_CALLBACK (on_item_note_changed_cb), entry, 0);
}

static void
on_note_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   XdDossierDetail          *self)
{
  XdAssessmentItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *entry = gtk_list_item_get_child (list_item);

  /* The entry is reused for another row: what was typed goes first. */
  xd_autosave_flush (entry);
  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, entry);
  g_object_set_data (G_OBJECT (entry), "item", NULL);
}

/* Store and read-only state
 * ========================= */

static void
on_store_changed_cb (XdStore         *store,
                     const char      *entity,
                     gint64           id,
                     XdDossierDetail *self)
{
  if (self->dossier_id == 0)
    return;

  if (g_str_equal (entity, "*"))
    {
      load_dossier (self, FALSE);
      load_documents (self, FALSE);
      load_criteria (self);
    }
  else if (g_str_equal (entity, "dossier") && id == self->dossier_id)
    {
      /* Results and notes are saved as changes of their dossier. */
      load_dossier (self, FALSE);
      load_criteria (self);
    }
  else if (g_str_equal (entity, "dossier_document"))
    load_documents (self, FALSE);
  else if ((g_str_equal (entity, "meeting") && id == self->meeting_id) ||
           g_str_equal (entity, "criterion") || g_str_equal (entity, "criteria_set"))
    load_criteria (self);
}

static void
update_read_only (XdDossierDetail *self)
{
  gboolean editable = !self->read_only;
  GtkWidget *entries[] = {
    GTK_WIDGET (self->unit_name_entry),
    GTK_WIDGET (self->reference_row),
    GTK_WIDGET (self->received_row),
    GTK_WIDGET (self->verified_by_row),
  };
  const char *actions[] = {
    "dossier.delete",
    "dossier.add-document",
    "dossier.add-usual-documents",
    "document.attach",
    "document.remove",
  };
  guint n;

  /* Text stays readable and can be copied; it just cannot change. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (GTK_EDITABLE (entries[i]), editable);
  gtk_text_view_set_editable (self->summary_view, editable);
  gtk_text_view_set_editable (self->conclusion_view, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_type_dropdown), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->state_dropdown), editable);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], editable);

  for (guint i = 0; gtk_list_box_get_row_at_index (self->documents_list, i) != NULL; i++)
    {
      GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->documents_list, i);
      DocumentRow *row = g_object_get_data (G_OBJECT (list_row), "document-row");

      gtk_widget_set_sensitive (row->received, editable);
      gtk_widget_set_sensitive (row->kind, editable);
      gtk_editable_set_editable (GTK_EDITABLE (row->title), editable);
    }

  /* The table's cells take the state when they are bound: bind them again. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->assessments), 0, n, n);
}

/* GObject
 * ======= */

static void
xd_dossier_detail_dispose (GObject *object)
{
  XdDossierDetail *self = XD_DOSSIER_DETAIL (object);

  /* Before anything goes: the last words typed reach the database. */
  xd_autosave_flush_all (GTK_WIDGET (self));
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  self->dossier_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_DOSSIER_DETAIL);
  g_clear_object (&self->assessments);

  G_OBJECT_CLASS (xd_dossier_detail_parent_class)->dispose (object);
}

static void
xd_dossier_detail_class_init (XdDossierDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xd_dossier_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-dossier-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, unit_name_entry);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, unit_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, reference_row);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, received_row);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, received_error_icon);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, summary_view);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, documents_list);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, criteria_source_label);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, criteria_stack);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, criteria_view);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, conclusion_view);
  gtk_widget_class_bind_template_child (widget_class, XdDossierDetail, verified_by_row);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_unbind_cb);

  gtk_widget_class_install_action (widget_class, "dossier.delete", NULL, delete_dossier_action);
  gtk_widget_class_install_action (widget_class, "dossier.add-document", NULL,
                                   add_document_action);
  gtk_widget_class_install_action (widget_class, "dossier.add-usual-documents", NULL,
                                   add_usual_documents_action);
  gtk_widget_class_install_action (widget_class, "document.open", "x", open_file_action);
  gtk_widget_class_install_action (widget_class, "document.attach", "x", attach_file_action);
  gtk_widget_class_install_action (widget_class, "document.remove", "x", remove_document_action);
}

static void
xd_dossier_detail_init (XdDossierDetail *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));

  set_drop_down_model (self->unit_type_dropdown, unit_type_label, XD_UNIT_OTHER + 1);
  set_drop_down_model (self->state_dropdown, dossier_state_label, XD_DOSSIER_VOTED + 1);

  self->assessments = g_list_store_new (XD_TYPE_ASSESSMENT_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->assessments)));
  gtk_column_view_set_model (self->criteria_view, GTK_SELECTION_MODEL (selection));

  xd_autosave_attach (GTK_WIDGET (self->unit_name_entry), on_field_save_cb, self);
  xd_autosave_attach (GTK_WIDGET (self->reference_row), on_field_save_cb, self);
  xd_autosave_attach (GTK_WIDGET (self->received_row), on_field_save_cb, self);
  xd_autosave_attach (GTK_WIDGET (self->summary_view), on_field_save_cb, self);
  xd_autosave_attach (GTK_WIDGET (self->conclusion_view), on_field_save_cb, self);
  xd_autosave_attach (GTK_WIDGET (self->verified_by_row), on_field_save_cb, self);
}

/* Public API
 * ========== */

GtkWidget *
xd_dossier_detail_new (void)
{
  return g_object_new (XD_TYPE_DOSSIER_DETAIL, NULL);
}

void
xd_dossier_detail_set_dossier (XdDossierDetail *self,
                               XdStore         *store,
                               gint64           dossier_id)
{
  g_return_if_fail (XD_IS_DOSSIER_DETAIL (self));
  g_return_if_fail (store == NULL || XD_IS_STORE (store));

  /* What was typed belongs to the dossier shown until now. */
  xd_autosave_flush_all (GTK_WIDGET (self));

  if (store != self->store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
    }

  self->dossier_id = store != NULL ? dossier_id : 0;
  self->meeting_id = 0;
  /* Nothing selected: the view shows its "no dossier" page instead of
   * this one, so the rows are left as they are.  Destroying forty criteria
   * rows took up to 100 ms, on the very keystroke of a search that hid the
   * selected dossier; the next dossier shown replaces them anyway. */
  if (self->dossier_id == 0)
    return;

  load_dossier (self, TRUE);
  load_documents (self, TRUE);
  load_criteria (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

gint64
xd_dossier_detail_get_dossier_id (XdDossierDetail *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_DETAIL (self), 0);

  return self->dossier_id;
}

void
xd_dossier_detail_set_read_only (XdDossierDetail *self,
                                 gboolean         read_only)
{
  g_return_if_fail (XD_IS_DOSSIER_DETAIL (self));

  self->read_only = !!read_only;
  update_read_only (self);
}

void
xd_dossier_detail_focus_unit_name (XdDossierDetail *self)
{
  g_return_if_fail (XD_IS_DOSSIER_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->unit_name_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->unit_name_entry), 0, -1);
}

gboolean
xd_dossier_detail_attach_file (XdDossierDetail *self,
                               gint64           document_id,
                               const char      *path)
{
  g_autoptr(XdDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (XD_IS_DOSSIER_DETAIL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL || self->dossier_id == 0)
    return FALSE;

  /* Read before anything is written: a file that cannot be read is never
   * recorded, and the record never holds a path without its checksum. */
  absolute = g_canonicalize_filename (path, NULL);
  hash = xd_file_sha256 (absolute, &error);
  if (hash == NULL)
    {
      report_error (self, error);
      return FALSE;
    }

  doc = find_document (self, document_id, &error);
  if (doc == NULL)
    {
      report_error (self, error);
      return FALSE;
    }

  g_free (doc->file_path);
  doc->file_path = g_steal_pointer (&absolute);
  g_free (doc->sha256);
  doc->sha256 = g_steal_pointer (&hash);
  /* A document whose file is at hand has been received. */
  doc->received = TRUE;

  return save_document (self, doc);
}
