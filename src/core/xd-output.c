/* xd-output.c — saving an exported document in one piece
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xd-output.h"

G_DEFINE_QUARK (xd-output-error-quark, xd_output_error)

static void
set_error_from_errno (int          saved_errno,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (dir);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_NO_SPACE,
                   _("There is not enough free space on the disk to save “%s”. "
                     "Free some space or choose another place."), name);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_PERMISSION,
                   _("You are not allowed to save files in the folder “%s”. "
                     "Choose another folder."), folder);
      break;
    case EROFS:
      g_set_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_READ_ONLY,
                   _("The folder “%s” is on a disk that cannot be written to. "
                     "Choose another folder."), folder);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_NO_FOLDER,
                   _("The folder “%s” does not exist. Choose another folder."), folder);
      break;
    case EISDIR:
      g_set_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_IS_FOLDER,
                   _("“%s” is a folder. Choose a name for the file."), name);
      break;
    default:
      /* TRANSLATORS: the second %s is the system's own reason. */
      g_set_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_IO,
                   _("“%s” could not be saved: %s."), name, g_strerror (saved_errno));
      break;
    }
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* The rename itself is only durable once the folder is on the disk too;
 * failing that is not worth an error, the file is complete either way. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

gboolean
xd_output_write_file (const char     *path,
                      gconstpointer   data,
                      gsize           length,
                      GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_error_from_errno (EISDIR, path, error);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, beside the target: the rename stays on one file system. */
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_error_from_errno (errno, path, error);
      return FALSE;
    }

  /* g_mkstemp_full () creates with @mode less the umask, as any new
   * document; one that replaces another keeps the old one's mode. */
  if (g_stat (path, &st) == 0)
    fchmod (fd, st.st_mode & 0777);

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      set_error_from_errno (saved_errno, path, error);
      return FALSE;
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      set_error_from_errno (saved_errno, path, error);
      return FALSE;
    }

  sync_folder (dir);
  return TRUE;
}
