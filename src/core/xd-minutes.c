/* xd-minutes.c — the minutes of a meeting as a list of blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-minutes"

#include "config.h"

#include <string.h>

#include "xd-format.h"
#include "xd-minutes.h"
#include "xd-record.h"
#include "xd-text.h"

/* Every string in this file is document text: Vietnamese in every UI
 * language, so none of it goes through gettext. */

/* What a secretary fills in by hand where the record has nothing. */
#define GAP "………………"
#define SHORT_GAP "……"

/* Column widths in mm; each set adds up to XD_MINUTES_TEXT_WIDTH (165). */
static const double header_columns[] = { 63.0, 102.0 };
static const double dossier_columns[] = { 12.0, 50.0, 28.0, 75.0 };
static const double signature_columns[] = { 82.5, 82.5 };

static const XdMinutesStyleInfo style_info[XD_MINUTES_N_STYLES] = {
  /* name, display name, pt, bold, italic, align, indent, left, before, after, line %, keep */
  [XD_MINUTES_STYLE_HEADER_PARENT] =
    { "XD_Header_Parent", "Biên bản – Cơ quan chủ quản", 13, FALSE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 0, 0, 100, FALSE },
  [XD_MINUTES_STYLE_HEADER_ISSUER] =
    { "XD_Header_Issuer", "Biên bản – Cơ quan ban hành", 13, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 0, 0, 100, FALSE },
  [XD_MINUTES_STYLE_HEADER_NUMBER] =
    { "XD_Header_Number", "Biên bản – Số, ký hiệu", 13, FALSE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 6, 0, 100, FALSE },
  [XD_MINUTES_STYLE_NATIONAL_NAME] =
    { "XD_National_Name", "Biên bản – Quốc hiệu", 13, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 0, 0, 100, FALSE },
  [XD_MINUTES_STYLE_MOTTO] =
    { "XD_Motto", "Biên bản – Tiêu ngữ", 14, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 0, 0, 100, FALSE },
  [XD_MINUTES_STYLE_TITLE] =
    { "XD_Title", "Biên bản – Tên loại văn bản", 14, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 24, 0, 100, TRUE },
  [XD_MINUTES_STYLE_SUBTITLE] =
    { "XD_Subtitle", "Biên bản – Trích yếu", 14, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 0, 0, 100, TRUE },
  [XD_MINUTES_STYLE_BODY] =
    { "XD_Body", "Biên bản – Nội dung", 14, FALSE, FALSE,
      XD_MINUTES_ALIGN_JUSTIFY, 10, 0, 0, 6, 115, FALSE },
  [XD_MINUTES_STYLE_HEADING] =
    { "XD_Heading", "Biên bản – Đề mục", 14, TRUE, FALSE,
      XD_MINUTES_ALIGN_JUSTIFY, 10, 0, 6, 6, 115, TRUE },
  [XD_MINUTES_STYLE_LIST] =
    { "XD_List", "Biên bản – Gạch đầu dòng", 14, FALSE, FALSE,
      XD_MINUTES_ALIGN_JUSTIFY, 10, 0, 0, 6, 115, FALSE },
  [XD_MINUTES_STYLE_LIST_NESTED] =
    { "XD_List_Nested", "Biên bản – Gạch đầu dòng cấp 2", 14, FALSE, FALSE,
      XD_MINUTES_ALIGN_JUSTIFY, 15, 0, 0, 6, 115, FALSE },
  [XD_MINUTES_STYLE_TABLE_HEADING] =
    { "XD_Table_Heading", "Biên bản – Tiêu đề bảng", 13, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 2, 2, 100, FALSE },
  [XD_MINUTES_STYLE_TABLE_TEXT] =
    { "XD_Table_Text", "Biên bản – Nội dung bảng", 13, FALSE, FALSE,
      XD_MINUTES_ALIGN_LEFT, 0, 0, 2, 2, 100, FALSE },
  [XD_MINUTES_STYLE_TABLE_NUMBER] =
    { "XD_Table_Number", "Biên bản – Số trong bảng", 13, FALSE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 2, 2, 100, FALSE },
  [XD_MINUTES_STYLE_CLOSING] =
    { "XD_Closing", "Biên bản – Kết thúc", 14, FALSE, FALSE,
      XD_MINUTES_ALIGN_JUSTIFY, 10, 0, 6, 6, 115, TRUE },
  [XD_MINUTES_STYLE_SIGNATURE_TITLE] =
    { "XD_Signature_Title", "Biên bản – Chức danh ký", 14, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 6, 0, 100, TRUE },
  [XD_MINUTES_STYLE_SIGNATURE_NAME] =
    { "XD_Signature_Name", "Biên bản – Họ tên người ký", 14, TRUE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 72, 0, 100, FALSE },
  [XD_MINUTES_STYLE_RECIPIENTS_TITLE] =
    { "XD_Recipients_Title", "Biên bản – Nơi nhận", 12, TRUE, TRUE,
      XD_MINUTES_ALIGN_LEFT, 0, 0, 18, 0, 100, TRUE },
  [XD_MINUTES_STYLE_RECIPIENTS_ITEM] =
    { "XD_Recipients_Item", "Biên bản – Nơi nhận, từng nơi", 11, FALSE, FALSE,
      XD_MINUTES_ALIGN_LEFT, 0, 0, 0, 0, 100, TRUE },
  [XD_MINUTES_STYLE_PAGE_NUMBER] =
    { "XD_Page_Number", "Biên bản – Số trang", 13, FALSE, FALSE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 0, 0, 100, FALSE },
  [XD_MINUTES_STYLE_FOOTER] =
    { "XD_Footer", "Biên bản – Mã kiểm chứng", 11, FALSE, TRUE,
      XD_MINUTES_ALIGN_CENTER, 0, 0, 0, 0, 100, FALSE },
};

static const XdMinutesLineInfo line_info[XD_MINUTES_N_LINES] = {
  [XD_MINUTES_LINE_NONE] = { NULL, NULL, 0, 0, 0, 0 },
  /* 1/3–1/2 of the issuing body's line, in the header's left column. */
  [XD_MINUTES_LINE_ISSUER] =
    { "XD_Line_Issuer", "Biên bản – Đường kẻ dưới cơ quan ban hành", 25.0, 63.0, 2, 0 },
  /* As long as "Độc lập - Tự do - Hạnh phúc" in 14 pt bold Times. */
  [XD_MINUTES_LINE_MOTTO] =
    { "XD_Line_Motto", "Biên bản – Đường kẻ dưới tiêu ngữ", 62.5, 102.0, 2, 0 },
  [XD_MINUTES_LINE_TITLE] =
    { "XD_Line_Title", "Biên bản – Đường kẻ dưới trích yếu", 35.0, XD_MINUTES_TEXT_WIDTH, 2, 12 },
};

