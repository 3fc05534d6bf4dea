/* xd-exchange-writer.c — a meeting as an exchange file
 *
 * Writes what xd-exchange-reader.c reads, in the order the schema
 * (data/xetduyet-exchange.xsd) requires.  The output depends only on the
 * record, never on database row ids, so exporting, importing into another
 * database and exporting again gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "xd-cleanups.h"
#include "xd-exchange.h"
#include "xd-store-private.h"

#define NS XD_EXCHANGE_NAMESPACE

typedef struct {
  XdStore *store;
  xmlTextWriter *w;
  GHashTable *member_ids;    /* db id → "m1"… (gint64 key as pointer to id) */
  GHashTable *dossier_ids;   /* db id → "d1"… */
  GHashTable *criterion_codes; /* db id → the criterion's code in its set */
  gboolean failed;
} Writer;

static void
start (Writer     *x,
       const char *name)
{
  if (xmlTextWriterStartElement (x->w, (const xmlChar *) name) < 0)
    x->failed = TRUE;
}

static void
end (Writer *x)
{
  if (xmlTextWriterEndElement (x->w) < 0)
    x->failed = TRUE;
}

static void
attr (Writer     *x,
      const char *name,
      const char *value)
{
  if (xmlTextWriterWriteAttribute (x->w, (const xmlChar *) name, (const xmlChar *) value) < 0)
    x->failed = TRUE;
}

static void
attr_int (Writer     *x,
          const char *name,
          int         value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  attr (x, name, text);
}

static void
element (Writer     *x,
         const char *name,
         const char *text)
{
  if (xmlTextWriterWriteElement (x->w, (const xmlChar *) name,
                                 (const xmlChar *) (text != NULL ? text : "")) < 0)
    x->failed = TRUE;
}

static void
element_if (Writer     *x,
            const char *name,
            const char *text)
{
  if (text != NULL && *text != '\0')
    element (x, name, text);
}

static void
text_content (Writer     *x,
              const char *text)
{
  if (xmlTextWriterWriteString (x->w, (const xmlChar *) (text != NULL ? text : "")) < 0)
    x->failed = TRUE;
}

static const char *
id_for (GHashTable *ids,
        gint64      db_id)
{
  return g_hash_table_lookup (ids, &db_id);
}

static void
write_criteria_set (Writer          *x,
                    const XdMeeting *meeting,
                    char           **set_ref,
                    GError         **error)
{
  g_autoptr(XdCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;

  if (meeting->criteria_set_id == 0)
    return;
  set = xd_store_get_criteria_set (x->store, meeting->criteria_set_id, error);
  criteria = set != NULL ? xd_store_list_criteria (x->store, set->id, error) : NULL;
  if (criteria == NULL)
    {
      x->failed = TRUE;
      return;
    }

  /* A preset keeps its key, so the receiving side recognises the law it
   * already has instead of making a copy. */
  stmt = xd_store_prepare (x->store, "SELECT preset_key FROM criteria_set WHERE id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, set->id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        key = xd_store_column_text (stmt, 0);
    }
  *set_ref = g_strdup (key != NULL ? key : "set1");

  start (x, "criteriaSet");
  attr (x, "id", *set_ref);
  if (set->read_only)
    attr (x, "readOnly", "true");
  element (x, "name", set->name);
  element (x, "source", set->source);
  for (guint i = 0; i < criteria->len; i++)
    {
      XdCriterion *c = g_ptr_array_index (criteria, i);

      gint64 *criterion_id = g_new (gint64, 1);

      *criterion_id = c->id;
      g_hash_table_insert (x->criterion_codes, criterion_id, g_strdup (c->code));
      start (x, "criterion");
      attr (x, "code", c->code);
      text_content (x, c->text);
      end (x);
    }
  end (x);
}

static void
write_members (Writer   *x,
               gint64    meeting_id,
               GError  **error)
{
  g_autoptr(GPtrArray) members = xd_store_list_members (x->store, meeting_id, error);

  if (members == NULL)
    {
      x->failed = TRUE;
      return;
    }

  start (x, "members");
  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);
      gint64 *key = g_new (gint64, 1);
      char *id = g_strdup_printf ("m%u", i + 1);

      *key = m->id;
      g_hash_table_insert (x->member_ids, key, id);
      start (x, "member");
      attr (x, "id", id);
      attr (x, "role", xd_role_to_string (m->role));
      attr (x, "voting", m->voting ? "true" : "false");
      attr (x, "attendance", xd_attendance_to_string (m->attendance));
      element (x, "fullName", m->full_name);
      element (x, "title", m->title);
      element (x, "organisation", m->organisation);
      element_if (x, "absenceReason", m->absence_reason);
      end (x);
    }
  end (x);
}

