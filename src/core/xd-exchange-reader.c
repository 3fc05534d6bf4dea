/* xd-exchange-reader.c — reads an exchange file into the store
 *
 * The whole file goes in one transaction: a mistake anywhere leaves the
 * database as it was.  The parser never touches the network, never loads a
 * DTD and never expands entities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "xd-cleanups.h"
#include "xd-core-resources.h"
#include "xd-exchange.h"
#include "xd-store-private.h"
#include "xd-text.h"

G_DEFINE_QUARK (xd-exchange-error-quark, xd_exchange_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)

typedef struct {
  XdStore *store;
  const char *display_name;
  GHashTable *sets;        /* file id → criteria set id (gint64 *) */
  GHashTable *members;     /* file id → member id */
  GHashTable *dossiers;    /* file id → dossier id */
  GArray *meeting_ids;

  /* Only when importing dossiers into an existing meeting: */
  GHashTable *keys;        /* dossier key → dossier id, the meeting's and
                            * those added so far; NULL for whole meetings */
  XdDuplicates policy;
  XdDossierImport *result;
  int next_position;
} Reader;

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) XD_EXCHANGE_NAMESPACE) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
child (xmlNode    *parent,
       const char *name)
{
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    if (is_element (n, name))
      return n;
  return NULL;
}

/* The text of a child element, "" when it is absent. */
static char *
child_text (xmlNode    *parent,
            const char *name)
{
  xmlNode *n = child (parent, name);
  xmlChar *content;
  char *text;

  if (n == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (n);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text != NULL ? text : g_strdup ("");
}

static char *
child_text_or_null (xmlNode    *parent,
                    const char *name)
{
  char *text = child_text (parent, name);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
fail (Reader      *r,
      xmlNode     *node,
      GError     **error,
      const char  *what)
{
  g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_INVALID,
               _("%s, line %ld: %s"), r->display_name, xmlGetLineNo (node), what);
  return FALSE;
}

/* Store errors say what went wrong; add where in the file it happened. */
static gboolean
fail_with (Reader   *r,
           xmlNode  *node,
           GError  **error)
{
  g_prefix_error (error, _("%s, line %ld: "), r->display_name, xmlGetLineNo (node));
  return FALSE;
}

static gboolean
attr_bool (xmlNode    *node,
           const char *name,
           gboolean    fallback)
{
  g_autofree char *value = attr (node, name);

  if (value == NULL)
    return fallback;
  return g_str_equal (value, "true") || g_str_equal (value, "1");
}

static gboolean
attr_int (Reader      *r,
          xmlNode     *node,
          const char  *name,
          int         *out,
          GError     **error)
{
  g_autofree char *value = attr (node, name);
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT, &n, NULL))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” must be a whole number."), name);
      return fail (r, node, error, what);
    }
  *out = (int) n;
  return TRUE;
}

static gint64
lookup_id (GHashTable *table,
           const char *key)
{
  gint64 *id = key != NULL ? g_hash_table_lookup (table, key) : NULL;

  return id != NULL ? *id : 0;
}

static void
remember_id (GHashTable *table,
             const char *key,
             gint64      id)
{
  gint64 *value = g_new (gint64, 1);

  *value = id;
  g_hash_table_replace (table, g_strdup (key), value);
}

/* Criteria sets
 * ============= */

static gint64
find_preset (XdStore    *store,
             const char *key)
{
  g_autoptr(sqlite3_stmt) stmt =
    xd_store_prepare (store, "SELECT id FROM criteria_set WHERE preset_key = ?", NULL);

  if (stmt == NULL)
    return 0;
  xd_store_bind_text (stmt, 1, key);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
mark_preset (XdStore     *store,
             gint64       set_id,
             const char  *key,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    xd_store_prepare (store, "UPDATE criteria_set SET read_only = 1, preset_key = ? WHERE id = ?",
                      error);

  if (stmt == NULL)
    return FALSE;
  xd_store_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, set_id);
  return xd_store_step_done (store, stmt, error);
}

