/* xd-page-renderer.c — the minutes laid out on A4 pages with Pango and cairo
 *
 * The document is cut into slices: one per line of a paragraph, one per
 * table row, one per rule or gap.  A slice never splits (except a table
 * row taller than a page, which has no other way onto paper); between two
 * slices a page may end unless the model says otherwise: inside a block
 * kept together, after a block kept with the next, after a header row,
 * or where a paragraph would leave fewer than two lines on either page
 * (the ODT's widows and orphans).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-page-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "xd-cleanups.h"
#include "xd-output.h"
#include "xd-page-renderer.h"

#define MM (72.0 / 25.4)
#define EPSILON 0.01

/* As the ODF writer's styles: a rule is an empty 2 pt paragraph (about
 * 2.3 pt high in Liberation Serif) with a 0.75 pt bottom border; grid
 * cells have 1 mm padding and 0.5 pt borders; a signature table has 6 pt
 * above it and a bordered table 6 pt under it. */
#define RULE_TEXT_HEIGHT 2.3
#define RULE_WIDTH 0.75
#define CELL_PADDING (1.0 * MM)
#define CELL_BORDER_WIDTH 0.5
#define SIGNATURE_SPACE_BEFORE 6.0
#define GRID_SPACE_AFTER 6.0
/* Never fewer lines of a paragraph than this on a page (fo:orphans,
 * fo:widows). */
#define MIN_LINES 2

typedef enum {
  ITEM_TEXT,
  ITEM_RULE,
  ITEM_BOX,
} ItemKind;

/* Positions are relative to the top of the slice and the left edge of the
 * sheet, in points. */
typedef struct {
  ItemKind kind;
  double x;
  double y;
  double width;
  double height;
  double baseline;          /* ITEM_TEXT: from the top of the slice */
  PangoLayoutLine *line;    /* ITEM_TEXT */
} Item;

typedef struct {
  guint block;
  double height;
  double space_before;      /* dropped at the top of a page but the first */
  gboolean glue_before;     /* no page may end just before this slice */
  gboolean is_header_row;
  int header_first;         /* a table's body row: its header rows, or -1 */
  guint header_count;
  GArray *items;            /* Item */
} Slice;

/* Part of a slice on a page: [from, to) of it, at @y below the top of the
 * page's text area. */
typedef struct {
  guint slice;
  double from;
  double to;
  double y;
} Placement;

struct _XdPageLayout {
  PangoContext *context;
  GArray *slices;           /* Slice */
  GPtrArray *pages;         /* GArray of Placement */
  guint n_blocks;
  GArray *block_first_page; /* int, -1 for a block with nothing to draw */
  GArray *block_last_page;
  char *footer;             /* the minutes' verification line, or NULL */
};

/* A paragraph's lines, measured: the y values from its top, with the
 * space before it, and a total height with the space after it. */
typedef struct {
  GArray *items;            /* Item, ITEM_TEXT and ITEM_RULE */
  GArray *line_bottoms;     /* double: where each line (or rule) ends */
  double height;
} Measured;

/* ── Helpers ────────────────────────────────────────────────────────────── */

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->line, pango_layout_line_unref);
}

static GArray *
items_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);
  return items;
}

static void
slice_clear (gpointer data)
{
  Slice *slice = data;

  g_clear_pointer (&slice->items, g_array_unref);
}

static void
measured_clear (Measured *m)
{
  g_clear_pointer (&m->items, g_array_unref);
  g_clear_pointer (&m->line_bottoms, g_array_unref);
}

