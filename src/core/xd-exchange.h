/* xd-exchange.h — reading exchange files (criteria presets, meetings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_EXCHANGE_NAMESPACE "urn:io.github.xetduyet:exchange:1"

#define XD_EXCHANGE_ERROR (xd_exchange_error_quark ())

typedef enum {
  XD_EXCHANGE_ERROR_MALFORMED,   /* not well-formed XML */
  XD_EXCHANGE_ERROR_NOT_EXCHANGE,/* another kind of XML document */
  XD_EXCHANGE_ERROR_INVALID,     /* a value or reference is wrong */
  XD_EXCHANGE_ERROR_TOO_LARGE,   /* bigger than any real exchange file */
} XdExchangeError;

/* A national review of 10,000 dossiers is a few megabytes; anything this
 * large is not an exchange file, and is refused before it is read. */
#define XD_EXCHANGE_MAX_SIZE (64 * 1024 * 1024)

GQuark   xd_exchange_error_quark (void);

/* Reads @data into the store in one transaction: all or nothing.  The ids
 * of the meetings read are appended to @meeting_ids when not NULL. */
gboolean xd_exchange_import_bytes (XdStore     *store,
                                   GBytes      *data,
                                   const char  *display_name,
                                   GArray      *meeting_ids,
                                   GError     **error);

/* The same from a file, whose size is checked before it is read. */
gboolean xd_exchange_import_file  (XdStore     *store,
                                   const char  *path,
                                   GArray      *meeting_ids,
                                   GError     **error);

/* The meeting as an exchange file (UTF-8 XML, valid against the schema). */
GBytes  *xd_exchange_export       (XdStore     *store,
                                   gint64       meeting_id,
                                   GError     **error);

G_END_DECLS
