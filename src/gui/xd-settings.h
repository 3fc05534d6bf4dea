/* xd-settings.h — the app's GSettings, when its schema is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new GSettings for APP_ID, or NULL when the schema cannot be found (a
 * build tree run without GSETTINGS_SCHEMA_DIR): callers then work without
 * remembering anything rather than abort. */
GSettings *xd_settings_new (void);

G_END_DECLS
