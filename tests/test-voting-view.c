/* test-voting-view.c — the voting view driven as the secretary drives it:
 * a whole open vote from the keyboard, a secret ballot with a count that
 * does not add up, a vote without a quorum, a free question; then the
 * database reopened to see what was kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "xd-autosave.h"
#include "xd-resources.h"
#include "xd-gui-test-util.h"
#include "xd-test-util.h"
#include "xd-voting-view.h"

#define HONG_GAI_QUESTION \
  "Công nhận Phường Hồng Gai đạt chuẩn “Xã, phường, thị trấn an toàn về an ninh, trật tự”"

/* Helpers
 * ======= */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_str_equal (gtk_widget_get_name (root), name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
text_of (GtkWidget  *view,
         const char *id)
{
  GtkWidget *label = xd_test_find_by_id (view, id);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
shown (GtkWidget  *view,
       const char *id)
{
  return gtk_widget_get_mapped (xd_test_find_by_id (view, id));
}

static const char *
page_of (GtkWidget  *view,
         const char *id)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (xd_test_find_by_id (view, id)));
}

static gboolean
action_enabled (GtkWidget  *view,
                const char *name)
{
  GtkWidget *button = NULL;

  /* An action's state shows in the sensitivity of its buttons. */
  if (g_str_equal (name, "voting.open"))
    button = xd_test_find_by_id (view, "open_button");
  else if (g_str_equal (name, "voting.close"))
    button = xd_test_find_by_id (view, "close_button");
  else if (g_str_equal (name, "voting.reopen"))
    button = xd_test_find_by_id (view, "reopen_button");
  else if (g_str_equal (name, "voting.add-question"))
    button = xd_test_find_by_id (view, "add_question_button");
  else if (g_str_equal (name, "voting.mode"))
    button = xd_test_find_by_id (view, "secret_mode_button");
  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static GtkWidget *
voter_row (GtkWidget *view,
           int        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (xd_test_find_by_id (view, "voter_list")),
                                                      index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static guint
n_voter_rows (GtkWidget *view)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (xd_test_find_by_id (view, "voter_list")), n) != NULL)
    n++;
  return n;
}

/* The row holding the keyboard focus, or -1. */
static int
focused_row (GtkWidget *view)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX_ROW (w))
      return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (w));
  return -1;
}

static const char *
row_choice (GtkWidget *view,
            int        index)
{
  static const char *names[] = { "choice-yes", "choice-no", "choice-abstain" };
  const char *chosen = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (voter_row (view, index),
                                                                     names[i]))))
      {
        g_assert_null (chosen);   /* one choice per member */
        chosen = names[i];
      }
  return chosen != NULL ? chosen : "";
}

/* Presses @key in the voter list: the shortcut the list installs for that
 * key is looked up (its trigger names the key) and its action activated
 * from the widget holding the focus, the way GTK does on a key press.
 * Returns FALSE when no shortcut of the list answers to @key. */
static gboolean
press (GtkWidget  *view,
       const char *key)
{
  GtkWidget *list = xd_test_find_by_id (view, "voter_list");
  GListModel *controllers = gtk_widget_observe_controllers (list);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) keys = g_strsplit (trigger, "|", -1);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!g_strv_contains ((const char *const *) keys, key))
            continue;
          g_assert_true (GTK_IS_NAMED_ACTION (action));
          found = TRUE;
          gtk_widget_activate_action_variant (focus != NULL ? focus : list,
                                              gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                              gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_object_unref (controllers);
  xd_test_spin_for (150);
  return found;
}

/* Up and Down: the list box's own key bindings. */
static void
move_cursor (GtkWidget *view,
             int        count)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (xd_test_find_by_id (view, "voter_list"), "move-cursor",
                         GTK_MOVEMENT_DISPLAY_LINES, count, FALSE, FALSE, &handled);
  xd_test_spin_for (150);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Answers the confirmation the view asked; checks which answer is the
 * dangerous one. */
