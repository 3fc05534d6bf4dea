/* xd-voting-view.c — putting each dossier and question to the vote
 *
 * On the left the meeting's dossiers and free questions with where each
 * vote stands (XdQuestionItem, core); on the right the selected question:
 * its mode, the buttons that move it from draft to open to closed, and
 * either one row per member present (an open vote, fully operable from the
 * keyboard) or the totals of a secret ballot.  Everything that counts —
 * the running tally, the result if the vote closed now, the checks of a
 * secret ballot — comes from XdLiveVote (core), the same rules engine the
 * store uses when it closes the vote.
 *
 * Every choice is saved at once, each its own transaction; the totals of a
 * secret ballot save themselves like any text field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-voting-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xd-autosave.h"
#include "xd-format.h"
#include "xd-live-vote.h"
#include "xd-question-item.h"
#include "xd-text.h"
#include "xd-voting-view.h"
#include "xd-window.h"

struct _XdVotingView
{
  AdwBin parent_instance;

  XdStore *store;
  gint64 meeting_id;
  XdMeeting *meeting;
  gboolean read_only;
  gboolean summary_shown;

  GListStore *items;               /* XdQuestionItem */
  GtkSingleSelection *selection;
  gboolean syncing;                /* widgets being made to show the store: not user input */
  gboolean list_stale;             /* the list is read again when the view is shown */

  /* The row selected: a dossier, or (dossier 0) a free question. */
  gint64 sel_dossier_id;
  gint64 sel_question_id;

  /* What the right pane shows, as last read. */
  XdQuestion *question;            /* NULL: nothing selected, or a dossier not yet put to the vote */
  GPtrArray *members;              /* XdMember, council order */
  GArray *votes;                   /* XdVote */
  XdTally tally;
  XdLiveVote *live;
  gint64 cursor_member_id;         /* the voter row the keys act on */

  gint64 tally_question_id;        /* the question whose totals the fields show */

  /* Template widgets.  The bin's own child, the page stack, is not bound:
   * gtk_widget_dispose_template () would unparent it behind AdwBin's back. */
  GtkStack *list_stack;
  GtkListView *question_list;
  GtkToggleButton *summary_button;
  GtkStack *detail_stack;
  GtkLabel *context_label;
  GtkLabel *question_label;
  GtkWidget *mode_box;
  GtkLabel *state_label;
  GtkWidget *open_button;
  GtkWidget *close_button;
  GtkWidget *reopen_button;
  GtkWidget *remove_button;
  GtkWidget *override_box;
  GtkLabel *override_label;
  GtkWidget *result_box;
  GtkLabel *outcome_label;
  GtkLabel *explanation_label;
  GtkLabel *result_counts_label;
  GtkLabel *closed_label;
  GtkWidget *live_box;
  GtkImage *live_icon;
  GtkLabel *tally_label;
  GtkLabel *result_line_label;
  GtkStack *mode_stack;
  GtkLabel *keys_label;
  GtkListBox *voter_list;
  GtkLabel *absent_label;
  GtkWidget *tally_grid;
  GtkLabel *yes_label;
  GtkLabel *no_label;
  GtkLabel *abstain_label;
  GtkSpinButton *issued_spin;
  GtkSpinButton *valid_spin;
  GtkSpinButton *invalid_spin;
  GtkSpinButton *yes_spin;
  GtkSpinButton *no_spin;
  GtkSpinButton *abstain_spin;
  GtkLabel *tally_error_label;
  GtkLabel *secret_note_label;
  GtkLabel *summary_label;
  GtkColumnView *summary_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *mode_column;
  GtkColumnViewColumn *yes_column;
  GtkColumnViewColumn *no_column;
  GtkColumnViewColumn *abstain_column;
  GtkColumnViewColumn *result_column;
};

