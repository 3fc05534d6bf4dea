/* xd-import.h — importing exchange files from the window's menus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

/* Called with the first meeting a whole-meeting import added, to open it. */
typedef void (*XdImportMeetingDone) (gint64   meeting_id,
                                     gpointer user_data);

/* Asks for an exchange file and imports the meetings in it. */
void xd_import_choose_meeting_file   (GtkWindow           *parent,
                                      XdStore             *store,
                                      XdImportMeetingDone  done,
                                      gpointer             user_data);
/* Asks for one or more units' exchange files and adds their dossiers to
 * @meeting_id. */
void xd_import_choose_dossier_files  (GtkWindow           *parent,
                                      XdStore             *store,
                                      gint64               meeting_id);

/* The steps after the file chooser, also driven by the tests: the import
 * itself, and, when the meeting already has some of the dossiers, the
 * question whether to replace or skip them.  Problems are shown in a
 * dialog; success in a toast. */
void xd_import_meeting_file          (GtkWindow           *parent,
                                      XdStore             *store,
                                      const char          *path,
                                      XdImportMeetingDone  done,
                                      gpointer             user_data);
void xd_import_dossier_files         (GtkWindow           *parent,
                                      XdStore             *store,
                                      gint64               meeting_id,
                                      const char * const  *paths);

G_END_DECLS