static void
respond (const char *response,
         const char *destructive)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  if (destructive != NULL)
    {
      g_assert_true (adw_message_dialog_get_response_appearance (dialog, destructive) ==
                     ADW_RESPONSE_DESTRUCTIVE);
      g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
    }
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  xd_test_spin_for (150);
}

static void
activate (GtkWidget  *view,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (view, action, NULL));
  xd_test_spin_for (150);
}

static void
type_total (GtkWidget  *view,
            const char *name,
            const char *text)
{
  GtkWidget *field = find_named (view, name);

  g_assert_nonnull (field);
  g_assert_true (gtk_widget_is_sensitive (field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  xd_test_spin_for (150);
}

/* The database
 * ============ */

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 meeting_id;
  gint64 members[5];      /* chair first; all voting */
  gint64 dossiers[2];
  GtkWidget *window;
  GtkWidget *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  int n_present = GPOINTER_TO_INT (data);
  const char *names[] = { "Vũ Văn Diện", "Trần Văn Bình", "Lê Thị Cúc", "Phạm Văn Dũng",
                          "Hoàng Thị Hà" };
  const char *units[] = { "Phường Hồng Gai", "Xã Quảng La" };
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GPtrArray) sets = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "voting.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);

  sets = xd_store_list_criteria_sets (f->store, &error);
  g_free (m->title);
  m->title = g_strdup ("Hội nghị xét duyệt năm 2022");
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  f->meeting_id = xd_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(XdMember) member = xd_member_new ();

      member->meeting_id = f->meeting_id;
      g_free (member->full_name);
      member->full_name = g_strdup (names[i]);
      member->role = i == 0 ? XD_ROLE_CHAIR : XD_ROLE_MEMBER;
      member->attendance = (int) i < n_present ? XD_ATTENDANCE_PRESENT : XD_ATTENDANCE_ABSENT;
      member->position = i;
      f->members[i] = xd_store_add_member (f->store, member, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(XdDossier) d = xd_dossier_new ();

      d->meeting_id = f->meeting_id;
      g_free (d->unit_name);
      d->unit_name = g_strdup (units[i]);
      d->state = XD_DOSSIER_MEETS;
      d->position = i;
      f->dossiers[i] = xd_store_add_dossier (f->store, d, &error);
      g_assert_no_error (error);
    }

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->view = xd_voting_view_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  xd_voting_view_set_meeting (XD_VOTING_VIEW (f->view), f->store, f->meeting_id);
  gtk_window_present (GTK_WINDOW (f->window));
  xd_test_spin_for (150);
}

/* Closes the window (the view saves what is pending), then the database,
 * and opens the file again. */
