/* xd-gui-test-util.h — what the widget tests share: running the main
 * loop, and finding widgets and dialogs as a user would see them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Runs what is pending: redraws, idle callbacks, signal handlers. */
static inline void
xd_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Keeps the loop running for @ms milliseconds, for what waits on a timer
 * (the autosave pause, a debounced search). */
static inline void
xd_test_spin_for (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      xd_test_spin ();
      g_usleep (5000);
    }
}

/* The visible message dialog, if any. */
static inline AdwMessageDialog *
xd_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* The widget below @root whose id in its template or .ui file is @id. */
static inline GtkWidget *
xd_test_find_by_id (GtkWidget  *root,
                    const char *id)
{
  const char *own = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (own != NULL && g_str_equal (own, id))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xd_test_find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

G_END_DECLS
