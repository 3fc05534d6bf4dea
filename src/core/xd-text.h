/* xd-text.h — Vietnamese text: clean-up, search keys, name ordering (pure functions)
 *
 * Nothing here depends on the process locale: the same input gives the same
 * result under C.UTF-8 and vi_VN.UTF-8.  Every function accepts NULL (as "")
 * and invalid UTF-8 (the bad bytes are dropped) and returns valid UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Clean a single-line field for storage or display: NFC, control characters
 * removed, whitespace runs (tabs, newlines, NBSP…) made one space, trimmed. */
char        *xd_text_normalize          (const char *text);

/* A search key: lowercase, no diacritics (đ → d, ă â ê ô ơ ư and the tones
 * removed), whitespace collapsed and trimmed.  "ĐỒNG LÂM" → "dong lam". */
char        *xd_text_fold               (const char *text);

/* TRUE if the folded @query is a substring of the folded @text; an empty
 * query matches everything.  "hong gai" matches "Phường Hồng Gai". */
gboolean     xd_text_matches            (const char *text,
                                         const char *query);

/* A key whose strcmp() order is the Vietnamese order of person names: given
 * name (last word), then middle words, then family name (first word); letters
 * a ă â b c d đ e ê … o ô ơ … u ư …, then tones, then case.  Valid UTF-8 with
 * no NUL bytes, so it can go into an indexed TEXT column (BINARY collation). */
char        *xd_text_name_sort_key      (const char *full_name);

/* Compare two names in the order of xd_text_name_sort_key(): <0, 0 or >0.
 * 0 only when both normalise (xd_text_normalize()) to the same string. */
int          xd_text_compare_names      (const char *a,
                                         const char *b);

G_END_DECLS
