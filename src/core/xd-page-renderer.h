/* xd-page-renderer.h — the minutes laid out on A4 pages with Pango and cairo
 *
 * One renderer for the PDF export, printing and the print preview: it
 * reads the page, the margins and every paragraph style from the tables in
 * xd-minutes.h, the same ones the ODF styles are written from, so the PDF
 * and the ODT agree.  Needs no display: only Pango, cairo and fontconfig.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>
#include <pango/pango.h>

#include "xd-minutes.h"

G_BEGIN_DECLS

/* "Times New Roman" where it is installed, else its metric twin. */
#define XD_PAGE_FONT_FAMILIES "Times New Roman, Liberation Serif, serif"

typedef struct _XdPageLayout XdPageLayout;

/* Lays @minutes out into pages.  @context (may be NULL: one is made on
 * the default cairo font map, without hinting) measures the text; the
 * layout keeps what it needs, @minutes may be freed afterwards. */
XdPageLayout *xd_page_layout_new            (const XdMinutes *minutes,
                                             PangoContext    *context);
void          xd_page_layout_free           (XdPageLayout    *layout);

int           xd_page_layout_get_n_pages    (XdPageLayout    *layout);

/* Draws page @page (from 0) with 1 unit = 1 pt and the origin at the top
 * left corner of the A4 sheet.  Paints no background. */
void          xd_page_layout_render_page    (XdPageLayout    *layout,
                                             cairo_t         *cr,
                                             int              page);

/* The blocks (indices into minutes->blocks) drawn on @page: the first and
 * the last, in reading order.  FALSE for a page out of range. */
gboolean      xd_page_layout_get_page_blocks (XdPageLayout   *layout,
                                              int             page,
                                              guint          *first_block,
                                              guint          *last_block);

/* The first and last page that block @block is drawn on; FALSE for a
 * block out of range. */
gboolean      xd_page_layout_get_block_pages (XdPageLayout   *layout,
                                              guint           block,
                                              int            *first_page,
                                              int            *last_page);

/* The minutes as a PDF document (A4, fonts embedded), in memory. */
GBytes       *xd_minutes_to_pdf             (const XdMinutes  *minutes,
                                             GError          **error);
/* … and saved through xd_output_write_file (): whole or not at all. */
gboolean      xd_minutes_write_pdf          (const XdMinutes  *minutes,
                                             const char       *path,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XdPageLayout, xd_page_layout_free)

G_END_DECLS