static PangoAlignment
pango_alignment (XdMinutesAlign align)
{
  switch (align)
    {
    case XD_MINUTES_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case XD_MINUTES_ALIGN_RIGHT:
      return PANGO_ALIGN_RIGHT;
    case XD_MINUTES_ALIGN_LEFT:
    case XD_MINUTES_ALIGN_JUSTIFY:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static PangoFontDescription *
font_for_style (const XdMinutesStyleInfo *info)
{
  PangoFontDescription *font = pango_font_description_from_string (XD_PAGE_FONT_FAMILIES);

  /* Absolute: one unit is one point whatever the context's resolution. */
  pango_font_description_set_absolute_size (font, info->font_size * PANGO_SCALE);
  pango_font_description_set_weight (font, info->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, info->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return font;
}

/* A layout of @text in @style, @width points wide. */
static PangoLayout *
style_layout (XdPageLayout   *self,
              XdMinutesStyle  style,
              const char     *text,
              PangoAttrList  *attrs,
              double          width)
{
  const XdMinutesStyleInfo *info = xd_minutes_style_get_info (style);
  g_autoptr(PangoFontDescription) font = font_for_style (info);
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, pango_alignment (info->align));
  pango_layout_set_justify (layout, info->align == XD_MINUTES_ALIGN_JUSTIFY);
  pango_layout_set_indent (layout, (int) (info->first_line_indent * MM * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  if (attrs != NULL)
    pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* The height of a line of @style's font with the font's line gap, as
 * LibreOffice counts it (Liberation Serif: 1.149 em), not only its ascent
 * and descent (1.107 em) as Pango's line extents do. */
static double
style_font_height (XdPageLayout   *self,
                   XdMinutesStyle  style)
{
  g_autoptr(PangoFontDescription) font = font_for_style (xd_minutes_style_get_info (style));
  PangoFontMetrics *metrics = pango_context_get_metrics (self->context, font, NULL);
  double height = (double) pango_font_metrics_get_height (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return height;
}

/* Adds the lines of @layout to @m, the first line's top at @top; x from
 * @left.  A line is @font_height high (more if a fallback font is
 * taller), times the style's line height.  Returns the bottom of the last
 * line. */
static double
add_layout_lines (Measured    *m,
                  PangoLayout *layout,
                  double       font_height,
                  int          line_height_percent,
                  double       left,
                  double       top)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  double y = top;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      PangoRectangle own;
      double height;
      double ascent;
      Item item = { ITEM_TEXT, 0, 0, 0, 0, 0, NULL };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_get_extents (line, NULL, &own);
      height = MAX (font_height, (double) logical.height / PANGO_SCALE);
      ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      item.x = left + (double) (logical.x - own.x) / PANGO_SCALE;
      item.y = y;
      item.width = (double) logical.width / PANGO_SCALE;
      item.height = height * line_height_percent / 100.0;
      item.baseline = y + ascent;
      item.line = pango_layout_line_ref (line);
      g_array_append_val (m->items, item);

      y += item.height;
      g_array_append_val (m->line_bottoms, y);
    }
  while (pango_layout_iter_next_line (iter));

  return y;
}

/* Measures paragraph @p set in a column @width points wide starting at
 * @left; @bullet (may be NULL) goes before its text. */
static void
measure_paragraph (XdPageLayout             *self,
                   const XdMinutesParagraph *p,
                   const char               *bullet,
                   double                    left,
                   double                    width,
                   Measured                 *m)
{
  const XdMinutesStyleInfo *info = xd_minutes_style_get_info (p->style);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoLayout) layout = NULL;
  double margin = info->margin_left * MM;
  double y;

  if (bullet != NULL)
    g_string_append_printf (text, "%s ", bullet);
  for (guint i = 0; i < p->runs->len; i++)
    {
      const XdMinutesRun *run = g_ptr_array_index (p->runs, i);
      guint start = text->len;
      PangoAttribute *attr;

      g_string_append (text, run->text);
      attr = pango_attr_weight_new ((run->flags & XD_MINUTES_RUN_BOLD) ? PANGO_WEIGHT_BOLD
                                                                       : PANGO_WEIGHT_NORMAL);
      attr->start_index = start;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_style_new ((run->flags & XD_MINUTES_RUN_ITALIC) ? PANGO_STYLE_ITALIC
                                                                        : PANGO_STYLE_NORMAL);
      attr->start_index = start;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
    }
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("vi")));

  m->items = items_new ();
  m->line_bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  layout = style_layout (self, p->style, text->str, attrs, width - margin);
  y = add_layout_lines (m, layout, style_font_height (self, p->style), info->line_height_percent,
                        left + margin, info->space_before);
  y += info->space_after;

  if (p->line_below != XD_MINUTES_LINE_NONE)
    {
      const XdMinutesLineInfo *line = xd_minutes_line_get_info (p->line_below);
      Item rule = { ITEM_RULE, 0, 0, 0, 0, 0, NULL };

      rule.x = left + MAX (0.0, line->box_width - line->width) / 2.0 * MM;
      rule.width = line->width * MM;
      rule.y = y + line->space_before + RULE_TEXT_HEIGHT + RULE_WIDTH / 2.0;
      rule.height = RULE_WIDTH;
      g_array_append_val (m->items, rule);
      y += line->space_before + RULE_TEXT_HEIGHT + RULE_WIDTH + line->space_after;
      g_array_append_val (m->line_bottoms, y);
    }
  m->height = y;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Measured, measured_clear)

/* ── Cutting the document into slices ───────────────────────────────────── */

static Slice *
add_slice (XdPageLayout *self,
           guint         block,
           double        height,
           gboolean      glue_before)
{
  Slice slice = { block, height, 0, glue_before, FALSE, -1, 0, items_new () };

  g_array_append_val (self->slices, slice);
  return &g_array_index (self->slices, Slice, self->slices->len - 1);
}

static void
add_item_shifted (Slice      *slice,
                  const Item *item,
                  double      dy)
{
  Item copy = *item;

  copy.y += dy;
  copy.baseline += dy;
  if (copy.line != NULL)
    pango_layout_line_ref (copy.line);
  g_array_append_val (slice->items, copy);
}

/* One slice per line: the first carries the space before, the last the
 * space after (and the rule, which always stays with its paragraph). */
static void
slice_paragraph (XdPageLayout             *self,
                 guint                     block_index,
                 const XdMinutesParagraph *p,
                 const char               *bullet,
                 gboolean                  glue_before)
{
  g_auto(Measured) m = { NULL, NULL, 0 };
  guint n_lines = 0;
  double top = 0;

  measure_paragraph (self, p, bullet, XD_MINUTES_MARGIN_LEFT * MM, XD_MINUTES_TEXT_WIDTH * MM, &m);
  for (guint i = 0; i < m.items->len; i++)
    if (g_array_index (m.items, Item, i).kind == ITEM_TEXT)
      n_lines++;

  for (guint i = 0; i < n_lines; i++)
    {
      const Item *line = &g_array_index (m.items, Item, i);
      gboolean last = i + 1 == n_lines;
      double bottom = last ? m.height : g_array_index (m.line_bottoms, double, i);
      gboolean glue = i == 0 ? glue_before : (i < MIN_LINES || n_lines - i < MIN_LINES);
      Slice *slice = add_slice (self, block_index, bottom - top, glue);

      if (i == 0)
        slice->space_before = xd_minutes_style_get_info (p->style)->space_before;
      add_item_shifted (slice, line, -top);
      if (last)
        for (guint j = n_lines; j < m.items->len; j++)
          add_item_shifted (slice, &g_array_index (m.items, Item, j), -top);
      top = bottom;
    }
}

static void
slice_table (XdPageLayout         *self,
             guint                 block_index,
             const XdMinutesBlock *block,
             gboolean              glue_before)
{
  double padding = block->borders ? CELL_PADDING : 0.0;
  int header_first = -1;
  guint header_count = 0;

  if (block->kind == XD_MINUTES_BLOCK_SIGNATURE)
    {
      Slice *space = add_slice (self, block_index, SIGNATURE_SPACE_BEFORE, glue_before);

      space->space_before = SIGNATURE_SPACE_BEFORE;
      glue_before = TRUE;
    }

  for (guint r = 0; r < block->rows->len; r++)
    {
      const XdMinutesRow *row = g_ptr_array_index (block->rows, r);
      const XdMinutesRow *previous = r > 0 ? g_ptr_array_index (block->rows, r - 1) : NULL;
      g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (Measured));
      double x = XD_MINUTES_MARGIN_LEFT * MM;
      double content = 0;
      double height;
      gboolean glue;
      Slice *slice;

      for (guint c = 0; c < block->column_widths->len; c++)
        {
          const XdMinutesCell *cell = c < row->cells->len ? g_ptr_array_index (row->cells, c) : NULL;
          double width = g_array_index (block->column_widths, double, c) * MM;
          Measured all = { items_new (), g_array_new (FALSE, FALSE, sizeof (double)), 0 };

          for (guint j = 0; cell != NULL && j < cell->paragraphs->len; j++)
            {
              g_auto(Measured) m = { NULL, NULL, 0 };

              measure_paragraph (self, g_ptr_array_index (cell->paragraphs, j), NULL,
                                 x + padding, width - 2 * padding, &m);
              for (guint k = 0; k < m.items->len; k++)
                {
                  Item copy = g_array_index (m.items, Item, k);

                  copy.y += all.height;
                  copy.baseline += all.height;
                  if (copy.line != NULL)
                    pango_layout_line_ref (copy.line);
                  g_array_append_val (all.items, copy);
                }
              all.height += m.height;
            }
          content = MAX (content, all.height);
          g_array_append_val (cells, all);
          x += width;
        }
      height = content + 2 * padding;

      if (r == 0)
        glue = glue_before;
      else
        glue = block->keep_together || (previous != NULL && previous->is_header);
      slice = add_slice (self, block_index, height, glue);
      slice->is_header_row = row->is_header;
      if (row->is_header)
        {
          if (header_first < 0)
            header_first = self->slices->len - 1;
          header_count++;
        }
      else
        {
          slice->header_first = header_first;
          slice->header_count = header_count;
        }

      x = XD_MINUTES_MARGIN_LEFT * MM;
      for (guint c = 0; c < cells->len; c++)
        {
          Measured *cell = &g_array_index (cells, Measured, c);
          double width = g_array_index (block->column_widths, double, c) * MM;
          /* Grid cells are centred vertically, plain ones start at the top. */
          double dy = padding + (block->borders ? (content - cell->height) / 2.0 : 0.0);

          if (block->borders)
            {
              Item box = { ITEM_BOX, x, 0, width, height, 0, NULL };
              g_array_append_val (slice->items, box);
            }
          for (guint k = 0; k < cell->items->len; k++)
            add_item_shifted (slice, &g_array_index (cell->items, Item, k), dy);
          measured_clear (cell);
          x += width;
        }
    }

  if (block->borders)
    add_slice (self, block_index, GRID_SPACE_AFTER, TRUE);
}