static gboolean
read_criteria_set (Reader   *r,
                   xmlNode  *node,
                   GError  **error)
{
  g_autofree char *file_id = attr (node, "id");
  g_autoptr(XdCriteriaSet) set = xd_criteria_set_new ();
  gboolean preset = attr_bool (node, "readOnly", FALSE);
  gint64 set_id;
  int position = 0;

  if (file_id == NULL)
    return fail (r, node, error, _("A criteria set has no id."));

  /* A preset the database already has (the same law, shipped again) is
   * used as it is rather than duplicated. */
  if (preset && (set_id = find_preset (r->store, file_id)) != 0)
    {
      remember_id (r->sets, file_id, set_id);
      return TRUE;
    }

  g_free (set->name); set->name = child_text (node, "name");
  g_free (set->source); set->source = child_text (node, "source");
  set_id = xd_store_add_criteria_set (r->store, set, error);
  if (set_id == 0)
    return fail_with (r, node, error);

  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      g_autoptr(XdCriterion) c = NULL;
      xmlChar *content;

      if (!is_element (n, "criterion"))
        continue;
      c = xd_criterion_new ();
      c->set_id = set_id;
      c->position = position++;
      g_free (c->code); c->code = attr (n, "code");
      if (c->code == NULL)
        return fail (r, n, error, _("A criterion has no number."));
      content = xmlNodeGetContent (n);
      g_free (c->text); c->text = g_strstrip (g_strdup ((const char *) content));
      xmlFree (content);
      if (xd_store_add_criterion (r->store, c, error) == 0)
        return fail_with (r, n, error);
    }

  if (preset && !mark_preset (r->store, set_id, file_id, error))
    return fail_with (r, node, error);

  remember_id (r->sets, file_id, set_id);
  return TRUE;
}

/* Meetings
 * ======== */

static gboolean
parse_rules (Reader     *r,
             xmlNode    *node,
             XdRule     *rule,
             GError    **error)
{
  g_autofree char *quorum = attr (node, "quorum");
  g_autofree char *base = attr (node, "base");
  g_autofree char *threshold = attr (node, "threshold");
  g_autofree char *tie = attr (node, "tie");

  xd_rule_init_default (rule);
  if (quorum != NULL && !xd_rule_parse_fraction (quorum, &rule->quorum_num, &rule->quorum_den))
    return fail (r, node, error, _("The quorum is not a fraction such as 2/3 or a percentage."));
  if (base != NULL && !xd_base_from_string (base, &rule->base))
    return fail (r, node, error, _("Unknown basis for the majority."));
  if (threshold != NULL &&
      !xd_rule_parse_threshold (threshold, &rule->threshold_kind,
                                &rule->threshold_num, &rule->threshold_den))
    return fail (r, node, error, _("The majority is not written like >1/2 or >=70%."));
  if (tie != NULL && !xd_tie_rule_from_string (tie, &rule->tie_rule))
    return fail (r, node, error, _("Unknown rule for a tie."));
  return TRUE;
}

static char *
join_lines (xmlNode *parent)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (parent == NULL)
    return g_strdup ("");
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    {
      xmlChar *content;

      if (!is_element (n, "line"))
        continue;
      content = xmlNodeGetContent (n);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, (const char *) content);
      xmlFree (content);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
read_members (Reader   *r,
              xmlNode  *meeting_node,
              gint64    meeting_id,
              GError  **error)
{
  xmlNode *list = child (meeting_node, "members");
  int position = 0;

  if (list == NULL)
    return TRUE;

  for (xmlNode *n = list->children; n != NULL; n = n->next)
    {
      g_autoptr(XdMember) m = NULL;
      g_autofree char *file_id = NULL;
      g_autofree char *role = NULL;
      g_autofree char *attendance = NULL;
      gint64 id;

      if (!is_element (n, "member"))
        continue;
      m = xd_member_new ();
      m->meeting_id = meeting_id;
      m->position = position++;
      file_id = attr (n, "id");
      role = attr (n, "role");
      attendance = attr (n, "attendance");
      if (role != NULL && !xd_role_from_string (role, &m->role))
        return fail (r, n, error, _("Unknown role of a member."));
      if (attendance != NULL && !xd_attendance_from_string (attendance, &m->attendance))
        return fail (r, n, error, _("Unknown attendance of a member."));
      m->voting = attr_bool (n, "voting", m->role != XD_ROLE_SECRETARY);
      g_free (m->full_name); m->full_name = child_text (n, "fullName");
      g_free (m->title); m->title = child_text (n, "title");
      g_free (m->organisation); m->organisation = child_text (n, "organisation");
      g_free (m->absence_reason); m->absence_reason = child_text (n, "absenceReason");

      id = xd_store_add_member (r->store, m, error);
      if (id == 0)
        return fail_with (r, n, error);
      if (file_id != NULL)
        remember_id (r->members, file_id, id);
    }
  return TRUE;
}

static gboolean
read_guests (Reader   *r,
             xmlNode  *meeting_node,
             gint64    meeting_id,
             GError  **error)
{
  xmlNode *list = child (meeting_node, "guests");
  int position = 0;

  if (list == NULL)
    return TRUE;

  for (xmlNode *n = list->children; n != NULL; n = n->next)
    {
      g_autoptr(XdGuest) g = NULL;

      if (!is_element (n, "guest"))
        continue;
      g = xd_guest_new ();
      g->meeting_id = meeting_id;
      g->position = position++;
      g_free (g->full_name); g->full_name = child_text (n, "fullName");
      g_free (g->title); g->title = child_text (n, "title");
      g_free (g->organisation); g->organisation = child_text (n, "organisation");
      if (xd_store_add_guest (r->store, g, error) == 0)
        return fail_with (r, n, error);
    }
  return TRUE;
}

