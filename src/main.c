/* main.c — xetduyet, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "xd-application.h"
#include "xd-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(XdApplication) app = NULL;

  setlocale (LC_ALL, "");
  xd_i18n_init ();

  app = xd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
