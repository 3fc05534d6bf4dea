/* xd-fit-height.c — a text view as tall as its wrapped text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-fit-height"

#include "config.h"

#include "xd-fit-height.h"

static gboolean
queue_resize_cb (gpointer data)
{
  gtk_widget_queue_resize (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

/* The view keeps its vertical adjustment up to date with the height of its
 * laid-out text; when that differs from the height it was given, it needs
 * another size request.  Not from inside the allocation that changed the
 * adjustment (GTK drops it), but right after. */
static void
on_adjustment_changed_cb (GtkAdjustment *adjustment,
                          GtkWidget     *view)
{
  if ((int) gtk_adjustment_get_upper (adjustment) != gtk_widget_get_height (view))
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, queue_resize_cb, g_object_ref (view), g_object_unref);
}

void
xd_text_view_fit_height (GtkTextView *view)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (view), adjustment);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (on_adjustment_changed_cb), view, 0);
}
