/* xd-toolkit-fixes.c — what GTK 4.8 gets wrong for a Vietnamese screen reader
 *
 * Both fixes run from one emission hook on GtkWidget::map, so they reach
 * every button of the process as it is shown: ours, libadwaita's message
 * dialogs' and the file chooser's, and the window buttons each header bar
 * builds (again, when the window is maximized or restored).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-toolkit-fixes"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xd-toolkit-fixes.h"

/* GTK 4.8 gives a button with a mnemonic label its raw label as accessible
 * label ("_Thêm hồ sơ") and, through the label's mnemonic widget, the
 * label as "labelled by": the name it computes joins both, "_Thêm hồ sơ
 * Thêm hồ sơ", and a screen reader reads the label twice.  An explicit accessible label in the .ui cannot
 * help (the relation stays, so the name is still said twice) and is
 * overwritten whenever the label changes.  The button is named here by the
 * text it shows, once; that is also the right name for GTK versions that
 * compute it well, so no version check. */
static void
fix_mnemonic_name (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);
  const char *label = gtk_button_get_label (button);

  if (!gtk_button_get_use_underline (button) || label == NULL || strchr (label, '_') == NULL ||
      !GTK_IS_LABEL (child))
    return;

  /* The relation first: GTK tells the screen reader the new name when the
   * label changes, and that name must no longer include the relation's. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (child)),
                                  -1);
}

static void
on_button_label_changed_cb (GtkButton  *button,
                            GParamSpec *pspec,
                            gpointer    user_data)
{
  fix_mnemonic_name (button);
}

/* The window buttons' descriptions GTK 4.8 leaves in English: its
 * Vietnamese catalogue lacks them (its labels "Close", "Minimize" and
 * "Maximize" are translated).  Each is replaced by ours only while GTK's
 * own catalogue has no translation, so a newer GTK that has one keeps it. */
typedef struct
{
  const char *css_class;
  const char *description;
} WindowButton;

static const WindowButton window_buttons[] = {
  { "close", N_("Close the window") },
  { "minimize", N_("Minimize the window") },
  { "maximize", N_("Maximize the window") },
  { "maximize", N_("Restore the window") },   /* the same button, maximized */
};

static void
fix_window_button (GtkWidget *button)
{
  GtkRoot *root = gtk_widget_get_root (button);
  gboolean maximized = GTK_IS_WINDOW (root) && gtk_window_is_maximized (GTK_WINDOW (root));

  for (gsize i = 0; i < G_N_ELEMENTS (window_buttons); i++)
    {
      const WindowButton *b = &window_buttons[i];
      const char *msgid = b->description;

      if (!gtk_widget_has_css_class (button, b->css_class))
        continue;
      if (g_str_equal (b->css_class, "maximize") &&
          maximized != g_str_equal (msgid, "Restore the window"))
        continue;
      /* GTK translates its strings in its own domain. */
      if (!g_str_equal (g_dgettext ("gtk40", msgid), msgid))
        return;
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(msgid),
                                      -1);
      return;
    }
}

void
xd_toolkit_fixes_apply (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!GTK_IS_BUTTON (widget))
    return;

  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    {
      fix_window_button (widget);
      return;
    }

  /* Once per button: later changes of its label are followed. */
  if (g_object_get_data (G_OBJECT (widget), "xd-mnemonic-fix") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "xd-mnemonic-fix", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label_changed_cb), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (on_button_label_changed_cb),
                        NULL);
    }
  fix_mnemonic_name (GTK_BUTTON (widget));
}

void
xd_toolkit_fixes_apply_to_tree (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  xd_toolkit_fixes_apply (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    xd_toolkit_fixes_apply_to_tree (child);
}

static gboolean
on_widget_map_hook (GSignalInvocationHint *hint,
                    guint                  n_param_values,
                    const GValue          *param_values,
                    gpointer               user_data)
{
  GObject *object = g_value_get_object (&param_values[0]);

  /* A window, as it is shown, all through: GTK 4.8 puts the pages of a
   * stack that are not shown in the accessible tree too, and those are
   * not mapped.  What is added later gets its turn when it is mapped. */
  if (GTK_IS_WINDOW (object))
    xd_toolkit_fixes_apply_to_tree (GTK_WIDGET (object));
  else if (GTK_IS_BUTTON (object))
    xd_toolkit_fixes_apply (GTK_WIDGET (object));
  return TRUE;   /* stay installed */
}

void
xd_toolkit_fixes_init (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint map_signal;

      /* The signal exists once the class does; it is never unloaded. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map_signal, 0, on_widget_map_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