const XdMinutesStyleInfo *
xd_minutes_style_get_info (XdMinutesStyle style)
{
  g_return_val_if_fail ((guint) style < XD_MINUTES_N_STYLES, NULL);

  return &style_info[style];
}

const XdMinutesLineInfo *
xd_minutes_line_get_info (XdMinutesLine line)
{
  g_return_val_if_fail ((guint) line < XD_MINUTES_N_LINES, NULL);

  return &line_info[line];
}

/* ── Building blocks ────────────────────────────────────────────────────── */

static void
run_free (XdMinutesRun *run)
{
  g_free (run->text);
  g_free (run);
}

static void
paragraph_free (XdMinutesParagraph *p)
{
  g_ptr_array_unref (p->runs);
  g_free (p);
}

static void
cell_free (XdMinutesCell *cell)
{
  g_ptr_array_unref (cell->paragraphs);
  g_free (cell);
}

static void
row_free (XdMinutesRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
block_free (XdMinutesBlock *block)
{
  g_clear_pointer (&block->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&block->column_widths, g_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->bullet);
  g_free (block);
}

void
xd_minutes_free (XdMinutes *minutes)
{
  if (minutes == NULL)
    return;

  g_ptr_array_unref (minutes->blocks);
  g_free (minutes->title);
  g_free (minutes->footer);
  g_free (minutes);
}

/* Text as it may go into the document: valid UTF-8 on one line, without
 * control characters or the two code points XML forbids. */
static char *
clean (const char *text)
{
  g_autofree char *normal = xd_text_normalize (text);
  GString *out;

  /* U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8. */
  if (strstr (normal, "\xef\xbf\xbe") == NULL && strstr (normal, "\xef\xbf\xbf") == NULL)
    return g_steal_pointer (&normal);

  out = g_string_sized_new (strlen (normal));

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0xFFFE && c != 0xFFFF)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *c = clean (text);

  return c[0] == '\0';
}

static XdMinutesParagraph *
paragraph_new (XdMinutesStyle style)
{
  XdMinutesParagraph *p = g_new0 (XdMinutesParagraph, 1);

  p->style = style;
  p->line_below = XD_MINUTES_LINE_NONE;
  p->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  return p;
}

/* Appends @text (cleaned) in the style's own weight and slant. */
static void
paragraph_add (XdMinutesParagraph *p,
               const char         *text)
{
  const XdMinutesStyleInfo *info = &style_info[p->style];
  XdMinutesRunFlags flags = (info->bold ? XD_MINUTES_RUN_BOLD : 0) |
                            (info->italic ? XD_MINUTES_RUN_ITALIC : 0);
  XdMinutesRun *run;

  /* A space at either end of a run is meaningful ("Địa điểm: " + value):
   * only the inside is cleaned, and without its ends, so that text already
   * clean inside is copied as it is (xd_text_normalize ()'s fast path). */
  gsize len = text != NULL ? strlen (text) : 0;
  gboolean lead = len > 0 && g_ascii_isspace (text[0]);
  gboolean trail = len > 0 && g_ascii_isspace (text[len - 1]);
  g_autofree char *trimmed = lead || trail ? g_strstrip (g_strdup (text)) : NULL;
  g_autofree char *inner = clean (trimmed != NULL ? trimmed : text);

  if (inner[0] == '\0')
    return;

  run = g_new0 (XdMinutesRun, 1);
  run->text = g_strconcat (lead ? " " : "", inner, trail ? " " : "", NULL);
  run->flags = flags;
  g_ptr_array_add (p->runs, run);
}

static void
paragraph_add_flags (XdMinutesParagraph *p,
                     XdMinutesRunFlags   flags,
                     const char         *text)
{
  XdMinutesRun *run;
  guint before = p->runs->len;

  paragraph_add (p, text);
  if (p->runs->len == before)
    return;
  run = g_ptr_array_index (p->runs, p->runs->len - 1);
  run->flags = flags;
}

/* Appends @text as it is: for text made here from cleaned parts, whose
 * spaces are meant (the gap for a number written by hand). */
static void
paragraph_add_verbatim (XdMinutesParagraph *p,
                        const char         *text)
{
  const XdMinutesStyleInfo *info = &style_info[p->style];
  XdMinutesRun *run = g_new0 (XdMinutesRun, 1);

  run->text = g_strdup (text);
  run->flags = (info->bold ? XD_MINUTES_RUN_BOLD : 0) | (info->italic ? XD_MINUTES_RUN_ITALIC : 0);
  g_ptr_array_add (p->runs, run);
}

static XdMinutesParagraph *
paragraph_new_text (XdMinutesStyle  style,
                    const char     *text)
{
  XdMinutesParagraph *p = paragraph_new (style);

  paragraph_add (p, text);
  return p;
}

static XdMinutesBlock *
block_new (XdMinutesBlockKind kind)
{
  XdMinutesBlock *block = g_new0 (XdMinutesBlock, 1);

  block->kind = kind;
  block->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  return block;
}

static XdMinutesBlock *
table_new (XdMinutesBlockKind  kind,
           const double       *widths,
           guint               n_columns,
           gboolean            borders)
{
  XdMinutesBlock *block = block_new (kind);

  block->column_widths = g_array_sized_new (FALSE, FALSE, sizeof (double), n_columns);
  g_array_append_vals (block->column_widths, widths, n_columns);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  block->borders = borders;
  return block;
}

static XdMinutesRow *
table_add_row (XdMinutesBlock *table,
               gboolean        is_header)
{
  XdMinutesRow *row = g_new0 (XdMinutesRow, 1);

  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  row->is_header = is_header;
  g_ptr_array_add (table->rows, row);
  return row;
}

/* Takes the paragraphs (NULL-terminated). */
static XdMinutesCell *
row_add_cell (XdMinutesRow *row,
              ...)
{
  XdMinutesCell *cell = g_new0 (XdMinutesCell, 1);
  XdMinutesParagraph *p;
  va_list ap;

  cell->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  va_start (ap, row);
  while ((p = va_arg (ap, XdMinutesParagraph *)) != NULL)
    g_ptr_array_add (cell->paragraphs, p);
  va_end (ap);
  g_ptr_array_add (row->cells, cell);
  return cell;
}

