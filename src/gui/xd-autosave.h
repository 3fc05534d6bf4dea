/* xd-autosave.h — text fields that save themselves
 *
 * A field commits its text when the user pauses typing (AUTOSAVE_DELAY_MS)
 * or leaves the field, never per keystroke, and when the window closes.
 * The commit callback writes one transaction through the store; when it
 * fails the field keeps the user's text and the callback reports the error,
 * so nothing typed is silently dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XD_AUTOSAVE_DELAY_MS 600

/* Called with the field's current text; returns FALSE when it could not be
 * saved (it has then shown the error to the user). */
typedef gboolean (*XdAutosaveFunc) (GtkWidget  *field,
                                    const char *text,
                                    gpointer    user_data);

/* @field is a GtkEditable (GtkEntry, GtkSpinButton's text…) or a GtkTextView. */
void     xd_autosave_attach    (GtkWidget      *field,
                                XdAutosaveFunc  func,
                                gpointer        user_data);
/* Replaces the text shown without saving it (loading a record). */
void     xd_autosave_set_text  (GtkWidget      *field,
                                const char     *text);
/* Saves now if there are unsaved changes; TRUE when nothing is pending. */
gboolean xd_autosave_flush     (GtkWidget      *field);
/* Saves every pending field inside @root.  Every view calls it first thing
 * in its dispose, and the window when it closes: a field that is destroyed
 * with unsaved text does not save it by itself. */
void     xd_autosave_flush_all (GtkWidget      *root);

G_END_DECLS
