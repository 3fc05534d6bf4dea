/* xd-i18n.h — one place that binds the translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the "xetduyet" domain (UTF-8) to the installed catalogues, or to
 * $XETDUYET_LOCALEDIR when set (the build tree, for tests). */
void xd_i18n_init (void);

G_END_DECLS
