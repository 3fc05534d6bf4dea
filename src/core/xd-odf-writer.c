/* xd-odf-writer.c — the minutes as OpenDocument text (.odt and flat .fodt)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-odf-writer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xd-cleanups.h"
#include "xd-odf-writer.h"
#include "xd-output.h"

#define ODF_VERSION "1.3"
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

/* The first page has no page number (Nghị định 30/2020): the document
 * starts on this master page, which hands over to "Standard". */
#define FIRST_PAGE_MASTER "First_20_Page"

#define DEFLATE_LEVEL 6

static const struct {
  const char *prefix;
  const char *uri;
} namespaces[] = {
  { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { "meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
  { "dc", "http://purl.org/dc/elements/1.1/" },
};

/* Which XML document to write: the three parts of the package, or all of
 * it in one flat file. */
typedef enum {
  PART_CONTENT,
  PART_STYLES,
  PART_META,
  PART_FLAT,
} Part;

/* A writer that remembers whether any call failed, so the document code
 * reads as the document and is checked once at the end. */
typedef struct {
  xmlTextWriter *w;
  gboolean failed;
  /* Inside a paragraph: ODF collapses runs of spaces, so a space that
   * would be lost is written as <text:s/>. */
  gboolean space_would_collapse;
} Out;

static void
check (Out *o,
       int  rc)
{
  if (rc < 0)
    o->failed = TRUE;
}

static void
start (Out        *o,
       const char *element)
{
  check (o, xmlTextWriterStartElement (o->w, BAD_CAST element));
}

static void
end (Out *o)
{
  check (o, xmlTextWriterEndElement (o->w));
}

/* Characters XML 1.0 cannot carry at all are left out. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* TRUE when @text can go into XML as it is: valid UTF-8 without a
 * character XML 1.0 refuses.  In valid UTF-8 those are the C0 controls
 * other than tab and line ends, and U+FFFE and U+FFFF (EF BF BE/BF). */
static gboolean
is_xml_safe (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
        (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
      return FALSE;
  return TRUE;
}

/* @text with what XML cannot carry left out.  That is @text itself for
 * nearly every string, and nothing is allocated; otherwise a cleaned copy,
 * which *@copy owns. */
static const char *
xml_safe (const char  *text,
          char       **copy)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return "";
  if (is_xml_safe (text))
    return text;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (out, c);
    }
  *copy = g_string_free (out, FALSE);
  return *copy;
}

static void
attr (Out        *o,
      const char *name,
      const char *value)
{
  g_autofree char *copy = NULL;
  const char *safe = xml_safe (value, &copy);

  check (o, xmlTextWriterWriteAttribute (o->w, BAD_CAST name, BAD_CAST safe));
}

/* Lengths with a decimal point whatever the locale: "12.5mm". */
static void
attr_length (Out        *o,
             const char *name,
             double      value,
             const char *unit)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  g_ascii_formatd (number, sizeof number, "%.2f", value);
  text = g_strconcat (number, unit, NULL);
  attr (o, name, text);
}

static void
element_text (Out        *o,
              const char *element,
              const char *text)
{
  g_autofree char *copy = NULL;
  const char *safe = xml_safe (text, &copy);

  start (o, element);
  check (o, xmlTextWriterWriteString (o->w, BAD_CAST safe));
  end (o);
}

static void
empty (Out        *o,
       const char *element)
{
  start (o, element);
  end (o);
}

static void
write_spaces (Out  *o,
              guint n)
{
  if (n == 0)
    return;
  start (o, "text:s");
  if (n > 1)
    {
      g_autofree char *count = g_strdup_printf ("%u", n);
      attr (o, "text:c", count);
    }
  end (o);
}

/* Paragraph text: spaces that ODF would collapse become <text:s/>, tabs
 * <text:tab/>, line breaks <text:line-break/>. */
