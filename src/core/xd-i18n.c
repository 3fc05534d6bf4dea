/* xd-i18n.c — one place that binds the translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-i18n"

#include "config.h"

#include <glib/gi18n.h>

#include "xd-i18n.h"

void
xd_i18n_init (void)
{
  const char *dir = g_getenv ("XETDUYET_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