static void
slice_document (XdPageLayout    *self,
                const XdMinutes *minutes)
{
  gboolean glue_next = FALSE;

  for (guint b = 0; b < minutes->blocks->len; b++)
    {
      const XdMinutesBlock *block = g_ptr_array_index (minutes->blocks, b);

      if (block->rows != NULL)
        slice_table (self, b, block, glue_next);
      else
        for (guint j = 0; j < block->paragraphs->len; j++)
          {
            const XdMinutesParagraph *p = g_ptr_array_index (block->paragraphs, j);
            gboolean glue = glue_next;

            if (j > 0)
              {
                const XdMinutesParagraph *before = g_ptr_array_index (block->paragraphs, j - 1);

                glue = block->keep_together ||
                       xd_minutes_style_get_info (before->style)->keep_with_next ||
                       before->line_below != XD_MINUTES_LINE_NONE;
              }
            slice_paragraph (self, b, p, block->bullet, glue);
          }
      glue_next = block->keep_with_next;

      /* Inside a block kept together, nothing may end a page. */
      if (block->keep_together)
        for (guint s = self->slices->len; s > 0; s--)
          {
            Slice *slice = &g_array_index (self->slices, Slice, s - 1);

            if (slice->block != b)
              break;
            if (s - 1 > 0 && g_array_index (self->slices, Slice, s - 2).block == b)
              slice->glue_before = TRUE;
          }
    }
}

