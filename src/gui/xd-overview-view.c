/* xd-overview-view.c — a meeting's details, voting rules and progress
 *
 * Every field is written to the store on its own: text fields through
 * xd_autosave (a pause or leaving the field), choices at once.  The view
 * re-reads the meeting when the store says it changed, leaving alone the
 * field the user is typing in and any field whose text could not be saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-overview-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-autosave.h"
#include "xd-criteria-sets-dialog.h"
#include "xd-fit-height.h"
#include "xd-format.h"
#include "xd-overview-view.h"
#include "xd-record.h"
#include "xd-stack-pages.h"
#include "xd-text.h"
#include "xd-window.h"

struct _XdOverviewView
{
  AdwBin parent_instance;

  XdStore *store;
  gulong changed_id;
  gint64 meeting_id;
  XdMeeting *meeting;          /* as last read from the store */
  GArray *member_ids;          /* chair and secretary rows: item i + 1 */
  GArray *set_ids;             /* criteria set row: item i + 1 */
  GHashTable *edited;          /* fields typed in and not saved (yet, or
                                * because the store refused the text) */
  gboolean loading;            /* filling widgets: not the user's choice */
  gboolean force_load;         /* a new meeting: overwrite every field */
  gboolean read_only;
  gboolean has_members;
  gboolean custom_quorum;      /* "Other" chosen, nothing typed yet */
  gboolean custom_threshold;

  /* Template widgets */
  GtkStack *stack;
  AdwEntryRow *title_row;
  AdwEntryRow *kind_row;
  AdwComboRow *state_row;
  AdwActionRow *finalised_row;
  AdwEntryRow *place_row;
  AdwEntryRow *date_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwEntryRow *parent_body_row;
  AdwEntryRow *issuing_body_row;
  AdwActionRow *number_row;
  GtkSpinButton *number_spin;
  GtkEntry *suffix_entry;
  GtkTextView *legal_basis_view;
  AdwActionRow *dossiers_row;
  GtkLabel *dossiers_label;
  AdwActionRow *votes_row;
  GtkLabel *votes_label;
  AdwActionRow *quorum_now_row;
  GtkLabel *quorum_label;
  GtkImage *quorum_icon;
  AdwComboRow *chair_row;
  AdwComboRow *secretary_row;
  GtkButton *manage_sets_button;
  AdwComboRow *criteria_set_row;
  AdwPreferencesGroup *rules_group;
  AdwComboRow *quorum_row;
  AdwEntryRow *quorum_custom_row;
  AdwComboRow *threshold_row;
  AdwActionRow *threshold_custom_row;
  GtkDropDown *threshold_kind_dropdown;
  GtkEntry *threshold_custom_entry;
  AdwComboRow *base_row;
  AdwComboRow *tie_row;
};

G_DEFINE_FINAL_TYPE (XdOverviewView, xd_overview_view, ADW_TYPE_BIN)

/* The choices offered before "Other…": the usual quorums and majorities
 * of Vietnamese councils (see reference/domain-vi.md). */
static const struct {
  int num;
  int den;
} quorum_presets[] = {
  { 1, 2 },
  { 2, 3 },
  { 3, 4 },
};
#define QUORUM_CUSTOM G_N_ELEMENTS (quorum_presets)

static const struct {
  XdThresholdKind kind;
  int num;
  int den;
} threshold_presets[] = {
  { XD_THRESHOLD_MORE_THAN, 1, 2 },
  { XD_THRESHOLD_AT_LEAST, 2, 3 },
  { XD_THRESHOLD_AT_LEAST, 3, 4 },
};
#define THRESHOLD_CUSTOM G_N_ELEMENTS (threshold_presets)

/* The states a user may choose here; finalising is a step of its own. */
static const XdMeetingState offered_states[] = {
  XD_MEETING_DRAFT,
  XD_MEETING_IN_SESSION,
  XD_MEETING_CLOSED,
};

static void reload (XdOverviewView *self);

/* Helpers
 * ======= */

static GtkWidget *
text_fields (XdOverviewView *self,
             guint           i)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->kind_row), GTK_WIDGET (self->place_row),
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
    GTK_WIDGET (self->parent_body_row), GTK_WIDGET (self->issuing_body_row),
    GTK_WIDGET (self->number_spin), GTK_WIDGET (self->suffix_entry),
    GTK_WIDGET (self->legal_basis_view), GTK_WIDGET (self->quorum_custom_row),
    GTK_WIDGET (self->threshold_custom_entry),
  };

  return i < G_N_ELEMENTS (fields) ? fields[i] : NULL;
}

/* A field the user is in, or with text not saved yet (a pause not over, a
 * save refused), keeps what it shows when the store reports a change: the
 * change may come from saving another field. */
