/* xd-minutes.h — the minutes of a meeting as a list of blocks
 *
 * The document is built once from the store and then walked by every
 * writer (ODT, flat ODT, the Pango/cairo page renderer), so they cannot
 * disagree about a word.  Its text is Vietnamese whatever the UI language:
 * it follows Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.9 (Biên bản).
 *
 * The layout numbers live here too (page, margins, column widths, each
 * paragraph style's size, spacing and indents), so the ODF styles and the
 * page renderer draw the same page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "xd-store.h"

G_BEGIN_DECLS

/* ── Page (millimetres) ─────────────────────────────────────────────────── */

#define XD_MINUTES_PAGE_WIDTH     210.0
#define XD_MINUTES_PAGE_HEIGHT    297.0
#define XD_MINUTES_MARGIN_TOP      20.0
#define XD_MINUTES_MARGIN_BOTTOM   20.0
#define XD_MINUTES_MARGIN_LEFT     30.0
#define XD_MINUTES_MARGIN_RIGHT    15.0
#define XD_MINUTES_TEXT_WIDTH     (XD_MINUTES_PAGE_WIDTH - XD_MINUTES_MARGIN_LEFT - XD_MINUTES_MARGIN_RIGHT)
/* From page 2 on, the page number's line starts this far from the top
 * edge, centred, inside the top margin; page 1 has none. */
#define XD_MINUTES_PAGE_NUMBER_TOP 10.0
/* A finalised record's verification line sits in the bottom margin, its
 * line ending this far above the bottom edge, on every page. */
#define XD_MINUTES_FOOTER_BOTTOM   10.0
/* The footer line's height as laid out (11 pt with the font's line gap). */
#define XD_MINUTES_FOOTER_HEIGHT    4.5

#define XD_MINUTES_FONT_FAMILY    "Times New Roman"

/* ── Paragraph styles ───────────────────────────────────────────────────── */

typedef enum {
  XD_MINUTES_STYLE_HEADER_PARENT,    /* cơ quan chủ quản: capitals, not bold */
  XD_MINUTES_STYLE_HEADER_ISSUER,    /* cơ quan ban hành: capitals, bold */
  XD_MINUTES_STYLE_HEADER_NUMBER,    /* "Số: 01/BB-BCĐ" */
  XD_MINUTES_STYLE_NATIONAL_NAME,    /* Quốc hiệu */
  XD_MINUTES_STYLE_MOTTO,            /* Tiêu ngữ */
  XD_MINUTES_STYLE_TITLE,            /* "BIÊN BẢN" */
  XD_MINUTES_STYLE_SUBTITLE,         /* the meeting's name under it */
  XD_MINUTES_STYLE_BODY,             /* justified, first-line indent */
  XD_MINUTES_STYLE_HEADING,          /* "1. Căn cứ:" — kept with what follows */
  XD_MINUTES_STYLE_LIST,             /* "- …" */
  XD_MINUTES_STYLE_LIST_NESTED,      /* "+ …" under a "- …:" item */
  XD_MINUTES_STYLE_TABLE_HEADING,
  XD_MINUTES_STYLE_TABLE_TEXT,
  XD_MINUTES_STYLE_TABLE_NUMBER,     /* centred: STT, "4/4" */
  XD_MINUTES_STYLE_CLOSING,          /* "Cuộc họp kết thúc vào …/." */
  XD_MINUTES_STYLE_SIGNATURE_TITLE,  /* "THƯ KÝ", "CHỦ TỌA" */
  XD_MINUTES_STYLE_SIGNATURE_NAME,   /* the signer's name, space above to sign */
  XD_MINUTES_STYLE_RECIPIENTS_TITLE, /* "Nơi nhận:" */
  XD_MINUTES_STYLE_RECIPIENTS_ITEM,  /* "- …;" */
  XD_MINUTES_STYLE_PAGE_NUMBER,      /* the page header from page 2 on */
  XD_MINUTES_STYLE_FOOTER,           /* the verification code of a finalised record */
  XD_MINUTES_N_STYLES
} XdMinutesStyle;

typedef enum {
  XD_MINUTES_ALIGN_LEFT,
  XD_MINUTES_ALIGN_CENTER,
  XD_MINUTES_ALIGN_RIGHT,
  XD_MINUTES_ALIGN_JUSTIFY,
} XdMinutesAlign;

typedef struct {
  const char *name;            /* ODF style name, "XD_Body" */
  const char *display_name;    /* what LibreOffice lists, Vietnamese */
  double font_size;            /* points */
  gboolean bold;               /* the style's own weight; runs may differ */
  gboolean italic;
  XdMinutesAlign align;
  double first_line_indent;    /* mm */
  double margin_left;          /* mm */
  double space_before;         /* points */
  double space_after;          /* points */
  int line_height_percent;     /* 100 is single spacing */
  gboolean keep_with_next;     /* never the last line of a page */
} XdMinutesStyleInfo;