/* ── Breaking into pages ────────────────────────────────────────────────── */

/* Where to cut a slice too tall for any page, at most @limit: under a
 * line no other line crosses if there is one, else under any line. */
static double
find_cut (const Slice *slice,
          double       from,
          double       limit)
{
  double clean = from;
  double any = from;

  for (guint i = 0; i < slice->items->len; i++)
    {
      const Item *item = &g_array_index (slice->items, Item, i);
      double cut = item->y + item->height;
      gboolean crossed = FALSE;

      if (item->kind != ITEM_TEXT || item->y < from - EPSILON || cut > limit + EPSILON || cut <= from + EPSILON)
        continue;
      any = MAX (any, cut);
      for (guint j = 0; j < slice->items->len && !crossed; j++)
        {
          const Item *other = &g_array_index (slice->items, Item, j);

          crossed = other->kind == ITEM_TEXT &&
                    other->y < cut - EPSILON && other->y + other->height > cut + EPSILON;
        }
      if (!crossed)
        clean = MAX (clean, cut);
    }
  return clean > from ? clean : any;
}

static void
place (GArray *page,
       guint   slice,
       double  from,
       double  to,
       double  y)
{
  Placement placement = { slice, from, to, y };

  g_array_append_val (page, placement);
}

static void
paginate (XdPageLayout *self)
{
  const double avail = (XD_MINUTES_PAGE_HEIGHT - XD_MINUTES_MARGIN_TOP - XD_MINUTES_MARGIN_BOTTOM) * MM;
  guint n = self->slices->len;
  guint i = 0;
  double from = 0;

  while (i < n)
    {
      GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));
      const Slice *first = &g_array_index (self->slices, Slice, i);
      guint page_first = i;
      double y = 0;
      double head_y;

      /* A table that goes on repeats its header rows. */
      if (first->header_first >= 0 && page_first > 0 && self->pages->len > 0)
        for (guint h = 0; h < first->header_count; h++)
          {
            const Slice *header = &g_array_index (self->slices, Slice, first->header_first + h);

            place (page, first->header_first + h, 0, header->height, y);
            y += header->height;
          }
      head_y = y;

      while (i < n)
        {
          const Slice *slice = &g_array_index (self->slices, Slice, i);
          double rest;
          guint j = i;

          /* As LibreOffice does, a page after the first starts with the
           * text, not with the space above it. */
          if (self->pages->len > 0 && from == 0 && y <= EPSILON)
            from = slice->space_before;
          rest = slice->height - from;

          if (y + rest <= avail + EPSILON)
            {
              place (page, i, from, slice->height, y);
              y += rest;
              i++;
              from = 0;
              continue;
            }

          /* The latest place where the page may end. */
          if (i > page_first)
            while (j > page_first && g_array_index (self->slices, Slice, j).glue_before)
              j--;
          if (j > page_first)
            {
              /* Repeated header rows come before page_first: they stay. */
              while (page->len > 0 && g_array_index (page, Placement, page->len - 1).slice >= j)
                g_array_set_size (page, page->len - 1);
              i = j;
              break;
            }

          /* Nowhere: a slice taller than a page is cut … */
          if (rest > avail - head_y + EPSILON || y <= head_y + EPSILON)
            {
              double cut = find_cut (slice, from, from + (avail - y));

              if (cut > from + EPSILON)
                {
                  place (page, i, from, cut, y);
                  from = cut;
                }
              else if (y <= head_y + EPSILON)
                {
                  place (page, i, from, slice->height, y);
                  i++;
                  from = 0;
                }
              break;
            }

          /* … and blocks glued into more than a page part where one
           * block ends, not inside a block kept together. */
          j = i;
          while (j > page_first &&
                 g_array_index (self->slices, Slice, j).block ==
                 g_array_index (self->slices, Slice, j - 1).block)
            j--;
          if (j > page_first)
            {
              while (page->len > 0 && g_array_index (page, Placement, page->len - 1).slice >= j)
                g_array_set_size (page, page->len - 1);
              i = j;
            }
          break;
        }
      g_ptr_array_add (self->pages, page);
    }
}