static gboolean
field_is_busy (XdOverviewView *self,
               GtkWidget      *field)
{
  if (self->force_load)
    return FALSE;
  return (gtk_widget_get_state_flags (field) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0 ||
         g_hash_table_contains (self->edited, field);
}

static void
load_text (XdOverviewView *self,
           GtkWidget      *field,
           const char     *text)
{
  if (!field_is_busy (self, field))
    xd_autosave_set_text (field, text != NULL ? text : "");
}

static void
mark_field_ok (XdOverviewView *self,
               GtkWidget      *field)
{
  gtk_widget_remove_css_class (field, "error");
  g_hash_table_remove (self->edited, field);
}

/* Says what is wrong, in the window, and keeps the field's text. */
static gboolean
mark_field_failed (XdOverviewView *self,
                   GtkWidget      *field,
                   const char     *message)
{
  gtk_widget_add_css_class (field, "error");
  g_hash_table_add (self->edited, field);
  xd_window_show_error (GTK_WIDGET (self), message);
  return FALSE;
}

static void
on_field_changed_cb (gpointer   object,
                     GtkWidget *field)
{
  XdOverviewView *self = XD_OVERVIEW_VIEW (gtk_widget_get_ancestor (field, XD_TYPE_OVERVIEW_VIEW));

  if (self != NULL && !self->loading)
    g_hash_table_add (self->edited, field);
}

static XdMeeting *
read_meeting (XdOverviewView  *self,
              GError         **error)
{
  return xd_store_get_meeting (self->store, self->meeting_id, error);
}

/* Writes @m; on failure @field shows the error and keeps its text. */
static gboolean
commit (XdOverviewView *self,
        GtkWidget      *field,
        XdMeeting      *m)
{
  g_autoptr(GError) error = NULL;

  /* Cleared first, so the reload the store triggers may show the saved
   * (normalised) value in the field. */
  mark_field_ok (self, field);
  if (!xd_store_update_meeting (self->store, m, &error))
    {
      mark_field_failed (self, field, error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
get_editable_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* "70" is read as 70%, which is what people mean when they type a number. */
static gboolean
parse_fraction (const char *text,
                int        *num,
                int        *den)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gboolean digits = *copy != '\0';

  for (const char *p = copy; *p != '\0'; p++)
    digits = digits && g_ascii_isdigit (*p);
  if (digits)
    {
      g_autofree char *percent = g_strconcat (copy, "%", NULL);
      return xd_rule_parse_fraction (percent, num, den);
    }
  return xd_rule_parse_fraction (copy, num, den);
}

static guint
quorum_index (const XdRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (quorum_presets); i++)
    if ((gint64) rule->quorum_num * quorum_presets[i].den ==
        (gint64) quorum_presets[i].num * rule->quorum_den)
      return i;
  return QUORUM_CUSTOM;
}

static guint
threshold_index (const XdRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (threshold_presets); i++)
    if (rule->threshold_kind == threshold_presets[i].kind &&
        (gint64) rule->threshold_num * threshold_presets[i].den ==
        (gint64) threshold_presets[i].num * rule->threshold_den)
      return i;
  return THRESHOLD_CUSTOM;
}

static char *
describe_rule (const XdRule *rule)
{
  g_autofree char *majority = xd_rule_describe_threshold (rule, FALSE);
  g_autofree char *quorum = xd_rule_format_fraction (rule->quorum_num, rule->quorum_den);

  if (rule->quorum_num == 0)
    return g_strdup_printf (_("A proposal passes with %s in favour; there is no minimum attendance."),
                            majority);
  return g_strdup_printf (_("A proposal passes with %s in favour, once at least %s of all members are present."),
                          majority, quorum);
}

static void
update_number_preview (XdOverviewView *self)
{
  g_autofree char *suffix = get_editable_text (self->suffix_entry);
  g_autofree char *digits = get_editable_text (self->number_spin);
  g_autofree char *number = NULL;
  g_autofree char *preview = NULL;
  gint64 n = 0;

  if (!g_ascii_string_to_signed (digits, 10, 0, 9999, &n, NULL))
    n = 0;
  /* Not numbered yet: the minutes leave blanks to fill in by hand, the
   * preview shows an ellipsis (blanks in a label would only look empty). */
  if (n == 0)
    number = *suffix != '\0' ? g_strconcat ("…/", suffix, NULL) : g_strdup ("…");
  else
    number = xd_format_document_number ((int) n, suffix);
  /* The document's own words, Vietnamese in every UI language. */
  preview = g_strconcat ("Số: ", number, NULL);
  adw_action_row_set_subtitle (self->number_row, preview);
}

/* The one switch: a read-only file or a finalised meeting can be looked at,
 * not changed. */
static void
update_read_only (XdOverviewView *self)
{
  gboolean store_ro = self->store == NULL || xd_store_is_read_only (self->store);
  gboolean editable;
  GtkWidget *choices[] = {
    GTK_WIDGET (self->state_row), GTK_WIDGET (self->criteria_set_row),
    GTK_WIDGET (self->quorum_row), GTK_WIDGET (self->threshold_row),
    GTK_WIDGET (self->threshold_custom_row), GTK_WIDGET (self->base_row),
    GTK_WIDGET (self->tie_row),
  };
  GtkWidget *field;

  self->read_only = store_ro ||
                    (self->meeting != NULL && self->meeting->state == XD_MEETING_FINALISED);
  editable = !self->read_only;

  /* A field made insensitive while it has the focus never hears that it
   * lost it (GTK 4.8 warns): the focus leaves first. */
  if (self->read_only &&
      (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL)
        gtk_root_set_focus (root, NULL);
    }

  for (guint i = 0; (field = text_fields (self, i)) != NULL; i++)
    gtk_widget_set_sensitive (field, editable);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_widget_set_sensitive (choices[i], editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chair_row), editable && self->has_members);
  gtk_widget_set_sensitive (GTK_WIDGET (self->secretary_row), editable && self->has_members);

  /* Sets belong to the database, not to the meeting. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.manage-criteria-sets", !store_ro);
}

/* Loading
 * ======= */

static void
load_fields (XdOverviewView *self)
{
  XdMeeting *m = self->meeting;
  g_autofree char *date = xd_format_date_ui (m->starts_at);
  g_autofree char *start = xd_format_time_ui (m->starts_at);
  g_autofree char *end = xd_format_time_ui (m->ends_at);
  gboolean finalised = m->state == XD_MEETING_FINALISED;

  load_text (self, GTK_WIDGET (self->title_row), m->title);
  load_text (self, GTK_WIDGET (self->kind_row), m->kind);
  load_text (self, GTK_WIDGET (self->place_row), m->place);
  load_text (self, GTK_WIDGET (self->date_row), date);
  load_text (self, GTK_WIDGET (self->start_row), start);
  load_text (self, GTK_WIDGET (self->end_row), end);
  load_text (self, GTK_WIDGET (self->parent_body_row), m->parent_body);
  load_text (self, GTK_WIDGET (self->issuing_body_row), m->issuing_body);
  load_text (self, GTK_WIDGET (self->suffix_entry), m->number_suffix);
  load_text (self, GTK_WIDGET (self->legal_basis_view), m->legal_basis);

  if (!field_is_busy (self, GTK_WIDGET (self->number_spin)))
    {
      g_autofree char *number = g_strdup_printf ("%d", m->number);

      gtk_spin_button_set_value (self->number_spin, m->number);
      /* Marks the field clean: setting the value is not a user's edit. */
      xd_autosave_set_text (GTK_WIDGET (self->number_spin), number);
    }
  update_number_preview (self);

  gtk_widget_set_visible (GTK_WIDGET (self->state_row), !finalised);
  gtk_widget_set_visible (GTK_WIDGET (self->finalised_row), finalised);
  if (finalised && m->record_hash != NULL)
    {
      g_autofree char *code = xd_record_verification_code (m->record_hash);
      g_autofree char *subtitle =
        g_strdup_printf (_("Finalised — the record can no longer be changed. "
                           "Verification code: %s"), code);

      adw_action_row_set_subtitle (self->finalised_row, subtitle);
    }
  for (guint i = 0; i < G_N_ELEMENTS (offered_states); i++)
    if (offered_states[i] == m->state)
      adw_combo_row_set_selected (self->state_row, i);
}

static void
load_rules (XdOverviewView *self)
{
  const XdRule *rule = &self->meeting->rule;
  g_autofree char *description = describe_rule (rule);
  g_autofree char *quorum = xd_rule_format_fraction (rule->quorum_num, rule->quorum_den);
  g_autofree char *threshold = xd_rule_format_fraction (rule->threshold_num, rule->threshold_den);
  guint q = quorum_index (rule);
  guint t = threshold_index (rule);

  /* "Other…" stays chosen while the user is about to type a value. */
  if (self->custom_quorum)
    q = QUORUM_CUSTOM;
  if (self->custom_threshold)
    t = THRESHOLD_CUSTOM;

  adw_combo_row_set_selected (self->quorum_row, q);
  gtk_widget_set_visible (GTK_WIDGET (self->quorum_custom_row), q == QUORUM_CUSTOM);
  load_text (self, GTK_WIDGET (self->quorum_custom_row), quorum);

  adw_combo_row_set_selected (self->threshold_row, t);
  gtk_widget_set_visible (GTK_WIDGET (self->threshold_custom_row), t == THRESHOLD_CUSTOM);
  gtk_drop_down_set_selected (self->threshold_kind_dropdown,
                              rule->threshold_kind == XD_THRESHOLD_AT_LEAST ? 1 : 0);
  load_text (self, GTK_WIDGET (self->threshold_custom_entry), threshold);

  adw_combo_row_set_selected (self->base_row, rule->base);
  adw_combo_row_set_selected (self->tie_row, rule->tie_rule);
  adw_preferences_group_set_description (self->rules_group, description);
}

static int
compare_member_names (gconstpointer a,
                      gconstpointer b)
{
  const XdMember *ma = *(XdMember * const *) a;
  const XdMember *mb = *(XdMember * const *) b;
  int cmp = xd_text_compare_names (ma->full_name, mb->full_name);

  return cmp != 0 ? cmp : (ma->id > mb->id) - (ma->id < mb->id);
}

/* The same people, with the same names, in the same order. */
static gboolean
same_people (XdOverviewView *self,
             GPtrArray      *members)
{
  GListModel *model = adw_combo_row_get_model (self->chair_row);

  if (model == NULL || members->len != self->member_ids->len ||
      g_list_model_get_n_items (model) != members->len + 1)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      XdMember *member = g_ptr_array_index (members, i);

      if (member->id != g_array_index (self->member_ids, gint64, i) ||
          g_strcmp0 (member->full_name,
                     gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
load_people (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = xd_store_list_members (self->store, self->meeting_id, &error);
  const char *chair_title = NULL;
  const char *secretary_title = NULL;
  guint chair = 0;
  guint secretary = 0;

  if (members == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  /* By name, the Vietnamese way: a person is looked for by name, and the
   * list does not move when roles change. */
  g_ptr_array_sort (members, compare_member_names);

  /* Choosing a chair changes roles only: the lists stay as they are, so an
   * open dropdown is not replaced under the user's pointer. */
  if (!same_people (self, members))
    {
      g_autoptr(GtkStringList) chair_model = gtk_string_list_new (NULL);
      g_autoptr(GtkStringList) secretary_model = gtk_string_list_new (NULL);

      g_array_set_size (self->member_ids, 0);
      gtk_string_list_append (chair_model, _("Nobody chosen"));
      gtk_string_list_append (secretary_model, _("Nobody chosen"));
      for (guint i = 0; i < members->len; i++)
        {
          XdMember *member = g_ptr_array_index (members, i);

          g_array_append_val (self->member_ids, member->id);
          gtk_string_list_append (chair_model, member->full_name);
          gtk_string_list_append (secretary_model, member->full_name);
        }
      adw_combo_row_set_model (self->chair_row, G_LIST_MODEL (chair_model));
      adw_combo_row_set_model (self->secretary_row, G_LIST_MODEL (secretary_model));
    }

  for (guint i = 0; i < members->len; i++)
    {
      XdMember *member = g_ptr_array_index (members, i);

      if (member->role == XD_ROLE_CHAIR)
        {
          chair = i + 1;
          chair_title = member->title;
        }
      else if (member->role == XD_ROLE_SECRETARY)
        {
          secretary = i + 1;
          secretary_title = member->title;
        }
    }
  self->has_members = members->len > 0;

  adw_combo_row_set_selected (self->chair_row, chair);
  adw_combo_row_set_selected (self->secretary_row, secretary);

  if (!self->has_members)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->chair_row),
                                   _("Add the council’s members first, in the Members view"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->secretary_row), "");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->chair_row),
                                   chair_title != NULL ? chair_title : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->secretary_row),
                                   secretary_title != NULL ? secretary_title : "");
    }
}