static void
reopen_database (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  xd_test_spin_for (150);
  g_assert_null (f->view);

  g_assert_finalize_object (f->store);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  xd_test_spin_for (150);
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static XdQuestion *
question_of (Fixture *f,
             gint64   dossier_id)
{
  g_autoptr(GPtrArray) questions = xd_store_list_questions (f->store, f->meeting_id, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (questions, i);

      if (q->dossier_id == dossier_id)
        return xd_store_get_question (f->store, q->id, NULL);
    }
  return NULL;
}

/* Tests
 * ===== */

typedef struct {
  const char *key;
  int row;                 /* the row the key acts on */
  const char *choice;      /* what the row then shows */
  const char *tally;
  const char *line;
} Step;

/* The whole open vote by keyboard, closing, reopening; then a secret
 * ballot whose count does not add up until it is corrected. */
static void
test_open_and_secret (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *view = f->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdQuestion) q = NULL;
  gint64 open_id, secret_id;
  const Step steps[] = {
    { "1", 0, "choice-yes", "In favour 1 · Against 0 · Abstained 0 · Not yet voted 4",
      "1 of 5 members in favour (20,0%) — does not reach more than half of all members." },
    { "1", 1, "choice-yes", "In favour 2 · Against 0 · Abstained 0 · Not yet voted 3",
      "2 of 5 members in favour (40,0%) — does not reach more than half of all members." },
    { "2", 2, "choice-no", "In favour 2 · Against 1 · Abstained 0 · Not yet voted 2",
      "2 of 5 members in favour (40,0%) — does not reach more than half of all members." },
    { "1", 3, "choice-yes", "In favour 3 · Against 1 · Abstained 0 · Not yet voted 1",
      "3 of 5 members in favour (60,0%) — reaches more than half of all members." },
    { "3", 4, "choice-abstain", "In favour 3 · Against 1 · Abstained 1 · Not yet voted 0",
      "3 of 5 members in favour (60,0%) — reaches more than half of all members." },
  };

  /* A meeting opens on the summary: nothing voted yet. */
  g_assert_cmpstr (page_of (view, "detail_stack"), ==, "summary");
  g_assert_cmpstr (text_of (view, "summary_label"), ==,
                   "Passed 0 · Failed 0 · Tie, to vote again 0 · Voting 0 · Not yet voted 2");
  g_assert_null (question_of (f, f->dossiers[0]));   /* looking creates nothing */

  /* Selecting the dossier gives it its question, as a draft. */
  xd_voting_view_select_dossier (XD_VOTING_VIEW (view), f->dossiers[0]);
  xd_test_spin_for (150);
  open_id = xd_voting_view_get_question_id (XD_VOTING_VIEW (view));
  g_assert_cmpint (open_id, >, 0);
  g_assert_cmpstr (page_of (view, "detail_stack"), ==, "question");
  g_assert_cmpstr (text_of (view, "question_label"), ==, HONG_GAI_QUESTION);
  g_assert_cmpstr (text_of (view, "state_label"), ==, "Not yet put to the vote");
  g_assert_true (shown (view, "open_button"));
  g_assert_false (shown (view, "close_button"));
  g_assert_false (shown (view, "live_box"));
  g_assert_true (action_enabled (view, "voting.mode"));
  g_assert_cmpuint (n_voter_rows (view), ==, 5);
  g_assert_cmpstr (text_of (view, "absent_label"), ==, "Every voting member is present.");
  /* The keys do nothing before the vote is opened. */
  g_assert_false (shown (view, "keys_label"));
  gtk_widget_grab_focus (voter_row (view, 0));
  press (view, "1");
  g_assert_cmpstr (row_choice (view, 0), ==, "");
  {
    g_autoptr(GArray) votes = xd_store_list_votes (f->store, open_id, &error);
    g_assert_cmpuint (votes->len, ==, 0);
  }

  /* Open: the first member's row takes the focus. */
  activate (view, "voting.open");
  g_assert_false (shown (view, "open_button"));
  g_assert_true (shown (view, "close_button"));
  g_assert_true (shown (view, "live_box"));
  g_assert_false (shown (view, "override_box"));
  g_assert_cmpstr (text_of (view, "tally_label"), ==,
                   "In favour 0 · Against 0 · Abstained 0 · Not yet voted 5");
  g_assert_cmpstr (text_of (view, "result_line_label"), ==, "No votes recorded yet.");
  g_assert_cmpint (focused_row (view), ==, 0);
  /* The keys are shown while they work. */
  g_assert_true (shown (view, "keys_label"));
  g_assert_nonnull (strstr (text_of (view, "keys_label"), "1/Y In favour · 2/N Against · 3/A Abstained"));

  /* Five keys, five members: each choice saved, the focus moves on, the
   * tally and the result line follow. */
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_cmpint (focused_row (view), ==, steps[i].row);
      g_assert_true (press (view, steps[i].key));
      g_assert_cmpstr (row_choice (view, steps[i].row), ==, steps[i].choice);
      g_assert_cmpstr (text_of (view, "tally_label"), ==, steps[i].tally);
      g_assert_cmpstr (text_of (view, "result_line_label"), ==, steps[i].line);
      g_assert_cmpint (focused_row (view), ==, MIN (steps[i].row + 1, 4));
    }

  /* Up to the fourth member, Backspace takes the choice back, then the
   * letter key of "in favour" records it again. */
  move_cursor (view, -1);
  g_assert_cmpint (focused_row (view), ==, 3);
  g_assert_true (press (view, "BackSpace"));
  g_assert_cmpstr (row_choice (view, 3), ==, "");
  g_assert_cmpint (focused_row (view), ==, 3);
  g_assert_cmpstr (text_of (view, "tally_label"), ==,
                   "In favour 2 · Against 1 · Abstained 1 · Not yet voted 1");
  g_assert_cmpstr (text_of (view, "result_line_label"), ==,
                   "2 of 5 members in favour (40,0%) — does not reach more than half of all members.");
  g_assert_true (press (view, "y"));
  g_assert_cmpstr (row_choice (view, 3), ==, "choice-yes");
  g_assert_cmpint (focused_row (view), ==, 4);
  g_assert_cmpstr (text_of (view, "tally_label"), ==,
                   "In favour 3 · Against 1 · Abstained 1 · Not yet voted 0");
  /* A key that means nothing does nothing. */
  g_assert_false (press (view, "z"));

  /* Votes recorded: the mode is fixed, and the tooltip says why. */
  g_assert_false (action_enabled (view, "voting.mode"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (xd_test_find_by_id (view, "mode_box")),
                            "Votes have already been recorded"));

  /* Close: the result and why. */
  activate (view, "voting.close");
  g_assert_true (shown (view, "result_box"));
  g_assert_false (shown (view, "live_box"));
  g_assert_cmpstr (text_of (view, "outcome_label"), ==, "Passed");
  g_assert_cmpstr (text_of (view, "explanation_label"), ==,
                   "3 of 5 members in favour (60,0%) — reaches more than half of all members.");
  g_assert_cmpstr (text_of (view, "result_counts_label"), ==, "In favour 3 · Against 1 · Abstained 1");
  g_assert_nonnull (strstr (text_of (view, "closed_label"), "5 of 5 members present"));
  g_assert_cmpstr (text_of (view, "state_label"), ==, "Vote closed");
  g_assert_true (shown (view, "reopen_button"));
  /* Read-only until reopened: keys and buttons do nothing. */
  g_assert_false (gtk_widget_is_sensitive (find_named (voter_row (view, 2), "choice-yes")));
  gtk_widget_grab_focus (voter_row (view, 2));
  press (view, "1");
  g_assert_cmpstr (row_choice (view, 2), ==, "choice-no");
  {
    g_autoptr(XdDossier) d = xd_store_get_dossier (f->store, f->dossiers[0], &error);
    g_assert_cmpint (d->state, ==, XD_DOSSIER_VOTED);
  }

  /* Reopening asks first; Cancel keeps the result. */
  activate (view, "voting.reopen");
  respond ("cancel", "reopen");
  g_assert_true (shown (view, "result_box"));
  q = xd_store_get_question (f->store, open_id, &error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_CLOSED);
  g_clear_pointer (&q, xd_question_free);
  /* Reopen: the result goes, the votes stay and can change. */
  activate (view, "voting.reopen");
  respond ("reopen", "reopen");
  g_assert_false (shown (view, "result_box"));
  g_assert_true (shown (view, "live_box"));
  g_assert_cmpstr (text_of (view, "tally_label"), ==,
                   "In favour 3 · Against 1 · Abstained 1 · Not yet voted 0");
  g_assert_true (gtk_widget_is_sensitive (find_named (voter_row (view, 2), "choice-yes")));
  q = xd_store_get_question (f->store, open_id, &error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_OPEN);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_NONE);
  g_clear_pointer (&q, xd_question_free);
  /* The third member changes their vote with a click, and the vote closes again. */
  gtk_widget_activate (find_named (voter_row (view, 2), "choice-yes"));
  /* A button shows itself pressed for a moment before it clicks. */
  xd_test_spin_for (150);
  xd_test_spin_for (150);
  g_assert_cmpstr (row_choice (view, 2), ==, "choice-yes");
  g_assert_cmpstr (text_of (view, "tally_label"), ==,
                   "In favour 4 · Against 0 · Abstained 1 · Not yet voted 0");
  activate (view, "voting.close");
  g_assert_cmpstr (text_of (view, "outcome_label"), ==, "Passed");
  g_assert_cmpstr (text_of (view, "explanation_label"), ==,
                   "4 of 5 members in favour (80,0%) — reaches more than half of all members.");

  /* The second dossier by secret ballot. */
  xd_voting_view_select_dossier (XD_VOTING_VIEW (view), f->dossiers[1]);
  xd_test_spin_for (150);
  secret_id = xd_voting_view_get_question_id (XD_VOTING_VIEW (view));
  g_assert_cmpint (secret_id, >, open_id);
  g_assert_true (gtk_widget_activate_action (view, "voting.mode", "s", "secret"));
  xd_test_spin_for (150);
  g_assert_cmpstr (page_of (view, "mode_stack"), ==, "secret");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (xd_test_find_by_id (view, "secret_mode_button"))));
  g_assert_false (gtk_widget_is_sensitive (find_named (view, "ballots-issued")));   /* not open yet */
  activate (view, "voting.open");
  g_assert_cmpstr (text_of (view, "result_line_label"), ==,
                   "Enter the totals counted from the ballot papers.");

  /* A count that does not add up: the check shows as it is typed. */
  type_total (view, "ballots-issued", "5");
  type_total (view, "ballots-valid", "4");
  type_total (view, "ballots-invalid", "0");
  type_total (view, "ballots-yes", "3");
  type_total (view, "ballots-no", "1");
  type_total (view, "ballots-abstain", "0");
  g_assert_true (shown (view, "tally_error_label"));
  g_assert_cmpstr (text_of (view, "tally_error_label"), ==,
                   "Ballots valid (4) and invalid (0) do not add up to ballots issued (5).");
  g_assert_cmpstr (text_of (view, "result_line_label"), ==, "The result shows once the totals add up.");
  /* Bad input: not a number. */
  type_total (view, "ballots-no", "");
  g_assert_cmpstr (text_of (view, "tally_error_label"), ==,
                   "Type a whole number (0, 1, 2 …) in each field.");
  type_total (view, "ballots-no", "1");
  /* More ballots than members present. */
  type_total (view, "ballots-issued", "6");
  g_assert_cmpstr (text_of (view, "tally_error_label"), ==,
                   "Ballots issued (6) cannot be more than the members present (5).");
  type_total (view, "ballots-issued", "5");
  xd_autosave_flush_all (view);

  /* Closing is refused, and says why. */
  g_test_expect_message ("xd-window", G_LOG_LEVEL_MESSAGE,
                         "The vote was not closed. Ballots valid (4) and invalid (0) do not add up*");
  activate (view, "voting.close");
  g_test_assert_expected_messages ();
  q = xd_store_get_question (f->store, secret_id, &error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_OPEN);
  g_clear_pointer (&q, xd_question_free);
  g_assert_true (shown (view, "close_button"));

  /* One invalid ballot: it adds up, the result line appears. */
  type_total (view, "ballots-invalid", "1");
  g_assert_false (shown (view, "tally_error_label"));
  g_assert_cmpstr (text_of (view, "result_line_label"), ==,
                   "3 of 5 members in favour (60,0%) — reaches more than half of all members.");
  /* Closing saves the last field typed first. */
  activate (view, "voting.close");
  g_assert_cmpstr (text_of (view, "outcome_label"), ==, "Passed");
  g_assert_cmpstr (text_of (view, "explanation_label"), ==,
                   "3 of 5 members in favour (60,0%) — reaches more than half of all members.");
  g_assert_false (gtk_widget_is_sensitive (find_named (view, "ballots-yes")));

  /* The summary: both questions, their counts and results. */
  g_assert_true (gtk_widget_activate_action (view, "voting.show-summary", NULL));
  xd_test_spin_for (150);
  g_assert_cmpstr (page_of (view, "detail_stack"), ==, "summary");
  g_assert_cmpstr (text_of (view, "summary_label"), ==,
                   "Passed 2 · Failed 0 · Tie, to vote again 0 · Voting 0 · Not yet voted 0");

  /* Everything is in the file. */
  reopen_database (f);
  q = xd_store_get_question (f->store, open_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (q->text, ==, HONG_GAI_QUESTION);
  g_assert_cmpint (q->mode, ==, XD_VOTE_MODE_OPEN);
  g_assert_cmpint (q->state, ==, XD_QUESTION_CLOSED);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_PASSED);
  g_assert_cmpint (q->yes, ==, 4);
  g_assert_cmpint (q->no, ==, 0);
  g_assert_cmpint (q->abstain, ==, 1);
  g_assert_cmpstr (q->explanation, ==, "Tán thành 4/5 thành viên (80,0%) — đạt quá nửa tổng số thành viên.");
  g_clear_pointer (&q, xd_question_free);
  {
    g_autoptr(GArray) votes = xd_store_list_votes (f->store, open_id, &error);
    const XdChoice expected[] = { XD_CHOICE_YES, XD_CHOICE_YES, XD_CHOICE_YES, XD_CHOICE_YES,
                                  XD_CHOICE_ABSTAIN };

    g_assert_cmpuint (votes->len, ==, 5);
    for (guint i = 0; i < votes->len; i++)
      {
        g_assert_cmpint (g_array_index (votes, XdVote, i).member_id, ==, f->members[i]);
        g_assert_cmpint (g_array_index (votes, XdVote, i).choice, ==, expected[i]);
      }
  }

  q = xd_store_get_question (f->store, secret_id, &error);
  g_assert_cmpint (q->mode, ==, XD_VOTE_MODE_SECRET);
  g_assert_cmpint (q->state, ==, XD_QUESTION_CLOSED);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_PASSED);
  g_assert_cmpint (q->yes, ==, 3);
  g_assert_cmpint (q->no, ==, 1);
  g_assert_cmpint (q->abstain, ==, 0);
  g_clear_pointer (&q, xd_question_free);
  {
    XdTally tally;
    g_autoptr(GArray) votes = xd_store_list_votes (f->store, secret_id, &error);

    g_assert_true (xd_store_get_tally (f->store, secret_id, &tally, &error));
    g_assert_cmpint (tally.ballots_issued, ==, 5);
    g_assert_cmpint (tally.ballots_valid, ==, 4);
    g_assert_cmpint (tally.ballots_invalid, ==, 1);
    g_assert_cmpint (tally.yes, ==, 3);
    g_assert_cmpint (tally.no, ==, 1);
    g_assert_cmpint (tally.abstain, ==, 0);
    /* A secret ballot names no one. */
    g_assert_cmpuint (votes->len, ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (f->dossiers); i++)
    {
      g_autoptr(XdDossier) d = xd_store_get_dossier (f->store, f->dossiers[i], &error);
      g_assert_cmpint (d->state, ==, XD_DOSSIER_VOTED);
    }
}