typedef struct {
  XdMinutes *minutes;
  XdStore *store;
  XdMeeting *meeting;
  GPtrArray *members;     /* XdMember */
  GPtrArray *guests;      /* XdGuest */
  GPtrArray *dossiers;    /* XdDossier */
  GPtrArray *questions;   /* XdQuestion */
  XdMember *chair;        /* borrowed from members, or NULL */
  XdMember *secretary;
  /* Lookups by dossier id, so ten thousand dossiers do not each walk ten
   * thousand questions (gint64 * keys and values borrowed from above). */
  GHashTable *dossier_by_id;        /* → XdDossier */
  GHashTable *questions_by_dossier; /* → GPtrArray of its XdQuestion, in order */
} Builder;

static XdMinutesBlock *
add_block (Builder            *b,
           XdMinutesBlockKind  kind,
           XdMinutesParagraph *p)
{
  XdMinutesBlock *block = block_new (kind);

  if (p != NULL)
    {
      g_ptr_array_add (block->paragraphs, p);
      block->keep_with_next = style_info[p->style].keep_with_next;
    }
  g_ptr_array_add (b->minutes->blocks, block);
  return block;
}

static void
add_paragraph (Builder            *b,
               XdMinutesParagraph *p)
{
  add_block (b, XD_MINUTES_BLOCK_PARAGRAPH, p);
}

static void
add_list_item (Builder            *b,
               const char         *bullet,
               XdMinutesParagraph *p)
{
  XdMinutesBlock *block = add_block (b, XD_MINUTES_BLOCK_LIST_ITEM, p);

  block->bullet = g_strdup (bullet);
}

/* "1. Căn cứ:" in bold, then @rest (may be NULL) in the body's weight. */
static void
add_heading (Builder    *b,
             const char *label,
             const char *rest)
{
  XdMinutesParagraph *p = paragraph_new (XD_MINUTES_STYLE_HEADING);

  paragraph_add (p, label);
  if (rest != NULL)
    paragraph_add_flags (p, XD_MINUTES_RUN_PLAIN, rest);
  add_block (b, XD_MINUTES_BLOCK_HEADING, p);
}

/* "Địa điểm: " in bold, then the value. */
static XdMinutesParagraph *
labelled (XdMinutesStyle  style,
          const char     *label,
          const char     *value)
{
  XdMinutesParagraph *p = paragraph_new (style);

  paragraph_add_flags (p, XD_MINUTES_RUN_BOLD, label);
  paragraph_add_flags (p, XD_MINUTES_RUN_PLAIN, value);
  return p;
}

/* ── Wording ────────────────────────────────────────────────────────────── */

/* @text without its closing punctuation, ended with @end: list items end
 * with ";" and the last with ".", whatever the user typed. */
static char *
ended (const char *text,
       const char *end)
{
  g_autofree char *c = clean (text);
  gsize len = strlen (c);

  while (len > 0 && strchr (";,.:", c[len - 1]) != NULL)
    len--;
  c[len] = '\0';
  g_strchomp (c);
  return g_strconcat (c, end, NULL);
}

/* Counts of units in running text take a leading zero ("05 đơn vị"). */
static char *
count_padded (int n)
{
  return g_strdup_printf ("%02d", n);
}

static char *
upper (const char *text)
{
  g_autofree char *c = clean (text);

  return g_utf8_strup (c, -1);
}

/* "Đi công tác" → "đi công tác" inside a sentence; "UBND …" stays. */
static char *
lower_first (const char *text)
{
  g_autofree char *c = clean (text);
  const char *second;
  gunichar first;

  if (c[0] == '\0')
    return g_steal_pointer (&c);
  first = g_utf8_get_char (c);
  second = g_utf8_next_char (c);
  if (*second != '\0' && g_unichar_isupper (g_utf8_get_char (second)))
    return g_steal_pointer (&c);

  {
    GString *out = g_string_new (NULL);

    g_string_append_unichar (out, g_unichar_tolower (first));
    g_string_append (out, second);
    return g_string_free (out, FALSE);
  }
}

/* "Vũ Văn Diện, Bí thư Thành ủy", with the parts the record has. */
static char *
join_parts (const char *first,
            ...)
{
  GString *out = g_string_new (NULL);
  const char *part = first;
  va_list ap;

  va_start (ap, first);
  while (part != NULL)
    {
      g_autofree char *c = clean (part);

      if (c[0] != '\0' && strstr (out->str, c) == NULL)
        {
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, c);
        }
      part = va_arg (ap, const char *);
    }
  va_end (ap);
  return g_string_free (out, FALSE);
}

static char *
describe_member (const XdMember *m)
{
  /* A title usually names the organisation already ("Trưởng Công an
   * thành phố"); the organisation stands in only when there is none. */
  if (!is_blank (m->title))
    return join_parts (m->full_name, m->title, NULL);
  return join_parts (m->full_name, m->organisation, NULL);
}

static char *
describe_guest (const XdGuest *g)
{
  return join_parts (g->full_name, g->title, g->organisation, NULL);
}

/* "đồng chí Vũ Văn Diện", or the gap to write a name into. */
static char *
comrade (const XdMember *m,
         gboolean        with_title)
{
  g_autofree char *who = NULL;

  if (m == NULL || is_blank (m->full_name))
    return g_strdup ("đồng chí " GAP);
  who = with_title ? describe_member (m) : clean (m->full_name);
  return g_strconcat ("đồng chí ", who, NULL);
}

/* "Ban Chỉ đạo" from "Ban Chỉ đạo xây dựng mô hình …", "Hội đồng" from
 * "Hội đồng Thi đua – Khen thưởng …": the council as members call it. */
static char *
council_short_name (const char *issuing_body)
{
  g_autofree char *c = clean (issuing_body);
  g_autofree char *folded = xd_text_fold (c);
  g_auto(GStrv) words = NULL;
  guint n = 0;

  if (g_str_has_prefix (folded, "ban chi dao"))
    n = 3;
  else if (g_str_has_prefix (folded, "hoi dong"))
    n = 2;
  if (n == 0)
    return g_strdup ("");

  /* The first n words, and the rest of the name in one piece after them. */
  words = g_strsplit (c, " ", n + 1);
  if (g_strv_length (words) < n)
    return g_strdup ("");
  g_clear_pointer (&words[n], g_free);
  return g_strjoinv (" ", words);
}

/* ── Sections ───────────────────────────────────────────────────────────── */