static gboolean
same_sets (XdOverviewView *self,
           GPtrArray      *sets)
{
  GListModel *model = adw_combo_row_get_model (self->criteria_set_row);

  if (model == NULL || sets->len != self->set_ids->len ||
      g_list_model_get_n_items (model) != sets->len + 1)
    return FALSE;
  for (guint i = 0; i < sets->len; i++)
    {
      XdCriteriaSet *set = g_ptr_array_index (sets, i);

      if (set->id != g_array_index (self->set_ids, gint64, i) ||
          g_strcmp0 (set->name, gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
load_sets (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (self->store, &error);
  guint selected = 0;

  if (sets == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  for (guint i = 0; i < sets->len; i++)
    {
      XdCriteriaSet *set = g_ptr_array_index (sets, i);

      if (set->id == self->meeting->criteria_set_id)
        selected = i + 1;
    }

  /* Choosing a set re-reads the meeting from inside the row's own
   * selection change: its list is replaced only when the sets changed. */
  if (!same_sets (self, sets))
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      g_array_set_size (self->set_ids, 0);
      gtk_string_list_append (model, _("No criteria set"));
      for (guint i = 0; i < sets->len; i++)
        {
          XdCriteriaSet *set = g_ptr_array_index (sets, i);

          g_array_append_val (self->set_ids, set->id);
          gtk_string_list_append (model, set->name);
        }
      adw_combo_row_set_model (self->criteria_set_row, G_LIST_MODEL (model));
    }
  adw_combo_row_set_selected (self->criteria_set_row, selected);
}

static void
load_progress (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dossiers = NULL;
  g_autofree char *dossiers_note = NULL;
  g_autofree char *votes = NULL;
  g_autofree char *votes_note = NULL;
  g_autofree char *present = NULL;
  g_autofree char *quorum = NULL;
  XdMeetingProgress p;
  gboolean enough;

  if (!xd_store_get_progress (self->store, self->meeting_id, &p, &error))
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  dossiers = xd_format_fraction (p.dossiers_checked, p.dossiers_total);
  if (p.dossiers_total == 0)
    dossiers_note = g_strdup (_("No dossiers yet: add them in the Dossiers view"));
  else if (p.dossiers_checked == p.dossiers_total)
    dossiers_note = g_strdup (_("Every dossier has been checked"));
  else
    {
      int left = p.dossiers_total - p.dossiers_checked;
      g_autofree char *n = xd_format_integer (left);

      /* TRANSLATORS: %s is a number, grouped as the language groups them ("1.234") */
      dossiers_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s dossier still to check",
                                                    "%s dossiers still to check", left),
                                       n);
    }
  gtk_label_set_text (self->dossiers_label, dossiers);
  adw_action_row_set_subtitle (self->dossiers_row, dossiers_note);

  votes = xd_format_fraction (p.questions_closed, p.questions_total);
  if (p.questions_total == 0)
    votes_note = g_strdup (_("Nothing to vote on yet"));
  else if (p.questions_closed == p.questions_total)
    votes_note = g_strdup (_("Every vote has been taken"));
  else
    {
      int left = p.questions_total - p.questions_closed;
      g_autofree char *n = xd_format_integer (left);

      /* TRANSLATORS: %s is a number, grouped as the language groups them ("1.234") */
      votes_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s vote still to take",
                                                 "%s votes still to take", left),
                                    n);
    }
  gtk_label_set_text (self->votes_label, votes);
  adw_action_row_set_subtitle (self->votes_row, votes_note);

  enough = xd_rules_quorum_met (&self->meeting->rule, p.members_present, p.members_total);
  present = xd_format_fraction (p.members_present, p.members_total);
  quorum = xd_rules_describe_quorum (&self->meeting->rule, p.members_present, p.members_total);
  gtk_label_set_text (self->quorum_label, present);
  adw_action_row_set_subtitle (self->quorum_now_row, quorum);
  gtk_image_set_from_icon_name (self->quorum_icon,
                                enough ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_icon), enough ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->quorum_icon), enough ? "success" : "warning");
}

