/* test-import-window.c — import and finalising from the window's menus:
 * the questions the user is asked, their answers, and what the database
 * holds afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-exchange.h"
#include "xd-finalize.h"
#include "xd-import.h"
#include "xd-record.h"
#include "xd-resources.h"
#include "xd-gui-test-util.h"
#include "xd-test-util.h"
#include "xd-window.h"

static void
answer (const char *expected_heading,
        const char *response)
{
  AdwMessageDialog *dialog = xd_test_find_message_dialog ();

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected_heading);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  xd_test_spin ();
  g_assert_null (xd_test_find_message_dialog ());
}

static char *
write_file (const char *dir,
            const char *name,
            const char *content)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return path;
}

static guint
count_dossiers (XdStore *store,
                gint64   meeting_id)
{
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (store, meeting_id, NULL);

  return dossiers->len;
}

static void
test_import_and_finalise (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "council.xetduyet", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = xd_store_open (path, &error);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autofree char *text = NULL;
  g_autofree char *package = NULL;
  g_autofree char *units = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) parts = NULL;
  const char *paths[2] = { NULL, NULL };
  XdWindow *window;
  gint64 sample_id, imported_id;

  g_assert_no_error (error);
  sample_id = xd_store_load_sample (store, &error);
  g_assert_no_error (error);
  exported = xd_exchange_export (store, sample_id, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  package = write_file (dir, "ha-long.xml", text);
  /* A unit the meeting does not have, beside four it has. */
  parts = g_strsplit (text, "<unitName>Xã Quảng La</unitName>", 2);
  g_assert_nonnull (parts[1]);
  g_free (text);
  text = g_strjoin ("<unitName>Xã Bằng Cả</unitName>", parts[0], parts[1], NULL);
  units = write_file (dir, "don-vi.xml", text);
  broken = write_file (dir, "hong.xml", "<?xml version=\"1.0\"?><xetduyet");

  window = xd_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  xd_window_open_meeting (window, sample_id);
  xd_test_spin ();

  /* Four duplicates: the user is asked; Cancel writes nothing. */
  paths[0] = units;
  xd_import_dossier_files (GTK_WINDOW (window), store, sample_id, paths);
  xd_test_spin ();
  answer ("4 Dossiers Are Already in the Meeting", "cancel");
  g_assert_cmpuint (count_dossiers (store, sample_id), ==, 5);

  /* Skip adds the new unit only. */
  xd_import_dossier_files (GTK_WINDOW (window), store, sample_id, paths);
  xd_test_spin ();
  answer ("4 Dossiers Are Already in the Meeting", "skip");
  g_assert_cmpuint (count_dossiers (store, sample_id), ==, 6);

  /* Again with Replace: now all five are duplicates, none is added. */
  xd_import_dossier_files (GTK_WINDOW (window), store, sample_id, paths);
  xd_test_spin ();
  answer ("5 Dossiers Are Already in the Meeting", "replace");
  g_assert_cmpuint (count_dossiers (store, sample_id), ==, 6);

  /* A damaged file is explained in a dialog, naming it. */
  paths[0] = broken;
  xd_import_dossier_files (GTK_WINDOW (window), store, sample_id, paths);
  xd_test_spin ();
  g_assert_nonnull (xd_test_find_message_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (xd_test_find_message_dialog ()), "hong.xml"));
  answer ("The File Could Not Be Imported", "close");
  g_assert_cmpuint (count_dossiers (store, sample_id), ==, 6);

  /* A whole meeting opens once imported. */
  xd_import_meeting_file (GTK_WINDOW (window), store, package, NULL, NULL);
  xd_test_spin ();
  xd_window_open_meeting (window, 0);
  xd_test_spin ();
  {
    g_autoptr(GPtrArray) meetings = xd_store_list_meetings (store, NULL);

    g_assert_cmpuint (meetings->len, ==, 2);
    imported_id = ((XdMeeting *) g_ptr_array_index (meetings, 0))->id == sample_id
                  ? ((XdMeeting *) g_ptr_array_index (meetings, 1))->id
                  : ((XdMeeting *) g_ptr_array_index (meetings, 0))->id;
  }
  g_assert_cmpuint (count_dossiers (store, imported_id), ==, 5);

  /* Finalising asks first; Cancel leaves the meeting as it was. */
  xd_window_open_meeting (window, sample_id);
  xd_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.finalize-meeting", NULL));
  xd_test_spin ();
  answer ("Finalise the Meeting?", "cancel");
  meeting = xd_store_get_meeting (store, sample_id, &error);
  g_assert_cmpint (meeting->state, !=, XD_MEETING_FINALISED);
  g_clear_pointer (&meeting, xd_meeting_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.finalize-meeting", NULL));
  xd_test_spin ();
  answer ("Finalise the Meeting?", "finalise");
  meeting = xd_store_get_meeting (store, sample_id, &error);
  g_assert_cmpint (meeting->state, ==, XD_MEETING_FINALISED);
  g_assert_nonnull (meeting->record_hash);
  code = xd_record_verification_code (meeting->record_hash);

  /* A finalised meeting takes no more imports and cannot be finalised
   * twice: the menu items are greyed out. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.finalize-meeting", NULL);
  xd_test_spin ();
  g_assert_null (xd_test_find_message_dialog ());
  paths[0] = units;
  xd_import_dossier_files (GTK_WINDOW (window), store, sample_id, paths);
  xd_test_spin ();
  answer ("The File Could Not Be Imported", "close");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  xd_test_spin ();
  g_assert_null (window);

  /* Reopened, the database holds what the user chose. */
  g_clear_object (&store);
  store = xd_store_open (path, &error);
  g_assert_no_error (error);
  dossiers = xd_store_list_dossiers (store, sample_id, &error);
  g_assert_cmpuint (dossiers->len, ==, 6);
  g_assert_cmpstr (((XdDossier *) g_ptr_array_index (dossiers, 5))->unit_name, ==, "Xã Bằng Cả");
  g_clear_pointer (&meeting, xd_meeting_free);
  meeting = xd_store_get_meeting (store, sample_id, &error);
  g_assert_cmpint (meeting->state, ==, XD_MEETING_FINALISED);
  {
    g_autofree char *again = xd_record_verification_code (meeting->record_hash);

    g_assert_cmpstr (again, ==, code);
  }

  g_clear_object (&store);
  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* As xd_application_new () does: the templates live in the app's resources. */
  g_resources_register (xd_get_resource ());

  g_test_add_func ("/gui/import/import-and-finalise", test_import_and_finalise);

  return g_test_run ();
}
