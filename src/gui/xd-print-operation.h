/* xd-print-operation.h — printing the minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xd-page-renderer.h"

G_BEGIN_DECLS

#define XD_TYPE_PRINT_OPERATION (xd_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (XdPrintOperation, xd_print_operation, XD, PRINT_OPERATION, GtkPrintOperation)

/* Prints @layout's pages (the operation takes ownership of @layout) on
 * A4 unless the user chose otherwise earlier in the session; @title names
 * the print job.  The settings and page setup the user applies are kept
 * for the next operation of the session. */
XdPrintOperation *xd_print_operation_new (XdPageLayout *layout,
                                          const char   *title);

G_END_DECLS
