/* xd-test-minutes.h — what the minutes and PDF tests share: a fresh
 * database in a temporary folder, and the sample meeting's minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xd-minutes.h"
#include "xd-store.h"
#include "xd-test-util.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  XdStore *store;
} XdTestStore;

static inline void
xd_test_store_set_up (XdTestStore   *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = xd_test_make_dir ();
  path = g_build_filename (f->dir, "minutes.xetduyet", NULL);
  f->store = xd_store_open (path, &error);
  g_assert_no_error (error);
}

static inline void
xd_test_store_tear_down (XdTestStore   *f,
                         gconstpointer  data)
{
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Loads the sample meeting into the store and builds its minutes. */
static inline XdMinutes *
xd_test_build_sample_minutes (XdTestStore *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = xd_store_load_sample (f->store, &error);
  XdMinutes *minutes;

  g_assert_no_error (error);
  minutes = xd_minutes_build (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (minutes);
  return minutes;
}

G_END_DECLS
