/* xd-question-item.c — one question of the voting list, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-question-item"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xd-question-item.h"

struct _XdQuestionItem
{
  GObject parent_instance;

  gint64 dossier_id;
  char *unit_name;          /* dossier rows only */
  XdQuestion *question;     /* NULL until the dossier is put to the vote */
  guint number;
  char *yes_label;
  char *no_label;
  char *abstain_label;
};

G_DEFINE_FINAL_TYPE (XdQuestionItem, xd_question_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOSSIER_ID,
  PROP_QUESTION_ID,
  PROP_TITLE,
  PROP_QUESTION_TEXT,
  PROP_STATE,
  PROP_OUTCOME,
  PROP_MODE,
  PROP_MODE_LABEL,
  PROP_STATUS_LABEL,
  PROP_YES_LABEL,
  PROP_NO_LABEL,
  PROP_ABSTAIN_LABEL,
  PROP_QUORUM_OVERRIDDEN,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static XdQuestion *
question_copy (const XdQuestion *q)
{
  XdQuestion *copy;

  if (q == NULL)
    return NULL;

  copy = g_new0 (XdQuestion, 1);
  *copy = *q;
  copy->text = g_strdup (q->text != NULL ? q->text : "");
  copy->explanation = g_strdup (q->explanation != NULL ? q->explanation : "");
  copy->opened_at = g_strdup (q->opened_at);
  copy->closed_at = g_strdup (q->closed_at);
  return copy;
}

/* The counts of a closed vote; nothing before, where a 0 would read as a
 * count. */
static char *
count_label (const XdQuestion *q,
             int               value)
{
  if (q == NULL || q->state != XD_QUESTION_CLOSED)
    return g_strdup ("");
  return g_strdup_printf ("%d", value);
}

static void
update_labels (XdQuestionItem *self)
{
  g_free (self->yes_label);
  self->yes_label = count_label (self->question, self->question != NULL ? self->question->yes : 0);
  g_free (self->no_label);
  self->no_label = count_label (self->question, self->question != NULL ? self->question->no : 0);
  g_free (self->abstain_label);
  self->abstain_label = count_label (self->question,
                                     self->question != NULL ? self->question->abstain : 0);
}

const char *
xd_vote_mode_get_label (XdVoteMode mode)
{
  switch (mode)
    {
    case XD_VOTE_MODE_OPEN:   return C_("vote mode", "Open vote");
    case XD_VOTE_MODE_SECRET: return C_("vote mode", "Secret ballot");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
xd_question_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XdQuestionItem *self = XD_QUESTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_DOSSIER_ID:
      g_value_set_int64 (value, self->dossier_id);
      break;
    case PROP_QUESTION_ID:
      g_value_set_int64 (value, xd_question_item_get_question_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, xd_question_item_get_title (self));
      break;
    case PROP_QUESTION_TEXT:
      g_value_set_string (value, self->question != NULL ? self->question->text : "");
      break;
    case PROP_STATE:
      g_value_set_int (value, xd_question_item_get_state (self));
      break;
    case PROP_OUTCOME:
      g_value_set_int (value, xd_question_item_get_outcome (self));
      break;
    case PROP_MODE:
      g_value_set_int (value, self->question != NULL ? self->question->mode : XD_VOTE_MODE_OPEN);
      break;
    case PROP_MODE_LABEL:
      g_value_set_string (value, self->question != NULL
                                 ? xd_vote_mode_get_label (self->question->mode) : "");
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, xd_question_item_get_status_label (self));
      break;
    case PROP_YES_LABEL:
      g_value_set_string (value, self->yes_label);
      break;
    case PROP_NO_LABEL:
      g_value_set_string (value, self->no_label);
      break;
    case PROP_ABSTAIN_LABEL:
      g_value_set_string (value, self->abstain_label);
      break;
    case PROP_QUORUM_OVERRIDDEN:
      g_value_set_boolean (value, self->question != NULL && self->question->quorum_overridden);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_question_item_finalize (GObject *object)
{
  XdQuestionItem *self = XD_QUESTION_ITEM (object);

  g_clear_pointer (&self->question, xd_question_free);
  g_free (self->unit_name);
  g_free (self->yes_label);
  g_free (self->no_label);
  g_free (self->abstain_label);

  G_OBJECT_CLASS (xd_question_item_parent_class)->finalize (object);
}

static void
xd_question_item_class_init (XdQuestionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xd_question_item_get_property;
  object_class->finalize = xd_question_item_finalize;

  properties[PROP_DOSSIER_ID] =
    g_param_spec_int64 ("dossier-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_QUESTION_ID] =
    g_param_spec_int64 ("question-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_QUESTION_TEXT] =
    g_param_spec_string ("question-text", NULL, NULL, "", flags);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      XD_QUESTION_DRAFT, XD_QUESTION_CLOSED, XD_QUESTION_DRAFT, flags);
  properties[PROP_OUTCOME] =
    g_param_spec_int ("outcome", NULL, NULL,
                      XD_OUTCOME_NONE, XD_OUTCOME_NO_QUORUM, XD_OUTCOME_NONE, flags);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL,
                      XD_VOTE_MODE_OPEN, XD_VOTE_MODE_SECRET, XD_VOTE_MODE_OPEN, flags);
  properties[PROP_MODE_LABEL] =
    g_param_spec_string ("mode-label", NULL, NULL, "", flags);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, "", flags);
  /* The counts of a closed vote as text, "" before it is closed. */
  properties[PROP_YES_LABEL] =
    g_param_spec_string ("yes-label", NULL, NULL, "", flags);
  properties[PROP_NO_LABEL] =
    g_param_spec_string ("no-label", NULL, NULL, "", flags);
  properties[PROP_ABSTAIN_LABEL] =
    g_param_spec_string ("abstain-label", NULL, NULL, "", flags);
  properties[PROP_QUORUM_OVERRIDDEN] =
    g_param_spec_boolean ("quorum-overridden", NULL, NULL, FALSE, flags);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xd_question_item_init (XdQuestionItem *self)
{
  self->unit_name = g_strdup ("");
  self->yes_label = g_strdup ("");
  self->no_label = g_strdup ("");
  self->abstain_label = g_strdup ("");
}

XdQuestionItem *
xd_question_item_new_for_dossier (const XdDossier  *dossier,
                                  const XdQuestion *question)
{
  XdQuestionItem *self;

  g_return_val_if_fail (dossier != NULL, NULL);
  g_return_val_if_fail (question == NULL || question->dossier_id == dossier->id, NULL);

  self = g_object_new (XD_TYPE_QUESTION_ITEM, NULL);
  self->dossier_id = dossier->id;
  g_free (self->unit_name);
  self->unit_name = g_strdup (dossier->unit_name != NULL ? dossier->unit_name : "");
  self->question = question_copy (question);
  update_labels (self);
  return self;
}

XdQuestionItem *
xd_question_item_new_for_question (const XdQuestion *question)
{
  XdQuestionItem *self;

  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (XD_TYPE_QUESTION_ITEM, NULL);
  self->question = question_copy (question);
  update_labels (self);
  return self;
}

/* Takes new values for the same row and notifies each property whose value
 * changed, compared as the values a reader sees; TRUE when one did. */
static gboolean
item_update (XdQuestionItem   *self,
             const char       *unit_name,
             const XdQuestion *question,
             guint             number)
{
  GValue old[N_PROPS] = { G_VALUE_INIT };
  gboolean changed = FALSE;

  for (guint i = 1; i < N_PROPS; i++)
    {
      g_value_init (&old[i], properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &old[i]);
    }

  if (unit_name != NULL)
    {
      g_free (self->unit_name);
      self->unit_name = g_strdup (unit_name);
    }
  g_clear_pointer (&self->question, xd_question_free);
  self->question = question_copy (question);
  self->number = number;
  update_labels (self);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    {
      GValue now = G_VALUE_INIT;

      g_value_init (&now, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &now);
      if (g_param_values_cmp (properties[i], &old[i], &now) != 0)
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
          changed = TRUE;
        }
      g_value_unset (&now);
      g_value_unset (&old[i]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

gint64
xd_question_item_get_dossier_id (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), 0);

  return self->dossier_id;
}

gint64
xd_question_item_get_question_id (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), 0);

  return self->question != NULL ? self->question->id : 0;
}

