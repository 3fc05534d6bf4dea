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
#include <string.h>

#include "xd-exchange.h"
#include "xd-format.h"
#include "xd-output.h"
#include "xd-i18n.h"
#include "xd-minutes.h"
#include "xd-odf-writer.h"
#include "xd-page-renderer.h"
#include "xd-record.h"
#include "xd-store.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (XdStore *store, int argc, char **argv);

/* The MEETING argument: FALSE and TRUE read as none and exactly one. */
typedef enum {
  MEETING_NONE = FALSE,
  MEETING_REQUIRED = TRUE,
  MEETING_OPTIONAL,
  FILES_ONE_OR_MORE,         /* FILE… instead of a meeting */
} MeetingArg;

typedef struct {
  const char *name;
  const char *args;          /* shown after the name in --help */
  const char *summary;       /* N_() */
  MeetingArg needs_meeting;
  gboolean needs_store;
  const GOptionEntry *options;
  CommandFunc run;
} Command;

static char *db_path;

static const GOptionEntry common_entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db_path,
    N_("The database file (default: the one the app uses)"), N_("FILE") },
  { NULL }
};

/* Options of "tally": the counts and the rule, as a secretary reads them
 * off the ballot count. */
static int opt_members = -1;
static int opt_present = -1;
static int opt_yes = -1;
static int opt_no = 0;
static int opt_abstain = 0;
static int opt_issued = -1;
static int opt_valid = -1;
static int opt_invalid = 0;
static char *opt_chair;
static char *opt_quorum;
static char *opt_base;
static char *opt_threshold;
static char *opt_tie;

static const GOptionEntry tally_entries[] = {
  { "members", 0, 0, G_OPTION_ARG_INT, &opt_members, N_("Voting members of the council"), "N" },
  { "present", 0, 0, G_OPTION_ARG_INT, &opt_present, N_("Members present"), "N" },
  { "yes", 0, 0, G_OPTION_ARG_INT, &opt_yes, N_("Votes in favour"), "N" },
  { "no", 0, 0, G_OPTION_ARG_INT, &opt_no, N_("Votes against"), "N" },
  { "abstain", 0, 0, G_OPTION_ARG_INT, &opt_abstain, N_("Members who did not vote"), "N" },
  { "issued", 0, 0, G_OPTION_ARG_INT, &opt_issued,
    N_("Secret ballot: ballots issued (with --valid, makes it a secret ballot)"), "N" },
  { "valid", 0, 0, G_OPTION_ARG_INT, &opt_valid, N_("Secret ballot: valid ballots"), "N" },
  { "invalid", 0, 0, G_OPTION_ARG_INT, &opt_invalid, N_("Secret ballot: invalid ballots"), "N" },
  { "chair", 0, 0, G_OPTION_ARG_STRING, &opt_chair,
    N_("How the chair voted: yes, no or abstain"), N_("CHOICE") },
  { "quorum", 0, 0, G_OPTION_ARG_STRING, &opt_quorum,
    N_("Members who must be present, of all members (default 2/3)"), N_("FRACTION") },
  { "base", 0, 0, G_OPTION_ARG_STRING, &opt_base,
    N_("What the majority is counted against: all, present or cast (default all)"), N_("BASE") },
  { "threshold", 0, 0, G_OPTION_ARG_STRING, &opt_threshold,
    N_("The majority needed: >1/2, >=2/3, >=3/4, >=70% … (default >1/2)"), N_("MAJORITY") },
  { "tie", 0, 0, G_OPTION_ARG_STRING, &opt_tie,
    N_("On a tie: chair, fail or revote (default chair)"), N_("RULE") },
  { NULL }
};

/* Options of "export". */
static char *opt_format;
static char *opt_output;

static const GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    N_("The kind of document: odt, fodt or pdf (default: from the file name)"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("The file to write"), N_("FILE") },
  { NULL }
};

/* Options of "import". */
static char *opt_into;
static gboolean opt_replace;
static gboolean opt_skip;