static void
write_text (Out        *o,
            const char *text)
{
  g_autofree char *copy = NULL;
  const char *safe = xml_safe (text, &copy);
  g_autoptr(GString) pending = NULL;
  const char *p = safe;

  /* Words with single spaces between them, as nearly all text is, go out
   * in one piece; the loop below is for what ODF would collapse. */
  if (strpbrk (safe, "\t\n\r") == NULL && strstr (safe, "  ") == NULL &&
      !(safe[0] == ' ' && o->space_would_collapse))
    {
      gsize len = strlen (safe);

      if (len > 0)
        {
          check (o, xmlTextWriterWriteString (o->w, BAD_CAST safe));
          o->space_would_collapse = safe[len - 1] == ' ';
        }
      return;
    }

  pending = g_string_new (NULL);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          check (o, xmlTextWriterWriteString (o->w, BAD_CAST pending->str));
          g_string_truncate (pending, 0);
        }

      if (c == ' ')
        {
          guint n = 0;

          while (p[n] == ' ')
            n++;
          p += n;
          if (!o->space_would_collapse)
            {
              check (o, xmlTextWriterWriteString (o->w, BAD_CAST " "));
              n--;
            }
          write_spaces (o, n);
          o->space_would_collapse = TRUE;
          continue;
        }

      if (c == '\t')
        empty (o, "text:tab");
      else if (c == '\n')
        empty (o, "text:line-break");
      else if (c != '\r')
        g_string_append_unichar (pending, c);
      o->space_would_collapse = c == '\t' || c == '\n' || c == '\r';
      p = g_utf8_next_char (p);
    }
  check (o, xmlTextWriterWriteString (o->w, BAD_CAST pending->str));
}

/* ── Styles ─────────────────────────────────────────────────────────────── */

static const char *
run_style_name (XdMinutesRunFlags flags)
{
  switch ((int) flags & (XD_MINUTES_RUN_BOLD | XD_MINUTES_RUN_ITALIC))
    {
    case XD_MINUTES_RUN_BOLD:
      return "XD_Run_Bold";
    case XD_MINUTES_RUN_ITALIC:
      return "XD_Run_Italic";
    case XD_MINUTES_RUN_BOLD | XD_MINUTES_RUN_ITALIC:
      return "XD_Run_Bold_Italic";
    default:
      return "XD_Run_Regular";
    }
}

static const char *
align_value (XdMinutesAlign align)
{
  switch (align)
    {
    case XD_MINUTES_ALIGN_LEFT:
      return "start";
    case XD_MINUTES_ALIGN_CENTER:
      return "center";
    case XD_MINUTES_ALIGN_RIGHT:
      return "end";
    case XD_MINUTES_ALIGN_JUSTIFY:
      return "justify";
    default:
      g_return_val_if_reached ("start");
    }
}

static void
write_weight_and_slant (Out      *o,
                        gboolean  bold,
                        gboolean  italic)
{
  attr (o, "fo:font-weight", bold ? "bold" : "normal");
  attr (o, "style:font-weight-complex", bold ? "bold" : "normal");
  attr (o, "fo:font-style", italic ? "italic" : "normal");
  attr (o, "style:font-style-complex", italic ? "italic" : "normal");
}

static void
write_font_faces (Out *o)
{
  start (o, "office:font-face-decls");
  start (o, "style:font-face");
  attr (o, "style:name", XD_MINUTES_FONT_FAMILY);
  attr (o, "svg:font-family", "'" XD_MINUTES_FONT_FAMILY "'");
  attr (o, "style:font-family-generic", "roman");
  attr (o, "style:font-pitch", "variable");
  end (o);
  end (o);
}

static void
write_paragraph_style (Out                      *o,
                       const XdMinutesStyleInfo *info)
{
  start (o, "style:style");
  attr (o, "style:name", info->name);
  attr (o, "style:display-name", info->display_name);
  attr (o, "style:family", "paragraph");
  attr (o, "style:parent-style-name", "Standard");
  attr (o, "style:class", "text");

  start (o, "style:paragraph-properties");
  attr_length (o, "fo:margin-left", info->margin_left, "mm");
  attr_length (o, "fo:margin-right", 0, "mm");
  attr_length (o, "fo:margin-top", info->space_before, "pt");
  attr_length (o, "fo:margin-bottom", info->space_after, "pt");
  attr_length (o, "fo:text-indent", info->first_line_indent, "mm");
  {
    g_autofree char *height = g_strdup_printf ("%d%%", info->line_height_percent);
    attr (o, "fo:line-height", height);
  }
  attr (o, "fo:text-align", align_value (info->align));
  if (info->align == XD_MINUTES_ALIGN_JUSTIFY)
    {
      attr (o, "fo:text-align-last", "start");
      attr (o, "style:justify-single-word", "false");
    }
  attr (o, "fo:keep-with-next", info->keep_with_next ? "always" : "auto");
  end (o);

  start (o, "style:text-properties");
  attr_length (o, "fo:font-size", info->font_size, "pt");
  attr_length (o, "style:font-size-complex", info->font_size, "pt");
  write_weight_and_slant (o, info->bold, info->italic);
  end (o);

  end (o);
}

