/* xd-application.h — the GtkApplication: one window per database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XD_TYPE_APPLICATION (xd_application_get_type ())
G_DECLARE_FINAL_TYPE (XdApplication, xd_application, XD, APPLICATION, AdwApplication)

XdApplication *xd_application_new (void);

G_END_DECLS