static const GOptionEntry import_entries[] = {
  { "into", 0, 0, G_OPTION_ARG_STRING, &opt_into,
    N_("Add the dossiers of the files to this meeting instead of importing whole meetings"),
    N_("MEETING") },
  { "replace", 0, 0, G_OPTION_ARG_NONE, &opt_replace,
    N_("With --into: a dossier the meeting already has is replaced by the file’s"), NULL },
  { "skip", 0, 0, G_OPTION_ARG_NONE, &opt_skip,
    N_("With --into: a dossier the meeting already has is kept, the file’s is skipped"), NULL },
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

/* The MEETING argument of a command; says what is wrong when it is not a
 * meeting number. */
static gboolean
read_meeting_arg (const char *text,
                  gint64     *out)
{
  g_autofree char *message = NULL;

  if (parse_meeting_id (text, out))
    return TRUE;

  message = g_strdup_printf (_("“%s” is not a meeting number. See “xetduyet-cli meetings”."),
                             text);
  print_error (message);
  return FALSE;
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

  if (!read_meeting_arg (argv[1], &meeting_id))
    return EXIT_USAGE;

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

/* Exit statuses of "tally", one per outcome, so scripts can branch. */
enum {
  EXIT_TALLY_FAILED = 3,
  EXIT_TALLY_TIE = 4,
  EXIT_TALLY_NO_QUORUM = 5,
};

static gboolean
parse_tally_rule (XdRule  *rule,
                  GError **error)
{
  xd_rule_init_default (rule);

  if (opt_quorum != NULL &&
      !xd_rule_parse_fraction (opt_quorum, &rule->quorum_num, &rule->quorum_den))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a quorum: write a fraction such as 2/3 or a percentage "
                     "such as 50%%."), opt_quorum);
      return FALSE;
    }
  if (opt_base != NULL && !xd_base_from_string (opt_base, &rule->base))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a base: write all, present or cast."), opt_base);
      return FALSE;
    }
  if (opt_threshold != NULL &&
      !xd_rule_parse_threshold (opt_threshold, &rule->threshold_kind,
                                &rule->threshold_num, &rule->threshold_den))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a majority: write >1/2, >=2/3, >=3/4 or a percentage "
                     "such as >=70%%."), opt_threshold);
      return FALSE;
    }
  if (opt_tie != NULL && !xd_tie_rule_from_string (opt_tie, &rule->tie_rule))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a tie rule: write chair, fail or revote."), opt_tie);
      return FALSE;
    }
  return TRUE;
}

