/* xd-file.c — files attached to dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-file"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-file.h"

#define BLOCK_SIZE (64 * 1024)
#define SHORT_HASH_LENGTH 8

static void
set_file_error (GError     **error,
                const char  *path,
                GError      *cause)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Keep GIO's code so callers can tell a missing file from a bad disk,
   * but say it in the user's words. */
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The file “%s” does not exist. It may have been moved or deleted."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("You are not allowed to read the file “%s”."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, not a file."), name);
  else
    g_set_error (error, G_IO_ERROR,
                 cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED,
                 _("The file “%s” could not be read: %s"), name, cause->message);
}

char *
xd_file_sha256 (const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guchar *buffer = NULL;
  gssize n;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      set_file_error (error, path, local_error);
      return NULL;
    }

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (BLOCK_SIZE);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, BLOCK_SIZE,
                                   NULL, &local_error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    {
      set_file_error (error, path, local_error);
      return NULL;
    }

  return g_strdup (g_checksum_get_string (checksum));
}

char *
xd_file_short_hash (const char *sha256)
{
  if (sha256 == NULL)
    return NULL;

  return g_strndup (sha256, SHORT_HASH_LENGTH);
}
