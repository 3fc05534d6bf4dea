/* xd-help-window.c — a first-time user's walk-through of preparing a hearing
 *
 * The text is a table of steps below, each a heading and short paragraphs,
 * so translators get one whole sentence or two per msgid and the layout
 * (a heading, then bulleted, wrapped paragraphs) stays in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-help-window.h"

struct _XdHelpWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkBox *sections_box;
};

G_DEFINE_FINAL_TYPE (XdHelpWindow, xd_help_window, ADW_TYPE_WINDOW)

#define MAX_PARAGRAPHS 4

typedef struct
{
  const char *heading;
  const char *paragraphs[MAX_PARAGRAPHS];   /* NULL-terminated when fewer */
} HelpSection;

static const char *const intro =
  N_("This page walks you through preparing a review hearing, from a new meeting to its "
     "minutes. Everything can be done with the keyboard: Tab moves between fields, and "
     "Alt+1, Alt+2 and so on open the views of a meeting.");

static const HelpSection sections[] = {
  { N_("1. Create the Meeting"),
    { N_("Open the main menu and choose New Meeting, or press Ctrl+Shift+N."),
      N_("In the Overview, type the title, the date, the time and the place of the meeting. "
         "Type dates as you like, for example 9/1/2022; each field is saved as soon as you "
         "pause."),
      N_("To see how a finished meeting looks, choose Open Sample Meeting in the main menu.") } },
  { N_("2. Set the Council and the Rules"),
    { N_("In the Overview, choose the criteria set the dossiers are checked against, how the "
         "council votes, the majority needed and the quorum."),
      N_("In Members (Alt+2), add the chair, the deputy chairs, the members and the secretary "
         "of the council, then the guests invited.") } },
  { N_("3. Add the Dossiers and Check the Criteria"),
    { N_("In Dossiers (Alt+3), add the dossier of each unit proposed for recognition with "
         "Ctrl+N, and tick the documents it sent."),
      N_("Choose a dossier in the list and mark each criterion as Passed or Failed. A "
         "criterion you have not looked at yet stays Not assessed."),
      N_("When units send their dossiers as exchange files, choose Import Units’ Dossiers in "
         "the meeting’s menu and pick one or more files. If the meeting already has a dossier "
         "of the same unit with the same reference, you choose whether to replace or skip "
         "it.") } },
  { N_("4. Mark Attendance"),
    { N_("On the day of the hearing, in Members, mark each person as present, absent or absent "
         "with leave."),
      N_("The Overview then shows whether enough members are present for the council to "
         "vote.") } },
  { N_("5. Vote"),
    { N_("In Voting (Alt+4), choose a unit or a question, open the vote and enter the ballots "
         "for and against."),
      N_("The result is worked out by the meeting’s rules and recorded with the counts.") } },
  { N_("6. Export the Minutes"),
    { N_("When the hearing is over, open the Minutes view, check the preview and export the "
         "minutes as a PDF or ODT file, or print them."),
      N_("Everything you typed is already saved in the meeting’s file: there is nothing else "
         "to save before closing."),
      N_("Once the minutes are approved, choose Finalise Meeting in the meeting’s menu. The "
         "meeting can then no longer be changed, and a verification code is printed at the "
         "foot of every page of the minutes.") } },
};

static GtkWidget *
new_paragraph (const char *text,
               gboolean    bullet)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);

  if (bullet)
    {
      /* The bullet is decoration: a screen reader reads the sentence only. */
      GtkWidget *dot = g_object_new (GTK_TYPE_LABEL,
                                     "label", "•",
                                     "valign", GTK_ALIGN_START,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     NULL);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_widget_set_margin_start (box, 6);
    }
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
fill_sections (XdHelpWindow *self)
{
  gtk_box_append (self->sections_box, new_paragraph (_(intro), FALSE));

  for (gsize i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const HelpSection *section = &sections[i];
      GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                         "label", _(section->heading),
                                         "xalign", 0.0f,
                                         "wrap", TRUE,
                                         "margin-top", 18,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                         NULL);

      gtk_widget_add_css_class (heading, "title-4");
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                      -1);
      gtk_box_append (self->sections_box, heading);

      for (int p = 0; p < MAX_PARAGRAPHS && section->paragraphs[p] != NULL; p++)
        gtk_box_append (self->sections_box, new_paragraph (_(section->paragraphs[p]), TRUE));
    }
}

static void
xd_help_window_class_init (XdHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XdHelpWindow, sections_box);

  /* A help window is read and put away: Escape closes it, like a dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xd_help_window_init (XdHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_sections (self);
}

XdHelpWindow *
xd_help_window_new (GtkWindow *parent)
{
  return g_object_new (XD_TYPE_HELP_WINDOW,
                       "transient-for", parent,
                       NULL);
}