static int
run_tally (XdStore  *store,
           int       argc,
           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  XdVoteCount count = { 0 };
  XdVoteResult result;
  XdRule rule;

  if (opt_members < 0 || opt_present < 0 || opt_yes < 0)
    {
      print_error (_("--members, --present and --yes are required."));
      return EXIT_USAGE;
    }
  if (!parse_tally_rule (&rule, &error))
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  count.members_total = opt_members;
  count.members_present = opt_present;
  count.yes = opt_yes;
  count.no = opt_no;
  count.abstain = opt_abstain;
  if (opt_issued >= 0 || opt_valid >= 0)
    {
      count.secret = TRUE;
      count.ballots_issued = opt_issued;
      count.ballots_valid = opt_valid;
      count.ballots_invalid = opt_invalid;
    }
  if (opt_chair != NULL)
    {
      if (!xd_choice_from_string (opt_chair, &count.chair_choice))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a choice: write yes, no or abstain."), opt_chair);
          print_error (message);
          return EXIT_USAGE;
        }
      count.chair_known = TRUE;
    }

  if (!xd_rules_evaluate (&rule, &count, &result, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  line = xd_rules_explain (&rule, &result, FALSE);
  g_print ("%s\n", line);

  switch (result.outcome)
    {
    case XD_OUTCOME_PASSED:
      return EXIT_OK;
    case XD_OUTCOME_FAILED:
      return EXIT_TALLY_FAILED;
    case XD_OUTCOME_TIE_REVOTE:
      return EXIT_TALLY_TIE;
    case XD_OUTCOME_NO_QUORUM:
      return EXIT_TALLY_NO_QUORUM;
    case XD_OUTCOME_NONE:
    default:
      return EXIT_FAILED;
    }
}

static int
run_votes (XdStore  *store,
           int       argc,
           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  gint64 meeting_id;

  if (!read_meeting_arg (argv[1], &meeting_id))
    return EXIT_USAGE;
  meeting = xd_store_get_meeting (store, meeting_id, &error);
  if (meeting == NULL || (questions = xd_store_list_questions (store, meeting_id, &error)) == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  g_print ("%s\n", meeting->title);
  if (questions->len == 0)
    g_print ("%s\n", _("Nothing has been put to the vote yet."));

  for (guint i = 0; i < questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (questions, i);

      if (q->state != XD_QUESTION_CLOSED)
        {
          g_print ("%u\t%s\t%s\n", i + 1, q->text, _("Vote not closed yet"));
          continue;
        }
      /* TRANSLATORS: one line per question: counts of in favour, against,
       * abstained, then the outcome and the rules engine's explanation. */
      g_print (_("%u\t%s\tin favour %d, against %d, abstained %d\t%s\t%s\n"),
               i + 1, q->text, q->yes, q->no, q->abstain,
               xd_outcome_get_label (q->outcome), q->explanation);
    }
  return EXIT_OK;
}

/* "odt" from "bien-ban.odt"; NULL for another extension. */
static char *
format_from_file_name (const char *path)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *ext = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;

  if (ext != NULL && (g_str_equal (ext, "odt") || g_str_equal (ext, "fodt") || g_str_equal (ext, "pdf")))
    return g_steal_pointer (&ext);
  return NULL;
}

static int
run_export (XdStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMinutes) minutes = NULL;
  g_autofree char *format = NULL;
  g_autofree char *shown = NULL;
  gint64 meeting_id;
  gboolean written;

  if (!read_meeting_arg (argv[1], &meeting_id))
    return EXIT_USAGE;
  if (opt_output == NULL || opt_output[0] == '\0')
    {
      print_error (_("Say where to save the minutes with -o FILE."));
      return EXIT_USAGE;
    }
  format = opt_format != NULL ? g_ascii_strdown (opt_format, -1) : format_from_file_name (opt_output);
  if (format == NULL)
    {
      print_error (_("Say which kind of document to write with --format odt, fodt or pdf."));
      return EXIT_USAGE;
    }
  if (!g_str_equal (format, "odt") && !g_str_equal (format, "fodt") && !g_str_equal (format, "pdf"))
    {
      g_autofree char *message =
        g_strdup_printf (_("The minutes cannot be exported as “%s”: write odt, fodt or pdf."), opt_format);
      print_error (message);
      return EXIT_USAGE;
    }

  minutes = xd_minutes_build (store, meeting_id, &error);
  if (minutes == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  if (g_str_equal (format, "odt"))
    written = xd_minutes_write_odt (minutes, opt_output, &error);
  else if (g_str_equal (format, "fodt"))
    written = xd_minutes_write_fodt (minutes, opt_output, &error);
  else
    written = xd_minutes_write_pdf (minutes, opt_output, &error);
  if (!written)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  shown = g_filename_display_name (opt_output);
  g_print (_("Saved the minutes as %s.\n"), shown);
  return EXIT_OK;
}

static int
run_finalize (XdStore  *store,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autofree char *code = NULL;
  g_autofree char *hash = NULL;
  gint64 meeting_id;

  if (!read_meeting_arg (argv[1], &meeting_id))
    return EXIT_USAGE;

  if (!xd_store_finalize_meeting (store, meeting_id, &error) ||
      (meeting = xd_store_get_meeting (store, meeting_id, &error)) == NULL ||
      (hash = xd_record_hash (store, meeting_id, &error)) == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  code = xd_record_verification_code (hash);
  g_print (_("The meeting “%s” is finalised. Its verification code is %s.\n"),
           meeting->title, code);
  return EXIT_OK;
}

static int
run_verify (XdStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 meeting_id = 0;

  if (argc == 2 && !read_meeting_arg (argv[1], &meeting_id))
    return EXIT_USAGE;

  if (!xd_store_verify (store, meeting_id, problems, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  if (problems->len == 0)
    {
      g_print ("%s\n", _("Everything checks out."));
      return EXIT_OK;
    }
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
  return EXIT_FAILED;
}

static const GOptionEntry export_xml_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The file to write"), N_("FILE") },
  { NULL }
};

static int
run_export_xml (XdStore  *store,
                int       argc,
                char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 meeting_id;
  gsize size;
  const char *data;

  if (!read_meeting_arg (argv[1], &meeting_id))
    return EXIT_USAGE;
  if (opt_output == NULL || opt_output[0] == '\0')
    {
      print_error (_("Say where to save the exchange file with -o FILE."));
      return EXIT_USAGE;
    }

  bytes = xd_exchange_export (store, meeting_id, &error);
  if (bytes == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!xd_output_write_file (opt_output, data, size, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  g_print (_("Saved the exchange file as %s.\n"), opt_output);
  return EXIT_OK;
}

static int
run_import_into (XdStore  *store,
                 int       argc,
                 char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(XdDossierImport) result = { 0 };
  XdDuplicates duplicates = opt_replace ? XD_DUPLICATES_REPLACE
                            : opt_skip ? XD_DUPLICATES_SKIP : XD_DUPLICATES_ASK;
  gint64 meeting_id;

  if (!read_meeting_arg (opt_into, &meeting_id))
    return EXIT_USAGE;

  if (!xd_exchange_import_dossiers (store, meeting_id, (const char * const *) argv + 1,
                                    duplicates, &result, &error))
    {
      print_error (error->message);
      if (g_error_matches (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_DUPLICATES))
        {
          for (guint i = 0; i < result.duplicates->len; i++)
            g_printerr ("  – %s\n", (const char *) g_ptr_array_index (result.duplicates, i));
          g_printerr ("%s\n", _("Run the command again with --replace or --skip."));
        }
      return EXIT_FAILED;
    }

  {
    /* Grouped as the language groups numbers: "1.234". */
    g_autofree char *added = xd_format_integer (result.added);
    g_autofree char *replaced = xd_format_integer (result.replaced);
    g_autofree char *skipped = xd_format_integer (result.skipped);

    /* TRANSLATORS: the first %s is a number, grouped as the language groups them ("1.234") */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Added %s dossier to meeting %s.\n",
                          "Added %s dossiers to meeting %s.\n", result.added),
             added, opt_into);
    if (result.replaced > 0)
      /* TRANSLATORS: %s is a number, grouped as the language groups them ("1.234") */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Replaced %s dossier the meeting already had.\n",
                            "Replaced %s dossiers the meeting already had.\n", result.replaced),
               replaced);
    if (result.skipped > 0)
      /* TRANSLATORS: %s is a number, grouped as the language groups them ("1.234") */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Skipped %s dossier the meeting already had.\n",
                            "Skipped %s dossiers the meeting already had.\n", result.skipped),
               skipped);
  }
  return EXIT_OK;
}

