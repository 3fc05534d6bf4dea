/* xd-person-dialog.h — add or edit a council member or a guest
 *
 * A small modal window with the person's fields and Cancel / Save.  Save
 * writes through the store in one call; when the store refuses (no name, a
 * second chair …) the dialog shows why and stays open with what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_TYPE_PERSON_DIALOG (xd_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XdPersonDialog, xd_person_dialog, XD, PERSON_DIALOG, AdwWindow)

/* @member_id 0 adds a member to @meeting_id; otherwise edits that member.
 * NULL when the member cannot be read (removed meanwhile …).  The dialog
 * emits XdPersonDialog::saved with the row's id, then closes itself. */
XdPersonDialog *xd_person_dialog_new_member (GtkWindow  *parent,
                                             XdStore    *store,
                                             gint64      meeting_id,
                                             gint64      member_id,
                                             GError    **error);
/* @guest_id 0 adds a guest to @meeting_id; otherwise edits that guest. */
XdPersonDialog *xd_person_dialog_new_guest  (GtkWindow  *parent,
                                             XdStore    *store,
                                             gint64      meeting_id,
                                             gint64      guest_id,
                                             GError    **error);

/* The message shown after a refused save, or NULL (for tests). */
const char     *xd_person_dialog_get_error  (XdPersonDialog *self);

G_END_DECLS