static void
build_header (Builder *b)
{
  XdMinutesBlock *table = table_new (XD_MINUTES_BLOCK_HEADER, header_columns,
                                     G_N_ELEMENTS (header_columns), FALSE);
  XdMinutesRow *row = table_add_row (table, FALSE);
  XdMinutesCell *left = row_add_cell (row, NULL);
  XdMinutesParagraph *p;
  g_autofree char *number = NULL;
  g_autofree char *number_line = NULL;
  g_autofree char *suffix = clean (b->meeting->number_suffix);
  const char *bare_suffix = suffix;

  if (!is_blank (b->meeting->parent_body))
    {
      g_autofree char *parent = upper (b->meeting->parent_body);
      g_ptr_array_add (left->paragraphs, paragraph_new_text (XD_MINUTES_STYLE_HEADER_PARENT, parent));
    }
  if (!is_blank (b->meeting->issuing_body))
    {
      g_autofree char *issuer = upper (b->meeting->issuing_body);
      p = paragraph_new_text (XD_MINUTES_STYLE_HEADER_ISSUER, issuer);
    }
  else
    p = paragraph_new_text (XD_MINUTES_STYLE_HEADER_ISSUER, GAP);
  p->line_below = XD_MINUTES_LINE_ISSUER;
  g_ptr_array_add (left->paragraphs, p);

  /* A minutes' number always says what it is: "01/BB" at the least. */
  while (*bare_suffix == '/' || *bare_suffix == ' ')
    bare_suffix++;
  number = xd_format_document_number (MAX (b->meeting->number, 0),
                                      bare_suffix[0] != '\0' ? bare_suffix : "BB");
  number_line = g_strconcat ("Số: ", number, NULL);
  p = paragraph_new (XD_MINUTES_STYLE_HEADER_NUMBER);
  paragraph_add_verbatim (p, number_line);
  g_ptr_array_add (left->paragraphs, p);

  p = paragraph_new_text (XD_MINUTES_STYLE_MOTTO, "Độc lập - Tự do - Hạnh phúc");
  p->line_below = XD_MINUTES_LINE_MOTTO;
  row_add_cell (row,
                paragraph_new_text (XD_MINUTES_STYLE_NATIONAL_NAME,
                                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                p, NULL);

  table->keep_together = TRUE;
  table->keep_with_next = TRUE;
  g_ptr_array_add (b->minutes->blocks, table);
}

static void
build_title (Builder *b)
{
  XdMinutesBlock *block = add_block (b, XD_MINUTES_BLOCK_TITLE, NULL);
  XdMinutesParagraph *name;

  g_ptr_array_add (block->paragraphs, paragraph_new_text (XD_MINUTES_STYLE_TITLE, "BIÊN BẢN"));
  name = paragraph_new_text (XD_MINUTES_STYLE_SUBTITLE,
                             is_blank (b->meeting->title) ? GAP : b->meeting->title);
  name->line_below = XD_MINUTES_LINE_TITLE;
  g_ptr_array_add (block->paragraphs, name);
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
}

static void
build_time_and_place (Builder *b)
{
  g_autofree char *starts = xd_format_datetime_document (b->meeting->starts_at);
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;

  when = starts != NULL ? g_strconcat (starts, ".", NULL)
                        : g_strdup (SHORT_GAP " giờ " SHORT_GAP ", ngày " SHORT_GAP
                                    " tháng " SHORT_GAP " năm " SHORT_GAP ".");
  add_paragraph (b, labelled (XD_MINUTES_STYLE_BODY, "Thời gian bắt đầu: ", when));

  where = is_blank (b->meeting->place) ? g_strdup (GAP ".") : ended (b->meeting->place, ".");
  add_paragraph (b, labelled (XD_MINUTES_STYLE_BODY, "Địa điểm: ", where));
}

typedef struct {
  char *bullet;
  XdMinutesStyle style;
  XdMinutesParagraph *p;
  gboolean opens_list;    /* ends with ":", a nested list follows */
} Item;

static void
item_clear (Item *item)
{
  g_free (item->bullet);
  g_clear_pointer (&item->p, paragraph_free);
}

static void
items_add (GArray             *items,
           const char         *bullet,
           XdMinutesParagraph *p,
           gboolean            opens_list)
{
  Item item = { g_strdup (bullet), p->style, p, opens_list };

  g_array_append_val (items, item);
}

/* The last run of each item gets ";" and the very last "." — the items
 * are collected first so that the end is known. */
static void
flush_items (Builder *b,
             GArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      XdMinutesRun *last = g_ptr_array_index (item->p->runs, item->p->runs->len - 1);
      const char *end = item->opens_list ? ":" : i + 1 == items->len ? "." : ";";
      g_autofree char *text = ended (last->text, end);

      g_free (last->text);
      last->text = g_steal_pointer (&text);
      add_list_item (b, item->bullet, g_steal_pointer (&item->p));
    }
  g_array_set_size (items, 0);
}

