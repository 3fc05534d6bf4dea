/* xd-odf-writer.h — the minutes as OpenDocument text (.odt and flat .fodt)
 *
 * Both files come from one function that writes the styles and the body,
 * so they cannot disagree; both are ODF 1.3.  The look lives in named
 * styles ("Biên bản – Nội dung" …) that users can change in LibreOffice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "xd-minutes.h"

G_BEGIN_DECLS

/* The documents in memory.  Errors are XD_OUTPUT_ERROR_FAILED. */
GBytes      *xd_minutes_to_odt          (const XdMinutes  *minutes,
                                         GError          **error);
GBytes      *xd_minutes_to_fodt         (const XdMinutes  *minutes,
                                         GError          **error);

/* Saved atomically with xd_output_write_file (): on error the file at
 * @path is what it was before.  Errors are in XD_OUTPUT_ERROR. */
gboolean     xd_minutes_write_odt       (const XdMinutes  *minutes,
                                         const char       *path,
                                         GError          **error);
gboolean     xd_minutes_write_fodt      (const XdMinutes  *minutes,
                                         const char       *path,
                                         GError          **error);

G_END_DECLS