static gboolean
read_current_meeting (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  XdMeeting *meeting;

  if (self->store == NULL || self->meeting_id == 0)
    return FALSE;

  meeting = read_meeting (self, &error);
  if (meeting == NULL)
    {
      /* A meeting deleted meanwhile simply goes; the window moves on. */
      if (!g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND))
        xd_window_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  g_clear_pointer (&self->meeting, xd_meeting_free);
  self->meeting = meeting;
  return TRUE;
}

static void
reload (XdOverviewView *self)
{
  if (!read_current_meeting (self))
    {
      g_clear_pointer (&self->meeting, xd_meeting_free);
      xd_stack_pages_show (self->stack, "empty");
      update_read_only (self);
      return;
    }

  self->loading = TRUE;
  load_fields (self);
  load_rules (self);
  load_people (self);
  load_sets (self);
  load_progress (self);
  self->loading = FALSE;

  update_read_only (self);
  xd_stack_pages_show (self->stack, "meeting");
}

/* Saving text
 * =========== */

static gboolean
save_text_cb (GtkWidget  *field,
              const char *text,
              gpointer    user_data)
{
  XdOverviewView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  g_autofree char *value = NULL;
  char **slot;

  if (self->store == NULL || self->meeting_id == 0)
    return TRUE;
  m = read_meeting (self, &error);
  if (m == NULL)
    return mark_field_failed (self, field, error->message);

  if (field == GTK_WIDGET (self->title_row))
    slot = &m->title;
  else if (field == GTK_WIDGET (self->kind_row))
    slot = &m->kind;
  else if (field == GTK_WIDGET (self->place_row))
    slot = &m->place;
  else if (field == GTK_WIDGET (self->parent_body_row))
    slot = &m->parent_body;
  else if (field == GTK_WIDGET (self->issuing_body_row))
    slot = &m->issuing_body;
  else if (field == GTK_WIDGET (self->suffix_entry))
    slot = &m->number_suffix;
  else if (field == GTK_WIDGET (self->legal_basis_view))
    slot = &m->legal_basis;
  else
    g_return_val_if_reached (TRUE);

  /* One line each, tidied; the legal basis keeps its lines as typed, only
   * trailing blank lines go. */
  if (field == GTK_WIDGET (self->legal_basis_view))
    value = g_strchomp (g_strdup (text));
  else
    value = xd_text_normalize (text);

  if (g_strcmp0 (*slot, value) == 0)
    {
      mark_field_ok (self, field);
      return TRUE;
    }
  g_free (*slot);
  *slot = g_steal_pointer (&value);
  return commit (self, field, m);
}