G_DEFINE_FINAL_TYPE (XdVotingView, xd_voting_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODE,
  PROP_SHOW_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const XdChoice choices[] = { XD_CHOICE_YES, XD_CHOICE_NO, XD_CHOICE_ABSTAIN };
static const char *choice_names[] = { "choice-yes", "choice-no", "choice-abstain" };

static void load_question (XdVotingView *self);
static void update_read_only (XdVotingView *self);

/* Helpers
 * ======= */

static GtkWindow *
parent_window (XdVotingView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (XdVotingView *self,
            const char   *message)
{
  xd_window_show_error (GTK_WIDGET (self), message);
}

static const char *
current_mode_string (XdVotingView *self)
{
  return xd_vote_mode_to_string (self->question != NULL ? self->question->mode : XD_VOTE_MODE_OPEN);
}

static void
set_classes (GtkWidget  *widget,
             const char *wanted)
{
  static const char *all[] = { "success", "error", "warning", "accent", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (widget, all[i]);
  if (wanted != NULL)
    gtk_widget_add_css_class (widget, wanted);
}

static const char *
outcome_class (XdOutcome outcome)
{
  switch (outcome)
    {
    case XD_OUTCOME_PASSED:
      return "success";
    case XD_OUTCOME_FAILED:
      return "error";
    case XD_OUTCOME_TIE_REVOTE:
    case XD_OUTCOME_NO_QUORUM:
      return "warning";
    case XD_OUTCOME_NONE:
    default:
      return NULL;
    }
}

/* "1/Y": the keys that record @choice, as shown in hints. */
static char *
choice_keys (XdChoice choice)
{
  gunichar key = xd_choice_get_key (choice);
  int digit = (int) choice + 1;
  char letter[8] = { 0 };

  if (key == 0)
    return g_strdup_printf ("%d", digit);
  g_unichar_to_utf8 (g_unichar_toupper (key), letter);
  return g_strdup_printf ("%d/%s", digit, letter);
}

static GtkSpinButton *
tally_spins (XdVotingView *self,
             guint         i)
{
  GtkSpinButton *spins[] = { self->issued_spin, self->valid_spin, self->invalid_spin,
                             self->yes_spin, self->no_spin, self->abstain_spin };

  return spins[i];
}

#define N_TALLY_SPINS 6

/* The totals as typed; FALSE when a field does not hold a whole number. */
static gboolean
typed_tally (XdVotingView *self,
             XdTally      *out)
{
  int values[N_TALLY_SPINS];

  for (guint i = 0; i < N_TALLY_SPINS; i++)
    if (!xd_parse_ballot_count (gtk_editable_get_text (GTK_EDITABLE (tally_spins (self, i))),
                                &values[i]))
      return FALSE;

  memset (out, 0, sizeof *out);
  out->question_id = self->question != NULL ? self->question->id : 0;
  out->ballots_issued = values[0];
  out->ballots_valid = values[1];
  out->ballots_invalid = values[2];
  out->yes = values[3];
  out->no = values[4];
  out->abstain = values[5];
  return TRUE;
}

static gboolean
votes_recorded (XdVotingView *self)
{
  if (self->question == NULL)
    return FALSE;
  if (self->question->mode == XD_VOTE_MODE_OPEN)
    return self->votes != NULL && self->votes->len > 0;
  return self->tally.ballots_issued != 0 || self->tally.ballots_valid != 0 ||
         self->tally.ballots_invalid != 0 || self->tally.yes != 0 ||
         self->tally.no != 0 || self->tally.abstain != 0;
}

static XdQuestionItem *
selected_item (XdVotingView *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Read-only state
 * =============== */

/* The one switch: a read-only file or a finalised meeting makes every
 * editing control insensitive; so does the state of the question for the
 * controls that do not apply to it (no choices before the vote is opened
 * or after it is closed). */
static void
update_read_only (XdVotingView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const XdQuestion *q = self->question;
  gboolean read_only = self->store == NULL || xd_store_is_read_only (self->store) ||
                       self->meeting == NULL || self->meeting->state == XD_MEETING_FINALISED;
  gboolean draft = q != NULL && q->state == XD_QUESTION_DRAFT;
  gboolean open = q != NULL && q->state == XD_QUESTION_OPEN;
  gboolean closed = q != NULL && q->state == XD_QUESTION_CLOSED;
  gboolean open_vote = !read_only && open && q->mode == XD_VOTE_MODE_OPEN;
  gboolean secret_entry = !read_only && open && q->mode == XD_VOTE_MODE_SECRET;
  gboolean recorded = votes_recorded (self);
  gboolean can_change_mode = !read_only && q != NULL && !closed && !recorded;
  const char *mode_tooltip;

  if (!secret_entry)
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      /* A field that turns insensitive under the cursor would keep the
       * focus (and a blinking cursor) in GTK 4.8: let go of it first. */
      if (root != NULL && (gtk_widget_get_state_flags (self->tally_grid) & GTK_STATE_FLAG_FOCUS_WITHIN))
        gtk_root_set_focus (root, NULL);
    }
  self->read_only = read_only;

  gtk_widget_action_set_enabled (widget, "voting.add-question", !read_only && self->meeting != NULL);
  gtk_widget_action_set_enabled (widget, "voting.remove-question",
                                 !read_only && q != NULL && q->dossier_id == 0 && !closed);
  gtk_widget_action_set_enabled (widget, "voting.open", !read_only && draft);
  gtk_widget_action_set_enabled (widget, "voting.close", !read_only && open);
  gtk_widget_action_set_enabled (widget, "voting.reopen", !read_only && closed);
  gtk_widget_action_set_enabled (widget, "voting.choose", open_vote);
  gtk_widget_action_set_enabled (widget, "voting.clear-choice", open_vote);
  gtk_widget_action_set_enabled (widget, "voting.mode", can_change_mode);

  if (read_only)
    mode_tooltip = _("This meeting can no longer be changed.");
  else if (closed)
    mode_tooltip = _("The vote is closed. Reopen it to change how the council votes.");
  else if (recorded)
    mode_tooltip = _("Votes have already been recorded, so the mode cannot change. "
                     "Clear them first to switch between an open vote and a secret ballot.");
  else
    mode_tooltip = _("Open vote: each member’s choice is recorded by name. "
                     "Secret ballot: only the totals counted from the ballot papers are recorded.");
  gtk_widget_set_tooltip_text (self->mode_box, mode_tooltip);

  /* The keys matter only while they record something. */
  gtk_widget_set_visible (GTK_WIDGET (self->keys_label), open_vote);

  /* Rows stay focusable so a closed vote can still be read row by row. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->voter_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *choices_box = g_object_get_data (G_OBJECT (row), "xd-choices");

      if (choices_box != NULL)
        gtk_widget_set_sensitive (choices_box, open_vote);
    }

  for (guint i = 0; i < N_TALLY_SPINS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (tally_spins (self, i)), secret_entry);
}

/* The running tally
 * ================= */

static void
show_live (XdVotingView *self)
{
  const XdLiveVote *live = self->live;
  const char *icon = "dialog-information-symbolic";
  const char *icon_class = "dim-label";
  const char *line_class = NULL;

  if (live == NULL)
    return;

  gtk_label_set_text (self->tally_label, live->counts_line);
  /* A secret ballot's problem is shown under its fields, where it is fixed. */
  if (live->secret && live->state == XD_LIVE_VOTE_INCONSISTENT)
    gtk_label_set_text (self->result_line_label, _("The result shows once the totals add up."));
  else
    gtk_label_set_text (self->result_line_label, live->result_line);

  switch (live->state)
    {
    case XD_LIVE_VOTE_EMPTY:
      line_class = "dim-label";
      break;
    case XD_LIVE_VOTE_INCONSISTENT:
      icon = "dialog-error-symbolic";
      icon_class = line_class = "error";
      break;
    case XD_LIVE_VOTE_EVALUATED:
      switch (live->result.outcome)
        {
        case XD_OUTCOME_PASSED:
          icon = "emblem-ok-symbolic";
          icon_class = "success";
          break;
        case XD_OUTCOME_TIE_REVOTE:
        case XD_OUTCOME_NO_QUORUM:
          icon = "dialog-warning-symbolic";
          icon_class = "warning";
          break;
        case XD_OUTCOME_FAILED:
        case XD_OUTCOME_NONE:
        default:
          /* Not yet enough votes in favour: no alarm while the count goes on. */
          break;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_image_set_from_icon_name (self->live_icon, icon);
  set_classes (GTK_WIDGET (self->live_icon), icon_class);
  set_classes (GTK_WIDGET (self->result_line_label), line_class);

  if (live->secret)
    {
      gboolean problem = live->state == XD_LIVE_VOTE_INCONSISTENT;

      gtk_label_set_text (self->tally_error_label, problem ? live->problem : "");
      gtk_widget_set_visible (GTK_WIDGET (self->tally_error_label), problem);
    }
}

/* The secret ballot's fields as typed: checked at every keystroke. */
static void
on_tally_changed_cb (XdVotingView *self)
{
  XdTally typed;
  XdRule rule = XD_RULE_INIT_DEFAULT;

  if (self->syncing || self->question == NULL || self->question->mode != XD_VOTE_MODE_SECRET ||
      self->question->state != XD_QUESTION_OPEN)
    return;

  if (!typed_tally (self, &typed))
    {
      gtk_label_set_text (self->tally_error_label,
                          _("Type a whole number (0, 1, 2 …) in each field."));
      gtk_widget_set_visible (GTK_WIDGET (self->tally_error_label), TRUE);
      gtk_label_set_text (self->result_line_label, _("The result shows once the totals add up."));
      gtk_image_set_from_icon_name (self->live_icon, "dialog-error-symbolic");
      set_classes (GTK_WIDGET (self->live_icon), "error");
      set_classes (GTK_WIDGET (self->result_line_label), "error");
      return;
    }

  if (self->meeting != NULL)
    rule = self->meeting->rule;
  g_clear_pointer (&self->live, xd_live_vote_free);
  self->live = xd_live_vote_new_secret (&rule, self->members, &typed,
                                        self->question->quorum_overridden);
  show_live (self);
}

static gboolean
save_tally (GtkWidget  *field,
            const char *text,
            gpointer    user_data)
{
  XdVotingView *self = user_data;
  g_autoptr(GError) error = NULL;
  XdTally typed;

  if (self->store == NULL || self->question == NULL ||
      self->question->mode != XD_VOTE_MODE_SECRET || self->question->state != XD_QUESTION_OPEN)
    return TRUE;

  /* The message is already under the fields. */
  if (!typed_tally (self, &typed))
    return FALSE;

  if (typed.ballots_issued == self->tally.ballots_issued &&
      typed.ballots_valid == self->tally.ballots_valid &&
      typed.ballots_invalid == self->tally.ballots_invalid &&
      typed.yes == self->tally.yes && typed.no == self->tally.no &&
      typed.abstain == self->tally.abstain)
    return TRUE;

  if (!xd_store_set_tally (self->store, &typed, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
show_tally (XdVotingView *self)
{
  const int values[N_TALLY_SPINS] = { self->tally.ballots_issued, self->tally.ballots_valid,
                                      self->tally.ballots_invalid, self->tally.yes,
                                      self->tally.no, self->tally.abstain };

  gint64 question_id = self->question != NULL ? self->question->id : 0;
  gboolean same_question = question_id == self->tally_question_id;

  self->syncing = TRUE;
  self->tally_question_id = question_id;
  for (guint i = 0; i < N_TALLY_SPINS; i++)
    {
      GtkSpinButton *spin = tally_spins (self, i);
      g_autofree char *text = g_strdup_printf ("%d", values[i]);

      /* Never overwrite what the user is typing: their text is saved. */
      if (same_question &&
          (gtk_widget_get_state_flags (GTK_WIDGET (spin)) & GTK_STATE_FLAG_FOCUS_WITHIN))
        continue;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) == 0)
        continue;
      xd_autosave_set_text (GTK_WIDGET (spin), text);
      gtk_spin_button_update (spin);
    }
  self->syncing = FALSE;
}

/* Voter rows
 * ========== */

static gint64
row_member_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "xd-member-id");

  return id != NULL ? *id : 0;
}

static GtkWidget *
find_voter_row (XdVotingView *self,
                gint64        member_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->voter_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_member_id (row) == member_id)
      return row;
  return NULL;
}

/* The row the keys act on: the one holding the focus, else the last one
 * the user was on, else the first. */
static GtkWidget *
current_voter_row (XdVotingView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX_ROW (w) && gtk_widget_get_parent (w) == GTK_WIDGET (self->voter_list))
      return w;

  if (self->cursor_member_id != 0 && (row = find_voter_row (self, self->cursor_member_id)) != NULL)
    return row;

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->voter_list, 0));
}

static void
focus_voter_row (XdVotingView *self,
                 GtkWidget    *row)
{
  if (row == NULL)
    return;
  self->cursor_member_id = row_member_id (row);
  gtk_widget_grab_focus (row);
}

static const XdMember *
find_member (XdVotingView *self,
             gint64        member_id)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      const XdMember *m = g_ptr_array_index (self->members, i);

      if (m->id == member_id)
        return m;
    }
  return NULL;
}