static void
index_blocks (XdPageLayout *self)
{
  g_array_set_size (self->block_first_page, self->n_blocks);
  g_array_set_size (self->block_last_page, self->n_blocks);
  for (guint b = 0; b < self->n_blocks; b++)
    {
      g_array_index (self->block_first_page, int, b) = -1;
      g_array_index (self->block_last_page, int, b) = -1;
    }
  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *page = g_ptr_array_index (self->pages, p);

      for (guint k = 0; k < page->len; k++)
        {
          guint block = g_array_index (self->slices, Slice,
                                       g_array_index (page, Placement, k).slice).block;

          if (g_array_index (self->block_first_page, int, block) < 0)
            g_array_index (self->block_first_page, int, block) = p;
          g_array_index (self->block_last_page, int, block) = p;
        }
    }
}

/* ── Drawing ────────────────────────────────────────────────────────────── */

/* One line of @text in @style across the text width, in a margin: its
 * line box starts @top points from the top edge of the page, or ends
 * there when @from_bottom. */
static void
draw_margin_line (XdPageLayout   *self,
                  cairo_t        *cr,
                  XdMinutesStyle  style,
                  const char     *text,
                  double          top,
                  gboolean        from_bottom)
{
  g_autoptr(PangoLayout) layout = style_layout (self, style, text, NULL,
                                                XD_MINUTES_TEXT_WIDTH * MM);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  PangoRectangle logical;
  PangoRectangle own;
  double ascent;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  pango_layout_line_get_extents (line, NULL, &own);
  ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
  if (from_bottom)
    top -= (double) logical.height / PANGO_SCALE;
  cairo_move_to (cr, XD_MINUTES_MARGIN_LEFT * MM + (double) (logical.x - own.x) / PANGO_SCALE,
                 top + ascent);
  pango_cairo_show_layout_line (cr, line);
}