static void
build_attendance (Builder *b)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(GPtrArray) present = g_ptr_array_new ();
  g_autoptr(GPtrArray) absent = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree char *council = council_short_name (b->meeting->issuing_body);
  g_autofree char *chair = comrade (b->chair, TRUE);
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  int total = 0;

  g_array_set_clear_func (items, (GDestroyNotify) item_clear);

  /* The council's own order, by role: the chair first.  The count is of
   * voting members, as the quorum's; a secretary who only takes the
   * minutes appears in the Thư ký line instead. */
  for (XdRole role = XD_ROLE_CHAIR; role <= XD_ROLE_SECRETARY; role++)
    for (guint i = 0; i < b->members->len; i++)
      {
        XdMember *m = g_ptr_array_index (b->members, i);

        if (m->role != role)
          continue;
        if (m->voting)
          {
            total++;
            g_ptr_array_add (m->attendance == XD_ATTENDANCE_PRESENT ? present : absent, m);
          }
        else if (m->attendance == XD_ATTENDANCE_PRESENT && m->role != XD_ROLE_SECRETARY)
          g_ptr_array_add (others, m);
      }

  add_block (b, XD_MINUTES_BLOCK_HEADING,
             paragraph_new_text (XD_MINUTES_STYLE_HEADING, "Thành phần tham dự:"));

  items_add (items, "-", labelled (XD_MINUTES_STYLE_LIST, "Chủ trì: ", chair), FALSE);

  label = council[0] != '\0' ? g_strdup_printf ("Thành viên %s có mặt: ", council)
                             : g_strdup ("Thành viên có mặt: ");
  if (total == 0)
    count = g_strdup (GAP " đồng chí");
  else if (present->len == 0)
    count = g_strdup_printf ("0/%d đồng chí", total);
  else
    count = g_strdup_printf ("%u/%d đồng chí, gồm", present->len, total);
  items_add (items, "-", labelled (XD_MINUTES_STYLE_LIST, label, count), present->len > 0);
  for (guint i = 0; i < present->len; i++)
    {
      g_autofree char *who = describe_member (g_ptr_array_index (present, i));
      items_add (items, "+", paragraph_new_text (XD_MINUTES_STYLE_LIST_NESTED, who), FALSE);
    }

  if (absent->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *absent_count = NULL;

      for (guint i = 0; i < absent->len; i++)
        {
          XdMember *m = g_ptr_array_index (absent, i);
          g_autofree char *name = clean (m->full_name);
          g_autofree char *reason = lower_first (m->absence_reason);

          if (i > 0)
            g_string_append (names, "; ");
          g_string_append (names, name);
          switch (m->attendance)
            {
            case XD_ATTENDANCE_EXCUSED:
              g_string_append (names, " — có lý do");
              if (reason[0] != '\0')
                g_string_append_printf (names, ": %s", reason);
              break;
            case XD_ATTENDANCE_ABSENT:
              if (reason[0] != '\0')
                g_string_append_printf (names, " — %s", reason);
              break;
            case XD_ATTENDANCE_UNKNOWN:
              g_string_append (names, " — chưa điểm danh");
              break;
            case XD_ATTENDANCE_PRESENT:
            default:
              g_assert_not_reached ();
            }
        }
      absent_count = g_strdup_printf ("%u đồng chí (%s)", absent->len, names->str);
      items_add (items, "-", labelled (XD_MINUTES_STYLE_LIST, "Vắng mặt: ", absent_count), FALSE);
    }
  else if (total > 0)
    items_add (items, "-", labelled (XD_MINUTES_STYLE_LIST, "Vắng mặt: ", "không có"), FALSE);

  if (others->len > 0)
    {
      items_add (items, "-", labelled (XD_MINUTES_STYLE_LIST, "Tham dự, không biểu quyết:", NULL), TRUE);
      for (guint i = 0; i < others->len; i++)
        {
          g_autofree char *who = describe_member (g_ptr_array_index (others, i));
          items_add (items, "+", paragraph_new_text (XD_MINUTES_STYLE_LIST_NESTED, who), FALSE);
        }
    }

  if (b->guests->len > 0)
    {
      items_add (items, "-", labelled (XD_MINUTES_STYLE_LIST, "Khách mời:", NULL), TRUE);
      for (guint i = 0; i < b->guests->len; i++)
        {
          g_autofree char *who = describe_guest (g_ptr_array_index (b->guests, i));

          if (who[0] != '\0')
            items_add (items, "+", paragraph_new_text (XD_MINUTES_STYLE_LIST_NESTED, who), FALSE);
        }
    }

  flush_items (b, items);
}

static void
build_chair_and_secretary (Builder *b)
{
  g_autofree char *chair = comrade (b->chair, FALSE);
  g_autofree char *secretary = comrade (b->secretary, TRUE);
  g_autofree char *chair_line = ended (chair, ".");
  g_autofree char *secretary_line = ended (secretary, ".");

  add_paragraph (b, labelled (XD_MINUTES_STYLE_BODY, "Chủ trì (chủ tọa): ", chair_line));
  add_paragraph (b, labelled (XD_MINUTES_STYLE_BODY, "Thư ký (người ghi biên bản): ",
                              secretary_line));
}

/* One paragraph per non-empty line of a free-text section. */
static guint
add_section_text (Builder    *b,
                  const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (is_blank (lines[i]))
        continue;
      add_paragraph (b, paragraph_new_text (XD_MINUTES_STYLE_BODY, lines[i]));
      n++;
    }
  return n;
}

static void
add_gap_paragraph (Builder *b)
{
  add_paragraph (b, paragraph_new_text (XD_MINUTES_STYLE_BODY,
                                        GAP GAP GAP GAP GAP GAP GAP GAP));
}

static void
build_legal_basis (Builder *b)
{
  g_auto(GStrv) lines = g_strsplit (b->meeting->legal_basis != NULL ? b->meeting->legal_basis : "",
                                    "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  add_heading (b, "1. Căn cứ:", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!is_blank (lines[i]))
      g_ptr_array_add (kept, lines[i]);
  if (kept->len == 0)
    {
      add_gap_paragraph (b);
      return;
    }

  for (guint i = 0; i < kept->len; i++)
    {
      g_autofree char *line = ended (g_ptr_array_index (kept, i), i + 1 == kept->len ? "." : ";");
      XdMinutesParagraph *p = paragraph_new (XD_MINUTES_STYLE_LIST);

      paragraph_add_flags (p, XD_MINUTES_RUN_ITALIC, line);
      add_list_item (b, "-", p);
    }
}

static XdMinutesParagraph *
cell_text (XdMinutesStyle  style,
           const char     *text)
{
  return paragraph_new_text (style, text);
}

static gboolean
build_dossier_table (Builder  *b,
                     GError  **error)
{
  g_autofree char *count = count_padded ((int) b->dossiers->len);
  g_autofree char *intro = NULL;
  g_autoptr(GArray) tallies = NULL;
  g_autoptr(GHashTable) tally_by_id = NULL;
  XdMinutesBlock *table;
  XdMinutesRow *row;

  if (b->dossiers->len == 0)
    {
      add_heading (b, "2. Kết quả thẩm tra hồ sơ:", " Hội nghị không có hồ sơ đề nghị công nhận.");
      return TRUE;
    }

  intro = g_strdup_printf (" Hội nghị đã thẩm tra hồ sơ của %s đơn vị:", count);
  add_heading (b, "2. Kết quả thẩm tra hồ sơ:", intro);

  table = table_new (XD_MINUTES_BLOCK_TABLE, dossier_columns, G_N_ELEMENTS (dossier_columns), TRUE);
  row = table_add_row (table, TRUE);
  row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_HEADING, "STT"), NULL);
  row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_HEADING, "Đơn vị"), NULL);
  row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_HEADING, "Số tiêu chí đạt"), NULL);
  row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_HEADING, "Kết luận thẩm tra"), NULL);

  /* One query for every dossier's count, not one per dossier. */
  tallies = xd_store_tally_criteria (b->store, b->meeting->id, error);
  if (tallies == NULL)
    {
      block_free (table);
      return FALSE;
    }
  tally_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < tallies->len; i++)
    {
      XdCriteriaTally *t = &g_array_index (tallies, XdCriteriaTally, i);
      g_hash_table_insert (tally_by_id, &t->dossier_id, t);
    }

  for (guint i = 0; i < b->dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (b->dossiers, i);
      XdCriteriaTally *t = g_hash_table_lookup (tally_by_id, &d->id);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *met = NULL;

      met = t != NULL && t->total > 0 ? g_strdup_printf ("%d/%d", t->met, t->total)
                                      : g_strdup ("—");

      row = table_add_row (table, FALSE);
      row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_NUMBER, number), NULL);
      row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_TEXT,
                                    is_blank (d->unit_name) ? GAP : d->unit_name), NULL);
      row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_NUMBER, met), NULL);
      row_add_cell (row, cell_text (XD_MINUTES_STYLE_TABLE_TEXT, d->conclusion), NULL);
    }

  g_ptr_array_add (b->minutes->blocks, table);
  return TRUE;
}

