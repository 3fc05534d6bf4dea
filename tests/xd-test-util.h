/* xd-test-util.h — what the tests share: temporary folders and checksums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* A fresh folder under the test's temp dir, removed by the caller with
 * xd_test_remove_tree (). */
static inline char *
xd_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("xetduyet-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
xd_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && (dir = g_dir_open (path, 0, NULL)) != NULL)
    {
      /* Folders a test made read-only must be writable to be emptied. */
      g_chmod (path, 0700);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          xd_test_remove_tree (child);
        }
    }
  g_remove (path);
}

/* SHA-256 of a file's bytes: "unchanged" means exactly this. */
static inline char *
xd_test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

G_END_DECLS