/* A rule is an empty paragraph of its own with a bottom border, narrowed
 * by its margins to the rule's length and centred in its column. */
static void
write_line_style (Out                     *o,
                  const XdMinutesLineInfo *info)
{
  double side = MAX (0.0, (info->box_width - info->width) / 2.0);

  start (o, "style:style");
  attr (o, "style:name", info->name);
  attr (o, "style:display-name", info->display_name);
  attr (o, "style:family", "paragraph");
  attr (o, "style:parent-style-name", "Standard");
  attr (o, "style:class", "text");

  start (o, "style:paragraph-properties");
  attr_length (o, "fo:margin-left", side, "mm");
  attr_length (o, "fo:margin-right", side, "mm");
  attr_length (o, "fo:margin-top", info->space_before, "pt");
  attr_length (o, "fo:margin-bottom", info->space_after, "pt");
  attr_length (o, "fo:text-indent", 0, "mm");
  attr (o, "fo:line-height", "100%");
  attr (o, "fo:padding", "0mm");
  attr (o, "fo:border-top", "none");
  attr (o, "fo:border-left", "none");
  attr (o, "fo:border-right", "none");
  attr (o, "fo:border-bottom", "0.75pt solid #000000");
  /* A rule belongs to the line above it and to what follows. */
  attr (o, "fo:keep-with-next", "always");
  end (o);

  start (o, "style:text-properties");
  attr (o, "fo:font-size", "2pt");
  attr (o, "style:font-size-complex", "2pt");
  end (o);

  end (o);
}

static void
write_run_style (Out               *o,
                 XdMinutesRunFlags  flags,
                 const char        *display_name)
{
  start (o, "style:style");
  attr (o, "style:name", run_style_name (flags));
  attr (o, "style:display-name", display_name);
  attr (o, "style:family", "text");
  start (o, "style:text-properties");
  write_weight_and_slant (o, (flags & XD_MINUTES_RUN_BOLD) != 0,
                          (flags & XD_MINUTES_RUN_ITALIC) != 0);
  end (o);
  end (o);
}

static void
write_common_styles (Out *o)
{
  start (o, "office:styles");

  start (o, "style:default-style");
  attr (o, "style:family", "paragraph");
  start (o, "style:paragraph-properties");
  attr (o, "fo:orphans", "2");
  attr (o, "fo:widows", "2");
  attr (o, "style:writing-mode", "lr-tb");
  end (o);
  start (o, "style:text-properties");
  attr (o, "style:font-name", XD_MINUTES_FONT_FAMILY);
  attr (o, "style:font-name-complex", XD_MINUTES_FONT_FAMILY);
  attr (o, "fo:font-size", "14pt");
  attr (o, "style:font-size-complex", "14pt");
  attr (o, "fo:color", "#000000");
  attr (o, "fo:language", "vi");
  attr (o, "fo:country", "VN");
  attr (o, "fo:hyphenate", "false");
  end (o);
  end (o);

  start (o, "style:style");
  attr (o, "style:name", "Standard");
  attr (o, "style:family", "paragraph");
  attr (o, "style:class", "text");
  end (o);

  for (guint i = 0; i < XD_MINUTES_N_STYLES; i++)
    write_paragraph_style (o, xd_minutes_style_get_info (i));
  for (guint i = XD_MINUTES_LINE_NONE + 1; i < XD_MINUTES_N_LINES; i++)
    write_line_style (o, xd_minutes_line_get_info (i));

  write_run_style (o, XD_MINUTES_RUN_PLAIN, "Biên bản – Chữ thường");
  write_run_style (o, XD_MINUTES_RUN_BOLD, "Biên bản – Chữ đậm");
  write_run_style (o, XD_MINUTES_RUN_ITALIC, "Biên bản – Chữ nghiêng");
  write_run_style (o, XD_MINUTES_RUN_BOLD | XD_MINUTES_RUN_ITALIC, "Biên bản – Chữ đậm nghiêng");

  end (o);
}

/* Two page layouts with the same body area: the first page's top margin
 * is all margin, the others' holds the page number. */