static void
record_choice (XdVotingView *self,
               gint64        member_id,
               gboolean      clear,
               XdChoice      choice)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->store == NULL || self->question == NULL)
    return;

  if (clear)
    ok = xd_store_clear_vote (self->store, self->question->id, member_id, &error);
  else
    ok = xd_store_set_vote (self->store, self->question->id, member_id, choice, &error);

  if (!ok)
    {
      show_error (self, error->message);
      /* The buttons go back to what is recorded. */
      load_question (self);
    }
}

static void
on_choice_toggled_cb (GtkToggleButton *button,
                      XdVotingView    *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  XdChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "xd-choice"));
  gint64 member_id = row != NULL ? row_member_id (row) : 0;
  const XdVoter *voter;

  if (self->syncing || member_id == 0 || self->live == NULL)
    return;

  /* Clicking a row's buttons makes it the row the keys act on. */
  focus_voter_row (self, row);

  voter = xd_live_vote_find_voter (self->live, member_id);
  if (gtk_toggle_button_get_active (button))
    record_choice (self, member_id, FALSE, choice);
  else if (voter != NULL && voter->has_choice && voter->choice == choice)
    /* The chosen button clicked again takes the choice back. */
    record_choice (self, member_id, TRUE, choice);
}

static void
on_row_focus_enter_cb (GtkEventControllerFocus *controller,
                       XdVotingView            *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->cursor_member_id = row_member_id (row);
}

static GtkWidget *
voter_row_new (XdVotingView   *self,
               const XdMember *member,
               guint           number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number_label;
  GtkWidget *name = gtk_label_new (member->full_name);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *choices_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *focus;
  g_autofree char *number_text = g_strdup_printf ("%u", number);

  gtk_widget_set_name (row, "voter-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "xd-member-id",
                          g_memdup2 (&member->id, sizeof member->id), g_free);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  number_label = gtk_label_new (number_text);
  gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_box_append (GTK_BOX (box), number_label);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_name (name, "voter-name");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (texts), name);
  gtk_widget_set_name (caption, "voter-caption");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_box_append (GTK_BOX (texts), caption);
  gtk_box_append (GTK_BOX (box), texts);

  /* Not focusable: the row is, and its keys choose.  Tab then moves on
   * from the list instead of through three buttons per member. */
  gtk_widget_add_css_class (choices_box, "linked");
  gtk_widget_set_valign (choices_box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (xd_choice_get_label (choices[i]));
      g_autofree char *keys = choice_keys (choices[i]);
      /* Translators: a choice's button, "In favour (key 1/Y)". */
      g_autofree char *tooltip = g_strdup_printf (_("%s (key %s)"),
                                                  xd_choice_get_label (choices[i]), keys);

      gtk_widget_set_name (button, choice_names[i]);
      gtk_widget_set_focusable (button, FALSE);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, member->full_name,
                                      -1);
      g_object_set_data (G_OBJECT (button), "xd-choice", GINT_TO_POINTER (choices[i]));
      g_signal_connect (button, "toggled", G_CALLBACK (on_choice_toggled_cb), self);
      gtk_box_append (GTK_BOX (choices_box), button);
    }
  gtk_box_append (GTK_BOX (box), choices_box);

  g_object_set_data (G_OBJECT (row), "xd-caption", caption);
  g_object_set_data (G_OBJECT (row), "xd-choices", choices_box);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_row_focus_enter_cb), self);
  gtk_widget_add_controller (row, focus);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* Makes @row show @voter's choice, and say it to screen readers. */