/* Two of five present: opening asks whether the council votes anyway. */
static void
test_quorum (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = f->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdQuestion) q = NULL;
  gint64 id;

  xd_voting_view_select_dossier (XD_VOTING_VIEW (view), f->dossiers[0]);
  xd_test_spin_for (150);
  id = xd_voting_view_get_question_id (XD_VOTING_VIEW (view));
  /* Only those present vote, and the absent are counted. */
  g_assert_cmpuint (n_voter_rows (view), ==, 2);
  g_assert_cmpstr (text_of (view, "absent_label"), ==,
                   "3 voting members are not present and do not vote.");

  /* Cancel: still a draft, nothing recorded. */
  activate (view, "voting.open");
  respond ("cancel", "override");
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_DRAFT);
  g_assert_false (q->quorum_overridden);
  g_clear_pointer (&q, xd_question_free);
  g_assert_true (shown (view, "open_button"));
  g_assert_false (shown (view, "override_box"));

  /* Vote anyway: open, and the view says the quorum was overridden. */
  activate (view, "voting.open");
  respond ("override", "override");
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_OPEN);
  g_assert_true (q->quorum_overridden);
  g_clear_pointer (&q, xd_question_free);
  g_assert_true (shown (view, "override_box"));
  g_assert_nonnull (strstr (text_of (view, "override_label"), "Quorum overridden"));
  g_assert_cmpint (focused_row (view), ==, 0);

  g_assert_true (press (view, "1"));
  /* Closing with a member not voted asks first. */
  activate (view, "voting.close");
  respond ("cancel", NULL);
  q = xd_store_get_question (f->store, id, &error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_OPEN);
  g_clear_pointer (&q, xd_question_free);
  g_assert_cmpint (focused_row (view), ==, 1);
  g_assert_true (press (view, "1"));
  g_assert_cmpstr (text_of (view, "result_line_label"), ==,
                   "2 of 5 members present — below the quorum (2/3), but the vote was held. "
                   "2 of 5 members in favour (40,0%) — does not reach more than half of all members.");

  activate (view, "voting.close");
  g_assert_cmpstr (text_of (view, "outcome_label"), ==, "Failed");
  g_assert_true (shown (view, "override_box"));
  g_assert_cmpstr (text_of (view, "explanation_label"), ==,
                   "2 of 5 members present — below the quorum (2/3), but the vote was held. "
                   "2 of 5 members in favour (40,0%) — does not reach more than half of all members.");

  reopen_database (f);
  q = xd_store_get_question (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_CLOSED);
  g_assert_cmpint (q->outcome, ==, XD_OUTCOME_FAILED);
  g_assert_true (q->quorum_overridden);
  g_assert_cmpint (q->members_present, ==, 2);
  g_assert_cmpint (q->members_total, ==, 5);
}

