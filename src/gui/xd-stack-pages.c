/* xd-stack-pages.c — a GtkStack whose pages stay out of the first frame
 * until they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-stack-pages"

#include "config.h"

#include "xd-stack-pages.h"

void
xd_stack_pages_hide_all (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    gtk_widget_set_visible (page, FALSE);
}

void
xd_stack_pages_show (GtkStack   *stack,
                     const char *name)
{
  GtkWidget *page;

  g_return_if_fail (GTK_IS_STACK (stack));

  page = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (page != NULL);
  /* Once shown, a page stays visible: a stack only switches, with its
   * transition, between visible pages. */
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
}