static void
write_guests (Writer   *x,
              gint64    meeting_id,
              GError  **error)
{
  g_autoptr(GPtrArray) guests = xd_store_list_guests (x->store, meeting_id, error);

  if (guests == NULL)
    {
      x->failed = TRUE;
      return;
    }
  if (guests->len == 0)
    return;

  start (x, "guests");
  for (guint i = 0; i < guests->len; i++)
    {
      XdGuest *g = g_ptr_array_index (guests, i);

      start (x, "guest");
      element (x, "fullName", g->full_name);
      element (x, "title", g->title);
      element (x, "organisation", g->organisation);
      end (x);
    }
  end (x);
}

static void
write_dossier (Writer    *x,
               XdDossier *d,
               const char *id,
               GError   **error)
{
  g_autoptr(GPtrArray) documents = xd_store_list_documents (x->store, d->id, error);
  g_autoptr(GPtrArray) assessments = NULL;

  if (documents == NULL ||
      (assessments = xd_store_list_assessments (x->store, d->id, error)) == NULL)
    {
      x->failed = TRUE;
      return;
    }

  start (x, "dossier");
  attr (x, "id", id);
  attr (x, "unitType", xd_unit_type_to_string (d->unit_type));
  attr (x, "state", xd_dossier_state_to_string (d->state));
  element (x, "unitName", d->unit_name);
  element (x, "reference", d->reference);
  element_if (x, "receivedOn", d->received_on);
  element (x, "summary", d->summary);
  element (x, "conclusion", d->conclusion);
  element (x, "verifiedBy", d->verified_by);

  if (documents->len > 0)
    {
      start (x, "documents");
      for (guint i = 0; i < documents->len; i++)
        {
          XdDocument *doc = g_ptr_array_index (documents, i);

          start (x, "document");
          attr (x, "kind", xd_document_kind_to_string (doc->kind));
          attr (x, "received", doc->received ? "true" : "false");
          element (x, "title", doc->title);
          if (doc->file_path != NULL)
            {
              /* The file itself does not travel; its name and fingerprint
               * let the receiver check the copy they are sent. */
              g_autofree char *name = g_path_get_basename (doc->file_path);

              start (x, "file");
              attr (x, "sha256", doc->sha256);
              text_content (x, name);
              end (x);
            }
          end (x);
        }
      end (x);
    }

  if (assessments->len > 0)
    {
      start (x, "assessments");
      for (guint i = 0; i < assessments->len; i++)
        {
          XdAssessment *a = g_ptr_array_index (assessments, i);

          start (x, "assessment");
          attr (x, "criterion", id_for (x->criterion_codes, a->criterion_id));
          attr (x, "result", xd_assessment_result_to_string (a->result));
          text_content (x, a->note);
          end (x);
        }
      end (x);
    }
  end (x);
}

static void
write_dossiers (Writer   *x,
                gint64    meeting_id,
                GError  **error)
{
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (x->store, meeting_id, error);

  if (dossiers == NULL)
    {
      x->failed = TRUE;
      return;
    }
  if (dossiers->len == 0)
    return;

  start (x, "dossiers");
  for (guint i = 0; i < dossiers->len && !x->failed; i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);
      gint64 *key = g_new (gint64, 1);
      char *id = g_strdup_printf ("d%u", i + 1);

      *key = d->id;
      g_hash_table_insert (x->dossier_ids, key, id);
      write_dossier (x, d, id, error);
    }
  end (x);
}

static void
write_questions (Writer   *x,
                 gint64    meeting_id,
                 GError  **error)
{
  g_autoptr(GPtrArray) questions = xd_store_list_questions (x->store, meeting_id, error);

  if (questions == NULL)
    {
      x->failed = TRUE;
      return;
    }
  if (questions->len == 0)
    return;

  start (x, "questions");
  for (guint i = 0; i < questions->len && !x->failed; i++)
    {
      XdQuestion *q = g_ptr_array_index (questions, i);

      start (x, "question");
      if (q->dossier_id > 0)
        attr (x, "dossier", id_for (x->dossier_ids, q->dossier_id));
      attr (x, "mode", xd_vote_mode_to_string (q->mode));
      attr (x, "state", xd_question_state_to_string (q->state));
      if (q->quorum_overridden)
        attr (x, "quorumOverridden", "true");
      element (x, "text", q->text);
      element_if (x, "openedAt", q->opened_at);
      element_if (x, "closedAt", q->closed_at);

      if (q->mode == XD_VOTE_MODE_OPEN)
        {
          g_autoptr(GArray) votes = xd_store_list_votes (x->store, q->id, error);

          if (votes == NULL)
            {
              x->failed = TRUE;
              break;
            }
          if (votes->len > 0)
            {
              start (x, "votes");
              for (guint j = 0; j < votes->len; j++)
                {
                  XdVote *v = &g_array_index (votes, XdVote, j);

                  start (x, "vote");
                  attr (x, "member", id_for (x->member_ids, v->member_id));
                  attr (x, "choice", xd_choice_to_string (v->choice));
                  end (x);
                }
              end (x);
            }
        }
      else
        {
          XdTally t;
          g_autoptr(sqlite3_stmt) stmt =
            xd_store_prepare (x->store, "SELECT 1 FROM tally WHERE question_id = ?", NULL);

          if (stmt != NULL)
            sqlite3_bind_int64 (stmt, 1, q->id);
          if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
              xd_store_get_tally (x->store, q->id, &t, error))
            {
              start (x, "tally");
              attr_int (x, "issued", t.ballots_issued);
              attr_int (x, "valid", t.ballots_valid);
              attr_int (x, "invalid", t.ballots_invalid);
              attr_int (x, "yes", t.yes);
              attr_int (x, "no", t.no);
              attr_int (x, "abstain", t.abstain);
              end (x);
            }
        }
      end (x);
    }
  end (x);
}

