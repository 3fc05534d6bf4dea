/* xd-pages-preview.h — the pages of the minutes, drawn as they will print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xd-page-renderer.h"

G_BEGIN_DECLS

#define XD_TYPE_PAGES_PREVIEW (xd_pages_preview_get_type ())
G_DECLARE_FINAL_TYPE (XdPagesPreview, xd_pages_preview, XD, PAGES_PREVIEW, GtkWidget)

GtkWidget *xd_pages_preview_new         (void);
/* Shows @layout's pages, one under the other, as wide as the widget;
 * takes ownership of @layout (NULL shows nothing). */
void       xd_pages_preview_set_layout  (XdPagesPreview *self,
                                         XdPageLayout   *layout);
int        xd_pages_preview_get_n_pages (XdPagesPreview *self);

G_END_DECLS