static void
write_page_layout (Out        *o,
                   const char *name,
                   gboolean    with_header,
                   gboolean    with_footer)
{
  start (o, "style:page-layout");
  attr (o, "style:name", name);
  start (o, "style:page-layout-properties");
  attr_length (o, "fo:page-width", XD_MINUTES_PAGE_WIDTH, "mm");
  attr_length (o, "fo:page-height", XD_MINUTES_PAGE_HEIGHT, "mm");
  attr (o, "style:print-orientation", "portrait");
  attr (o, "style:num-format", "1");
  attr_length (o, "fo:margin-top",
               with_header ? XD_MINUTES_PAGE_NUMBER_TOP : XD_MINUTES_MARGIN_TOP, "mm");
  attr_length (o, "fo:margin-bottom",
               with_footer ? XD_MINUTES_FOOTER_BOTTOM : XD_MINUTES_MARGIN_BOTTOM, "mm");
  attr_length (o, "fo:margin-left", XD_MINUTES_MARGIN_LEFT, "mm");
  attr_length (o, "fo:margin-right", XD_MINUTES_MARGIN_RIGHT, "mm");
  attr (o, "style:writing-mode", "lr-tb");
  end (o);
  if (with_header)
    {
      /* The page number's line (13 pt, about 5.5 mm high) and the gap
       * under it fill the rest of the top margin, so the text starts
       * XD_MINUTES_MARGIN_TOP from the edge on every page. */
      start (o, "style:header-style");
      start (o, "style:header-footer-properties");
      attr_length (o, "fo:min-height", 0, "mm");
      attr_length (o, "fo:margin-bottom",
                   XD_MINUTES_MARGIN_TOP - XD_MINUTES_PAGE_NUMBER_TOP - 5.5, "mm");
      attr (o, "style:dynamic-spacing", "false");
      end (o);
      end (o);
    }
  if (with_footer)
    {
      /* The same trick at the foot: the verification line and the gap
       * above it fill the bottom margin, so the text area ends
       * XD_MINUTES_MARGIN_BOTTOM from the edge as on a draft. */
      start (o, "style:footer-style");
      start (o, "style:header-footer-properties");
      attr_length (o, "fo:min-height", 0, "mm");
      attr_length (o, "fo:margin-top",
                   XD_MINUTES_MARGIN_BOTTOM - XD_MINUTES_FOOTER_BOTTOM - XD_MINUTES_FOOTER_HEIGHT,
                   "mm");
      attr (o, "style:dynamic-spacing", "false");
      end (o);
      end (o);
    }
  end (o);
}

static void
write_footer (Out        *o,
              const char *footer)
{
  if (footer == NULL)
    return;
  start (o, "style:footer");
  start (o, "text:p");
  attr (o, "text:style-name", xd_minutes_style_get_info (XD_MINUTES_STYLE_FOOTER)->name);
  check (o, xmlTextWriterWriteString (o->w, BAD_CAST footer));
  end (o);
  end (o);
}

static void
write_master_styles (Out        *o,
                     const char *footer)
{
  start (o, "office:master-styles");

  start (o, "style:master-page");
  attr (o, "style:name", "Standard");
  attr (o, "style:page-layout-name", "XD_Page_Layout");
  start (o, "style:header");
  start (o, "text:p");
  attr (o, "text:style-name", xd_minutes_style_get_info (XD_MINUTES_STYLE_PAGE_NUMBER)->name);
  start (o, "text:page-number");
  attr (o, "text:select-page", "current");
  check (o, xmlTextWriterWriteString (o->w, BAD_CAST "2"));
  end (o);
  end (o);
  end (o);
  write_footer (o, footer);
  end (o);

  start (o, "style:master-page");
  attr (o, "style:name", FIRST_PAGE_MASTER);
  attr (o, "style:display-name", "First Page");
  attr (o, "style:page-layout-name", "XD_Page_Layout_First");
  attr (o, "style:next-style-name", "Standard");
  write_footer (o, footer);
  end (o);

  end (o);
}

static gboolean
is_table (const XdMinutesBlock *block)
{
  return block->rows != NULL;
}

