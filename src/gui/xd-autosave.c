/* xd-autosave.c — text fields that save themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-autosave"

#include "config.h"

#include "xd-autosave.h"

typedef struct {
  GtkWidget *field;          /* not owned: the state lives on the field */
  XdAutosaveFunc func;
  gpointer user_data;
  guint timeout_id;
  gboolean dirty;
  gboolean loading;          /* set_text in progress: not a user edit */
} Autosave;

static GQuark autosave_quark;

static Autosave *
get_autosave (GtkWidget *field)
{
  return autosave_quark ? g_object_get_qdata (G_OBJECT (field), autosave_quark) : NULL;
}

static char *
get_text (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

static gboolean
save (Autosave *a)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&a->timeout_id, g_source_remove);
  if (!a->dirty)
    return TRUE;

  text = get_text (a->field);
  /* On failure the field stays dirty: the next pause or focus change tries
   * again, and the text the user typed stays on screen. */
  if (a->func (a->field, text, a->user_data))
    a->dirty = FALSE;

  return !a->dirty;
}

static gboolean
on_timeout_cb (gpointer data)
{
  Autosave *a = data;

  a->timeout_id = 0;
  save (a);
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (gpointer  object,
               Autosave *a)
{
  if (a->loading)
    return;

  a->dirty = TRUE;
  g_clear_handle_id (&a->timeout_id, g_source_remove);
  a->timeout_id = g_timeout_add (XD_AUTOSAVE_DELAY_MS, on_timeout_cb, a);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   Autosave                *a)
{
  save (a);
}

static void
autosave_free (gpointer data)
{
  Autosave *a = data;

  /* Too late to save here: the view that owns the callback may be half
   * gone.  Views call xd_autosave_flush_all () first thing in dispose. */
  g_clear_handle_id (&a->timeout_id, g_source_remove);
  g_free (a);
}

void
xd_autosave_attach (GtkWidget      *field,
                    XdAutosaveFunc  func,
                    gpointer        user_data)
{
  GtkEventController *focus;
  Autosave *a;

  g_return_if_fail (GTK_IS_TEXT_VIEW (field) || GTK_IS_EDITABLE (field));
  g_return_if_fail (func != NULL);

  if (autosave_quark == 0)
    autosave_quark = g_quark_from_static_string ("xd-autosave");

  a = g_new0 (Autosave, 1);
  a->field = field;
  a->func = func;
  a->user_data = user_data;
  g_object_set_qdata_full (G_OBJECT (field), autosave_quark, a, autosave_free);

  if (GTK_IS_TEXT_VIEW (field))
    g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                      G_CALLBACK (on_changed_cb), a);
  else
    g_signal_connect (field, "changed", G_CALLBACK (on_changed_cb), a);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), a);
  gtk_widget_add_controller (field, focus);
}

void
xd_autosave_set_text (GtkWidget  *field,
                      const char *text)
{
  Autosave *a = get_autosave (field);

  if (a != NULL)
    {
      g_clear_handle_id (&a->timeout_id, g_source_remove);
      a->loading = TRUE;
      a->dirty = FALSE;
    }

  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)),
                              text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text != NULL ? text : "");

  if (a != NULL)
    a->loading = FALSE;
}

gboolean
xd_autosave_flush (GtkWidget *field)
{
  Autosave *a = get_autosave (field);

  return a == NULL || save (a);
}

void
xd_autosave_flush_all (GtkWidget *root)
{
  xd_autosave_flush (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    xd_autosave_flush_all (child);
}