static void
draw_page_number (XdPageLayout *self,
                  cairo_t      *cr,
                  int           page)
{
  g_autofree char *number = g_strdup_printf ("%d", page + 1);

  draw_margin_line (self, cr, XD_MINUTES_STYLE_PAGE_NUMBER, number,
                    XD_MINUTES_PAGE_NUMBER_TOP * MM, FALSE);
}

/* The verification line of a finalised record, centred in the bottom
 * margin, its line ending XD_MINUTES_FOOTER_BOTTOM above the edge as in
 * the ODT. */
static void
draw_footer (XdPageLayout *self,
             cairo_t      *cr)
{
  draw_margin_line (self, cr, XD_MINUTES_STYLE_FOOTER, self->footer,
                    (XD_MINUTES_PAGE_HEIGHT - XD_MINUTES_FOOTER_BOTTOM) * MM, TRUE);
}

static void
draw_placement (XdPageLayout    *self,
                cairo_t         *cr,
                const Placement *placement)
{
  const Slice *slice = &g_array_index (self->slices, Slice, placement->slice);
  double top = XD_MINUTES_MARGIN_TOP * MM + placement->y - placement->from;

  for (guint i = 0; i < slice->items->len; i++)
    {
      const Item *item = &g_array_index (slice->items, Item, i);

      switch (item->kind)
        {
        case ITEM_TEXT:
          /* A line belongs to the part of a cut slice it starts in. */
          if (item->y < placement->from - EPSILON || item->y >= placement->to - EPSILON)
            break;
          cairo_move_to (cr, item->x, top + item->baseline);
          pango_cairo_show_layout_line (cr, item->line);
          break;

        case ITEM_RULE:
          if (item->y < placement->from - EPSILON || item->y >= placement->to + EPSILON)
            break;
          cairo_set_line_width (cr, item->height);
          cairo_move_to (cr, item->x, top + item->y);
          cairo_rel_line_to (cr, item->width, 0);
          cairo_stroke (cr);
          break;

        case ITEM_BOX:
          {
            double y0 = MAX (item->y, placement->from);
            double y1 = MIN (item->y + item->height, placement->to);

            if (y1 <= y0)
              break;
            cairo_set_line_width (cr, CELL_BORDER_WIDTH);
            cairo_rectangle (cr, item->x, top + y0, item->width, y1 - y0);
            cairo_stroke (cr);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* ── Public API ─────────────────────────────────────────────────────────── */

XdPageLayout *
xd_page_layout_new (const XdMinutes *minutes,
                    PangoContext    *context)
{
  XdPageLayout *self;

  g_return_val_if_fail (minutes != NULL, NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (XdPageLayout, 1);
  if (context != NULL)
    self->context = g_object_ref (context);
  else
    {
      g_autoptr(cairo_font_options_t) options = cairo_font_options_create ();

      /* Unhinted metrics: the same line breaks, and so the same pages, on
       * every screen, printer and PDF. */
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      pango_context_set_round_glyph_positions (self->context, FALSE);
      pango_context_set_language (self->context, pango_language_from_string ("vi"));
    }

  self->slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  g_array_set_clear_func (self->slices, slice_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->n_blocks = minutes->blocks->len;
  self->footer = g_strdup (minutes->footer);
  self->block_first_page = g_array_new (FALSE, TRUE, sizeof (int));
  self->block_last_page = g_array_new (FALSE, TRUE, sizeof (int));

  slice_document (self, minutes);
  paginate (self);
  index_blocks (self);
  return self;
}

void
xd_page_layout_free (XdPageLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->block_first_page, g_array_unref);
  g_clear_pointer (&self->block_last_page, g_array_unref);
  g_clear_object (&self->context);
  g_free (self->footer);
  g_free (self);
}

int
xd_page_layout_get_n_pages (XdPageLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  /* An empty document still has a page to print. */
  return MAX (1, (int) self->pages->len);
}

void
xd_page_layout_render_page (XdPageLayout *self,
                            cairo_t      *cr,
                            int           page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && page < xd_page_layout_get_n_pages (self));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (page > 0)
    draw_page_number (self, cr, page);
  if (self->footer != NULL)
    draw_footer (self, cr);
  if ((guint) page < self->pages->len)
    {
      GArray *placements = g_ptr_array_index (self->pages, page);

      for (guint i = 0; i < placements->len; i++)
        draw_placement (self, cr, &g_array_index (placements, Placement, i));
    }
  cairo_restore (cr);
}

gboolean
xd_page_layout_get_page_blocks (XdPageLayout *self,
                                int           page,
                                guint        *first_block,
                                guint        *last_block)
{
  GArray *placements;

  g_return_val_if_fail (self != NULL, FALSE);

  if (page < 0 || (guint) page >= self->pages->len)
    return FALSE;
  placements = g_ptr_array_index (self->pages, page);
  if (placements->len == 0)
    return FALSE;
  if (first_block != NULL)
    *first_block = g_array_index (self->slices, Slice,
                                  g_array_index (placements, Placement, 0).slice).block;
  if (last_block != NULL)
    *last_block = g_array_index (self->slices, Slice,
                                 g_array_index (placements, Placement, placements->len - 1).slice).block;
  return TRUE;
}

gboolean
xd_page_layout_get_block_pages (XdPageLayout *self,
                                guint         block,
                                int          *first_page,
                                int          *last_page)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (block >= self->n_blocks || g_array_index (self->block_first_page, int, block) < 0)
    return FALSE;
  if (first_page != NULL)
    *first_page = g_array_index (self->block_first_page, int, block);
  if (last_page != NULL)
    *last_page = g_array_index (self->block_last_page, int, block);
  return TRUE;
}

GBytes *
xd_minutes_to_pdf (const XdMinutes  *minutes,
                   GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(XdPageLayout) layout = NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  cairo_status_t status;
  int n_pages;

  g_return_val_if_fail (minutes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  layout = xd_page_layout_new (minutes, NULL);
  n_pages = xd_page_layout_get_n_pages (layout);

  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes,
                                                 XD_MINUTES_PAGE_WIDTH * MM,
                                                 XD_MINUTES_PAGE_HEIGHT * MM);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  minutes->title != NULL ? minutes->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Xetduyet/" PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (int page = 0; page < n_pages; page++)
    {
      xd_page_layout_render_page (layout, cr, page);
      cairo_show_page (cr);
    }
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_FAILED,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
xd_minutes_write_pdf (const XdMinutes  *minutes,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (minutes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pdf = xd_minutes_to_pdf (minutes, error);
  if (pdf == NULL)
    return FALSE;
  return xd_output_write_file (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
}