static void
write_table_styles (Out                  *o,
                    const XdMinutesBlock *block,
                    guint                 number,
                    gboolean              first)
{
  g_autofree char *name = g_strdup_printf ("XD_Table%u", number);
  double width = 0;

  for (guint i = 0; i < block->column_widths->len; i++)
    width += g_array_index (block->column_widths, double, i);

  start (o, "style:style");
  attr (o, "style:name", name);
  attr (o, "style:family", "table");
  if (first)
    attr (o, "style:master-page-name", FIRST_PAGE_MASTER);
  start (o, "style:table-properties");
  attr_length (o, "style:width", width, "mm");
  attr (o, "table:align", "left");
  attr_length (o, "fo:margin-top", block->kind == XD_MINUTES_BLOCK_SIGNATURE ? 6 : 0, "pt");
  attr_length (o, "fo:margin-bottom", block->borders ? 6 : 0, "pt");
  if (block->keep_together)
    attr (o, "style:may-break-between-rows", "false");
  if (block->keep_with_next)
    attr (o, "fo:keep-with-next", "always");
  end (o);
  end (o);

  for (guint i = 0; i < block->column_widths->len; i++)
    {
      g_autofree char *column = g_strdup_printf ("%s.C%u", name, i + 1);

      start (o, "style:style");
      attr (o, "style:name", column);
      attr (o, "style:family", "table-column");
      start (o, "style:table-column-properties");
      attr_length (o, "style:column-width", g_array_index (block->column_widths, double, i), "mm");
      end (o);
      end (o);
    }
}

static void
write_cell_style (Out        *o,
                  const char *name,
                  const char *padding,
                  const char *border,
                  const char *vertical_align)
{
  start (o, "style:style");
  attr (o, "style:name", name);
  attr (o, "style:family", "table-cell");
  start (o, "style:table-cell-properties");
  attr (o, "fo:padding", padding);
  attr (o, "fo:border", border);
  attr (o, "style:vertical-align", vertical_align);
  end (o);
  end (o);
}

static void
write_content_automatic_styles (Out             *o,
                                const XdMinutes *minutes)
{
  guint tables = 0;

  write_cell_style (o, "XD_Cell_Plain", "0mm", "none", "top");
  write_cell_style (o, "XD_Cell_Grid", "1mm", "0.5pt solid #000000", "middle");

  start (o, "style:style");
  attr (o, "style:name", "XD_Row_Keep");
  attr (o, "style:family", "table-row");
  start (o, "style:table-row-properties");
  attr (o, "fo:keep-together", "always");
  end (o);
  end (o);

  for (guint i = 0; i < minutes->blocks->len; i++)
    {
      XdMinutesBlock *block = g_ptr_array_index (minutes->blocks, i);

      if (is_table (block))
        write_table_styles (o, block, ++tables, i == 0);
    }

  /* A document that does not start with a table starts its first page
   * through its first paragraph's style instead. */
  if (minutes->blocks->len > 0 && !is_table (g_ptr_array_index (minutes->blocks, 0)))
    {
      XdMinutesBlock *block = g_ptr_array_index (minutes->blocks, 0);
      XdMinutesParagraph *p = block->paragraphs->len > 0 ? g_ptr_array_index (block->paragraphs, 0)
                                                          : NULL;

      start (o, "style:style");
      attr (o, "style:name", "XD_First");
      attr (o, "style:family", "paragraph");
      attr (o, "style:parent-style-name",
            xd_minutes_style_get_info (p != NULL ? p->style : XD_MINUTES_STYLE_BODY)->name);
      attr (o, "style:master-page-name", FIRST_PAGE_MASTER);
      end (o);
    }
}

/* ── Body ───────────────────────────────────────────────────────────────── */

static void
write_paragraph (Out                      *o,
                 const XdMinutesParagraph *p,
                 const char               *bullet,
                 const char               *style_override)
{
  const XdMinutesStyleInfo *info = xd_minutes_style_get_info (p->style);
  XdMinutesRunFlags own = (info->bold ? XD_MINUTES_RUN_BOLD : 0) |
                          (info->italic ? XD_MINUTES_RUN_ITALIC : 0);

  start (o, "text:p");
  attr (o, "text:style-name", style_override != NULL ? style_override : info->name);
  o->space_would_collapse = TRUE;

  if (bullet != NULL)
    {
      write_text (o, bullet);
      write_text (o, " ");
    }
  for (guint i = 0; i < p->runs->len; i++)
    {
      XdMinutesRun *run = g_ptr_array_index (p->runs, i);

      if (run->flags == own)
        write_text (o, run->text);
      else
        {
          start (o, "text:span");
          attr (o, "text:style-name", run_style_name (run->flags));
          write_text (o, run->text);
          end (o);
        }
    }
  end (o);

  if (p->line_below != XD_MINUTES_LINE_NONE)
    {
      start (o, "text:p");
      attr (o, "text:style-name", xd_minutes_line_get_info (p->line_below)->name);
      end (o);
    }
}

