/* xd-file.h — files attached to dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The SHA-256 of the file's bytes as 64 lowercase hex digits, read in
 * blocks so a large scan never sits in memory whole.  On failure the
 * error is in G_IO_ERROR, with a message for users that names the file. */
char        *xd_file_sha256             (const char    *path,
                                         GError       **error);

/* The first characters of a hash, enough to compare by eye ("3a7bd3e2"). */
char        *xd_file_short_hash         (const char    *sha256);

G_END_DECLS