static void
add_question (GtkWidget  *view,
              const char *text,
              gboolean    enabled)
{
  AdwMessageDialog *dialog;

  activate (view, "voting.add-question");
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "question-text")), text);
  g_assert_cmpint (adw_message_dialog_get_response_enabled (dialog, "add"), ==, enabled);
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xd_test_spin_for (150);
}

/* A free question: a blank one is refused; removing asks first.  A
 * finalised meeting can be read but not changed. */
static void
test_free_question_and_read_only (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *view = f->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  gint64 id;

  /* Bad input: a blank question cannot be added. */
  g_test_expect_message ("xd-window", G_LOG_LEVEL_MESSAGE, "The question put to the vote needs a text.");
  add_question (view, "   ", FALSE);
  g_test_assert_expected_messages ();
  questions = xd_store_list_questions (f->store, f->meeting_id, &error);
  g_assert_cmpuint (questions->len, ==, 0);
  g_clear_pointer (&questions, g_ptr_array_unref);

  add_question (view, "  Thông qua   dự thảo biên bản ", TRUE);
  id = xd_voting_view_get_question_id (XD_VOTING_VIEW (view));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (text_of (view, "question_label"), ==, "Thông qua dự thảo biên bản");
  g_assert_cmpstr (text_of (view, "context_label"), ==, "Other question");
  g_assert_true (shown (view, "remove_button"));

  /* Removing asks; Cancel keeps it. */
  activate (view, "voting.remove-question");
  respond ("cancel", "remove");
  g_assert_cmpint (xd_voting_view_get_question_id (XD_VOTING_VIEW (view)), ==, id);

  /* Finalised: nothing can change, and looking creates nothing. */
  meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  meeting->state = XD_MEETING_FINALISED;
  g_assert_true (xd_store_update_meeting (f->store, meeting, &error));
  g_assert_no_error (error);
  xd_test_spin_for (150);
  g_assert_false (action_enabled (view, "voting.open"));
  g_assert_false (action_enabled (view, "voting.add-question"));
  g_assert_false (action_enabled (view, "voting.mode"));
  g_assert_false (gtk_widget_is_sensitive (xd_test_find_by_id (view, "remove_button")));
  xd_voting_view_select_dossier (XD_VOTING_VIEW (view), f->dossiers[1]);
  xd_test_spin_for (150);
  g_assert_null (question_of (f, f->dossiers[1]));
  g_assert_cmpstr (text_of (view, "question_label"), ==, "This dossier has not been put to the vote.");
  gtk_widget_activate_action (view, "voting.open", NULL);
  gtk_widget_activate_action (view, "voting.add-question", NULL);
  xd_test_spin_for (150);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (question_of (f, f->dossiers[1]));

  reopen_database (f);
  questions = xd_store_list_questions (f->store, f->meeting_id, &error);
  g_assert_cmpuint (questions->len, ==, 1);
  g_assert_cmpstr (((XdQuestion *) g_ptr_array_index (questions, 0))->text, ==,
                   "Thông qua dự thảo biên bản");
  g_assert_cmpint (((XdQuestion *) g_ptr_array_index (questions, 0))->dossier_id, ==, 0);
}