static gboolean
save_number_cb (GtkWidget  *field,
                const char *text,
                gpointer    user_data)
{
  XdOverviewView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  g_autofree char *digits = g_strstrip (g_strdup (text));
  gint64 n = 0;

  if (self->store == NULL || self->meeting_id == 0)
    return TRUE;
  if (*digits != '\0' && !g_ascii_string_to_signed (digits, 10, 0, 9999, &n, NULL))
    return mark_field_failed (self, field,
                              _("The document number must be a whole number from 0 to 9999; 0 leaves it blank."));

  m = read_meeting (self, &error);
  if (m == NULL)
    return mark_field_failed (self, field, error->message);
  if (m->number == n)
    {
      mark_field_ok (self, field);
      return TRUE;
    }
  m->number = (int) n;
  return commit (self, field, m);
}

/* Date, start and end are saved together: they make two stored values,
 * "2022-01-09T08:00" and "2022-01-09T10:30".  The end is on the day the
 * meeting starts. */
static gboolean
save_schedule_cb (GtkWidget  *field,
                  const char *text,
                  gpointer    user_data)
{
  XdOverviewView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  g_autofree char *date_text = get_editable_text (self->date_row);
  g_autofree char *start_text = get_editable_text (self->start_row);
  g_autofree char *end_text = get_editable_text (self->end_row);
  g_autofree char *iso_date = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  int start_h = 0, start_m = 0, end_h = 0, end_m = 0;

  if (self->store == NULL || self->meeting_id == 0)
    return TRUE;

  if (*date_text != '\0' && !xd_parse_date_ui (date_text, &iso_date))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a date. Type it as day/month/year, for example 09/01/2022."),
                         date_text);
      g_hash_table_add (self->edited, field);
      return mark_field_failed (self, GTK_WIDGET (self->date_row), message);
    }
  if (*start_text != '\0' && !xd_parse_time_ui (start_text, &start_h, &start_m))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a time. Type hours and minutes, for example 08:00 or 8h30."),
                         start_text);
      g_hash_table_add (self->edited, field);
      return mark_field_failed (self, GTK_WIDGET (self->start_row), message);
    }
  if (*end_text != '\0' && !xd_parse_time_ui (end_text, &end_h, &end_m))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a time. Type hours and minutes, for example 08:00 or 8h30."),
                         end_text);
      g_hash_table_add (self->edited, field);
      return mark_field_failed (self, GTK_WIDGET (self->end_row), message);
    }

  if (iso_date == NULL && (*start_text != '\0' || *end_text != '\0'))
    {
      g_hash_table_add (self->edited, field);
      return mark_field_failed (self, GTK_WIDGET (self->date_row),
                                _("Type the date of the meeting as well, for example 09/01/2022."));
    }
  if (iso_date != NULL && *start_text == '\0')
    {
      g_hash_table_add (self->edited, field);
      return mark_field_failed (self, GTK_WIDGET (self->start_row),
                                _("Type the time the meeting starts as well, for example 08:00."));
    }

  if (iso_date != NULL)
    {
      starts_at = g_strdup_printf ("%sT%02d:%02d", iso_date, start_h, start_m);
      if (*end_text != '\0')
        ends_at = g_strdup_printf ("%sT%02d:%02d", iso_date, end_h, end_m);
    }

  m = read_meeting (self, &error);
  if (m == NULL)
    return mark_field_failed (self, field, error->message);

  mark_field_ok (self, GTK_WIDGET (self->date_row));
  mark_field_ok (self, GTK_WIDGET (self->start_row));
  mark_field_ok (self, GTK_WIDGET (self->end_row));
  if (g_strcmp0 (m->starts_at, starts_at) == 0 && g_strcmp0 (m->ends_at, ends_at) == 0)
    return TRUE;

  g_free (m->starts_at);
  m->starts_at = g_steal_pointer (&starts_at);
  g_free (m->ends_at);
  m->ends_at = g_steal_pointer (&ends_at);
  /* The store refuses an end before the start, with its own words. */
  if (!commit (self, field, m))
    {
      if (field != GTK_WIDGET (self->end_row))
        gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_quorum_cb (GtkWidget  *field,
                const char *text,
                gpointer    user_data)
{
  XdOverviewView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  int num, den;

  if (self->store == NULL || self->meeting_id == 0)
    return TRUE;
  if (!parse_fraction (text, &num, &den))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a fraction or a percentage. Type it like 2/3 or 60%%."),
                         text);
      return mark_field_failed (self, field, message);
    }

  m = read_meeting (self, &error);
  if (m == NULL)
    return mark_field_failed (self, field, error->message);
  self->custom_quorum = FALSE;
  if (m->rule.quorum_num == num && m->rule.quorum_den == den)
    {
      mark_field_ok (self, field);
      return TRUE;
    }
  m->rule.quorum_num = num;
  m->rule.quorum_den = den;
  return commit (self, field, m);
}