static void
write_minutes (Writer   *x,
               gint64    meeting_id,
               GError  **error)
{
  const XdSectionKind kinds[] = { XD_SECTION_OPENING, XD_SECTION_DISCUSSION,
                                  XD_SECTION_CONCLUSION, XD_SECTION_RECIPIENTS };
  gboolean started = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *body = xd_store_get_section (x->store, meeting_id, kinds[i], error);

      if (body == NULL)
        {
          x->failed = TRUE;
          return;
        }
      if (*body == '\0')
        continue;
      if (!started)
        start (x, "minutes");
      started = TRUE;
      start (x, "section");
      attr (x, "kind", xd_section_kind_to_string (kinds[i]));
      text_content (x, body);
      end (x);
    }
  if (started)
    end (x);
}

static void
write_meeting (Writer          *x,
               const XdMeeting *m,
               const char      *set_ref,
               GError         **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *quorum = xd_rule_format_fraction (m->rule.quorum_num, m->rule.quorum_den);
  g_autofree char *threshold = xd_rule_format_threshold (&m->rule);
  g_autofree char *number = g_strdup_printf ("%d", m->number);

  start (x, "meeting");
  if (set_ref != NULL)
    attr (x, "criteriaSet", set_ref);
  attr (x, "state", xd_meeting_state_to_string (m->state));
  element (x, "title", m->title);
  element (x, "kind", m->kind);
  start (x, "legalBasis");
  lines = g_strsplit (m->legal_basis, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      element (x, "line", lines[i]);
  end (x);
  element (x, "number", number);
  element (x, "numberSuffix", m->number_suffix);
  element (x, "issuingBody", m->issuing_body);
  element (x, "parentBody", m->parent_body);
  element (x, "place", m->place);
  element_if (x, "startsAt", m->starts_at);
  element_if (x, "endsAt", m->ends_at);
  start (x, "rules");
  attr (x, "quorum", quorum);
  attr (x, "base", xd_base_to_string (m->rule.base));
  attr (x, "threshold", threshold);
  attr (x, "tie", xd_tie_rule_to_string (m->rule.tie_rule));
  end (x);
  write_members (x, m->id, error);
  if (!x->failed)
    write_guests (x, m->id, error);
  if (!x->failed)
    write_dossiers (x, m->id, error);
  if (!x->failed)
    write_questions (x, m->id, error);
  if (!x->failed)
    write_minutes (x, m->id, error);
  end (x);
}

/**
 * xd_exchange_export:
 *
 * The meeting with its criteria set, council, guests, dossiers, votes and
 * minutes text, as an exchange file.
 */
GBytes *
xd_exchange_export (XdStore  *store,
                    gint64    meeting_id,
                    GError  **error)
{
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = NULL;
  g_autoptr(GHashTable) member_ids = NULL;
  g_autoptr(GHashTable) dossier_ids = NULL;
  g_autoptr(GHashTable) criterion_codes = NULL;
  g_autofree char *set_ref = NULL;
  Writer x = { store, NULL, NULL, NULL, NULL, FALSE };

  g_return_val_if_fail (XD_IS_STORE (store), NULL);

  meeting = xd_store_get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;

  buffer = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (buffer, 0);
  if (buffer == NULL || w == NULL)
    {
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_INVALID,
                   _("The exchange file could not be made. The computer may be short of memory."));
      return NULL;
    }
  member_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  dossier_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  criterion_codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  x.w = w;
  x.member_ids = member_ids;
  x.dossier_ids = dossier_ids;
  x.criterion_codes = criterion_codes;

  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, (const xmlChar *) "  ");
  if (xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL) < 0)
    x.failed = TRUE;
  if (xmlTextWriterStartElementNS (w, NULL, (const xmlChar *) "xetduyet",
                                   (const xmlChar *) NS) < 0)
    x.failed = TRUE;
  attr (&x, "version", "1");
  write_criteria_set (&x, meeting, &set_ref, error);
  if (!x.failed)
    write_meeting (&x, meeting, set_ref, error);
  if (!x.failed)
    {
      end (&x);
      if (xmlTextWriterEndDocument (w) < 0)
        x.failed = TRUE;
    }

  if (x.failed)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_INVALID,
                     _("The exchange file could not be made. The computer may be short of memory."));
      return NULL;
    }

  g_clear_pointer (&w, xmlFreeTextWriter);   /* flushes into the buffer */
  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}