static void
update_voter_row (XdVotingView   *self,
                  GtkWidget      *row,
                  const XdMember *member,
                  const XdVoter  *voter)
{
  GtkWidget *caption = g_object_get_data (G_OBJECT (row), "xd-caption");
  GtkWidget *choices_box = g_object_get_data (G_OBJECT (row), "xd-choices");
  gboolean closed = self->question != NULL && self->question->state == XD_QUESTION_CLOSED;
  g_autofree char *label = NULL;
  const char *detail;

  for (GtkWidget *button = gtk_widget_get_first_child (choices_box);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      XdChoice own = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "xd-choice"));
      gboolean active = voter->has_choice && voter->choice == own;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
      /* A choice made reads at a glance down the column, even once the
       * vote is closed and the buttons are insensitive. */
      if (active && own == XD_CHOICE_YES)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");
      if (active && own == XD_CHOICE_NO)
        gtk_widget_add_css_class (button, "destructive-action");
      else
        gtk_widget_remove_css_class (button, "destructive-action");
    }

  if (!voter->present && !closed)
    {
      detail = _("No longer marked present: clear this choice (Backspace), "
                 "or mark the member present again.");
      set_classes (caption, "warning");
    }
  else
    {
      detail = member->title;
      set_classes (caption, "dim-label");
    }
  gtk_label_set_text (GTK_LABEL (caption), detail);
  gtk_widget_set_visible (caption, *detail != '\0');

  if (voter->has_choice)
    /* Translators: a member's row read aloud: "Vũ Văn Diện: In favour". */
    label = g_strdup_printf (_("%s: %s"), member->full_name, xd_choice_get_label (voter->choice));
  else
    label = g_strdup_printf (_("%s: not yet voted"), member->full_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Rows are rebuilt only when the members voting change; otherwise they are
 * updated in place, so the row holding the focus keeps it. */
static void
show_voters (XdVotingView *self)
{
  GArray *voters = self->live != NULL ? self->live->voters : NULL;
  guint n = voters != NULL ? voters->len : 0;
  gboolean same = TRUE;
  guint i = 0;
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->voter_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    if (i >= n || row_member_id (row) != g_array_index (voters, XdVoter, i).member_id)
      same = FALSE;
  same = same && i == n;

  self->syncing = TRUE;
  if (!same)
    {
      gboolean had_focus = gtk_widget_get_state_flags (GTK_WIDGET (self->voter_list)) &
                           GTK_STATE_FLAG_FOCUS_WITHIN;

      while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->voter_list))) != NULL)
        gtk_list_box_remove (self->voter_list, row);
      for (i = 0; i < n; i++)
        {
          const XdVoter *voter = &g_array_index (voters, XdVoter, i);
          const XdMember *member = find_member (self, voter->member_id);

          if (member != NULL)
            gtk_list_box_append (self->voter_list, voter_row_new (self, member, i + 1));
        }
      if (had_focus)
        focus_voter_row (self, current_voter_row (self));
    }

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->voter_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const XdVoter *voter = xd_live_vote_find_voter (self->live, row_member_id (row));
      const XdMember *member = find_member (self, row_member_id (row));

      if (voter != NULL && member != NULL)
        update_voter_row (self, row, member, voter);
    }
  self->syncing = FALSE;
}

/* The question
 * ============ */

static void
show_result (XdVotingView *self)
{
  const XdQuestion *q = self->question;
  g_autofree char *explanation = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *present = NULL;

  explanation = xd_question_explain (q, self->members, self->votes);
  counts = xd_vote_describe_counts (q->yes, q->no, q->abstain);
  present = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%d of %d member present",
                                          "%d of %d members present",
                                          q->members_total),
                             q->members_present, q->members_total);
  date = xd_format_date_ui (q->closed_at);
  time = xd_format_time_ui (q->closed_at);
  if (date != NULL && time != NULL)
    closed = g_strdup_printf (_("Closed on %s at %s · %s"), date, time, present);
  else
    closed = g_strdup_printf (_("Closed · %s"), present);

  gtk_label_set_text (self->outcome_label, xd_outcome_get_label (q->outcome));
  set_classes (GTK_WIDGET (self->outcome_label), outcome_class (q->outcome));
  gtk_label_set_text (self->explanation_label, explanation);
  gtk_label_set_text (self->result_counts_label, counts);
  gtk_label_set_text (self->closed_label, closed);
}

static void
show_state (XdVotingView *self)
{
  const XdQuestion *q = self->question;
  XdQuestionState state = q != NULL ? q->state : XD_QUESTION_DRAFT;
  g_autofree char *text = NULL;

  switch (state)
    {
    case XD_QUESTION_DRAFT:
      text = g_strdup (C_("question state", "Not yet put to the vote"));
      break;
    case XD_QUESTION_OPEN:
      {
        g_autofree char *since = xd_format_time_ui (q->opened_at);

        text = since != NULL ? g_strdup_printf (_("Voting since %s"), since)
                             : g_strdup (C_("question state", "Voting"));
      }
      break;
    case XD_QUESTION_CLOSED:
      text = g_strdup (_("Vote closed"));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (self->state_label, text);

  gtk_widget_set_visible (self->open_button, state == XD_QUESTION_DRAFT);
  gtk_widget_set_visible (self->close_button, state == XD_QUESTION_OPEN);
  gtk_widget_set_visible (self->reopen_button, state == XD_QUESTION_CLOSED);
  gtk_widget_set_visible (self->remove_button,
                          q != NULL && q->dossier_id == 0 && state != XD_QUESTION_CLOSED);

  gtk_widget_set_visible (self->override_box,
                          q != NULL && q->quorum_overridden && state != XD_QUESTION_DRAFT);
  gtk_label_set_text (self->override_label,
                      state == XD_QUESTION_CLOSED
                      ? _("Quorum overridden: the council voted although too few members were present. "
                          "The minutes record this.")
                      : _("Quorum overridden: the council decided to vote although too few members are present. "
                          "The minutes will record this."));

  gtk_widget_set_visible (self->result_box, state == XD_QUESTION_CLOSED);
  if (state == XD_QUESTION_CLOSED)
    show_result (self);
  gtk_widget_set_visible (self->live_box, state == XD_QUESTION_OPEN);
}

static void
update_detail_page (XdVotingView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  const char *page;

  if (n == 0)
    page = "empty";
  else if (self->summary_shown)
    page = "summary";
  else
    page = selected_item (self) != NULL ? "question" : "unselected";
  gtk_stack_set_visible_child_name (self->detail_stack, page);
}

/* Reads the selected question, its votes or totals, and the members, and
 * shows them. */
static void
load_question (XdVotingView *self)
{
  g_autoptr(GError) error = NULL;
  XdQuestionItem *item = selected_item (self);
  XdRule rule = XD_RULE_INIT_DEFAULT;
  gint64 question_id = item != NULL ? xd_question_item_get_question_id (item) : 0;
  gboolean secret;
  g_autofree char *absent = NULL;

  g_clear_pointer (&self->question, xd_question_free);
  g_clear_pointer (&self->votes, g_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->live, xd_live_vote_free);
  memset (&self->tally, 0, sizeof self->tally);

  update_detail_page (self);
  if (item == NULL || self->store == NULL)
    {
      update_read_only (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
      return;
    }

  if (self->meeting != NULL)
    rule = self->meeting->rule;

  self->members = xd_store_list_members (self->store, self->meeting_id, &error);
  if (self->members != NULL && question_id != 0)
    self->question = xd_store_get_question (self->store, question_id, &error);
  if (self->question != NULL)
    {
      if (self->question->mode == XD_VOTE_MODE_OPEN)
        self->votes = xd_store_list_votes (self->store, question_id, &error);
      else if (!xd_store_get_tally (self->store, question_id, &self->tally, &error))
        g_clear_pointer (&self->question, xd_question_free);
      if (self->question != NULL && self->question->mode == XD_VOTE_MODE_OPEN && self->votes == NULL)
        g_clear_pointer (&self->question, xd_question_free);
    }
  if (error != NULL)
    show_error (self, error->message);

  secret = self->question != NULL && self->question->mode == XD_VOTE_MODE_SECRET;
  if (secret)
    self->live = xd_live_vote_new_secret (&rule, self->members, &self->tally,
                                          self->question->quorum_overridden);
  else
    self->live = xd_live_vote_new_open (&rule, self->members, self->votes,
                                        self->question != NULL && self->question->quorum_overridden);

  /* The question */
  if (xd_question_item_get_dossier_id (item) != 0)
    gtk_label_set_text (self->context_label, xd_question_item_get_title (item));
  else
    gtk_label_set_text (self->context_label, _("Other question"));
  gtk_label_set_text (self->question_label,
                      self->question != NULL ? self->question->text
                                             : _("This dossier has not been put to the vote."));
  show_state (self);

  /* The votes */
  gtk_widget_set_visible (GTK_WIDGET (self->mode_stack), self->question != NULL);
  gtk_stack_set_visible_child_name (self->mode_stack, secret ? "secret" : "open");
  if (self->live->members_absent == 0)
    absent = g_strdup (_("Every voting member is present."));
  else
    absent = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d voting member is not present and does not vote.",
                                           "%d voting members are not present and do not vote.",
                                           self->live->members_absent),
                              self->live->members_absent);
  gtk_label_set_text (self->absent_label, absent);
  show_voters (self);
  show_tally (self);
  show_live (self);
  if (secret && self->question->state == XD_QUESTION_OPEN)
    on_tally_changed_cb (self);   /* fields still being typed in keep their check */
  else
    gtk_widget_set_visible (GTK_WIDGET (self->tally_error_label), FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  update_read_only (self);
}

/* The list
 * ======== */

static void
update_summary (XdVotingView *self)
{
  XdQuestionsSummary summary;
  g_autofree char *line = NULL;

  xd_question_items_summarize (G_LIST_MODEL (self->items), &summary);
  line = xd_questions_summary_describe (&summary);
  gtk_label_set_text (self->summary_label, line);
}

/* Reads the dossiers and questions again; the row selected stays selected. */
static void
reload_list (XdVotingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  guint position = G_MAXUINT;

  self->list_stale = FALSE;
  dossiers = xd_store_list_dossiers (self->store, self->meeting_id, &error);
  if (dossiers != NULL)
    questions = xd_store_list_questions (self->store, self->meeting_id, &error);
  if (questions == NULL)
    {
      show_error (self, error->message);
      return;
    }

  self->syncing = TRUE;
  xd_question_items_sync (self->items, dossiers, questions);
  if (self->sel_dossier_id != 0 || self->sel_question_id != 0)
    position = xd_question_items_find (G_LIST_MODEL (self->items),
                                       self->sel_dossier_id, self->sel_question_id);
  if (position == G_MAXUINT)
    self->sel_dossier_id = self->sel_question_id = 0;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection,
                                       position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0
                                    ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "voting.show-summary",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0);
  update_summary (self);
}

