/* xd-exchange.h — reading exchange files (criteria presets, meetings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xd-store.h"

G_BEGIN_DECLS

#define XD_EXCHANGE_NAMESPACE "urn:io.github.xetduyet:exchange:1"

#define XD_EXCHANGE_ERROR (xd_exchange_error_quark ())

typedef enum {
  XD_EXCHANGE_ERROR_MALFORMED,   /* not well-formed XML */
  XD_EXCHANGE_ERROR_NOT_EXCHANGE,/* another kind of XML document */
  XD_EXCHANGE_ERROR_INVALID,     /* a value or reference is wrong */
  XD_EXCHANGE_ERROR_TOO_LARGE,   /* bigger than any real exchange file */
  XD_EXCHANGE_ERROR_DUPLICATES,  /* dossiers the meeting already has, and
                                  * no say on what to do with them */
} XdExchangeError;

/* What to do with a dossier the meeting already has: the same unit with
 * the same reference (compared without regard to case or spacing). */
typedef enum {
  XD_DUPLICATES_ASK,             /* import nothing, list them, fail with
                                  * XD_EXCHANGE_ERROR_DUPLICATES */
  XD_DUPLICATES_SKIP,            /* keep the meeting's own */
  XD_DUPLICATES_REPLACE,         /* the file's replaces its content: fields,
                                  * documents and assessments; its votes stay */
} XdDuplicates;

typedef struct {
  guint added;
  guint replaced;
  guint skipped;
  GPtrArray *duplicates;         /* char *, "Phường Bãi Cháy (số 01/TTr-UBND)",
                                  * in file order */
} XdDossierImport;

/* A national review of 10,000 dossiers is a few megabytes; anything this
 * large is not an exchange file, and is refused before it is read. */
#define XD_EXCHANGE_MAX_SIZE (64 * 1024 * 1024)

GQuark   xd_exchange_error_quark (void);

/* Reads @data into the store in one transaction: all or nothing.  The ids
 * of the meetings read are appended to @meeting_ids when not NULL. */
gboolean xd_exchange_import_bytes (XdStore     *store,
                                   GBytes      *data,
                                   const char  *display_name,
                                   GArray      *meeting_ids,
                                   GError     **error);

/* The same from a file, whose size is checked before it is read. */
gboolean xd_exchange_import_file  (XdStore     *store,
                                   const char  *path,
                                   GArray      *meeting_ids,
                                   GError     **error);

/* Reads the dossiers of every meeting in the files @paths (one or many
 * units' packages) into the existing meeting @meeting_id, in one
 * transaction for all of them: all or nothing.  Assessments are matched
 * to the meeting's criteria set by criterion code.  @result (cleared
 * first) says what was done; with XD_DUPLICATES_ASK it lists the
 * duplicates found when the call fails for them. */
gboolean xd_exchange_import_dossiers (XdStore            *store,
                                      gint64              meeting_id,
                                      const char * const *paths,
                                      XdDuplicates        duplicates,
                                      XdDossierImport    *result,
                                      GError            **error);
void     xd_dossier_import_clear     (XdDossierImport    *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XdDossierImport, xd_dossier_import_clear)

/* The meeting as an exchange file (UTF-8 XML, valid against the schema). */
GBytes  *xd_exchange_export       (XdStore     *store,
                                   gint64       meeting_id,
                                   GError     **error);

G_END_DECLS