static int
run_import (XdStore  *store,
            int       argc,
            char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (opt_replace && opt_skip)
    {
      print_error (_("Choose either --replace or --skip, not both."));
      return EXIT_USAGE;
    }
  if (opt_into != NULL)
    return run_import_into (store, argc, argv);
  if (opt_replace || opt_skip)
    {
      print_error (_("--replace and --skip go with --into MEETING."));
      return EXIT_USAGE;
    }
  if (argc != 2)
    {
      print_error (_("A whole meeting is imported from one file at a time."));
      return EXIT_USAGE;
    }

  if (!xd_exchange_import_file (store, argv[1], ids, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 g_array_index (ids, gint64, i));
      g_print (_("Imported meeting %s.\n"), number);
    }
  if (ids->len == 0)
    g_print ("%s\n", _("The file held no meeting; its criteria sets were imported."));
  return EXIT_OK;
}

static const Command commands[] = {
  { "init", "", N_("Create the database, or bring it up to date"),
    FALSE, TRUE, NULL, run_init },
  { "sample", "", N_("Add the sample meeting (Hạ Long, 09/01/2022)"),
    FALSE, TRUE, NULL, run_sample },
  { "meetings", "", N_("List the meetings"), FALSE, TRUE, NULL, run_meetings },
  { "dossiers", N_("MEETING"), N_("List the dossiers of a meeting"),
    TRUE, TRUE, NULL, run_dossiers },
  { "votes", N_("MEETING"), N_("List the votes of a meeting with their results"),
    TRUE, TRUE, NULL, run_votes },
  { "tally", N_("--members N --present P --yes Y …"),
    N_("Work out the result of a vote by the rules, without a database"),
    FALSE, FALSE, tally_entries, run_tally },
  { "export", N_("MEETING"),
    N_("Export the minutes of a meeting: --format odt, fodt or pdf, -o FILE"),
    TRUE, TRUE, export_entries, run_export },
  { "export-xml", N_("MEETING"),
    N_("Save a meeting as an exchange file for another computer or the level above: -o FILE"),
    MEETING_REQUIRED, TRUE, export_xml_entries, run_export_xml },
  { "import", N_("FILE…"),
    N_("Import an exchange file: checked against the schema, then all or nothing; "
       "--into MEETING adds the dossiers of one or more files to a meeting"),
    FILES_ONE_OR_MORE, TRUE, import_entries, run_import },
  { "finalize", N_("MEETING"),
    N_("Finalise a meeting: make its record read-only and print its verification code"),
    MEETING_REQUIRED, TRUE, NULL, run_finalize },
  { "verify", N_("[MEETING]"),
    N_("Check that nothing was changed behind the program’s back (one meeting or all)"),
    MEETING_OPTIONAL, TRUE, NULL, run_verify },
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
                               *command->args && command->needs_store ? _(command->args) : "");
  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (command->needs_store)
    g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (command->options != NULL)
    g_option_context_add_main_entries (context, command->options, GETTEXT_PACKAGE);
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  if ((command->needs_meeting == MEETING_REQUIRED && argc != 2) ||
      (command->needs_meeting == MEETING_NONE && argc != 1) ||
      (command->needs_meeting == MEETING_OPTIONAL && argc != 1 && argc != 2) ||
      (command->needs_meeting == FILES_ONE_OR_MORE && argc < 2))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      print_error (_("Wrong number of arguments."));
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  if (!command->needs_store)
    return command->run (NULL, argc, argv);

  store = xd_store_open (db_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  return command->run (store, argc, argv);
}