/* The sample meeting: every question closed, shown in the summary with its
 * counts; a closed question explains its result in the UI language. */
static void
test_sample (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autoptr(XdQuestion) q = NULL;
  GtkWidget *window;
  GtkWidget *view;
  gint64 meeting_id;

  g_assert_no_error (error);
  meeting_id = xd_store_load_sample (store, &error);
  g_assert_no_error (error);
  dossiers = xd_store_list_dossiers (store, meeting_id, &error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = xd_voting_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  xd_voting_view_set_meeting (XD_VOTING_VIEW (view), store, meeting_id);
  gtk_window_present (GTK_WINDOW (window));
  xd_test_spin_for (150);

  g_assert_cmpstr (page_of (view, "detail_stack"), ==, "summary");
  g_assert_cmpstr (text_of (view, "summary_label"), ==,
                   "Passed 5 · Failed 0 · Tie, to vote again 0 · Voting 0 · Not yet voted 0");
  g_assert_nonnull (find_named (xd_test_find_by_id (view, "summary_view"), "yes-label"));

  xd_voting_view_select_dossier (XD_VOTING_VIEW (view),
                                 ((XdDossier *) g_ptr_array_index (dossiers, 0))->id);
  xd_test_spin_for (150);
  q = xd_store_get_question (store, xd_voting_view_get_question_id (XD_VOTING_VIEW (view)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (q->state, ==, XD_QUESTION_CLOSED);
  g_assert_cmpstr (text_of (view, "outcome_label"), ==, "Passed");
  g_assert_true (g_str_has_suffix (text_of (view, "explanation_label"),
                                   "reaches more than half of all members."));
  g_assert_true (action_enabled (view, "voting.reopen"));

  /* No meeting: nothing shown. */
  xd_voting_view_set_meeting (XD_VOTING_VIEW (view), NULL, 0);
  xd_test_spin_for (150);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (view)))),
                   ==, "none");

  gtk_window_destroy (GTK_WINDOW (window));
  xd_test_spin_for (150);
  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  /* The English msgids are the expected text. */
  setlocale (LC_ALL, "C.UTF-8");
  gtk_disable_setlocale ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (xd_get_resource ());

  g_test_add ("/gui/voting-view/open-and-secret", Fixture, GINT_TO_POINTER (5),
              fixture_set_up, test_open_and_secret, fixture_tear_down);
  g_test_add ("/gui/voting-view/quorum", Fixture, GINT_TO_POINTER (2),
              fixture_set_up, test_quorum, fixture_tear_down);
  g_test_add ("/gui/voting-view/free-question-and-read-only", Fixture, GINT_TO_POINTER (5),
              fixture_set_up, test_free_question_and_read_only, fixture_tear_down);
  g_test_add_func ("/gui/voting-view/sample", test_sample);

  return g_test_run ();
}