const XdMinutesStyleInfo *xd_minutes_style_get_info (XdMinutesStyle style);

/* A solid line drawn under a paragraph, centred under it (Nghị định 30:
 * under the issuing body 1/3–1/2 of its line, under the Tiêu ngữ as long
 * as the line, a short one under the document's summary line). */
typedef enum {
  XD_MINUTES_LINE_NONE,
  XD_MINUTES_LINE_ISSUER,
  XD_MINUTES_LINE_MOTTO,
  XD_MINUTES_LINE_TITLE,
  XD_MINUTES_N_LINES
} XdMinutesLine;

typedef struct {
  const char *name;            /* ODF style of the line's own paragraph */
  const char *display_name;
  double width;                /* mm */
  double box_width;            /* mm: the column the line is centred in */
  double space_before;         /* points between the text and the line */
  double space_after;          /* points between the line and what follows */
} XdMinutesLineInfo;

const XdMinutesLineInfo *xd_minutes_line_get_info (XdMinutesLine line);

/* Bold and italic as drawn: absolute, not relative to the style. */
typedef enum {
  XD_MINUTES_RUN_PLAIN  = 0,
  XD_MINUTES_RUN_BOLD   = 1 << 0,
  XD_MINUTES_RUN_ITALIC = 1 << 1,
} XdMinutesRunFlags;

/* ── Blocks ─────────────────────────────────────────────────────────────── */

typedef struct {
  char *text;                  /* valid UTF-8, no control characters */
  XdMinutesRunFlags flags;
} XdMinutesRun;

typedef struct {
  XdMinutesStyle style;
  XdMinutesLine line_below;
  GPtrArray *runs;             /* XdMinutesRun */
} XdMinutesParagraph;

typedef struct {
  GPtrArray *paragraphs;       /* XdMinutesParagraph */
} XdMinutesCell;

typedef struct {
  GPtrArray *cells;            /* XdMinutesCell, one per column */
  gboolean is_header;          /* repeated at the top of each page */
} XdMinutesRow;

typedef enum {
  XD_MINUTES_BLOCK_HEADER,     /* table: left the bodies and the number,
                                * right Quốc hiệu and Tiêu ngữ; no borders */
  XD_MINUTES_BLOCK_TITLE,      /* paragraphs: "BIÊN BẢN", the meeting's name */
  XD_MINUTES_BLOCK_HEADING,    /* one paragraph */
  XD_MINUTES_BLOCK_PARAGRAPH,  /* one paragraph */
  XD_MINUTES_BLOCK_LIST_ITEM,  /* one paragraph, after the bullet */
  XD_MINUTES_BLOCK_TABLE,      /* table with borders */
  XD_MINUTES_BLOCK_SIGNATURE,  /* table: THƯ KÝ left, CHỦ TỌA right; no borders */
  XD_MINUTES_BLOCK_RECIPIENTS, /* paragraphs: "Nơi nhận:", then one per line */
} XdMinutesBlockKind;

typedef struct {
  XdMinutesBlockKind kind;
  /* Renderers never end a page after this block … */
  gboolean keep_with_next;
  /* … nor split it across two pages. */
  gboolean keep_together;

  /* HEADING, PARAGRAPH, LIST_ITEM, TITLE, RECIPIENTS */
  GPtrArray *paragraphs;       /* XdMinutesParagraph */
  /* LIST_ITEM: "-" or "+", drawn before the text with a space */
  char *bullet;

  /* HEADER, TABLE, SIGNATURE */
  GArray *column_widths;       /* double, mm; they add up to the text width */
  GPtrArray *rows;             /* XdMinutesRow */
  gboolean borders;
} XdMinutesBlock;

typedef struct {
  gint64 meeting_id;
  char *title;                 /* the meeting's name, for the file's metadata */
  GPtrArray *blocks;           /* XdMinutesBlock, in reading order */
  char *footer;                /* the verification line printed at the foot of
                                * every page once the record is finalised, so a
                                * printed copy can be checked against the
                                * database; NULL before */
} XdMinutes;

/* Reads the meeting once and lays out its minutes.  Missing data gives
 * dotted gaps to fill by hand ("đồng chí ………"), never an error; errors
 * come only from the store (no such meeting, unreadable file). */
XdMinutes   *xd_minutes_build           (XdStore     *store,
                                         gint64       meeting_id,
                                         GError     **error);
void         xd_minutes_free            (XdMinutes   *minutes);

/* The paragraph's runs joined; a list item with its bullet. */
char        *xd_minutes_paragraph_get_text (const XdMinutesParagraph *paragraph);

/* Every block as plain text, one paragraph per line and table cells
 * separated by " | ": for tests, search and the clipboard. */
char        *xd_minutes_to_text         (const XdMinutes *minutes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdMinutes, xd_minutes_free)

G_END_DECLS
