/* xd-stack-pages.h — a GtkStack whose pages stay out of the first frame
 * until they are shown
 *
 * GTK 4.8 styles every page of a stack, shown or not, and loads the icons
 * on them.  The status pages' 128-pixel icons are SVGs: one of them loaded
 * librsvg before the window's first frame, for a page nobody saw
 * (build-aux/bench).  A stack set up here keeps its pages invisible, so
 * GTK skips them, until xd_stack_pages_show () shows each the first time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Hides every page of @stack; call before the stack is first shown. */
void xd_stack_pages_hide_all (GtkStack   *stack);

/* Shows the page called @name, making it visible first if need be. */
void xd_stack_pages_show     (GtkStack   *stack,
                              const char *name);

G_END_DECLS