static void
write_table (Out                  *o,
             const XdMinutesBlock *block,
             guint                 number)
{
  g_autofree char *name = g_strdup_printf ("XD_Table%u", number);
  gboolean in_header_rows = FALSE;

  start (o, "table:table");
  attr (o, "table:name", name);
  attr (o, "table:style-name", name);

  for (guint i = 0; i < block->column_widths->len; i++)
    {
      g_autofree char *column = g_strdup_printf ("%s.C%u", name, i + 1);

      start (o, "table:table-column");
      attr (o, "table:style-name", column);
      end (o);
    }

  for (guint r = 0; r < block->rows->len; r++)
    {
      XdMinutesRow *row = g_ptr_array_index (block->rows, r);

      if (row->is_header && !in_header_rows)
        {
          start (o, "table:table-header-rows");
          in_header_rows = TRUE;
        }
      else if (!row->is_header && in_header_rows)
        {
          end (o);
          in_header_rows = FALSE;
        }

      start (o, "table:table-row");
      if (block->keep_together || row->is_header)
        attr (o, "table:style-name", "XD_Row_Keep");
      for (guint c = 0; c < block->column_widths->len; c++)
        {
          XdMinutesCell *cell = c < row->cells->len ? g_ptr_array_index (row->cells, c) : NULL;

          start (o, "table:table-cell");
          attr (o, "table:style-name", block->borders ? "XD_Cell_Grid" : "XD_Cell_Plain");
          attr (o, "office:value-type", "string");
          if (cell == NULL || cell->paragraphs->len == 0)
            {
              /* A cell needs a paragraph to be typed into. */
              start (o, "text:p");
              attr (o, "text:style-name",
                    xd_minutes_style_get_info (XD_MINUTES_STYLE_TABLE_TEXT)->name);
              end (o);
            }
          else
            for (guint j = 0; j < cell->paragraphs->len; j++)
              write_paragraph (o, g_ptr_array_index (cell->paragraphs, j), NULL, NULL);
          end (o);
        }
      end (o);
    }
  if (in_header_rows)
    end (o);

  end (o);
}

static void
write_body (Out             *o,
            const XdMinutes *minutes)
{
  guint tables = 0;

  start (o, "office:body");
  start (o, "office:text");

  for (guint i = 0; i < minutes->blocks->len; i++)
    {
      XdMinutesBlock *block = g_ptr_array_index (minutes->blocks, i);

      if (is_table (block))
        {
          write_table (o, block, ++tables);
          continue;
        }
      for (guint j = 0; j < block->paragraphs->len; j++)
        write_paragraph (o, g_ptr_array_index (block->paragraphs, j), block->bullet,
                         i == 0 && j == 0 ? "XD_First" : NULL);
    }

  end (o);
  end (o);
}

static void
write_meta (Out             *o,
            const XdMinutes *minutes)
{
  start (o, "office:meta");
  element_text (o, "meta:generator", "Xetduyet/" PACKAGE_VERSION);
  element_text (o, "dc:title", minutes->title);
  element_text (o, "dc:language", "vi-VN");
  end (o);
}

static void
start_root (Out        *o,
            const char *element)
{
  start (o, element);
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    {
      g_autofree char *name = g_strconcat ("xmlns:", namespaces[i].prefix, NULL);
      attr (o, name, namespaces[i].uri);
    }
  attr (o, "office:version", ODF_VERSION);
}

/* The buffer's bytes, taken over rather than copied: content.xml of a
 * national review is 11 MB. */
static GBytes *
bytes_from_buffer (xmlBuffer *buffer)
{
  gsize length = (gsize) xmlBufferLength (buffer);
  xmlChar *data = xmlBufferDetach (buffer);

  return g_bytes_new_with_free_func (data, length, xmlFree, data);
}

/* The one function behind both formats: the package's parts are slices of
 * the flat document. */
