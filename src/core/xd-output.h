/* xd-output.h — saving an exported document in one piece
 *
 * Every export (ODT, flat ODT, PDF, XML) is made in memory and then saved
 * through here: written beside the target under a temporary name, flushed
 * to the disk, and renamed over the target.  A full disk or a crash leaves
 * the old file, or none, never half a document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XD_OUTPUT_ERROR (xd_output_error_quark ())

typedef enum {
  XD_OUTPUT_ERROR_NO_SPACE,      /* the disk (or the user's quota) is full */
  XD_OUTPUT_ERROR_PERMISSION,    /* the folder may not be written to */
  XD_OUTPUT_ERROR_READ_ONLY,     /* the folder is on a read-only disk */
  XD_OUTPUT_ERROR_NO_FOLDER,     /* the folder does not exist */
  XD_OUTPUT_ERROR_IS_FOLDER,     /* the name given is a folder's */
  XD_OUTPUT_ERROR_IO,            /* the disk failed */
  XD_OUTPUT_ERROR_FAILED,        /* the document could not be made */
} XdOutputError;

GQuark       xd_output_error_quark      (void);

/* Replaces @path with @length bytes of @data, atomically.  The new file
 * keeps the permissions of the file it replaces.  Errors are in
 * XD_OUTPUT_ERROR, with a message for users that names the file. */
gboolean     xd_output_write_file       (const char    *path,
                                         gconstpointer  data,
                                         gsize          length,
                                         GError       **error);

G_END_DECLS