const XdQuestion *
xd_question_item_get_question (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), NULL);

  return self->question;
}

const char *
xd_question_item_get_title (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), NULL);

  if (self->dossier_id != 0)
    return *self->unit_name != '\0' ? self->unit_name : _("Unnamed unit");
  return self->question->text;
}

XdQuestionState
xd_question_item_get_state (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), XD_QUESTION_DRAFT);

  return self->question != NULL ? self->question->state : XD_QUESTION_DRAFT;
}

XdOutcome
xd_question_item_get_outcome (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), XD_OUTCOME_NONE);

  return self->question != NULL && self->question->state == XD_QUESTION_CLOSED
         ? self->question->outcome : XD_OUTCOME_NONE;
}

const char *
xd_question_item_get_status_label (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), NULL);

  switch (xd_question_item_get_state (self))
    {
    case XD_QUESTION_DRAFT:
      return C_("question state", "Not yet put to the vote");
    case XD_QUESTION_OPEN:
      return C_("question state", "Voting");
    case XD_QUESTION_CLOSED:
      return xd_outcome_get_label (self->question->outcome);
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
xd_question_item_get_number (XdQuestionItem *self)
{
  g_return_val_if_fail (XD_IS_QUESTION_ITEM (self), 0);

  return self->number;
}

/* Sync
 * ==== */

typedef struct {
  const XdDossier *dossier;    /* NULL for a free question */
  const XdQuestion *question;
} Row;

static gboolean
row_matches (XdQuestionItem *item,
             const Row      *row)
{
  if (row->dossier != NULL)
    return item->dossier_id == row->dossier->id;
  return item->dossier_id == 0 && item->question != NULL && item->question->id == row->question->id;
}

gboolean
xd_question_items_sync (GListStore *list,
                        GPtrArray  *dossiers,
                        GPtrArray  *questions)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GHashTable) by_dossier = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old, prefix = 0, suffix = 0;
  gboolean changed = FALSE;

  g_return_val_if_fail (G_IS_LIST_STORE (list), FALSE);
  g_return_val_if_fail (g_list_model_get_item_type (G_LIST_MODEL (list)) == XD_TYPE_QUESTION_ITEM,
                        FALSE);

  /* A dossier's question is its first one, as xd_store_ensure_dossier_question ()
   * finds it: the lowest id. */
  for (guint i = 0; questions != NULL && i < questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (questions, i);
      XdQuestion *known;

      if (q->dossier_id == 0)
        continue;
      known = g_hash_table_lookup (by_dossier, &q->dossier_id);
      if (known == NULL || q->id < known->id)
        g_hash_table_insert (by_dossier, &q->dossier_id, q);
    }

  for (guint i = 0; dossiers != NULL && i < dossiers->len; i++)
    {
      const XdDossier *d = g_ptr_array_index (dossiers, i);
      Row row = { d, g_hash_table_lookup (by_dossier, &d->id) };

      g_array_append_val (rows, row);
    }
  for (guint i = 0; questions != NULL && i < questions->len; i++)
    {
      const XdQuestion *q = g_ptr_array_index (questions, i);
      Row row = { NULL, q };

      if (q->dossier_id == 0)
        g_array_append_val (rows, row);
    }

  n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (list), i));

  /* The rows wanted, reusing the item already showing each. */
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      XdQuestionItem *item = NULL;

      for (guint j = 0; j < old->len && item == NULL; j++)
        if (row_matches (g_ptr_array_index (old, j), row))
          item = g_object_ref (g_ptr_array_index (old, j));

      if (item == NULL)
        {
          item = row->dossier != NULL
                 ? xd_question_item_new_for_dossier (row->dossier, row->question)
                 : xd_question_item_new_for_question (row->question);
          item->number = i + 1;
          changed = TRUE;
        }
      else
        changed |= item_update (item, row->dossier != NULL ? row->dossier->unit_name : NULL,
                                row->question, i + 1);
      g_ptr_array_add (items, item);
    }

  /* Splice only the middle that differs: a selection outside it stays. */
  while (prefix < items->len && prefix < old->len &&
         g_ptr_array_index (items, prefix) == g_ptr_array_index (old, prefix))
    prefix++;
  while (suffix < items->len - prefix && suffix < old->len - prefix &&
         g_ptr_array_index (items, items->len - 1 - suffix) ==
         g_ptr_array_index (old, old->len - 1 - suffix))
    suffix++;

  if (prefix + suffix < items->len || prefix + suffix < old->len)
    {
      g_list_store_splice (list, prefix, old->len - prefix - suffix,
                           items->pdata + prefix, items->len - prefix - suffix);
      changed = TRUE;
    }

  return changed;
}

