/* xd-shortcuts-window.c — the keyboard shortcuts, every word in the UI language
 *
 * The list is a table below, kept with the keys it describes: the window's
 * bindings in xd-window.c (class_init), the application's accelerators in
 * xd-application.c (startup), the dialogs' bindings and the voting view's
 * keys (xd-voting-view.c, install_voter_keys).  Each row shows its keys
 * with GtkShortcutLabel, which draws key caps and names keys through GTK's
 * own catalogue ("Xóa lùi", "Esc", arrows); the table avoids keys whose
 * names GTK 4.8 leaves in English (Delete, Page Up, Home, End…).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-shortcuts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-live-vote.h"
#include "xd-rules.h"
#include "xd-shortcuts-window.h"

struct _XdShortcutsWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (XdShortcutsWindow, xd_shortcuts_window, ADW_TYPE_WINDOW)

#define MAX_SHORTCUTS 6

typedef struct
{
  const char *title;        /* NC_ ("shortcut window", …) */
  const char *accelerator;  /* gtk_accelerator_parse () syntax; several, space-separated */
} Shortcut;

typedef struct
{
  const char *title;
  Shortcut shortcuts[MAX_SHORTCUTS];   /* ends early with a NULL title */
} ShortcutGroup;

static const ShortcutGroup groups_before_voting[] = {
  { NC_ ("shortcut window", "Meetings"),
    { { NC_ ("shortcut window", "New meeting"), "<Control><Shift>n" },
      { NC_ ("shortcut window", "All meetings"), "<Alt>Left" } } },
  { NC_ ("shortcut window", "Views of a meeting"),
    { { NC_ ("shortcut window", "Overview"), "<Alt>1" },
      { NC_ ("shortcut window", "Members and attendance"), "<Alt>2" },
      { NC_ ("shortcut window", "Dossiers"), "<Alt>3" },
      { NC_ ("shortcut window", "Voting"), "<Alt>4" },
      { NC_ ("shortcut window", "Minutes"), "<Alt>5" },
      { NC_ ("shortcut window", "Print the minutes"), "<Control>p" } } },
  { NC_ ("shortcut window", "Dossiers"),
    { { NC_ ("shortcut window", "New dossier"), "<Control>n" },
      { NC_ ("shortcut window", "Search for a unit"), "<Control>f" } } },
};

static const ShortcutGroup groups_after_voting[] = {
  { NC_ ("shortcut window", "Dialogs"),
    { { NC_ ("shortcut window", "Save the member or guest"), "<Control>s" },
      { NC_ ("shortcut window", "New criteria set"), "<Control>n" },
      { NC_ ("shortcut window", "Close the dialog"), "Escape" } } },
  { NC_ ("shortcut window", "General"),
    { { NC_ ("shortcut window", "Help"), "F1" },
      { NC_ ("shortcut window", "Show shortcuts"), "<Control>question" },
      { NC_ ("shortcut window", "Close the window"), "<Control>w" },
      { NC_ ("shortcut window", "Quit"), "<Control>q" } } },
};

static const char *
sw (const char *msgid)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", msgid);
}

/* A row: what the keys do, then the keys.  A screen reader reads the keys
 * as the row's description, named as GTK names them. */
static GtkWidget *
new_shortcut_row (const char *title,
                  const char *accelerator)
{
  g_auto(GStrv) accels = g_strsplit (accelerator, " ", -1);
  g_autoptr(GString) spoken = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *keys = gtk_shortcut_label_new (accelerator);

  for (guint i = 0; accels[i] != NULL; i++)
    {
      guint key;
      GdkModifierType mods;
      g_autofree char *label = NULL;

      if (!gtk_accelerator_parse (accels[i], &key, &mods))
        g_return_val_if_reached (row);
      label = gtk_accelerator_get_label (key, mods);
      if (spoken->len > 0)
        g_string_append (spoken, " / ");
      g_string_append (spoken, label);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (keys, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken->str,
                                  -1);
  return row;
}

static void
add_groups (XdShortcutsWindow   *self,
            const ShortcutGroup *groups,
            gsize                n_groups)
{
  for (gsize g = 0; g < n_groups; g++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sw (groups[g].title));
      for (int s = 0; s < MAX_SHORTCUTS && groups[g].shortcuts[s].title != NULL; s++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   new_shortcut_row (sw (groups[g].shortcuts[s].title),
                                                     groups[g].shortcuts[s].accelerator));
      gtk_box_append (self->groups_box, group);
    }
}

/* The voting keys depend on the translation: a choice's letter is the
 * first of its name in the UI language (T for "Tán thành"). */
static void
add_voting_group (XdShortcutsWindow *self)
{
  static const XdChoice choices[] = { XD_CHOICE_YES, XD_CHOICE_NO, XD_CHOICE_ABSTAIN };
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   C_ ("shortcut window", "Recording Votes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("While a member’s row has the focus in the "
                                           "Voting view"));
  for (gsize i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      gunichar letter = xd_choice_get_key (choices[i]);
      g_autofree char *accel = NULL;

      if (letter != 0)
        {
          g_autofree char *name = gtk_accelerator_name (gdk_unicode_to_keyval (letter), 0);

          accel = g_strdup_printf ("%d %s", (int) i + 1, name);
        }
      else
        accel = g_strdup_printf ("%d", (int) i + 1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_shortcut_row (xd_choice_get_label (choices[i]), accel));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_shortcut_row (C_ ("shortcut window", "Clear the choice"),
                                               "BackSpace"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_shortcut_row (C_ ("shortcut window", "Previous or next member"),
                                               "Up Down"));
  gtk_box_append (self->groups_box, group);
}

static void
xd_shortcuts_window_class_init (XdShortcutsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xetduyet/XetDuyet/ui/xd-shortcuts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XdShortcutsWindow, groups_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xd_shortcuts_window_init (XdShortcutsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_groups (self, groups_before_voting, G_N_ELEMENTS (groups_before_voting));
  add_voting_group (self);
  add_groups (self, groups_after_voting, G_N_ELEMENTS (groups_after_voting));
}

XdShortcutsWindow *
xd_shortcuts_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (XD_TYPE_SHORTCUTS_WINDOW,
                       "transient-for", parent,
                       NULL);
}