/* A national review holds ten thousand questions, and reading them takes a
 * noticeable moment: while the view is not shown (another tab of the
 * window) a change only marks the list stale, and map () reads it.  So
 * opening a meeting, or saving a dossier in the Dossiers tab, does not
 * wait for a list nobody sees. */
static void
reload_list_when_shown (XdVotingView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_list (self);
  else
    self->list_stale = TRUE;
}

/* Public functions that look at the list first bring it up to date. */
static void
ensure_list (XdVotingView *self)
{
  if (self->list_stale)
    reload_list (self);
}

/* FALSE when the meeting is gone. */
static gboolean
reload_meeting (XdVotingView *self)
{
  g_autoptr(GError) error = NULL;
  XdMeeting *meeting = xd_store_get_meeting (self->store, self->meeting_id, &error);

  if (meeting == NULL)
    {
      if (!g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND))
        show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->meeting, xd_meeting_free);
  self->meeting = meeting;
  return TRUE;
}

static void
set_summary_shown (XdVotingView *self,
                   gboolean      shown)
{
  if (self->summary_shown == shown)
    return;
  self->summary_shown = shown;
  if (shown && self->selection != NULL)
    {
      /* The summary stands for every question, not the one selected. */
      xd_autosave_flush_all (self->tally_grid);
      self->syncing = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->syncing = FALSE;
      self->sel_dossier_id = self->sel_question_id = 0;
      load_question (self);
    }
  update_detail_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SUMMARY]);
}

/* The user picked a row (or a caller did on their behalf). */
static void
select_item (XdVotingView   *self,
             XdQuestionItem *item)
{
  g_autoptr(GError) error = NULL;

  set_summary_shown (self, FALSE);
  self->cursor_member_id = 0;
  self->sel_dossier_id = xd_question_item_get_dossier_id (item);
  self->sel_question_id = self->sel_dossier_id == 0 ? xd_question_item_get_question_id (item) : 0;

  /* A dossier's question is created the first time it is looked at; the
   * store's signal then brings it into the list. */
  if (self->sel_dossier_id != 0 && xd_question_item_get_question_id (item) == 0 && !self->read_only &&
      xd_store_ensure_dossier_question (self->store, self->sel_dossier_id, &error) == 0)
    show_error (self, error->message);

  load_question (self);
}

static void
on_selected_item_changed_cb (GtkSingleSelection *selection,
                             GParamSpec         *pspec,
                             XdVotingView       *self)
{
  XdQuestionItem *item;

  if (self->syncing)
    return;

  /* Totals typed for the question being left belong to it. */
  xd_autosave_flush_all (self->tally_grid);

  item = selected_item (self);
  if (item != NULL)
    select_item (self, item);
  else
    {
      self->sel_dossier_id = self->sel_question_id = 0;
      load_question (self);
    }
}

static void
on_question_list_activate_cb (XdVotingView *self,
                              guint         position)
{
  g_autoptr(XdQuestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item == NULL)
    return;
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  else if (self->summary_shown)
    select_item (self, item);
}

static void
on_summary_activate_cb (XdVotingView *self,
                        guint         position)
{
  g_autoptr(XdQuestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item == NULL)
    return;
  set_summary_shown (self, FALSE);
  gtk_single_selection_set_selected (self->selection, position);
}

static void
on_store_changed_cb (XdStore      *store,
                     const char   *entity,
                     gint64        id,
                     XdVotingView *self)
{
  if (g_str_equal (entity, "*") ||
      (g_str_equal (entity, "meeting") && (id == self->meeting_id || id == 0)))
    {
      if (!reload_meeting (self))
        {
          xd_voting_view_set_meeting (self, NULL, 0);
          return;
        }
      reload_list_when_shown (self);
      load_question (self);
    }
  else if (g_str_equal (entity, "question") || g_str_equal (entity, "dossier"))
    {
      reload_list_when_shown (self);
      load_question (self);
    }
  else if (g_str_equal (entity, "member"))
    load_question (self);
}

/* List rows
 * ========= */

static void
update_question_row (XdQuestionItem *item,
                     GtkListItem    *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "status");
  const char *css = NULL;

  gtk_label_set_text (title, xd_question_item_get_title (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (title), xd_question_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (status), xd_question_item_get_status_label (item));
  switch (xd_question_item_get_state (item))
    {
    case XD_QUESTION_DRAFT:
      css = "dim-label";
      break;
    case XD_QUESTION_OPEN:
      css = "accent";
      break;
    case XD_QUESTION_CLOSED:
      css = outcome_class (xd_question_item_get_outcome (item));
      break;
    default:
      g_assert_not_reached ();
    }
  set_classes (status, css);
}

static void
on_question_item_notify_cb (XdQuestionItem *item,
                            GParamSpec     *pspec,
                            GtkListItem    *list_item)
{
  update_question_row (item, list_item);
}

static void
on_question_row_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          XdVotingView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_name (title, "question-title");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_set_name (status, "question-status");
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (box), status);

  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "status", status);
  gtk_list_item_set_child (list_item, box);
}

