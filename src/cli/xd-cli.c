/* xd-cli.c — xetduyet-cli: the headless tasks
 *
 * Exit status: 0 done, 1 the task failed (the message says why),
 * 2 the command line was wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xetduyet-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "xd-format.h"
#include "xd-i18n.h"
#include "xd-store.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (XdStore *store, int argc, char **argv);

typedef struct {
  const char *name;
  const char *args;          /* shown after the name in --help */
  const char *summary;       /* N_() */
  gboolean needs_meeting;
  CommandFunc run;
} Command;

static char *db_path;

static const GOptionEntry common_entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
    N_("The database file (default: the one the app uses)"), N_("FILE") },
  { NULL }
};

static void
print_error (const char *message)
{
  /* g_printerr converts to the terminal's charset. */
  g_printerr ("xetduyet-cli: %s\n", message);
}

static gboolean
parse_meeting_id (const char *text,
                  gint64     *out)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out = (gint64) id;
  return TRUE;
}

/* Commands
 * ======== */

static int
run_init (XdStore  *store,
          int       argc,
          char    **argv)
{
  g_print (_("The database %s is ready.\n"), xd_store_get_path (store));
  return EXIT_OK;
}

static int
run_sample (XdStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  gint64 id = xd_store_load_sample (store, &error);

  if (id == 0)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  /* The number is formatted first: gettext cannot see through G_GINT64_FORMAT. */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_print (_("Added the sample meeting as meeting %s.\n"), number);
  return EXIT_OK;
}

static int
run_meetings (XdStore  *store,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = xd_store_list_meetings (store, &error);

  if (meetings == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  if (meetings->len == 0)
    {
      g_print ("%s\n", _("There are no meetings yet."));
      return EXIT_OK;
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      XdMeeting *m = g_ptr_array_index (meetings, i);
      g_autofree char *date = xd_format_date_ui (m->starts_at);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
               m->id, date != NULL ? date : "—",
               xd_meeting_state_get_label (m->state), m->title);
    }
  return EXIT_OK;
}

static int
run_dossiers (XdStore  *store,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  gint64 meeting_id;

  if (!parse_meeting_id (argv[1], &meeting_id))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a meeting number. See “xetduyet-cli meetings”."), argv[1]);
      print_error (message);
      return EXIT_USAGE;
    }

  meeting = xd_store_get_meeting (store, meeting_id, &error);
  if (meeting == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  dossiers = xd_store_list_dossiers (store, meeting_id, &error);
  if (dossiers == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  g_print ("%s\n", meeting->title);
  if (dossiers->len == 0)
    g_print ("%s\n", _("The meeting has no dossiers yet."));

  for (guint i = 0; i < dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);
      g_autofree char *received = xd_format_date_ui (d->received_on);

      g_print ("%u\t%s\t%s\t%s\t%s\n", i + 1, d->unit_name,
               *d->reference != '\0' ? d->reference : "—",
               received != NULL ? received : "—",
               xd_dossier_state_get_label (d->state));
    }
  return EXIT_OK;
}

static const Command commands[] = {
  { "init", "", N_("Create the database, or bring it up to date"), FALSE, run_init },
  { "sample", "", N_("Add the sample meeting (Hạ Long, 09/01/2022)"), FALSE, run_sample },
  { "meetings", "", N_("List the meetings"), FALSE, run_meetings },
  { "dossiers", N_("MEETING"), N_("List the dossiers of a meeting"), TRUE, run_dossiers },
};

static char *
describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name,
                                                *commands[i].args ? _(commands[i].args) : "");
      g_string_append_printf (text, "\n  %-20s %s", usage, _(commands[i].summary));
    }
  g_string_append_printf (text, "\n\n%s",
                          _("Run “xetduyet-cli COMMAND --help” for the options of a command."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
print_usage (void)
{
  g_autofree char *list = describe_commands ();

  g_print ("%s\n  xetduyet-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…]"), list);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdStore) store = NULL;
  g_autofree char *parameter = NULL;
  const Command *command = NULL;

  setlocale (LC_ALL, "");
  xd_i18n_init ();

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage ();
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("xetduyet-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);

      print_error (message);
      print_usage ();
      return EXIT_USAGE;
    }

  /* Parse the command's own options; argv[1] becomes the program name. */
  parameter = g_strdup_printf ("%s %s", command->name,
                               *command->args ? _(command->args) : "");
  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  if ((command->needs_meeting && argc != 2) || (!command->needs_meeting && argc != 1))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      print_error (_("Wrong number of arguments."));
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  store = xd_store_open (db_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  return command->run (store, argc, argv);
}