static int
rule_base (const XdQuestion *q)
{
  switch (q->rule.base)
    {
    case XD_BASE_ALL_MEMBERS:
      return q->members_total;
    case XD_BASE_PRESENT:
      return q->members_present;
    case XD_BASE_VOTES_CAST:
      return q->yes + q->no;
    default:
      return q->members_total;
    }
}

/* The counts woven into the rules engine's own sentence, as the minutes
 * read them: "Tán thành 8/9 thành viên (88,9%), không tán thành 0, không
 * biểu quyết 0 — đạt quá nửa tổng số thành viên."  A sentence of another
 * shape (a tie, a quorum note first) keeps its words, after the counts. */
static char *
describe_counts (const XdQuestion *q)
{
  g_autofree char *explanation = clean (q->explanation);
  g_autofree char *others = g_strdup_printf (", không tán thành %d, không biểu quyết %d",
                                             q->no, q->abstain);
  const char *decision = NULL;
  const char *dash;

  if (g_str_has_prefix (explanation, "Tán thành "))
    decision = explanation;
  else if ((decision = strstr (explanation, ". Tán thành ")) != NULL)
    decision += 2;

  if (decision != NULL && (dash = strstr (decision, " — ")) != NULL)
    {
      g_autofree char *head = g_strndup (explanation, dash - explanation);
      return g_strconcat (head, others, dash, NULL);
    }

  {
    g_autofree char *pct = xd_rules_format_percent (xd_rules_percent_tenths (q->yes, rule_base (q)));
    g_autofree char *counts = g_strdup_printf ("Tán thành %d (%s%%)%s.", q->yes, pct, others);

    if (explanation[0] == '\0')
      return g_steal_pointer (&counts);
    return g_strconcat (counts, " ", explanation, NULL);
  }
}

static const char *
describe_outcome (const XdQuestion *q)
{
  gboolean dossier = q->dossier_id > 0;

  switch (q->outcome)
    {
    case XD_OUTCOME_PASSED:
      return dossier ? "Kết quả: công nhận." : "Kết quả: thông qua.";
    case XD_OUTCOME_FAILED:
      return dossier ? "Kết quả: không công nhận." : "Kết quả: không thông qua.";
    case XD_OUTCOME_TIE_REVOTE:
      return "Kết quả: số phiếu ngang nhau, phải biểu quyết lại.";
    case XD_OUTCOME_NO_QUORUM:
      return "Kết quả: không đủ số lượng tối thiểu để biểu quyết.";
    case XD_OUTCOME_NONE:
    default:
      return "Kết quả: chưa có.";
    }
}

static gboolean
add_vote_paragraph (Builder           *b,
                    const char        *label,
                    const XdQuestion  *q,
                    GError           **error)
{
  XdMinutesParagraph *p = paragraph_new (XD_MINUTES_STYLE_BODY);
  g_autofree char *name = is_blank (label) ? g_strdup (GAP ":") : ended (label, ":");
  g_autoptr(GString) text = g_string_new (" ");

  paragraph_add_flags (p, XD_MINUTES_RUN_BOLD, name);

  if (q == NULL || q->state == XD_QUESTION_DRAFT)
    g_string_append (text, "chưa biểu quyết.");
  else if (q->state == XD_QUESTION_OPEN)
    g_string_append (text, "đang biểu quyết, chưa có kết quả.");
  else
    {
      g_autofree char *counts = describe_counts (q);

      if (q->mode == XD_VOTE_MODE_SECRET)
        {
          XdTally t;

          if (!xd_store_get_tally (b->store, q->id, &t, error))
            {
              paragraph_free (p);
              return FALSE;
            }
          g_string_append_printf (text, "bỏ phiếu kín; số phiếu phát ra %d, số phiếu hợp lệ %d, "
                                  "số phiếu không hợp lệ %d. ",
                                  t.ballots_issued, t.ballots_valid, t.ballots_invalid);
        }
      else
        g_string_append (text, "biểu quyết công khai. ");
      g_string_append_printf (text, "%s %s", counts, describe_outcome (q));
    }

  paragraph_add_flags (p, XD_MINUTES_RUN_PLAIN, text->str);
  add_paragraph (b, p);
  return TRUE;
}

/* The dossier's result: its last closed question, or NULL. */
static XdQuestion *
dossier_result (Builder         *b,
                const XdDossier *d)
{
  GPtrArray *questions = g_hash_table_lookup (b->questions_by_dossier, &d->id);
  XdQuestion *result = NULL;

  for (guint i = 0; questions != NULL && i < questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (questions, i);

      if (q->state == XD_QUESTION_CLOSED)
        result = q;
    }
  return result;
}

/* "đạt chuẩn mô hình An ninh cơ sở năm 2021" from "Công nhận Phường Bãi
 * Cháy đạt chuẩn mô hình …" — when every dossier's question says the same. */
static char *
recognition_phrase (Builder *b)
{
  g_autofree char *phrase = NULL;

  for (guint i = 0; i < b->questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (b->questions, i);
      g_autofree char *text = clean (q->text);
      g_autofree char *prefix = NULL;
      XdDossier *d = g_hash_table_lookup (b->dossier_by_id, &q->dossier_id);

      if (d == NULL)
        continue;

      {
        g_autofree char *unit = clean (d->unit_name);
        prefix = g_strconcat ("Công nhận ", unit, " ", NULL);
      }
      if (!g_str_has_prefix (text, prefix))
        return g_strdup ("");
      if (phrase == NULL)
        phrase = ended (text + strlen (prefix), "");
      else
        {
          g_autofree char *other = ended (text + strlen (prefix), "");
          if (!g_str_equal (phrase, other))
            return g_strdup ("");
        }
    }
  return phrase != NULL ? g_steal_pointer (&phrase) : g_strdup ("");
}