static gboolean
save_threshold_cb (GtkWidget  *field,
                   const char *text,
                   gpointer    user_data)
{
  XdOverviewView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  g_autofree char *value = g_strstrip (g_strdup (text));
  g_autofree char *written = NULL;
  gboolean at_least = gtk_drop_down_get_selected (self->threshold_kind_dropdown) == 1;
  XdThresholdKind kind;
  int num, den;

  if (self->store == NULL || self->meeting_id == 0)
    return TRUE;
  if (parse_fraction (value, &num, &den))
    {
      g_autofree char *fraction = xd_rule_format_fraction (num, den);
      written = g_strconcat (at_least ? ">=" : ">", fraction, NULL);
    }
  if (written == NULL || !xd_rule_parse_threshold (written, &kind, &num, &den))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a majority a vote can reach. Type a fraction or a percentage such as 3/5 or 70%%; “more than” needs less than 100%%."),
                         value);
      return mark_field_failed (self, field, message);
    }

  m = read_meeting (self, &error);
  if (m == NULL)
    return mark_field_failed (self, field, error->message);
  self->custom_threshold = FALSE;
  if (m->rule.threshold_kind == kind && m->rule.threshold_num == num &&
      m->rule.threshold_den == den)
    {
      mark_field_ok (self, field);
      return TRUE;
    }
  m->rule.threshold_kind = kind;
  m->rule.threshold_num = num;
  m->rule.threshold_den = den;
  return commit (self, field, m);
}

/* Choices
 * ======= */

/* A refused choice goes back to what the store holds. */
static void
commit_choice (XdOverviewView *self,
               GtkWidget      *row,
               XdMeeting      *m)
{
  if (!commit (self, row, m))
    {
      mark_field_ok (self, row);
      reload (self);
    }
}

static void
on_state_selected_cb (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  guint selected = adw_combo_row_get_selected (self->state_row);

  if (self->loading || self->meeting == NULL || selected >= G_N_ELEMENTS (offered_states))
    return;
  if ((m = read_meeting (self, &error)) == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  if (m->state == offered_states[selected])
    return;
  m->state = offered_states[selected];
  commit_choice (self, GTK_WIDGET (self->state_row), m);
}

static void
on_criteria_set_selected_cb (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  guint selected = adw_combo_row_get_selected (self->criteria_set_row);
  gint64 set_id = 0;

  if (self->loading || self->meeting == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected <= self->set_ids->len)
    set_id = g_array_index (self->set_ids, gint64, selected - 1);
  if ((m = read_meeting (self, &error)) == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  if (m->criteria_set_id == set_id)
    return;
  m->criteria_set_id = set_id;
  commit_choice (self, GTK_WIDGET (self->criteria_set_row), m);
}

static void
choose_person (XdOverviewView *self,
               AdwComboRow    *row,
               XdRole          role)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);
  gint64 member_id = 0;

  if (self->loading || self->meeting == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected <= self->member_ids->len)
    member_id = g_array_index (self->member_ids, gint64, selected - 1);

  if (!xd_store_set_meeting_role (self->store, self->meeting_id, role, member_id, &error))
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      reload (self);
    }
}