static GBytes *
write_document (const XdMinutes  *minutes,
                Part              part,
                GError          **error)
{
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  g_autoptr(xmlTextWriter) writer = NULL;
  Out o = { 0 };

  if (buffer == NULL)
    goto failed;
  /* libxml2 2.9 sizes a buffer exactly by default: each chunk the writer
   * flushes would reallocate and copy the whole document so far. */
  xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  if ((writer = xmlNewTextWriterMemory (buffer, 0)) == NULL)
    goto failed;
  o.w = writer;

  check (&o, xmlTextWriterStartDocument (o.w, "1.0", "UTF-8", NULL));
  switch (part)
    {
    case PART_FLAT:
      start_root (&o, "office:document");
      attr (&o, "office:mimetype", ODT_MIMETYPE);
      write_meta (&o, minutes);
      write_font_faces (&o);
      write_common_styles (&o);
      start (&o, "office:automatic-styles");
      write_page_layout (&o, "XD_Page_Layout", TRUE, minutes->footer != NULL);
      write_page_layout (&o, "XD_Page_Layout_First", FALSE, minutes->footer != NULL);
      write_content_automatic_styles (&o, minutes);
      end (&o);
      write_master_styles (&o, minutes->footer);
      write_body (&o, minutes);
      break;

    case PART_CONTENT:
      start_root (&o, "office:document-content");
      write_font_faces (&o);
      start (&o, "office:automatic-styles");
      write_content_automatic_styles (&o, minutes);
      end (&o);
      write_body (&o, minutes);
      break;

    case PART_STYLES:
      start_root (&o, "office:document-styles");
      write_font_faces (&o);
      write_common_styles (&o);
      start (&o, "office:automatic-styles");
      write_page_layout (&o, "XD_Page_Layout", TRUE, minutes->footer != NULL);
      write_page_layout (&o, "XD_Page_Layout_First", FALSE, minutes->footer != NULL);
      end (&o);
      write_master_styles (&o, minutes->footer);
      break;

    case PART_META:
      start_root (&o, "office:document-meta");
      write_meta (&o, minutes);
      break;

    default:
      g_assert_not_reached ();
    }
  end (&o);
  check (&o, xmlTextWriterEndDocument (o.w));
  g_clear_pointer (&writer, xmlFreeTextWriter);

  if (o.failed)
    goto failed;
  return bytes_from_buffer (buffer);

failed:
  g_set_error_literal (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_FAILED,
                       _("The document could not be created. The computer may be short of memory."));
  return NULL;
}

static GBytes *
write_manifest (GError **error)
{
  static const char *parts[] = { "content.xml", "styles.xml", "meta.xml" };
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  g_autoptr(xmlTextWriter) writer = NULL;
  Out o = { 0 };

  if (buffer == NULL || (writer = xmlNewTextWriterMemory (buffer, 0)) == NULL)
    goto failed;
  o.w = writer;

  check (&o, xmlTextWriterStartDocument (o.w, "1.0", "UTF-8", NULL));
  start (&o, "manifest:manifest");
  attr (&o, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  attr (&o, "manifest:version", ODF_VERSION);

  start (&o, "manifest:file-entry");
  attr (&o, "manifest:full-path", "/");
  attr (&o, "manifest:version", ODF_VERSION);
  attr (&o, "manifest:media-type", ODT_MIMETYPE);
  end (&o);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      start (&o, "manifest:file-entry");
      attr (&o, "manifest:full-path", parts[i]);
      attr (&o, "manifest:media-type", "text/xml");
      end (&o);
    }
  end (&o);
  check (&o, xmlTextWriterEndDocument (o.w));
  g_clear_pointer (&writer, xmlFreeTextWriter);

  if (o.failed)
    goto failed;
  return g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));

failed:
  g_set_error_literal (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_FAILED,
                       _("The document could not be created. The computer may be short of memory."));
  return NULL;
}

/* ── Package ────────────────────────────────────────────────────────────── */

static gboolean
zip_failed (zip_error_t  *zerr,
            GError      **error)
{
  g_debug ("libzip: %s", zip_error_strerror (zerr));
  g_set_error_literal (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_FAILED,
                       _("The document could not be created. The computer may be short of memory."));
  return FALSE;
}

