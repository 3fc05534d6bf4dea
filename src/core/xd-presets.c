/* xd-presets.c — data shipped inside the program: criteria presets and
 * the sample meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-presets"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-core-resources.h"
#include "xd-exchange.h"
#include "xd-store-private.h"

#define RESOURCE_PREFIX "/io/github/xetduyet/XetDuyet/core/"

static const char *const presets[] = {
  "criteria/tt124-2021.xml",
};

static GBytes *
load_resource (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);

  /* Looked up in our own bundle: naming it also keeps it linked in from the
   * static library. */
  return g_resource_lookup_data (xd_core_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

gboolean
xd_store_install_presets (XdStore  *self,
                          GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr(GBytes) data = load_resource (presets[i], error);

      if (data == NULL ||
          !xd_exchange_import_bytes (self, data, presets[i], NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * xd_store_load_sample:
 *
 * Adds the sample meeting — the Hạ Long steering committee's review of
 * 9 January 2022 — and returns its id.
 */
gint64
xd_store_load_sample (XdStore  *self,
                      GError  **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (XD_IS_STORE (self), 0);

  data = load_resource ("sample/ha-long-2022.xml", error);
  if (data == NULL)
    return 0;
  if (!xd_exchange_import_bytes (self, data, _("the sample meeting"), ids, error))
    return 0;

  g_return_val_if_fail (ids->len == 1, 0);
  return g_array_index (ids, gint64, 0);
}