static void
on_chair_selected_cb (XdOverviewView *self)
{
  choose_person (self, self->chair_row, XD_ROLE_CHAIR);
}

static void
on_secretary_selected_cb (XdOverviewView *self)
{
  choose_person (self, self->secretary_row, XD_ROLE_SECRETARY);
}

static void
on_quorum_selected_cb (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  guint selected = adw_combo_row_get_selected (self->quorum_row);

  if (self->loading || self->meeting == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected == QUORUM_CUSTOM)
    {
      /* Nothing to save until a value is typed. */
      self->custom_quorum = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->quorum_custom_row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->quorum_custom_row));
      return;
    }

  self->custom_quorum = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->quorum_custom_row), FALSE);
  if ((m = read_meeting (self, &error)) == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  if (m->rule.quorum_num == quorum_presets[selected].num &&
      m->rule.quorum_den == quorum_presets[selected].den)
    return;
  m->rule.quorum_num = quorum_presets[selected].num;
  m->rule.quorum_den = quorum_presets[selected].den;
  /* A value typed in the hidden field is no longer wanted. */
  mark_field_ok (self, GTK_WIDGET (self->quorum_custom_row));
  commit_choice (self, GTK_WIDGET (self->quorum_row), m);
}

static void
on_threshold_selected_cb (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  guint selected = adw_combo_row_get_selected (self->threshold_row);

  if (self->loading || self->meeting == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected == THRESHOLD_CUSTOM)
    {
      self->custom_threshold = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->threshold_custom_row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->threshold_custom_entry));
      return;
    }

  self->custom_threshold = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->threshold_custom_row), FALSE);
  if ((m = read_meeting (self, &error)) == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  if (m->rule.threshold_kind == threshold_presets[selected].kind &&
      m->rule.threshold_num == threshold_presets[selected].num &&
      m->rule.threshold_den == threshold_presets[selected].den)
    return;
  m->rule.threshold_kind = threshold_presets[selected].kind;
  m->rule.threshold_num = threshold_presets[selected].num;
  m->rule.threshold_den = threshold_presets[selected].den;
  mark_field_ok (self, GTK_WIDGET (self->threshold_custom_entry));
  commit_choice (self, GTK_WIDGET (self->threshold_row), m);
}

static void
on_threshold_kind_selected_cb (XdOverviewView *self)
{
  g_autofree char *text = NULL;

  if (self->loading || self->meeting == NULL)
    return;

  /* "More than" ⇄ "at least" applies to the value already there. */
  text = get_editable_text (self->threshold_custom_entry);
  if (*text != '\0')
    save_threshold_cb (GTK_WIDGET (self->threshold_custom_entry), text, self);
}

