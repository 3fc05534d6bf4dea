/* test-members-view.c — the members & attendance view, driven as a user
 * would, then the database reopened to see that everything was kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "xd-autosave.h"
#include "xd-members-view.h"
#include "xd-person-dialog.h"
#include "xd-resources.h"
#include "xd-gui-test-util.h"
#include "xd-test-util.h"

static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *out)
{
  if (g_str_equal (gtk_widget_get_name (root), name))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, out);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The names in the table, top to bottom, as shown. */
static char *
shown_names (GtkWidget *view)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);

  collect_named (xd_test_find_by_id (view, "members_view"), "member-name", labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (label))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The row showing @name: the nearest ancestor of its name label that also
 * holds attendance buttons. */
static GtkWidget *
row_of (GtkWidget  *view,
        const char *name)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_named (xd_test_find_by_id (view, "members_view"), "member-name", labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!g_str_equal (gtk_label_get_text (GTK_LABEL (label)), name))
        continue;
      for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
        if (find_named (w, "attendance-present") != NULL)
          return w;
    }
  g_error ("no row shows %s", name);
}

static const char *
quorum_text (GtkWidget *view)
{
  return gtk_label_get_text (GTK_LABEL (xd_test_find_by_id (view, "quorum_label")));
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

static void
set_row_text (GtkWidget  *dialog,
              const char *id,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (xd_test_find_by_id (dialog, id)), text);
}

typedef enum {
  CHAIR = 0,     /* the role dropdown's rows */
  DEPUTY,
  MEMBER,
  SECRETARY,
} RoleRow;

/* Fills the open person dialog and presses Save; returns the dialog when
 * it stayed open (the store refused), NULL when it closed. */
static XdPersonDialog *
fill_and_save (XdPersonDialog *dialog,
               const char     *name,
               const char     *title,
               const char     *organisation,
               int             role)
{
  g_assert_nonnull (dialog);
  set_row_text (GTK_WIDGET (dialog), "name_row", name);
  set_row_text (GTK_WIDGET (dialog), "title_row", title);
  set_row_text (GTK_WIDGET (dialog), "organisation_row", organisation);
  if (role >= 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (xd_test_find_by_id (GTK_WIDGET (dialog), "role_row")), role);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL));
  xd_test_spin_for (150);
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  return dialog;
}

static XdPersonDialog *
open_dialog (GtkWidget  *view,
             const char *action,
             GVariant   *target)
{
  g_assert_true (gtk_widget_activate_action_variant (view, action, target));
  xd_test_spin_for (150);
  return find_toplevel (XD_TYPE_PERSON_DIALOG);
}

static void
add_member (GtkWidget  *view,
            const char *name,
            const char *title,
            const char *organisation,
            int         role)
{
  XdPersonDialog *dialog = open_dialog (view, "members.add-member", NULL);

  g_assert_null (fill_and_save (dialog, name, title, organisation, role));
}

static void
close_dialog (XdPersonDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  xd_test_spin_for (150);
  g_assert_null (dialog);
}

/* Clicks a row's attendance button (as the keyboard does: activate). */
static void
mark (GtkWidget  *view,
      const char *name,
      const char *button)
{
  GtkWidget *toggle = find_named (row_of (view, name), button);

  g_assert_true (gtk_widget_is_sensitive (toggle));
  gtk_widget_activate (toggle);
  /* A button shows itself pressed for a moment before it clicks. */
  xd_test_spin_for (150);
  xd_test_spin_for (150);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
}

static GtkWidget *
reason_entry (GtkWidget  *view,
              const char *name)
{
  return find_named (row_of (view, name), "absence-reason");
}

static gint64
member_id (XdStore    *store,
           gint64      meeting_id,
           const char *name)
{
  g_autoptr(GPtrArray) members = xd_store_list_members (store, meeting_id, NULL);

  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);
      if (g_str_equal (m->full_name, name))
        return m->id;
    }
  return 0;
}

