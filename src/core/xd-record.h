/* xd-record.h — the tamper-evident record: finalising and verifying
 *
 * A finalised meeting's record is fixed by a SHA-256 over a canonical
 * serialisation of everything in it; the audit log is a hash chain.  Both
 * can be recomputed at any time to prove nothing was changed behind the
 * program's back (for example with the sqlite3 shell).
 *
 * The canonical serialisation (version 1)
 * ---------------------------------------
 * UTF-8 text, one line per row, each line ended by "\n":
 *
 *   xetduyet-record<TAB>1
 *   TABLE<TAB>COLUMN=VALUE<TAB>COLUMN=VALUE…
 *
 * Sections come in this fixed order, rows within each in the order given:
 *
 *   meeting          the meeting's fields and voting rules (not its state
 *                    or record_hash, which finalising itself sets)
 *   criteria_set     the meeting's criteria set: name, source …
 *   criterion        its criteria, by position, id
 *   member           the council, by position, id, with attendance
 *   guest            by position, id
 *   dossier          by position, id
 *   dossier_document by dossier position, dossier id, position, id
 *                    (title, kind, received, file path and sha256)
 *   assessment       by dossier position, dossier id, criterion id
 *   question         by position, id, with the snapshot frozen on closing
 *   vote             open votes, by question position, question id, member id
 *   tally            secret-ballot counts, by question position, question id
 *   minutes_section  by kind
 *
 * Columns appear in a fixed order under their schema names.  Row ids are
 * part of the record: they tie votes to members, assessments to criteria.
 * Values: NULL is written "\N"; integers in decimal; text with "\" written
 * "\\", tab "\t", newline "\n" and carriage return "\r", so a value can
 * never contain a separator and no line or field can be forged.  Derived
 * columns (search and sort keys) are left out.
 *
 * The record hash is the lowercase hex SHA-256 of these bytes.  Finalising
 * also writes the hash of each section into the audit log ("finalise"
 * entry: "record=HASH meeting=HASH criteria_set=HASH …"), so verifying can
 * say which part of a record changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xd-store.h"

G_BEGIN_DECLS

/* The canonical serialisation of a meeting's record (see above). */
char        *xd_record_serialize          (XdStore     *store,
                                           gint64       meeting_id,
                                           GError     **error);
/* SHA-256 of xd_record_serialize (), 64 lowercase hex digits. */
char        *xd_record_hash               (XdStore     *store,
                                           gint64       meeting_id,
                                           GError     **error);
/* The short code printed in the minutes' footer: the first 16 hex digits
 * of @record_hash, uppercase, in groups of four ("7F3A-9C21-04BE-11D8"). */
char        *xd_record_verification_code  (const char  *record_hash);

/* Makes the meeting read-only, in one transaction: refused when it is
 * already finalised or a question is still a draft or open; stores the
 * record hash and logs it.  Every later write to the meeting fails with
 * XD_STORE_ERROR_FINALISED. */
/* Inside an open transaction: hash, mark finalised and log, without the
 * check that every vote is closed (for records that arrive finalised). */
gboolean     xd_record_finalize_in_transaction (XdStore  *self,
                                                gint64    meeting_id,
                                                GError  **error);
gboolean     xd_store_finalize_meeting    (XdStore     *self,
                                           gint64       meeting_id,
                                           GError     **error);
/* Recomputes the audit chain and the record hash of one finalised meeting
 * (@meeting_id) or of all of them (0).  Each difference found is appended
 * to @problems_out as a sentence for users (char *, to be freed).  Returns
 * TRUE when the check ran, whatever it found; FALSE with @error when it
 * could not run (no such meeting, an unreadable database). */
gboolean     xd_store_verify              (XdStore     *self,
                                           gint64       meeting_id,
                                           GPtrArray   *problems_out,
                                           GError     **error);

G_END_DECLS