guint
xd_question_items_find (GListModel *list,
                        gint64      dossier_id,
                        gint64      question_id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), G_MAXUINT);

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XdQuestionItem) item = g_list_model_get_item (list, i);

      if (dossier_id != 0 ? item->dossier_id == dossier_id
                          : item->dossier_id == 0 &&
                            xd_question_item_get_question_id (item) == question_id)
        return i;
    }
  return G_MAXUINT;
}

void
xd_question_items_summarize (GListModel         *list,
                             XdQuestionsSummary *out)
{
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (list));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XdQuestionItem) item = g_list_model_get_item (list, i);

      out->total++;
      switch (xd_question_item_get_state (item))
        {
        case XD_QUESTION_DRAFT:
          out->not_voted++;
          break;
        case XD_QUESTION_OPEN:
          out->voting++;
          break;
        case XD_QUESTION_CLOSED:
          switch (item->question->outcome)
            {
            case XD_OUTCOME_PASSED:
              out->passed++;
              break;
            case XD_OUTCOME_FAILED:
              out->failed++;
              break;
            case XD_OUTCOME_TIE_REVOTE:
              out->tie++;
              break;
            case XD_OUTCOME_NONE:
            case XD_OUTCOME_NO_QUORUM:
            default:
              /* Closing refuses these; an imported file could hold one. */
              out->not_voted++;
              break;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

char *
xd_questions_summary_describe (const XdQuestionsSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->total == 0)
    return g_strdup (_("No questions yet"));

  return g_strdup_printf (_("Passed %d · Failed %d · Tie, to vote again %d · Voting %d · Not yet voted %d"),
                          summary->passed, summary->failed, summary->tie,
                          summary->voting, summary->not_voted);
}