static gboolean
read_documents (Reader   *r,
                xmlNode  *dossier_node,
                gint64    dossier_id,
                GError  **error)
{
  xmlNode *list = child (dossier_node, "documents");
  int position = 0;

  if (list == NULL)
    return TRUE;

  for (xmlNode *n = list->children; n != NULL; n = n->next)
    {
      g_autoptr(XdDocument) d = NULL;
      g_autofree char *kind = NULL;
      xmlNode *file;

      if (!is_element (n, "document"))
        continue;
      d = xd_document_new ();
      d->dossier_id = dossier_id;
      d->position = position++;
      kind = attr (n, "kind");
      if (kind != NULL && !xd_document_kind_from_string (kind, &d->kind))
        return fail (r, n, error, _("Unknown kind of document."));
      d->received = attr_bool (n, "received", FALSE);
      g_free (d->title); d->title = child_text (n, "title");
      if ((file = child (n, "file")) != NULL)
        {
          d->file_path = child_text_or_null (n, "file");
          d->sha256 = attr (file, "sha256");
        }
      if (xd_store_add_document (r->store, d, error) == 0)
        return fail_with (r, n, error);
    }
  return TRUE;
}

static gint64
criterion_by_code (XdStore    *store,
                   gint64      set_id,
                   const char *code)
{
  g_autoptr(sqlite3_stmt) stmt =
    xd_store_prepare (store, "SELECT id FROM criterion WHERE set_id = ? AND code = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, set_id);
  xd_store_bind_text (stmt, 2, code);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
read_assessments (Reader   *r,
                  xmlNode  *dossier_node,
                  gint64    dossier_id,
                  gint64    set_id,
                  GError  **error)
{
  xmlNode *list = child (dossier_node, "assessments");

  if (list == NULL)
    return TRUE;

  for (xmlNode *n = list->children; n != NULL; n = n->next)
    {
      g_autoptr(XdAssessment) a = NULL;
      g_autofree char *code = NULL;
      g_autofree char *result = NULL;
      xmlChar *content;

      if (!is_element (n, "assessment"))
        continue;
      a = xd_assessment_new ();
      a->dossier_id = dossier_id;
      code = attr (n, "criterion");
      result = attr (n, "result");
      a->criterion_id = criterion_by_code (r->store, set_id, code);
      if (a->criterion_id == 0)
        return fail (r, n, error, _("The assessment names a criterion the meeting’s set does not have."));
      if (result != NULL && !xd_assessment_result_from_string (result, &a->result))
        return fail (r, n, error, _("Unknown result of an assessment."));
      content = xmlNodeGetContent (n);
      g_free (a->note); a->note = g_strstrip (g_strdup ((const char *) content));
      xmlFree (content);
      if (!xd_store_set_assessment (r->store, a, error))
        return fail_with (r, n, error);
    }
  return TRUE;
}

static gboolean
has_assessments (xmlNode *dossier_node)
{
  xmlNode *list = child (dossier_node, "assessments");

  for (xmlNode *n = list != NULL ? list->children : NULL; n != NULL; n = n->next)
    if (is_element (n, "assessment"))
      return TRUE;
  return FALSE;
}

/* Importing into a meeting
 * ------------------------
 * A unit sends its dossier again after fixing it; the same unit with the
 * same reference is the same dossier, however it was typed. */

static char *
dossier_key (const XdDossier *d)
{
  g_autofree char *unit = xd_text_normalize (d->unit_name);
  g_autofree char *reference = xd_text_normalize (d->reference);
  g_autofree char *unit_key = g_utf8_casefold (unit, -1);
  g_autofree char *reference_key = g_utf8_casefold (reference, -1);

  /* U+001F cannot be typed into either field, so no two pairs meet. */
  return g_strconcat (unit_key, "\x1f", reference_key, NULL);
}

static char *
describe_dossier (const XdDossier *d)
{
  if (*d->reference == '\0')
    return g_strdup (d->unit_name);
  /* TRANSLATORS: a dossier: the unit's name, then its reference */
  return g_strdup_printf (_("%s (no. %s)"), d->unit_name, d->reference);
}

/* The file's dossier becomes the content of the meeting's @existing one:
 * its fields, documents and assessments.  Its id, place in the list and
 * votes stay, so nothing that refers to it is lost. */
static gboolean
replace_dossier (Reader     *r,
                 xmlNode    *node,
                 gint64      existing,
                 XdDossier  *d,
                 GError    **error)
{
  g_autoptr(XdDossier) old = xd_store_get_dossier (r->store, existing, error);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) assessments = NULL;

  if (old == NULL)
    return fail_with (r, node, error);
  d->id = existing;
  d->meeting_id = old->meeting_id;
  d->position = old->position;
  if (old->state == XD_DOSSIER_VOTED)
    d->state = XD_DOSSIER_VOTED;   /* its votes stay, so it stays voted on */
  if (!xd_store_update_dossier (r->store, d, error))
    return fail_with (r, node, error);

  if ((documents = xd_store_list_documents (r->store, existing, error)) == NULL)
    return fail_with (r, node, error);
  for (guint i = 0; i < documents->len; i++)
    {
      XdDocument *doc = g_ptr_array_index (documents, i);

      if (!xd_store_delete_document (r->store, doc->id, error))
        return fail_with (r, node, error);
    }

  if ((assessments = xd_store_list_assessments (r->store, existing, error)) == NULL)
    return fail_with (r, node, error);
  for (guint i = 0; i < assessments->len; i++)
    {
      XdAssessment *a = g_ptr_array_index (assessments, i);

      if (a->result == XD_ASSESSMENT_NOT_ASSESSED && *a->note == '\0')
        continue;
      a->result = XD_ASSESSMENT_NOT_ASSESSED;
      g_free (a->note); a->note = g_strdup ("");
      if (!xd_store_set_assessment (r->store, a, error))
        return fail_with (r, node, error);
    }
  return TRUE;
}

static gboolean
read_dossiers (Reader   *r,
               xmlNode  *meeting_node,
               gint64    meeting_id,
               gint64    set_id,
               GError  **error)
{
  xmlNode *list = child (meeting_node, "dossiers");
  int position = 0;

  if (list == NULL)
    return TRUE;

  for (xmlNode *n = list->children; n != NULL; n = n->next)
    {
      g_autoptr(XdDossier) d = NULL;
      g_autofree char *file_id = NULL;
      g_autofree char *unit_type = NULL;
      g_autofree char *state = NULL;
      gint64 id;

      if (!is_element (n, "dossier"))
        continue;
      d = xd_dossier_new ();
      d->meeting_id = meeting_id;
      d->position = position++;
      file_id = attr (n, "id");
      unit_type = attr (n, "unitType");
      state = attr (n, "state");
      if (unit_type != NULL && !xd_unit_type_from_string (unit_type, &d->unit_type))
        return fail (r, n, error, _("Unknown type of unit."));
      if (state != NULL && !xd_dossier_state_from_string (state, &d->state))
        return fail (r, n, error, _("Unknown state of a dossier."));
      g_free (d->unit_name); d->unit_name = child_text (n, "unitName");
      g_free (d->reference); d->reference = child_text (n, "reference");
      d->received_on = child_text_or_null (n, "receivedOn");
      g_free (d->summary); d->summary = child_text (n, "summary");
      g_free (d->conclusion); d->conclusion = child_text (n, "conclusion");
      g_free (d->verified_by); d->verified_by = child_text (n, "verifiedBy");

      if (r->keys != NULL)
        {
          g_autofree char *key = dossier_key (d);
          gint64 existing = lookup_id (r->keys, key);

          /* Its votes were not brought along: here it is still to be
           * voted on, once the council has looked at it. */
          if (d->state == XD_DOSSIER_VOTED)
            d->state = XD_DOSSIER_CHECKING;
          if (existing != 0 && r->policy != XD_DUPLICATES_REPLACE)
            {
              g_ptr_array_add (r->result->duplicates, describe_dossier (d));
              r->result->skipped++;
              continue;
            }
          if (existing != 0)
            {
              if (!replace_dossier (r, n, existing, d, error))
                return FALSE;
              id = existing;
              r->result->replaced++;
            }
          else
            {
              d->position = r->next_position++;
              if ((id = xd_store_add_dossier (r->store, d, error)) == 0)
                return fail_with (r, n, error);
              remember_id (r->keys, key, id);
              r->result->added++;
            }
        }
      else if ((id = xd_store_add_dossier (r->store, d, error)) == 0)
        return fail_with (r, n, error);
      if (file_id != NULL)
        remember_id (r->dossiers, file_id, id);

      if (set_id == 0 && r->keys != NULL && has_assessments (n))
        return fail (r, n, error,
                     _("The dossier is assessed, but the meeting has no criteria set yet. "
                       "Choose the criteria set in the overview, then import again."));
      if (!read_documents (r, n, id, error) ||
          (set_id != 0 && !read_assessments (r, n, id, set_id, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_question (Reader   *r,
               xmlNode  *n,
               gint64    meeting_id,
               int       position,
               GError  **error)
{
  g_autoptr(XdQuestion) q = xd_question_new ();
  g_autofree char *dossier = attr (n, "dossier");
  g_autofree char *mode = attr (n, "mode");
  g_autofree char *state = attr (n, "state");
  g_autofree char *closed_at = NULL;
  xmlNode *votes;
  xmlNode *tally_node;
  gint64 id;

  q->meeting_id = meeting_id;
  q->position = position;
  if (dossier != NULL && (q->dossier_id = lookup_id (r->dossiers, dossier)) == 0)
    return fail (r, n, error, _("The question refers to a dossier that is not in the file."));
  if (mode != NULL && !xd_vote_mode_from_string (mode, &q->mode))
    return fail (r, n, error, _("Unknown voting mode."));
  if (state != NULL && !xd_question_state_from_string (state, &q->state))
    return fail (r, n, error, _("Unknown state of a question."));
  g_free (q->text); q->text = child_text (n, "text");
  q->opened_at = child_text_or_null (n, "openedAt");
  closed_at = child_text_or_null (n, "closedAt");

  /* Votes are recorded on an open question, then it is closed below. */
  if (q->state == XD_QUESTION_CLOSED)
    q->state = XD_QUESTION_OPEN;
  id = xd_store_add_question (r->store, q, error);
  if (id == 0)
    return fail_with (r, n, error);

  if ((votes = child (n, "votes")) != NULL)
    {
      for (xmlNode *v = votes->children; v != NULL; v = v->next)
        {
          g_autofree char *member = NULL;
          g_autofree char *choice_text = NULL;
          XdChoice choice;
          gint64 member_id;

          if (!is_element (v, "vote"))
            continue;
          member = attr (v, "member");
          choice_text = attr (v, "choice");
          member_id = lookup_id (r->members, member);
          if (member_id == 0)
            return fail (r, v, error, _("The vote names a member who is not in the file."));
          if (!xd_choice_from_string (choice_text, &choice))
            return fail (r, v, error, _("Unknown choice in a vote."));
          if (!xd_store_set_vote (r->store, id, member_id, choice, error))
            return fail_with (r, v, error);
        }
    }

  if ((tally_node = child (n, "tally")) != NULL)
    {
      XdTally t = { id, 0, 0, 0, 0, 0, 0 };

      if (!attr_int (r, tally_node, "issued", &t.ballots_issued, error) ||
          !attr_int (r, tally_node, "valid", &t.ballots_valid, error) ||
          !attr_int (r, tally_node, "invalid", &t.ballots_invalid, error) ||
          !attr_int (r, tally_node, "yes", &t.yes, error) ||
          !attr_int (r, tally_node, "no", &t.no, error) ||
          !attr_int (r, tally_node, "abstain", &t.abstain, error))
        return FALSE;
      if (!xd_store_set_tally (r->store, &t, error))
        return fail_with (r, tally_node, error);
    }

  if (state != NULL && g_str_equal (state, "closed"))
    {
      if (!xd_store_close_question_at (r->store, id, attr_bool (n, "quorumOverridden", FALSE),
                                       closed_at, error))
        return fail_with (r, n, error);
    }

  return TRUE;
}

static gboolean
read_questions (Reader   *r,
                xmlNode  *meeting_node,
                gint64    meeting_id,
                GError  **error)
{
  xmlNode *list = child (meeting_node, "questions");
  int position = 0;

  if (list == NULL)
    return TRUE;

  for (xmlNode *n = list->children; n != NULL; n = n->next)
    if (is_element (n, "question") && !read_question (r, n, meeting_id, position++, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_sections (Reader   *r,
               xmlNode  *meeting_node,
               gint64    meeting_id,
               GError  **error)
{
  xmlNode *list = child (meeting_node, "minutes");

  if (list == NULL)
    return TRUE;

  for (xmlNode *n = list->children; n != NULL; n = n->next)
    {
      g_autofree char *kind_text = NULL;
      g_autofree char *body = NULL;
      xmlChar *content;
      XdSectionKind kind;

      if (!is_element (n, "section"))
        continue;
      kind_text = attr (n, "kind");
      if (!xd_section_kind_from_string (kind_text, &kind))
        return fail (r, n, error, _("Unknown section of the minutes."));
      content = xmlNodeGetContent (n);
      body = g_strstrip (g_strdup ((const char *) content));
      xmlFree (content);
      if (!xd_store_set_section (r->store, meeting_id, kind, body, error))
        return fail_with (r, n, error);
    }
  return TRUE;
}

static gboolean
read_meeting (Reader   *r,
              xmlNode  *node,
              GError  **error)
{
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autofree char *set_ref = attr (node, "criteriaSet");
  g_autofree char *state = attr (node, "state");
  g_autofree char *number = NULL;
  XdMeetingState final_state = XD_MEETING_DRAFT;
  xmlNode *rules;
  gint64 id;

  if (state != NULL && !xd_meeting_state_from_string (state, &final_state))
    return fail (r, node, error, _("Unknown state of the meeting."));
  if (set_ref != NULL && (m->criteria_set_id = lookup_id (r->sets, set_ref)) == 0)
    return fail (r, node, error, _("The meeting refers to a criteria set that is not in the file."));

  g_free (m->title); m->title = child_text (node, "title");
  g_free (m->kind); m->kind = child_text (node, "kind");
  g_free (m->legal_basis); m->legal_basis = join_lines (child (node, "legalBasis"));
  number = child_text (node, "number");
  if (*number != '\0')
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (number, 10, 0, G_MAXINT, &n, NULL))
        return fail (r, node, error, _("The document number must be a whole number."));
      m->number = (int) n;
    }
  g_free (m->number_suffix); m->number_suffix = child_text (node, "numberSuffix");
  g_free (m->issuing_body); m->issuing_body = child_text (node, "issuingBody");
  g_free (m->parent_body); m->parent_body = child_text (node, "parentBody");
  g_free (m->place); m->place = child_text (node, "place");
  m->starts_at = child_text_or_null (node, "startsAt");
  m->ends_at = child_text_or_null (node, "endsAt");
  if ((rules = child (node, "rules")) != NULL && !parse_rules (r, rules, &m->rule, error))
    return FALSE;

  /* Filled in as a draft; a finalised meeting accepts no writes, so the
   * state from the file is applied last. */
  m->state = XD_MEETING_DRAFT;
  id = xd_store_add_meeting (r->store, m, error);
  if (id == 0)
    return fail_with (r, node, error);

  if (!read_members (r, node, id, error) ||
      !read_guests (r, node, id, error) ||
      !read_dossiers (r, node, id, m->criteria_set_id, error) ||
      !read_questions (r, node, id, error) ||
      !read_sections (r, node, id, error))
    return FALSE;

  if (final_state != XD_MEETING_DRAFT)
    {
      m->id = id;
      m->state = final_state;
      if (!xd_store_update_meeting (r->store, m, error))
        return fail_with (r, node, error);
    }

  if (r->meeting_ids != NULL)
    g_array_append_val (r->meeting_ids, id);
  return TRUE;
}

static gboolean
read_document (XdStore     *store,
               xmlNode     *root,
               const char  *display_name,
               GArray      *meeting_ids,
               GError     **error)
{
  g_autoptr(GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Reader r = { store, display_name, sets, members, dossiers, meeting_ids };

  for (xmlNode *n = root->children; n != NULL; n = n->next)
    if (is_element (n, "criteriaSet") && !read_criteria_set (&r, n, error))
      return FALSE;

  for (xmlNode *n = root->children; n != NULL; n = n->next)
    if (is_element (n, "meeting") && !read_meeting (&r, n, error))
      return FALSE;

  return TRUE;
}

/* Validation
 * ==========
 * libxml2's own messages are English and technical; the user gets the file,
 * the line and what is wrong in their language.  The first problem is
 * enough: the file is refused whole anyway. */

typedef struct {
  char *message;            /* the first problem, for the user */
} Problems;

static const char *
describe_schema_error (const xmlError *e)
{
  switch (e->code)
    {
    case XML_SCHEMAV_ELEMENT_CONTENT:
    case XML_SCHEMAV_CVC_ELT_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
      return _("an element is missing, misplaced or not allowed here");
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
      return _("an attribute is missing or not allowed here");
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
    case XML_SCHEMAV_CVC_PATTERN_VALID:
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
    case XML_SCHEMAV_CVC_ATTRIBUTE_3:
    case XML_SCHEMAV_CVC_ELT_5_2_2_1:
    case XML_SCHEMAV_CVC_TYPE_3_1_2:
      return _("a value is not one the format allows");
    case XML_SCHEMAV_CVC_IDC:
      return _("an identifier is used twice, or a reference points to nothing");
    default:
      return _("the content does not follow the exchange format");
    }
}

static void
on_schema_error_cb (void     *data,
                    xmlError *e)
{
  Problems *problems = data;
  g_autofree char *where = NULL;

  if (problems->message != NULL || e == NULL || e->level < XML_ERR_ERROR)
    return;

  g_debug ("Schema: line %d: %s", e->line, e->message);
  if (e->node != NULL && ((xmlNode *) e->node)->type == XML_ELEMENT_NODE)
    where = g_strdup ((const char *) ((xmlNode *) e->node)->name);
  if (where != NULL)
    problems->message = g_strdup_printf (_("line %d, in “%s”: %s"),
                                         e->line, where, describe_schema_error (e));
  else
    problems->message = g_strdup_printf (_("line %d: %s"), e->line, describe_schema_error (e));
}

/* The schema ships inside the program, parsed once. */
static xmlSchema *
get_schema (void)
{
  static gsize once;
  static xmlSchema *schema;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(xmlSchemaParserCtxt) parser = NULL;
      xmlSchema *parsed = NULL;
      gsize size;
      const char *data;

      bytes = g_resource_lookup_data (xd_core_get_resource (),
                                      "/io/github/xetduyet/XetDuyet/core/xetduyet-exchange.xsd",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      parser = xmlSchemaNewMemParserCtxt (data, (int) size);
      parsed = xmlSchemaParse (parser);
      g_assert (parsed != NULL);
      schema = parsed;
      g_once_init_leave (&once, 1);
    }

  return schema;
}

static gboolean
validate (xmlDoc      *doc,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(xmlSchemaValidCtxt) ctxt = xmlSchemaNewValidCtxt (get_schema ());
  Problems problems = { NULL };
  int rc;

  xmlSchemaSetValidStructuredErrors (ctxt, on_schema_error_cb, &problems);
  rc = xmlSchemaValidateDoc (ctxt, doc);
  if (rc == 0)
    return TRUE;

  g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_INVALID,
               _("%s is not a valid exchange file: %s."), display_name,
               problems.message != NULL ? problems.message
                                        : _("the content does not follow the exchange format"));
  g_free (problems.message);
  return FALSE;
}

/* Parsing
 * ======= */

static void
ignore_generic_error (void       *data,
                      const char *format,
                      ...)
{
  (void) data;
  (void) format;
}

static xmlDoc *
parse (const char  *bytes,
       gsize        size,
       const char  *display_name,
       GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = xmlNewParserCtxt ();
  xmlGenericErrorFunc saved_handler = xmlGenericError;
  void *saved_handler_data = xmlGenericErrorContext;
  xmlDoc *doc;

  /* libxml2 reports a failed conversion from the encoding a file declares
   * (say encoding="EUC-JP" over UTF-8 bytes) outside the parser context,
   * where XML_PARSE_NOERROR does not reach: found by the fuzzer, it printed
   * "encoding error : input conversion failed" and "I/O error : encoder
   * error" on stderr, in English, beside our message.  The handler is the
   * calling thread's own, so silencing it here touches no other import. */
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);

  /* No network, no DTD loading, no entity substitution, default depth and
   * size limits (XML_PARSE_HUGE is never set): a file cannot make the
   * parser read other files or grow without bound. */
  doc = xmlCtxtReadMemory (ctxt, bytes, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlSetGenericErrorFunc (saved_handler_data, saved_handler);
  if (doc == NULL || ctxt->wellFormed == 0)
    {
      const xmlError *e = xmlCtxtGetLastError (ctxt);
      int line = e != NULL && e->line > 0 ? e->line : 1;

      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_MALFORMED,
                   _("%s, line %d: the file is damaged or is not XML "
                     "(it may be cut short, or not be UTF-8)."),
                   display_name, line);
      return NULL;
    }

  /* A document type declaration can define entities that expand without
   * bound or pull in other files; exchange files never need one. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_NOT_EXCHANGE,
                   _("%s declares a document type (DTD), which exchange files never do. "
                     "It was not read, for safety."),
                   display_name);
      return NULL;
    }

  return doc;
}

/* Parsed and checked against the schema: a document ready to be read. */
static xmlDoc *
load_document (GBytes      *data,
               const char  *display_name,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  if (size > XD_EXCHANGE_MAX_SIZE)
    {
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_TOO_LARGE,
                   _("%s is too large to be an exchange file."), display_name);
      return NULL;
    }

  doc = parse (bytes, size, display_name, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!is_element (root, "xetduyet"))
    {
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_NOT_EXCHANGE,
                   _("%s is not a Xét duyệt exchange file."), display_name);
      return NULL;
    }
  if (!validate (doc, display_name, error))
    return NULL;

  return g_steal_pointer (&doc);
}

gboolean
xd_exchange_import_bytes (XdStore     *store,
                          GBytes      *data,
                          const char  *display_name,
                          GArray      *meeting_ids,
                          GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  guint n_ids_before = meeting_ids != NULL ? meeting_ids->len : 0;

  g_return_val_if_fail (XD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if ((doc = load_document (data, display_name, error)) == NULL)
    return FALSE;

  if (!xd_store_begin (store, error))
    return FALSE;
  if (!read_document (store, xmlDocGetRootElement (doc), display_name, meeting_ids, error))
    {
      xd_store_rollback (store);
      if (meeting_ids != NULL)
        g_array_set_size (meeting_ids, n_ids_before);
      return FALSE;
    }
  if (!xd_store_commit (store, error))
    {
      if (meeting_ids != NULL)
        g_array_set_size (meeting_ids, n_ids_before);
      return FALSE;
    }

  xd_store_emit_changed (store, "*", 0);
  return TRUE;
}

/* The file's bytes, looked at before they are read: a huge file is
 * refused without loading. */
static GBytes *
read_file (const char  *path,
           const char  *display_name,
           GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_MALFORMED,
                   _("Cannot read %s: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  if ((guint64) st.st_size > XD_EXCHANGE_MAX_SIZE)
    {
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_TOO_LARGE,
                   _("%s is too large to be an exchange file."), display_name);
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    {
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_MALFORMED,
                   _("Cannot read %s."), display_name);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

gboolean
xd_exchange_import_file (XdStore     *store,
                         const char  *path,
                         GArray      *meeting_ids,
                         GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (XD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display_name = g_filename_display_basename (path);
  if ((bytes = read_file (path, display_name, error)) == NULL)
    return FALSE;

  return xd_exchange_import_bytes (store, bytes, display_name, meeting_ids, error);
}

/* Dossiers into a meeting
 * ======================= */

void
xd_dossier_import_clear (XdDossierImport *result)
{
  g_clear_pointer (&result->duplicates, g_ptr_array_unref);
  result->added = result->replaced = result->skipped = 0;
}

/* The meeting's dossiers by key, and where the next one goes. */
static gboolean
index_meeting_dossiers (Reader   *r,
                        gint64    meeting_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (r->store, meeting_id, error);

  if (dossiers == NULL)
    return FALSE;
  for (guint i = 0; i < dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);
      g_autofree char *key = dossier_key (d);

      remember_id (r->keys, key, d->id);
      r->next_position = MAX (r->next_position, d->position + 1);
    }
  return TRUE;
}

static gboolean
read_dossiers_into (Reader      *r,
                    GPtrArray   *docs,
                    GPtrArray   *names,
                    gint64       meeting_id,
                    gint64       set_id,
                    GError     **error)
{
  for (guint i = 0; i < docs->len; i++)
    {
      xmlNode *root = xmlDocGetRootElement (g_ptr_array_index (docs, i));

      r->display_name = g_ptr_array_index (names, i);
      for (xmlNode *n = root->children; n != NULL; n = n->next)
        {
          /* Each meeting of a file has its own dossier ids. */
          g_hash_table_remove_all (r->dossiers);
          if (is_element (n, "meeting") && !read_dossiers (r, n, meeting_id, set_id, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
xd_exchange_import_dossiers (XdStore            *store,
                             gint64              meeting_id,
                             const char * const *paths,
                             XdDuplicates        duplicates,
                             XdDossierImport    *result,
                             GError            **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeDoc);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) dossiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(XdMeeting) meeting = NULL;
  Reader r = { 0 };

  g_return_val_if_fail (XD_IS_STORE (store), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  xd_dossier_import_clear (result);
  result->duplicates = g_ptr_array_new_with_free_func (g_free);

  /* Every file is read and checked before anything is written. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (paths[i]);
      g_autoptr(GBytes) bytes = read_file (paths[i], name, error);
      xmlDoc *doc;

      if (bytes == NULL || (doc = load_document (bytes, name, error)) == NULL)
        return FALSE;
      g_ptr_array_add (docs, doc);
      g_ptr_array_add (names, g_steal_pointer (&name));
    }

  if ((meeting = xd_store_get_meeting (store, meeting_id, error)) == NULL ||
      !xd_store_check_meeting_writable (store, meeting_id, error))
    return FALSE;

  r.store = store;
  r.dossiers = dossiers;
  r.keys = keys;
  r.policy = duplicates;
  r.result = result;

  if (!xd_store_begin (store, error))
    return FALSE;
  if (!index_meeting_dossiers (&r, meeting_id, error) ||
      !read_dossiers_into (&r, docs, names, meeting_id, meeting->criteria_set_id, error))
    {
      xd_store_rollback (store);
      return FALSE;
    }
  if (duplicates == XD_DUPLICATES_ASK && result->duplicates->len > 0)
    {
      xd_store_rollback (store);
      g_set_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_DUPLICATES,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The meeting already has %u of these dossiers. "
                                "Choose whether to replace it or skip it.",
                                "The meeting already has %u of these dossiers. "
                                "Choose whether to replace them or skip them.",
                                result->duplicates->len),
                   result->duplicates->len);
      result->added = result->skipped = 0;
      return FALSE;
    }
  if (!xd_store_commit (store, error))
    return FALSE;

  xd_store_emit_changed (store, "*", 0);
  return TRUE;
}
