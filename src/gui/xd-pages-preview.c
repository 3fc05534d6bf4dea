/* xd-pages-preview.c — the pages of the minutes, drawn as they will print
 *
 * One widget draws every page, as tall as all of them at its width (height
 * for width), inside a scrolled window.  Only the pages that can be seen
 * are drawn: a 1,000-dossier meeting makes a hundred pages, and drawing
 * them all for each frame would make scrolling stutter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-pages-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-pages-preview.h"

/* Pixels around and between the pages; the page number goes under each. */
#define GAP          24
#define NUMBER_SPACE 24
/* Wider than this and a page no longer fits a screen's height to read. */
#define MAX_PAGE_WIDTH 900
#define PT_PER_MM    (72.0 / 25.4)

struct _XdPagesPreview
{
  GtkWidget parent_instance;

  XdPageLayout *layout;
  int n_pages;
  GtkAdjustment *vadjustment;  /* the scrolled window's, to find what is seen */
  gulong value_changed_id;

  /* The pages drawn last, at cache_width: re-drawing the window (a progress
   * bar moving, a toast) reuses them instead of laying out text again. */
  GHashTable *cache;           /* page number → GskRenderNode */
  int cache_width;
};

G_DEFINE_FINAL_TYPE (XdPagesPreview, xd_pages_preview, GTK_TYPE_WIDGET)

static int
page_width_for (int width)
{
  return MAX (CLAMP (width - 2 * GAP, 1, MAX_PAGE_WIDTH), 1);
}

static int
page_height_for (int page_width)
{
  return (int) (page_width * XD_MINUTES_PAGE_HEIGHT / XD_MINUTES_PAGE_WIDTH + 0.5);
}

static int
total_height_for (XdPagesPreview *self,
                  int             width)
{
  if (self->n_pages == 0)
    return 0;
  return GAP + self->n_pages * (page_height_for (page_width_for (width)) + NUMBER_SPACE + GAP);
}

static void
xd_pages_preview_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  XdPagesPreview *self = XD_PAGES_PREVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 595 + 2 * GAP;   /* A4 at 72 dpi */
    }
  else
    {
      int width = for_size >= 0 ? for_size : 595 + 2 * GAP;

      *minimum = *natural = total_height_for (self, width);
    }
}

static GtkSizeRequestMode
xd_pages_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
on_value_changed_cb (GtkAdjustment  *adjustment,
                     XdPagesPreview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The viewport moves the widget without drawing it again: the pages that
 * come into sight would stay blank. */
static void
xd_pages_preview_root (GtkWidget *widget)
{
  XdPagesPreview *self = XD_PAGES_PREVIEW (widget);
  GtkWidget *scrolled;

  GTK_WIDGET_CLASS (xd_pages_preview_parent_class)->root (widget);

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      self->vadjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
      self->value_changed_id = g_signal_connect (self->vadjustment, "value-changed",
                                                 G_CALLBACK (on_value_changed_cb), self);
    }
}

static void
xd_pages_preview_unroot (GtkWidget *widget)
{
  XdPagesPreview *self = XD_PAGES_PREVIEW (widget);

  if (self->vadjustment != NULL)
    g_clear_signal_handler (&self->value_changed_id, self->vadjustment);
  g_clear_object (&self->vadjustment);

  GTK_WIDGET_CLASS (xd_pages_preview_parent_class)->unroot (widget);
}

static void
xd_pages_preview_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  XdPagesPreview *self = XD_PAGES_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int page_width = page_width_for (width);
  int page_height = page_height_for (page_width);
  int step = page_height + NUMBER_SPACE + GAP;
  double top = 0, bottom = G_MAXINT;
  double x = (width - page_width) / 2.0;
  double scale = page_width / (XD_MINUTES_PAGE_WIDTH * PT_PER_MM);
  GdkRGBA shadow_color = { 0, 0, 0, 0.3 };
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA text_color;
  GHashTable *drawn;

  if (self->layout == NULL)
    return;

  if (width != self->cache_width)
    {
      g_hash_table_remove_all (self->cache);
      self->cache_width = width;
    }
  /* Only the pages in sight are kept. */
  drawn = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gsk_render_node_unref);

  if (self->vadjustment != NULL)
    {
      top = gtk_adjustment_get_value (self->vadjustment);
      bottom = top + gtk_adjustment_get_page_size (self->vadjustment);
    }

  /* gtk_widget_get_color () is GTK 4.10. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &text_color);

  for (int page = MAX (0, (int) ((top - GAP) / step));
       page < self->n_pages && GAP + page * step < bottom;
       page++)
    {
      double y = GAP + page * step;
      GskRoundedRect outline;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, page_width, page_height);
      g_autofree char *number = NULL;
      PangoLayout *label;
      GskRenderNode *node;
      cairo_t *cr;
      int label_width, label_height;

      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow_color, 0, 1, 1, 4);
      gtk_snapshot_append_color (snapshot, &white, &bounds);

      node = g_hash_table_lookup (self->cache, GINT_TO_POINTER (page));
      if (node != NULL)
        gsk_render_node_ref (node);
      else
        {
          node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, page_width, page_height));
          cr = gsk_cairo_node_get_draw_context (node);
          cairo_scale (cr, scale, scale);
          xd_page_layout_render_page (self->layout, cr, page);
          cairo_destroy (cr);
        }
      g_hash_table_insert (drawn, GINT_TO_POINTER (page), node);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);

      /* TRANSLATORS: under each page of the minutes' preview */
      number = g_strdup_printf (_("Page %d of %d"), page + 1, self->n_pages);
      label = gtk_widget_create_pango_layout (widget, number);
      pango_layout_get_pixel_size (label, &label_width, &label_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT ((width - label_width) / 2.0,
                                                    y + page_height + (NUMBER_SPACE - label_height) / 2.0 + 2));
      text_color.alpha = 0.7;
      gtk_snapshot_append_layout (snapshot, label, &text_color);
      gtk_snapshot_restore (snapshot);
      g_object_unref (label);
    }

  g_hash_table_unref (self->cache);
  self->cache = drawn;
}

static void
xd_pages_preview_finalize (GObject *object)
{
  XdPagesPreview *self = XD_PAGES_PREVIEW (object);

  g_clear_pointer (&self->layout, xd_page_layout_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (xd_pages_preview_parent_class)->finalize (object);
}

static void
xd_pages_preview_class_init (XdPagesPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xd_pages_preview_finalize;
  widget_class->measure = xd_pages_preview_measure;
  widget_class->get_request_mode = xd_pages_preview_get_request_mode;
  widget_class->snapshot = xd_pages_preview_snapshot;
  widget_class->root = xd_pages_preview_root;
  widget_class->unroot = xd_pages_preview_unroot;

  gtk_widget_class_set_css_name (widget_class, "pages-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
xd_pages_preview_init (XdPagesPreview *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gsk_render_node_unref);
}

GtkWidget *
xd_pages_preview_new (void)
{
  return g_object_new (XD_TYPE_PAGES_PREVIEW, NULL);
}

void
xd_pages_preview_set_layout (XdPagesPreview *self,
                             XdPageLayout   *layout)
{
  g_return_if_fail (XD_IS_PAGES_PREVIEW (self));

  g_clear_pointer (&self->layout, xd_page_layout_free);
  g_hash_table_remove_all (self->cache);
  self->layout = layout;
  self->n_pages = layout != NULL ? xd_page_layout_get_n_pages (layout) : 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
xd_pages_preview_get_n_pages (XdPagesPreview *self)
{
  g_return_val_if_fail (XD_IS_PAGES_PREVIEW (self), 0);

  return self->n_pages;
}