static gboolean
add_part (zip_t       *archive,
          const char  *name,
          GBytes      *data,
          gboolean     compress,
          GError     **error)
{
  gsize length;
  gconstpointer bytes = g_bytes_get_data (data, &length);
  zip_source_t *source = zip_source_buffer (archive, bytes, length, 0);
  zip_int64_t index;

  if (source == NULL)
    return zip_failed (zip_get_error (archive), error);
  index = zip_file_add (archive, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      return zip_failed (zip_get_error (archive), error);
    }
  /* The mimetype must be stored, and nothing may come between its local
   * header and its name: no extra field (ODF 1.3 part 2, 3.3).  The rest
   * is deflated at level 6, as zip and LibreOffice do: libzip's own
   * default is 9, which took three times as long for 9 % less. */
  if (zip_set_file_compression (archive, (zip_uint64_t) index,
                                compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                compress ? DEFLATE_LEVEL : 0) < 0 ||
      zip_file_extra_field_delete (archive, (zip_uint64_t) index, ZIP_EXTRA_FIELD_ALL,
                                   ZIP_FL_LOCAL | ZIP_FL_CENTRAL) < 0)
    return zip_failed (zip_get_error (archive), error);
  return TRUE;
}

GBytes *
xd_minutes_to_odt (const XdMinutes  *minutes,
                   GError          **error)
{
  static const char mimetype[] = ODT_MIMETYPE;
  g_autoptr(GBytes) mime = g_bytes_new_static (mimetype, sizeof mimetype - 1);
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) meta = NULL;
  g_autoptr(zip_source_t) sink = NULL;
  g_autoptr(zip_t) archive = NULL;
  zip_error_t zerr;
  zip_stat_t st;
  g_autofree guint8 *data = NULL;
  zip_int64_t n;

  g_return_val_if_fail (minutes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((content = write_document (minutes, PART_CONTENT, error)) == NULL ||
      (styles = write_document (minutes, PART_STYLES, error)) == NULL ||
      (meta = write_document (minutes, PART_META, error)) == NULL ||
      (manifest = write_manifest (error)) == NULL)
    return NULL;

  /* The archive is built in memory and saved by the caller in one go:
   * libzip's own saving neither syncs nor reports a full disk well. */
  zip_error_init (&zerr);
  sink = zip_source_buffer_create (NULL, 0, 0, &zerr);
  if (sink == NULL)
    {
      zip_failed (&zerr, error);
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_source_keep (sink);
  archive = zip_open_from_source (sink, ZIP_TRUNCATE, &zerr);
  if (archive == NULL)
    {
      zip_failed (&zerr, error);
      zip_error_fini (&zerr);
      zip_source_free (sink);   /* the reference zip_open_from_source took */
      return NULL;
    }
  zip_error_fini (&zerr);

  /* The mimetype first: it is how a file manager knows an ODT. */
  if (!add_part (archive, "mimetype", mime, FALSE, error) ||
      !add_part (archive, "content.xml", content, TRUE, error) ||
      !add_part (archive, "styles.xml", styles, TRUE, error) ||
      !add_part (archive, "meta.xml", meta, TRUE, error) ||
      !add_part (archive, "META-INF/manifest.xml", manifest, TRUE, error))
    return NULL;

  if (zip_close (archive) < 0)
    {
      zip_failed (zip_get_error (archive), error);
      return NULL;
    }
  archive = NULL;   /* closed and freed */

  if (zip_source_stat (sink, &st) < 0 || zip_source_open (sink) < 0)
    {
      zip_failed (zip_source_error (sink), error);
      return NULL;
    }
  data = g_malloc (st.size > 0 ? st.size : 1);
  n = zip_source_read (sink, data, st.size);
  zip_source_close (sink);
  if (n < 0 || (zip_uint64_t) n != st.size)
    {
      zip_failed (zip_source_error (sink), error);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), st.size);
}

GBytes *
xd_minutes_to_fodt (const XdMinutes  *minutes,
                    GError          **error)
{
  g_return_val_if_fail (minutes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_document (minutes, PART_FLAT, error);
}

static gboolean
save_bytes (GBytes      *bytes,
            const char  *path,
            GError     **error)
{
  gsize length;
  gconstpointer data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return xd_output_write_file (path, data, length, error);
}

gboolean
xd_minutes_write_odt (const XdMinutes  *minutes,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (minutes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = xd_minutes_to_odt (minutes, error);
  return save_bytes (bytes, path, error);
}

gboolean
xd_minutes_write_fodt (const XdMinutes  *minutes,
                       const char       *path,
                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (minutes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = xd_minutes_to_fodt (minutes, error);
  return save_bytes (bytes, path, error);
}