static void
respond_to_confirmation (const char *response)
{
  AdwMessageDialog *confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (confirm);
  g_assert_true (adw_message_dialog_get_response_appearance (confirm, "remove") ==
                 ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (confirm, response);
  gtk_window_destroy (GTK_WINDOW (confirm));
  xd_test_spin_for (150);
}

static void
test_members_view_edits_are_kept (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  g_autoptr(XdMeeting) meeting = xd_meeting_new ();
  g_autoptr(XdQuestion) question = xd_question_new ();
  g_autofree char *names = NULL;
  XdPersonDialog *dialog;
  GtkWidget *window;
  GtkWidget *view;
  GtkWidget *entry;
  gint64 meeting_id;
  gint64 question_id;

  g_assert_no_error (error);
  g_free (meeting->title);
  meeting->title = g_strdup ("Hội nghị xét duyệt mô hình năm 2021");
  meeting_id = xd_store_add_meeting (store, meeting, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = xd_members_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  xd_members_view_set_meeting (XD_MEMBERS_VIEW (view), store, meeting_id);
  gtk_window_present (GTK_WINDOW (window));
  xd_test_spin_for (150);

  /* No members: the empty state offers to add one, no quorum line. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (xd_test_find_by_id (view, "members_stack"))),
                   ==, "empty");
  g_assert_false (gtk_widget_get_visible (xd_test_find_by_id (view, "quorum_box")));
  g_assert_true (gtk_widget_is_sensitive (xd_test_find_by_id (view, "empty_add_button")));

  /* Three members through the dialog. */
  add_member (view, "Nguyễn Văn An", "Bí thư Thành ủy", "Thành ủy Hạ Long", CHAIR);
  add_member (view, "Trần Thị Ánh", "Trưởng Ban Dân vận", "Thành ủy Hạ Long", MEMBER);
  add_member (view, "Lê Văn Bình", "Phó Chủ tịch", "UBND thành phố", DEPUTY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (xd_test_find_by_id (view, "members_stack"))),
                   ==, "list");
  g_assert_true (gtk_widget_get_visible (xd_test_find_by_id (view, "quorum_box")));
  g_assert_cmpstr (quorum_text (view), ==,
                   "0 of 3 members present — not enough to proceed (at least 2 needed)");

  /* Attendance through the row's buttons: the quorum line follows. */
  mark (view, "Nguyễn Văn An", "attendance-present");
  g_assert_cmpstr (quorum_text (view), ==,
                   "1 of 3 members present — not enough to proceed (at least 2 needed)");
  mark (view, "Trần Thị Ánh", "attendance-present");
  g_assert_cmpstr (quorum_text (view), ==,
                   "2 of 3 members present — enough to proceed (at least 2/3)");

  /* An empty name: the store's message shows, the dialog stays, nothing is saved. */
  dialog = open_dialog (view, "members.add-member", NULL);
  dialog = fill_and_save (dialog, "   ", "Chức vụ gõ dở", "", MEMBER);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (xd_person_dialog_get_error (dialog), ==, "The member needs a name.");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (xd_test_find_by_id (GTK_WIDGET (dialog),
                                                                          "error_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (xd_test_find_by_id (GTK_WIDGET (dialog), "error_label"))),
                   ==, "The member needs a name.");
  /* what was typed is still there */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xd_test_find_by_id (GTK_WIDGET (dialog), "title_row"))),
                   ==, "Chức vụ gõ dở");
  close_dialog (dialog);
  {
    g_autoptr(GPtrArray) members = xd_store_list_members (store, meeting_id, &error);
    g_assert_cmpuint (members->len, ==, 3);
  }

  /* A second chair is refused with a reason; choosing secretary then
   * saves, and a secretary is suggested to have no vote. */
  dialog = open_dialog (view, "members.add-member", NULL);
  dialog = fill_and_save (dialog, "Đặng Văn Dũng", "Chuyên viên", "Văn phòng Thành ủy", CHAIR);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (xd_person_dialog_get_error (dialog), ==,
                   "Nguyễn Văn An is already the chair of this meeting. Change their role first.");
  g_assert_null (fill_and_save (dialog, "Đặng Văn Dũng", "Chuyên viên", "Văn phòng Thành ủy",
                                SECRETARY));
  mark (view, "Đặng Văn Dũng", "attendance-present");
  /* no vote: the quorum does not change */
  g_assert_cmpstr (quorum_text (view), ==,
                   "2 of 3 members present — enough to proceed (at least 2/3)");

  /* A fourth voting member moves the line at once. */
  add_member (view, "Đỗ Văn Đức", "Chỉ huy trưởng", "Ban Chỉ huy Quân sự", MEMBER);
  g_assert_cmpstr (quorum_text (view), ==,
                   "2 of 4 members present — not enough to proceed (at least 3 needed)");
  mark (view, "Đỗ Văn Đức", "attendance-present");
  g_assert_cmpstr (quorum_text (view), ==,
                   "3 of 4 members present — enough to proceed (at least 2/3)");

  /* Excused with a reason: the field appears only for the absent. */
  g_assert_false (gtk_widget_get_visible (reason_entry (view, "Lê Văn Bình")));
  mark (view, "Lê Văn Bình", "attendance-excused");
  entry = reason_entry (view, "Lê Văn Bình");
  g_assert_true (gtk_widget_get_visible (entry));
  g_assert_false (gtk_widget_get_visible (reason_entry (view, "Nguyễn Văn An")));
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Đi công tác");
  xd_test_spin_for (150);
  /* typing and a store change elsewhere: the text stays as typed */
  mark (view, "Đỗ Văn Đức", "attendance-absent");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason_entry (view, "Lê Văn Bình"))),
                   ==, "Đi công tác");
  xd_autosave_flush (entry);
  mark (view, "Đỗ Văn Đức", "attendance-present");
  g_assert_cmpstr (quorum_text (view), ==,
                   "3 of 4 members present — enough to proceed (at least 2/3)");
  {
    g_autoptr(XdMember) m = xd_store_get_member (store, member_id (store, meeting_id, "Lê Văn Bình"),
                                                 &error);
    g_assert_no_error (error);
    g_assert_cmpint (m->attendance, ==, XD_ATTENDANCE_EXCUSED);
    g_assert_cmpstr (m->absence_reason, ==, "Đi công tác");
  }

  /* Displayed order: by given name, then middle, then family name … */
  names = shown_names (view);
  g_assert_cmpstr (names, ==,
                   "Nguyễn Văn An, Trần Thị Ánh, Lê Văn Bình, Đặng Văn Dũng, Đỗ Văn Đức");
  g_clear_pointer (&names, g_free);
  /* … or the council's own order, as the minutes list it. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (xd_test_find_by_id (view, "sort_dropdown")), 1);
  xd_test_spin_for (150);
  names = shown_names (view);
  g_assert_cmpstr (names, ==,
                   "Nguyễn Văn An, Lê Văn Bình, Trần Thị Ánh, Đỗ Văn Đức, Đặng Văn Dũng");
  g_clear_pointer (&names, g_free);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (xd_test_find_by_id (view, "sort_dropdown")), 0);
  xd_test_spin_for (150);

  /* Editing a member through its row's action. */
  dialog = open_dialog (view, "members.edit-member",
                        g_variant_new_int64 (member_id (store, meeting_id, "Trần Thị Ánh")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xd_test_find_by_id (GTK_WIDGET (dialog), "name_row"))),
                   ==, "Trần Thị Ánh");
  g_assert_null (fill_and_save (dialog, "Trần Thị Ánh", "Trưởng Ban Dân vận Thành ủy",
                                "Thành ủy Hạ Long", -1));

  /* Guests: an empty name is refused, then one is added. */
  dialog = open_dialog (view, "members.add-guest", NULL);
  g_assert_false (gtk_widget_get_visible (xd_test_find_by_id (GTK_WIDGET (dialog), "council_group")));
  dialog = fill_and_save (dialog, "", "Phó Giám đốc", "Công an tỉnh", -1);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (xd_person_dialog_get_error (dialog), ==, "The guest needs a name.");
  g_assert_null (fill_and_save (dialog, "Hoàng Thị Mai", "Phó Giám đốc", "Công an tỉnh", -1));
  g_assert_nonnull (find_named (xd_test_find_by_id (view, "guests_list"), "guest-row"));

  /* Removing asks first: Cancel keeps the member, Remove removes. */
  g_assert_true (gtk_widget_activate_action (view, "members.remove-member", "x",
                                             member_id (store, meeting_id, "Đỗ Văn Đức")));
  xd_test_spin_for (150);
  respond_to_confirmation ("cancel");
  g_assert_cmpint (member_id (store, meeting_id, "Đỗ Văn Đức"), !=, 0);
  g_assert_true (gtk_widget_activate_action (view, "members.remove-member", "x",
                                             member_id (store, meeting_id, "Đỗ Văn Đức")));
  xd_test_spin_for (150);
  respond_to_confirmation ("remove");
  g_assert_cmpint (member_id (store, meeting_id, "Đỗ Văn Đức"), ==, 0);
  g_assert_cmpstr (quorum_text (view), ==,
                   "2 of 3 members present — enough to proceed (at least 2/3)");
  names = shown_names (view);
  g_assert_cmpstr (names, ==, "Nguyễn Văn An, Trần Thị Ánh, Lê Văn Bình, Đặng Văn Dũng");
  g_clear_pointer (&names, g_free);

  /* A member who has voted cannot be removed: the store says why, in the
   * window (outside one, views log it). */
  question->meeting_id = meeting_id;
  g_free (question->text);
  question->text = g_strdup ("Công nhận Phường Hồng Gai");
  question->state = XD_QUESTION_OPEN;
  question_id = xd_store_add_question (store, question, &error);
  g_assert_no_error (error);
  xd_store_set_vote (store, question_id, member_id (store, meeting_id, "Nguyễn Văn An"),
                     XD_CHOICE_YES, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (view, "members.remove-member", "x",
                                             member_id (store, meeting_id, "Nguyễn Văn An")));
  xd_test_spin_for (150);
  g_test_expect_message ("xd-window", G_LOG_LEVEL_MESSAGE,
                         "Nguyễn Văn An has already voted in this meeting and cannot be removed.*");
  respond_to_confirmation ("remove");
  g_test_assert_expected_messages ();
  g_assert_cmpint (member_id (store, meeting_id, "Nguyễn Văn An"), !=, 0);

  /* Finalised: one switch makes everything read-only. */
  {
    g_autoptr(XdMeeting) m = xd_store_get_meeting (store, meeting_id, &error);

    g_assert_no_error (error);
    m->state = XD_MEETING_FINALISED;
    xd_store_update_meeting (store, m, &error);
    g_assert_no_error (error);
  }
  xd_test_spin_for (150);
  g_assert_false (gtk_widget_is_sensitive (find_named (row_of (view, "Nguyễn Văn An"),
                                                       "attendance-absent")));
  g_assert_false (gtk_widget_is_sensitive (xd_test_find_by_id (view, "add_member_button")));
  g_assert_false (gtk_widget_is_sensitive (xd_test_find_by_id (view, "add_guest_button")));
  gtk_widget_activate_action (view, "members.add-member", NULL);
  xd_test_spin_for (150);
  g_assert_null (find_toplevel (XD_TYPE_PERSON_DIALOG));

  /* Close, reopen the file, and find everything as it was left. */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (window));
  xd_test_spin_for (150);
  g_assert_null (view);
  g_clear_object (&store);

  store = xd_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) members = xd_store_list_members (store, meeting_id, &error);
    g_autoptr(GPtrArray) guests = xd_store_list_guests (store, meeting_id, &error);
    const struct {
      const char *name;
      const char *title;
      const char *organisation;
      XdRole role;
      gboolean voting;
      XdAttendance attendance;
      const char *reason;
    } expected[] = {
      /* council order */
      { "Nguyễn Văn An", "Bí thư Thành ủy", "Thành ủy Hạ Long", XD_ROLE_CHAIR, TRUE,
        XD_ATTENDANCE_PRESENT, "" },
      { "Lê Văn Bình", "Phó Chủ tịch", "UBND thành phố", XD_ROLE_DEPUTY, TRUE,
        XD_ATTENDANCE_EXCUSED, "Đi công tác" },
      { "Trần Thị Ánh", "Trưởng Ban Dân vận Thành ủy", "Thành ủy Hạ Long", XD_ROLE_MEMBER, TRUE,
        XD_ATTENDANCE_PRESENT, "" },
      { "Đặng Văn Dũng", "Chuyên viên", "Văn phòng Thành ủy", XD_ROLE_SECRETARY, FALSE,
        XD_ATTENDANCE_PRESENT, "" },
    };

    g_assert_no_error (error);
    g_assert_cmpuint (members->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < members->len; i++)
      {
        XdMember *m = g_ptr_array_index (members, i);

        g_assert_cmpstr (m->full_name, ==, expected[i].name);
        g_assert_cmpstr (m->title, ==, expected[i].title);
        g_assert_cmpstr (m->organisation, ==, expected[i].organisation);
        g_assert_cmpint (m->role, ==, expected[i].role);
        g_assert_cmpint (m->voting, ==, expected[i].voting);
        g_assert_cmpint (m->attendance, ==, expected[i].attendance);
        g_assert_cmpstr (m->absence_reason, ==, expected[i].reason);
      }

    g_assert_cmpuint (guests->len, ==, 1);
    g_assert_cmpstr (((XdGuest *) g_ptr_array_index (guests, 0))->full_name, ==, "Hoàng Thị Mai");
    g_assert_cmpstr (((XdGuest *) g_ptr_array_index (guests, 0))->title, ==, "Phó Giám đốc");
    g_assert_cmpstr (((XdGuest *) g_ptr_array_index (guests, 0))->organisation, ==, "Công an tỉnh");
  }

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