static void
on_question_row_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         XdVotingView             *self)
{
  XdQuestionItem *item = gtk_list_item_get_item (list_item);

  update_question_row (item, list_item);
  /* Items are updated in place when the store changes. */
  g_signal_connect_object (item, "notify", G_CALLBACK (on_question_item_notify_cb), list_item, 0);
}

static void
on_question_row_unbind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           XdVotingView             *self)
{
  XdQuestionItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, list_item);
}

/* Summary cells
 * ============= */

static GtkExpression *
item_property (const char *property)
{
  return gtk_property_expression_new (XD_TYPE_QUESTION_ITEM,
                                      gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                      property);
}

static char *
format_number (gpointer this,
               guint    number,
               gpointer user_data)
{
  return g_strdup_printf ("%u", number);
}

/* A count not known yet reads as a dash, not as zero. */
static char *
dash_if_empty (gpointer    this,
               const char *text,
               gpointer    user_data)
{
  return g_strdup (text != NULL && *text != '\0' ? text : "—");
}

static void
setup_summary_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       const char               *property)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *value = item_property (property);
  gboolean count = g_str_has_suffix (property, "-label") && !g_str_equal (property, "mode-label") &&
                   !g_str_equal (property, "status-label");

  gtk_label_set_xalign (GTK_LABEL (label), count ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);

  if (g_str_equal (property, "number"))
    {
      gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &value,
                                                        G_CALLBACK (format_number), NULL, NULL),
                           label, "label", list_item);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
    }
  else if (count)
    {
      gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &value,
                                                        G_CALLBACK (dash_if_empty), NULL, NULL),
                           label, "label", list_item);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      if (g_str_equal (property, "title"))
        gtk_expression_bind (gtk_expression_ref (value), label, "tooltip-text", list_item);
      gtk_expression_bind (value, label, "label", list_item);
    }

  gtk_widget_set_name (label, property);
  gtk_list_item_set_child (list_item, label);
}

static void
setup_summary_result_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         XdVotingView             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_name (label, "status-label");
  gtk_list_item_set_child (list_item, label);
}

static void
update_summary_result (XdQuestionItem *item,
                       GtkListItem    *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *css = NULL;

  gtk_label_set_text (GTK_LABEL (label), xd_question_item_get_status_label (item));
  if (xd_question_item_get_state (item) == XD_QUESTION_CLOSED)
    css = outcome_class (xd_question_item_get_outcome (item));
  else
    css = "dim-label";
  set_classes (label, css);
  if (xd_question_item_get_state (item) == XD_QUESTION_CLOSED)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
on_summary_item_notify_cb (XdQuestionItem *item,
                           GParamSpec     *pspec,
                           GtkListItem    *list_item)
{
  update_summary_result (item, list_item);
}

static void
bind_summary_result_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        XdVotingView             *self)
{
  XdQuestionItem *item = gtk_list_item_get_item (list_item);

  update_summary_result (item, list_item);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_summary_item_notify_cb), list_item, 0);
}

static void
unbind_summary_result_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          XdVotingView             *self)
{
  XdQuestionItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, list_item);
}

static void
set_summary_factory (GtkColumnViewColumn *column,
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

/* Dialogs
 * ======= */

static AdwMessageDialog *
message_dialog_new (XdVotingView *self,
                    const char   *heading,
                    const char   *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                                          heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

static gint64
dialog_question_id (AdwMessageDialog *dialog)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "xd-question-id");

  return id != NULL ? *id : 0;
}

static void
set_dialog_question_id (AdwMessageDialog *dialog,
                        gint64            id)
{
  g_object_set_data_full (G_OBJECT (dialog), "xd-question-id", g_memdup2 (&id, sizeof id), g_free);
}

/* Opening */

static void
focus_first_entry (XdVotingView *self)
{
  if (self->question == NULL || self->question->state != XD_QUESTION_OPEN)
    return;
  if (self->question->mode == XD_VOTE_MODE_OPEN)
    focus_voter_row (self, GTK_WIDGET (gtk_list_box_get_row_at_index (self->voter_list, 0)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->issued_spin));
}

