/* xd-minutes-file.h — what an exported minutes file is called
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "xd-model.h"

G_BEGIN_DECLS

/* The name offered when the minutes are exported: "Biên bản 01-BB-BCĐ
 * ngày 09-01-2022.odt".  The number is left out when the minutes are not
 * numbered yet, the date when the meeting has none.  Never contains a
 * folder separator or a character Windows refuses, so the file can be
 * copied to a USB stick as it is.  @extension is "odt", "fodt" or "pdf"
 * (without the dot). */
char        *xd_minutes_default_file_name (const XdMeeting *meeting,
                                           const char      *extension);

G_END_DECLS