static char *
join_names (GPtrArray *names)
{
  if (names->len == 0)
    return g_strdup ("không có");
  g_ptr_array_add (names, NULL);
  {
    char *joined = g_strjoinv (", ", (char **) names->pdata);
    g_ptr_array_set_size (names, names->len - 1);
    return joined;
  }
}

static gboolean
build_votes (Builder  *b,
             GError  **error)
{
  g_autoptr(GPtrArray) passed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  guint n_paragraphs = 0;

  add_heading (b, "3. Kết quả biểu quyết:", NULL);

  for (guint i = 0; i < b->dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (b->dossiers, i);
      XdQuestion *result = dossier_result (b, d);
      GPtrArray *questions = g_hash_table_lookup (b->questions_by_dossier, &d->id);
      char *unit = is_blank (d->unit_name) ? g_strdup (GAP) : clean (d->unit_name);
      gboolean any = FALSE;

      for (guint j = 0; questions != NULL && j < questions->len; j++)
        {
          XdQuestion *q = g_ptr_array_index (questions, j);

          /* A question reopened and closed again shows once, as it ended;
           * one still open after an earlier result is worth noting. */
          if (q->state == XD_QUESTION_CLOSED && q != result)
            continue;
          if (!add_vote_paragraph (b, unit, q, error))
            {
              g_free (unit);
              return FALSE;
            }
          any = TRUE;
          n_paragraphs++;
        }
      if (!any)
        {
          add_vote_paragraph (b, unit, NULL, NULL);
          n_paragraphs++;
        }

      if (result != NULL && result->outcome == XD_OUTCOME_PASSED)
        g_ptr_array_add (passed, unit);
      else if (result != NULL && result->outcome == XD_OUTCOME_FAILED)
        g_ptr_array_add (failed, unit);
      else
        g_ptr_array_add (pending, unit);
    }

  for (guint j = 0; j < b->questions->len; j++)
    {
      XdQuestion *q = g_ptr_array_index (b->questions, j);

      if (q->dossier_id > 0)
        continue;
      if (!add_vote_paragraph (b, q->text, q, error))
        return FALSE;
      n_paragraphs++;
    }

  if (n_paragraphs == 0)
    add_gap_paragraph (b);

  if (b->dossiers->len > 0)
    {
      g_autofree char *phrase = recognition_phrase (b);
      g_autofree char *passed_names = join_names (passed);
      g_autofree char *failed_names = join_names (failed);
      g_autofree char *count = xd_format_fraction (passed->len, b->dossiers->len);
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, " %s đơn vị được công nhận%s%s: %s; không công nhận: %s",
                              count,
                              phrase[0] != '\0' ? " " : "", phrase,
                              passed_names, failed_names);
      if (pending->len > 0)
        {
          g_autofree char *pending_names = join_names (pending);
          g_string_append_printf (text, "; chưa có kết quả: %s", pending_names);
        }
      g_string_append_c (text, '.');
      add_paragraph (b, labelled (XD_MINUTES_STYLE_BODY, "Tổng hợp:", text->str));
    }
  return TRUE;
}

static void
build_closing (Builder *b)
{
  g_autofree char *ends = xd_format_datetime_document (b->meeting->ends_at);
  g_autofree char *line = NULL;

  /* "./." closes an administrative text (Nghị định 30/2020, Phụ lục I). */
  if (ends != NULL)
    line = g_strdup_printf ("Cuộc họp kết thúc vào %s./.", ends);
  else
    line = g_strdup ("Cuộc họp kết thúc vào " SHORT_GAP " giờ " SHORT_GAP ", ngày " SHORT_GAP
                     " tháng " SHORT_GAP " năm " SHORT_GAP "/.");
  add_paragraph (b, paragraph_new_text (XD_MINUTES_STYLE_CLOSING, line));
}

static void
build_signatures (Builder *b)
{
  XdMinutesBlock *table = table_new (XD_MINUTES_BLOCK_SIGNATURE, signature_columns,
                                     G_N_ELEMENTS (signature_columns), FALSE);
  XdMinutesRow *row = table_add_row (table, FALSE);
  const XdMember *signers[] = { b->secretary, b->chair };
  const char *titles[] = { "THƯ KÝ", "CHỦ TỌA" };

  for (guint i = 0; i < G_N_ELEMENTS (signers); i++)
    {
      const XdMember *m = signers[i];
      const char *name = m != NULL && !is_blank (m->full_name) ? m->full_name : GAP;

      row_add_cell (row,
                    paragraph_new_text (XD_MINUTES_STYLE_SIGNATURE_TITLE, titles[i]),
                    paragraph_new_text (XD_MINUTES_STYLE_SIGNATURE_NAME, name),
                    NULL);
    }
  table->keep_together = TRUE;
  table->keep_with_next = TRUE;
  g_ptr_array_add (b->minutes->blocks, table);
}

/* "- Thường trực Thành ủy;" … "- Lưu: VT, Hồ sơ." — the user's own "Lưu"
 * line, wherever they typed it, closes the list. */
