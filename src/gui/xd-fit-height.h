/* xd-fit-height.h — a text view as tall as its wrapped text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkTextView outside a scrolled window reports the height of its text
 * at the width it had before, and does not ask again when wrapping at its
 * new width makes it taller (GTK 4.8): the last lines end up cut off.
 * This makes @view follow its text's height. */
void xd_text_view_fit_height (GtkTextView *view);

G_END_DECLS