static void
on_override_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         XdVotingView     *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "override") || self->store == NULL)
    return;

  /* The override is recorded with the question and in the log. */
  if (!xd_store_open_question (self->store, dialog_question_id (dialog), TRUE, &error))
    show_error (self, error->message);
  else
    focus_first_entry (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->question == NULL)
    return;

  if (xd_store_open_question (self->store, self->question->id, FALSE, &error))
    {
      focus_first_entry (self);
      return;
    }
  if (!g_error_matches (error, XD_STORE_ERROR, XD_STORE_ERROR_NO_QUORUM))
    {
      show_error (self, error->message);
      return;
    }

  /* Only the council can decide to vote without a quorum: ask. */
  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("If the council decides to vote anyway, the minutes will record "
                            "that the quorum was not met."));
  dialog = message_dialog_new (self, _("Vote Without a Quorum?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "override", _("_Vote Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "override", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  set_dialog_question_id (dialog, self->question->id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_override_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing and reopening */

static void
close_question (XdVotingView *self)
{
  g_autoptr(GError) error = NULL;
  XdTally typed;

  if (self->question == NULL)
    return;

  /* The totals typed a moment ago are part of the count. */
  xd_autosave_flush_all (self->tally_grid);
  if (self->question != NULL && self->question->mode == XD_VOTE_MODE_SECRET &&
      !typed_tally (self, &typed))
    {
      show_error (self, _("The vote was not closed: type a whole number in each field "
                          "of the ballot count."));
      return;
    }
  if (self->question == NULL)
    return;

  if (!xd_store_close_question (self->store, self->question->id, FALSE, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The vote was not closed. %s"), error->message);

      show_error (self, message);
      return;
    }
  gtk_widget_grab_focus (self->reopen_button);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      XdVotingView     *self)
{
  if (g_str_equal (response, "close") && self->question != NULL &&
      self->question->id == dialog_question_id (dialog))
    close_question (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->question == NULL)
    return;

  if (self->question->mode != XD_VOTE_MODE_OPEN || self->live == NULL || self->live->not_voted == 0)
    {
      close_question (self);
      return;
    }

  /* A member skipped by mistake would silently count as not voting. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d member present has not voted yet. If the vote is closed now, "
                                       "they are counted as not having voted.",
                                       "%d members present have not voted yet. If the vote is closed now, "
                                       "they are counted as not having voted.",
                                       self->live->not_voted),
                          self->live->not_voted);
  dialog = message_dialog_new (self, _("Close the Vote?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose the Vote"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  set_dialog_question_id (dialog, self->question->id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reopen_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       XdVotingView     *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reopen") || self->store == NULL)
    return;

  if (!xd_store_reopen_question (self->store, dialog_question_id (dialog), &error))
    show_error (self, error->message);
  else
    focus_first_entry (self);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->question == NULL || self->question->state != XD_QUESTION_CLOSED)
    return;

  body = g_strdup_printf (_("The result — %s — will be cleared and the votes can be changed "
                            "again. The log keeps the result and records that the vote was reopened."),
                          xd_outcome_get_label (self->question->outcome));
  dialog = message_dialog_new (self, _("Reopen the Vote?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reopen", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  set_dialog_question_id (dialog, self->question->id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Free questions */

static void
on_question_text_changed_cb (GtkEditable      *entry,
                             AdwMessageDialog *dialog)
{
  g_autofree char *text = xd_text_normalize (gtk_editable_get_text (entry));

  adw_message_dialog_set_response_enabled (dialog, "add", text != NULL && *text != '\0');
}

static void
on_add_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    XdVotingView     *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(XdQuestion) q = xd_question_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!g_str_equal (response, "add") || self->store == NULL || self->meeting_id == 0)
    return;

  q->meeting_id = self->meeting_id;
  g_free (q->text);
  q->text = xd_text_normalize (gtk_editable_get_text (GTK_EDITABLE (entry)));
  q->mode = XD_VOTE_MODE_OPEN;
  q->state = XD_QUESTION_DRAFT;
  q->position = (int) g_list_model_get_n_items (G_LIST_MODEL (self->items));

  id = xd_store_add_question (self->store, q, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  xd_voting_view_select_question (self, id);
}

static void
add_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = message_dialog_new (self, _("Add a Question"),
                               _("Type the question as the minutes should state it, for example "
                                 "“Thông qua dự thảo biên bản hội nghị”."));
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "question-text");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Question put to the vote"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_question_text_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       XdVotingView     *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || self->store == NULL)
    return;

  if (!xd_store_delete_question (self->store, dialog_question_id (dialog), &error))
    show_error (self, error->message);
}

static void
remove_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->question == NULL || self->question->dossier_id != 0)
    return;

  body = g_strdup_printf (_("“%s” and any votes recorded on it will be removed."),
                          self->question->text);
  dialog = message_dialog_new (self, _("Remove This Question?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  set_dialog_question_id (dialog, self->question->id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Keys of the open vote */

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);
  XdChoice choice;
  GtkWidget *row;
  gint64 member_id;
  int index;

  if (!xd_choice_from_string (g_variant_get_string (parameter, NULL), &choice) ||
      self->question == NULL || self->question->mode != XD_VOTE_MODE_OPEN)
    return;

  row = current_voter_row (self);
  if (row == NULL)
    return;
  member_id = row_member_id (row);
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  record_choice (self, member_id, FALSE, choice);

  /* On to the next member: a vote is taken row by row. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->voter_list, index + 1));
  if (row == NULL)
    row = find_voter_row (self, member_id);
  focus_voter_row (self, row);
}

static void
clear_choice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);
  GtkWidget *row = current_voter_row (self);
  gint64 member_id;
  const XdVoter *voter;

  if (row == NULL || self->live == NULL)
    return;
  member_id = row_member_id (row);
  voter = xd_live_vote_find_voter (self->live, member_id);
  if (voter == NULL || !voter->has_choice)
    return;

  record_choice (self, member_id, TRUE, XD_CHOICE_ABSTAIN);
  focus_voter_row (self, find_voter_row (self, member_id));
}

/* The keys live on the list, so they act only while a member's row has the
 * focus; the digits and the letters go through the same actions. */
static void
install_voter_keys (XdVotingView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const guint digits[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3 };
  static const guint keypad[] = { GDK_KEY_KP_1, GDK_KEY_KP_2, GDK_KEY_KP_3 };
  GtkShortcutTrigger *clear;
  GtkShortcut *shortcut;

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      gunichar letter = xd_choice_get_key (choices[i]);
      GtkShortcutTrigger *trigger =
        gtk_alternative_trigger_new (gtk_keyval_trigger_new (digits[i], 0),
                                     gtk_keyval_trigger_new (keypad[i], 0));

      if (letter != 0)
        trigger = gtk_alternative_trigger_new (trigger,
                                               gtk_keyval_trigger_new (gdk_unicode_to_keyval (letter),
                                                                       0));
      shortcut = gtk_shortcut_new (trigger, gtk_named_action_new ("voting.choose"));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (xd_choice_to_string (choices[i])));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  clear = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0));
  clear = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_BackSpace, 0), clear);
  shortcut = gtk_shortcut_new (clear, gtk_named_action_new ("voting.clear-choice"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);

  gtk_widget_add_controller (GTK_WIDGET (self->voter_list), controller);
}

static void
show_key_hints (XdVotingView *self)
{
  g_autofree char *yes = choice_keys (XD_CHOICE_YES);
  g_autofree char *no = choice_keys (XD_CHOICE_NO);
  g_autofree char *abstain = choice_keys (XD_CHOICE_ABSTAIN);
  /* Translators: each "%s %s" is a choice's keys and its name, "1/Y In favour". */
  g_autofree char *hints =
    g_strdup_printf (_("Keys: %s %s · %s %s · %s %s · Backspace clears · ↑ ↓ move between members"),
                     yes, xd_choice_get_label (XD_CHOICE_YES),
                     no, xd_choice_get_label (XD_CHOICE_NO),
                     abstain, xd_choice_get_label (XD_CHOICE_ABSTAIN));

  gtk_label_set_text (self->keys_label, hints);
}

/* GObject
 * ======= */