static void
build_recipients (Builder    *b,
                  const char *section)
{
  XdMinutesBlock *block = add_block (b, XD_MINUTES_BLOCK_RECIPIENTS, NULL);
  g_auto(GStrv) lines = g_strsplit (section != NULL ? section : "", "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *archive = NULL;

  g_ptr_array_add (block->paragraphs,
                   paragraph_new_text (XD_MINUTES_STYLE_RECIPIENTS_TITLE, "Nơi nhận:"));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *c = clean (lines[i]);
      const char *start = c;
      g_autofree char *folded = NULL;

      /* The bullets people type; ours replace them. */
      for (;;)
        {
          if (*start == '-' || *start == '+' || *start == '*' || *start == ' ')
            start++;
          else if (g_str_has_prefix (start, "•"))
            start += strlen ("•");
          else
            break;
        }
      if (*start == '\0')
        continue;
      folded = xd_text_fold (start);
      if (archive == NULL && g_str_has_prefix (folded, "luu") &&
          (folded[3] == '\0' || folded[3] == ':' || folded[3] == ' '))
        archive = g_strdup (start);
      else
        g_ptr_array_add (kept, g_strdup (start));
    }
  if (archive == NULL)
    archive = g_strdup ("Lưu: VT, Hồ sơ");

  for (guint i = 0; i < kept->len; i++)
    {
      g_autofree char *item = ended (g_ptr_array_index (kept, i), ";");
      g_autofree char *line = g_strconcat ("- ", item, NULL);
      g_ptr_array_add (block->paragraphs,
                       paragraph_new_text (XD_MINUTES_STYLE_RECIPIENTS_ITEM, line));
    }
  {
    g_autofree char *item = ended (archive, ".");
    g_autofree char *line = g_strconcat ("- ", item, NULL);
    g_ptr_array_add (block->paragraphs,
                     paragraph_new_text (XD_MINUTES_STYLE_RECIPIENTS_ITEM, line));
  }
  block->keep_together = TRUE;
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->meeting, xd_meeting_free);
  g_clear_pointer (&b->members, g_ptr_array_unref);
  g_clear_pointer (&b->guests, g_ptr_array_unref);
  g_clear_pointer (&b->dossiers, g_ptr_array_unref);
  g_clear_pointer (&b->questions, g_ptr_array_unref);
  g_clear_pointer (&b->dossier_by_id, g_hash_table_unref);
  g_clear_pointer (&b->questions_by_dossier, g_hash_table_unref);
  g_clear_pointer (&b->minutes, xd_minutes_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

/* ── Public API ─────────────────────────────────────────────────────────── */

/**
 * xd_minutes_build:
 *
 * Reads everything the minutes need from @store in one go and lays it out
 * as Mẫu 1.9 of Nghị định 30/2020 orders it.
 */
XdMinutes *
xd_minutes_build (XdStore  *store,
                  gint64    meeting_id,
                  GError  **error)
{
  g_auto(Builder) b = { 0 };
  g_autofree char *opening = NULL;
  g_autofree char *discussion = NULL;
  g_autofree char *conclusion = NULL;
  g_autofree char *recipients = NULL;

  g_return_val_if_fail (XD_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  b.store = store;
  if ((b.meeting = xd_store_get_meeting (store, meeting_id, error)) == NULL ||
      (b.members = xd_store_list_members (store, meeting_id, error)) == NULL ||
      (b.guests = xd_store_list_guests (store, meeting_id, error)) == NULL ||
      (b.dossiers = xd_store_list_dossiers (store, meeting_id, error)) == NULL ||
      (b.questions = xd_store_list_questions (store, meeting_id, error)) == NULL ||
      (opening = xd_store_get_section (store, meeting_id, XD_SECTION_OPENING, error)) == NULL ||
      (discussion = xd_store_get_section (store, meeting_id, XD_SECTION_DISCUSSION, error)) == NULL ||
      (conclusion = xd_store_get_section (store, meeting_id, XD_SECTION_CONCLUSION, error)) == NULL ||
      (recipients = xd_store_get_section (store, meeting_id, XD_SECTION_RECIPIENTS, error)) == NULL)
    return NULL;

  b.dossier_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < b.dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (b.dossiers, i);
      g_hash_table_insert (b.dossier_by_id, &d->id, d);
    }
  b.questions_by_dossier = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < b.questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (b.questions, i);
      GPtrArray *of_dossier = g_hash_table_lookup (b.questions_by_dossier, &q->dossier_id);

      if (of_dossier == NULL)
        {
          of_dossier = g_ptr_array_new ();
          g_hash_table_insert (b.questions_by_dossier, &q->dossier_id, of_dossier);
        }
      g_ptr_array_add (of_dossier, q);
    }

  for (guint i = 0; i < b.members->len; i++)
    {
      XdMember *m = g_ptr_array_index (b.members, i);

      if (m->role == XD_ROLE_CHAIR && b.chair == NULL)
        b.chair = m;
      else if (m->role == XD_ROLE_SECRETARY && b.secretary == NULL)
        b.secretary = m;
    }

  b.minutes = g_new0 (XdMinutes, 1);
  b.minutes->meeting_id = meeting_id;
  b.minutes->title = clean (b.meeting->title);
  b.minutes->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  if (b.meeting->state == XD_MEETING_FINALISED && b.meeting->record_hash != NULL)
    {
      g_autofree char *code = xd_record_verification_code (b.meeting->record_hash);

      b.minutes->footer = g_strdup_printf ("Mã kiểm chứng biên bản: %s", code);
    }

  build_header (&b);
  build_title (&b);
  build_time_and_place (&b);
  build_attendance (&b);
  build_chair_and_secretary (&b);

  add_heading (&b, "Nội dung:", NULL);
  /* The chair's opening words come first: the content follows the
   * meeting as it went. */
  add_section_text (&b, opening);
  build_legal_basis (&b);
  if (!build_dossier_table (&b, error) || !build_votes (&b, error))
    return NULL;
  add_heading (&b, "4. Ý kiến thảo luận:", NULL);
  if (add_section_text (&b, discussion) == 0)
    add_gap_paragraph (&b);
  add_heading (&b, "5. Kết luận của chủ trì:", NULL);
  if (add_section_text (&b, conclusion) == 0)
    add_gap_paragraph (&b);

  build_closing (&b);
  build_signatures (&b);
  build_recipients (&b, recipients);

  return g_steal_pointer (&b.minutes);
}

char *
xd_minutes_paragraph_get_text (const XdMinutesParagraph *paragraph)
{
  GString *out;

  g_return_val_if_fail (paragraph != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < paragraph->runs->len; i++)
    g_string_append (out, ((XdMinutesRun *) g_ptr_array_index (paragraph->runs, i))->text);
  return g_string_free (out, FALSE);
}

char *
xd_minutes_to_text (const XdMinutes *minutes)
{
  GString *out;

  g_return_val_if_fail (minutes != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < minutes->blocks->len; i++)
    {
      XdMinutesBlock *block = g_ptr_array_index (minutes->blocks, i);

      for (guint j = 0; j < block->paragraphs->len; j++)
        {
          g_autofree char *text = xd_minutes_paragraph_get_text (g_ptr_array_index (block->paragraphs, j));

          if (block->bullet != NULL)
            g_string_append_printf (out, "%s ", block->bullet);
          g_string_append_printf (out, "%s\n", text);
        }

      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          XdMinutesRow *row = g_ptr_array_index (block->rows, r);

          for (guint c = 0; c < row->cells->len; c++)
            {
              XdMinutesCell *cell = g_ptr_array_index (row->cells, c);

              if (c > 0)
                g_string_append (out, " | ");
              for (guint j = 0; j < cell->paragraphs->len; j++)
                {
                  g_autofree char *text = xd_minutes_paragraph_get_text (g_ptr_array_index (cell->paragraphs, j));

                  if (j > 0)
                    g_string_append_c (out, ' ');
                  g_string_append (out, text);
                }
            }
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}