static void
on_base_selected_cb (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  guint selected = adw_combo_row_get_selected (self->base_row);

  if (self->loading || self->meeting == NULL || selected > XD_BASE_VOTES_CAST)
    return;
  if ((m = read_meeting (self, &error)) == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  if (m->rule.base == (XdBase) selected)
    return;
  m->rule.base = (XdBase) selected;
  commit_choice (self, GTK_WIDGET (self->base_row), m);
}

static void
on_tie_selected_cb (XdOverviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = NULL;
  guint selected = adw_combo_row_get_selected (self->tie_row);

  if (self->loading || self->meeting == NULL || selected > XD_TIE_REVOTE)
    return;
  if ((m = read_meeting (self, &error)) == NULL)
    {
      xd_window_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  if (m->rule.tie_rule == (XdTieRule) selected)
    return;
  m->rule.tie_rule = (XdTieRule) selected;
  commit_choice (self, GTK_WIDGET (self->tie_row), m);
}

/* Signals and actions
 * =================== */

static void
on_store_changed_cb (XdStore        *store,
                     const char     *entity,
                     gint64          id,
                     XdOverviewView *self)
{
  if (self->meeting == NULL)
    return;

  if (g_str_equal (entity, "meeting"))
    {
      /* Another meeting's edit says nothing about this one. */
      if (id == 0 || id == self->meeting_id)
        reload (self);
      return;
    }

  self->loading = TRUE;
  if (g_str_equal (entity, "member"))
    load_people (self);
  else if (g_str_equal (entity, "criteria_set"))
    load_sets (self);
  /* Dossiers, assessments, questions and criteria all move the progress;
   * one query, so there is no need to be finer. */
  load_progress (self);
  self->loading = FALSE;
  update_read_only (self);
}

static void
on_number_changed_cb (XdOverviewView *self)
{
  update_number_preview (self);
}

static void
manage_criteria_sets_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  XdOverviewView *self = XD_OVERVIEW_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  XdCriteriaSetsDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = xd_criteria_sets_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store,
                                        self->meeting != NULL ? self->meeting->criteria_set_id : 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides
 * ========= */

static void
xd_overview_view_dispose (GObject *object)
{
  XdOverviewView *self = XD_OVERVIEW_VIEW (object);

  /* Before the store goes: a field left with unsaved text saves it now. */
  xd_autosave_flush_all (GTK_WIDGET (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  /* AdwBin 1.2 would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_OVERVIEW_VIEW);

  G_OBJECT_CLASS (xd_overview_view_parent_class)->dispose (object);
}

static void
xd_overview_view_finalize (GObject *object)
{
  XdOverviewView *self = XD_OVERVIEW_VIEW (object);

  g_clear_pointer (&self->meeting, xd_meeting_free);
  g_clear_pointer (&self->member_ids, g_array_unref);
  g_clear_pointer (&self->set_ids, g_array_unref);
  g_clear_pointer (&self->edited, g_hash_table_unref);

  G_OBJECT_CLASS (xd_overview_view_parent_class)->finalize (object);
}

static void
xd_overview_view_class_init (XdOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xd_overview_view_dispose;
  object_class->finalize = xd_overview_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, title_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, state_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, finalised_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, place_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, date_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, start_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, end_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, parent_body_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, issuing_body_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, number_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, number_spin);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, suffix_entry);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, legal_basis_view);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, dossiers_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, dossiers_label);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, votes_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, votes_label);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, quorum_now_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, quorum_icon);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, chair_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, secretary_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, manage_sets_button);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, criteria_set_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, rules_group);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, quorum_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, quorum_custom_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, threshold_custom_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, threshold_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, threshold_custom_entry);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, base_row);
  gtk_widget_class_bind_template_child (widget_class, XdOverviewView, tie_row);
  gtk_widget_class_bind_template_callback (widget_class, on_state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_criteria_set_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chair_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secretary_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quorum_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_base_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tie_selected_cb);

  gtk_widget_class_install_action (widget_class, "overview.manage-criteria-sets", NULL,
                                   manage_criteria_sets_action);
}

static GtkStringList *
string_list_new (const char *first,
                 ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (list, s);
  va_end (args);
  return list;
}

static void
set_model (AdwComboRow   *row,
           GtkStringList *list)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_object_unref (list);
}

static void
xd_overview_view_init (XdOverviewView *self)
{
  GtkWidget *field;
  g_autoptr(GtkStringList) kinds = NULL;

  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->set_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->edited = g_hash_table_new (NULL, NULL);

  /* Choices are filled before the template's signals can fire on them. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  xd_stack_pages_hide_all (self->stack);

  set_model (self->state_row,
             string_list_new (xd_meeting_state_get_label (XD_MEETING_DRAFT),
                              xd_meeting_state_get_label (XD_MEETING_IN_SESSION),
                              xd_meeting_state_get_label (XD_MEETING_CLOSED),
                              NULL));
  set_model (self->quorum_row,
             string_list_new (_("At least half (1/2)"),
                              _("At least two thirds (2/3)"),
                              _("At least three quarters (3/4)"),
                              _("Other…"),
                              NULL));
  set_model (self->threshold_row,
             string_list_new (_("More than half (> 1/2)"),
                              _("At least two thirds (≥ 2/3)"),
                              _("At least three quarters (≥ 3/4)"),
                              _("Other…"),
                              NULL));
  set_model (self->base_row,
             string_list_new (xd_base_get_label (XD_BASE_ALL_MEMBERS),
                              xd_base_get_label (XD_BASE_PRESENT),
                              xd_base_get_label (XD_BASE_VOTES_CAST),
                              NULL));
  set_model (self->tie_row,
             string_list_new (xd_tie_rule_get_label (XD_TIE_CHAIR_DECIDES),
                              xd_tie_rule_get_label (XD_TIE_FAILS),
                              xd_tie_rule_get_label (XD_TIE_REVOTE),
                              NULL));
  kinds = string_list_new (_("More than"), _("At least"), NULL);
  gtk_drop_down_set_model (self->threshold_kind_dropdown, G_LIST_MODEL (kinds));
  self->loading = FALSE;

  for (guint i = 0; (field = text_fields (self, i)) != NULL; i++)
    {
      XdAutosaveFunc func = save_text_cb;

      if (field == GTK_WIDGET (self->date_row) || field == GTK_WIDGET (self->start_row) ||
          field == GTK_WIDGET (self->end_row))
        func = save_schedule_cb;
      else if (field == GTK_WIDGET (self->number_spin))
        func = save_number_cb;
      else if (field == GTK_WIDGET (self->quorum_custom_row))
        func = save_quorum_cb;
      else if (field == GTK_WIDGET (self->threshold_custom_entry))
        func = save_threshold_cb;
      xd_autosave_attach (field, func, self);
      g_signal_connect (GTK_IS_TEXT_VIEW (field)
                        ? (gpointer) gtk_text_view_get_buffer (GTK_TEXT_VIEW (field))
                        : (gpointer) field,
                        "changed", G_CALLBACK (on_field_changed_cb), field);
    }

  xd_text_view_fit_height (self->legal_basis_view);

  g_signal_connect_swapped (self->number_spin, "changed",
                            G_CALLBACK (on_number_changed_cb), self);
  g_signal_connect_swapped (self->suffix_entry, "changed",
                            G_CALLBACK (on_number_changed_cb), self);

  update_read_only (self);
}

/* Public API
 * ========== */

GtkWidget *
xd_overview_view_new (void)
{
  return g_object_new (XD_TYPE_OVERVIEW_VIEW, NULL);
}

void
xd_overview_view_set_meeting (XdOverviewView *self,
                              XdStore        *store,
                              gint64          meeting_id)
{
  GtkWidget *field;

  g_return_if_fail (XD_IS_OVERVIEW_VIEW (self));
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

  g_hash_table_remove_all (self->edited);
  for (guint i = 0; (field = text_fields (self, i)) != NULL; i++)
    gtk_widget_remove_css_class (field, "error");
  self->custom_quorum = FALSE;
  self->custom_threshold = FALSE;

  self->force_load = TRUE;
  reload (self);
  self->force_load = FALSE;
}