/* The sample meeting: ten members shown, the quorum counted on the nine
 * who vote, and a meeting switch to nothing shows nothing. */
static void
test_members_view_sample (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  g_autofree char *names = NULL;
  GtkWidget *window;
  GtkWidget *view;
  gint64 meeting_id;

  g_assert_no_error (error);
  meeting_id = xd_store_load_sample (store, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1400);
  view = xd_members_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  xd_members_view_set_meeting (XD_MEMBERS_VIEW (view), store, meeting_id);
  gtk_window_present (GTK_WINDOW (window));
  xd_test_spin_for (150);

  g_assert_cmpstr (quorum_text (view), ==,
                   "8 of 9 members present — enough to proceed (at least 2/3)");
  g_assert_true (gtk_widget_get_visible (reason_entry (view, "Hoàng Thị H")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason_entry (view, "Hoàng Thị H"))),
                   ==, "Đi công tác");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (xd_test_find_by_id (view, "members_count_label"))),
                   ==, "10 members");

  xd_members_view_set_meeting (XD_MEMBERS_VIEW (view), NULL, 0);
  xd_test_spin_for (150);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (xd_test_find_by_id (view, "stack"))),
                   ==, "none");
  names = shown_names (view);
  g_assert_cmpstr (names, ==, "");

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
  /* As xd_application_new () does: the templates live in the app's resources. */
  g_resources_register (xd_get_resource ());

  g_test_add_func ("/gui/members-view/edits-are-kept", test_members_view_edits_are_kept);
  g_test_add_func ("/gui/members-view/sample", test_members_view_sample);

  return g_test_run ();
}