static void
xd_voting_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XdVotingView *self = XD_VOTING_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, current_mode_string (self));
      break;
    case PROP_SHOW_SUMMARY:
      g_value_set_boolean (value, self->summary_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_mode (XdVotingView *self,
          const char   *name)
{
  g_autoptr(GError) error = NULL;
  XdVoteMode mode;

  if (name == NULL || !xd_vote_mode_from_string (name, &mode) || self->question == NULL ||
      self->store == NULL || mode == self->question->mode)
    return;

  if (!xd_store_set_question_mode (self->store, self->question->id, mode, &error))
    {
      show_error (self, error->message);
      /* The buttons go back to the mode the store kept. */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
}

static void
xd_voting_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XdVotingView *self = XD_VOTING_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      set_mode (self, g_value_get_string (value));
      break;
    case PROP_SHOW_SUMMARY:
      set_summary_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
disconnect (XdVotingView *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
}

static void
xd_voting_view_dispose (GObject *object)
{
  XdVotingView *self = XD_VOTING_VIEW (object);

  /* Totals typed a moment ago reach the database before the store goes. */
  xd_autosave_flush_all (GTK_WIDGET (self));
  disconnect (self);

  if (self->question_list != NULL)
    gtk_list_view_set_model (self->question_list, NULL);
  if (self->summary_view != NULL)
    gtk_column_view_set_model (self->summary_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XD_TYPE_VOTING_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->meeting, xd_meeting_free);
  g_clear_pointer (&self->question, xd_question_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->votes, g_array_unref);
  g_clear_pointer (&self->live, xd_live_vote_free);

  G_OBJECT_CLASS (xd_voting_view_parent_class)->dispose (object);
}

static void
xd_voting_view_map (GtkWidget *widget)
{
  XdVotingView *self = XD_VOTING_VIEW (widget);

  GTK_WIDGET_CLASS (xd_voting_view_parent_class)->map (widget);

  if (self->list_stale && self->store != NULL)
    {
      reload_list (self);
      load_question (self);
    }
}

static void
xd_voting_view_class_init (XdVotingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xd_voting_view_get_property;
  object_class->set_property = xd_voting_view_set_property;
  object_class->dispose = xd_voting_view_dispose;
  widget_class->map = xd_voting_view_map;

  /* "open" or "secret": the mode of the question shown.  Setting it asks
   * the store to change it (refused once votes are recorded). */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "open",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The summary of every question instead of one question. */
  properties[PROP_SHOW_SUMMARY] =
    g_param_spec_boolean ("show-summary", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-voting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, question_list);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, summary_button);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, context_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, question_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, mode_box);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, state_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, open_button);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, close_button);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, override_box);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, override_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, result_box);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, result_counts_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, closed_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, live_box);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, live_icon);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, tally_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, result_line_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, keys_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, voter_list);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, absent_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, tally_grid);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, yes_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, no_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, abstain_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, issued_spin);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, valid_spin);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, invalid_spin);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, yes_spin);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, no_spin);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, abstain_spin);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, tally_error_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, secret_note_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, summary_view);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, number_column);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, title_column);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, mode_column);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, yes_column);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, no_column);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, abstain_column);
  gtk_widget_class_bind_template_child (widget_class, XdVotingView, result_column);
  gtk_widget_class_bind_template_callback (widget_class, on_question_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_row_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_activate_cb);

  gtk_widget_class_install_action (widget_class, "voting.add-question", NULL, add_question_action);
  gtk_widget_class_install_action (widget_class, "voting.remove-question", NULL, remove_question_action);
  gtk_widget_class_install_action (widget_class, "voting.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "voting.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "voting.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "voting.choose", "s", choose_action);
  gtk_widget_class_install_action (widget_class, "voting.clear-choice", NULL, clear_choice_action);
  gtk_widget_class_install_property_action (widget_class, "voting.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "voting.show-summary", "show-summary");

  g_type_ensure (XD_TYPE_QUESTION_ITEM);
}

static void
xd_voting_view_init (XdVotingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (XD_TYPE_QUESTION_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->selection, "notify::selected-item",
                    G_CALLBACK (on_selected_item_changed_cb), self);
  gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (self->selection));
  {
    g_autoptr(GtkNoSelection) all = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));

    gtk_column_view_set_model (self->summary_view, GTK_SELECTION_MODEL (all));
  }

  /* Counts are headed by the choices' own names. */
  gtk_column_view_column_set_title (self->yes_column, xd_choice_get_label (XD_CHOICE_YES));
  gtk_column_view_column_set_title (self->no_column, xd_choice_get_label (XD_CHOICE_NO));
  gtk_column_view_column_set_title (self->abstain_column, xd_choice_get_label (XD_CHOICE_ABSTAIN));
  set_summary_factory (self->number_column, G_CALLBACK (setup_summary_cell_cb), NULL, NULL,
                       (gpointer) "number");
  set_summary_factory (self->title_column, G_CALLBACK (setup_summary_cell_cb), NULL, NULL,
                       (gpointer) "title");
  set_summary_factory (self->mode_column, G_CALLBACK (setup_summary_cell_cb), NULL, NULL,
                       (gpointer) "mode-label");
  set_summary_factory (self->yes_column, G_CALLBACK (setup_summary_cell_cb), NULL, NULL,
                       (gpointer) "yes-label");
  set_summary_factory (self->no_column, G_CALLBACK (setup_summary_cell_cb), NULL, NULL,
                       (gpointer) "no-label");
  set_summary_factory (self->abstain_column, G_CALLBACK (setup_summary_cell_cb), NULL, NULL,
                       (gpointer) "abstain-label");
  set_summary_factory (self->result_column, G_CALLBACK (setup_summary_result_cb),
                       G_CALLBACK (bind_summary_result_cb), G_CALLBACK (unbind_summary_result_cb),
                       self);

  /* The secret ballot's fields: labelled with the choices' names, checked
   * as they are typed, saved on a pause like any text. */
  gtk_label_set_text (self->yes_label, xd_choice_get_label (XD_CHOICE_YES));
  gtk_label_set_text (self->no_label, xd_choice_get_label (XD_CHOICE_NO));
  gtk_label_set_text (self->abstain_label, xd_choice_get_label (XD_CHOICE_ABSTAIN));
  gtk_label_set_text (self->secret_note_label,
                      _("Only the totals counted from the ballot papers are recorded: "
                        "nothing links a member to a ballot."));
  for (guint i = 0; i < N_TALLY_SPINS; i++)
    {
      GtkWidget *spin = GTK_WIDGET (tally_spins (self, i));

      g_signal_connect_swapped (spin, "changed", G_CALLBACK (on_tally_changed_cb), self);
      xd_autosave_attach (spin, save_tally, self);
    }

  install_voter_keys (self);
  show_key_hints (self);
  update_read_only (self);
}

/* Public API
 * ========== */

GtkWidget *
xd_voting_view_new (void)
{
  return g_object_new (XD_TYPE_VOTING_VIEW, NULL);
}

void
xd_voting_view_set_meeting (XdVotingView *self,
                            XdStore      *store,
                            gint64        meeting_id)
{
  g_return_if_fail (XD_IS_VOTING_VIEW (self));
  g_return_if_fail (store == NULL || XD_IS_STORE (store));

  /* Totals typed belong to the meeting shown until now. */
  xd_autosave_flush_all (GTK_WIDGET (self));
  disconnect (self);
  g_set_object (&self->store, store);
  self->meeting_id = store != NULL ? meeting_id : 0;
  g_clear_pointer (&self->meeting, xd_meeting_free);
  self->sel_dossier_id = self->sel_question_id = 0;
  self->cursor_member_id = 0;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->items);
  self->syncing = FALSE;

  if (self->store == NULL || self->meeting_id == 0 || !reload_meeting (self))
    {
      g_clear_object (&self->store);
      self->meeting_id = 0;
      gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), "none");
      load_question (self);
      return;
    }

  g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload_list_when_shown (self);
  /* A meeting opens on where every vote stands. */
  self->summary_shown = FALSE;
  set_summary_shown (self, TRUE);
  load_question (self);
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), "meeting");
}

void
xd_voting_view_select_dossier (XdVotingView *self,
                               gint64        dossier_id)
{
  guint position;

  g_return_if_fail (XD_IS_VOTING_VIEW (self));

  if (self->store == NULL)
    return;

  ensure_list (self);
  position = xd_question_items_find (G_LIST_MODEL (self->items), dossier_id, 0);
  if (position == G_MAXUINT)
    return;

  set_summary_shown (self, FALSE);
  if (gtk_single_selection_get_selected (self->selection) == position)
    {
      g_autoptr(XdQuestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

      select_item (self, item);
    }
  else
    gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->question_list), "list.scroll-to-item", "u", position);
}

void
xd_voting_view_select_question (XdVotingView *self,
                                gint64        question_id)
{
  guint n;

  g_return_if_fail (XD_IS_VOTING_VIEW (self));

  if (self->store == NULL)
    return;

  ensure_list (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XdQuestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (xd_question_item_get_question_id (item) != question_id)
        continue;

      set_summary_shown (self, FALSE);
      if (gtk_single_selection_get_selected (self->selection) == i)
        select_item (self, item);
      else
        gtk_single_selection_set_selected (self->selection, i);
      gtk_widget_activate_action (GTK_WIDGET (self->question_list), "list.scroll-to-item", "u", i);
      return;
    }
}

gint64
xd_voting_view_get_question_id (XdVotingView *self)
{
  g_return_val_if_fail (XD_IS_VOTING_VIEW (self), 0);

  return self->question != NULL ? self->question->id : 0;
}
