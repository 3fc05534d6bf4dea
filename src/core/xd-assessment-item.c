/* xd-assessment-item.c — one row of a dossier's criteria table, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-assessment-item"

#include "config.h"

#include "xd-assessment-item.h"

struct _XdAssessmentItem
{
  GObject parent_instance;

  gint64 dossier_id;
  gint64 criterion_id;
  char *code;
  char *text;
  XdAssessmentResult result;
  char *note;
};

G_DEFINE_FINAL_TYPE (XdAssessmentItem, xd_assessment_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOSSIER_ID,
  PROP_CRITERION_ID,
  PROP_CODE,
  PROP_TEXT,
  PROP_RESULT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (XdAssessmentItem  *self,
            char             **field,
            const char        *value,
            int                prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update (XdAssessmentItem   *self,
        const XdCriterion  *criterion,
        const XdAssessment *assessment)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->code, criterion->code, PROP_CODE);
  set_string (self, &self->text, criterion->text, PROP_TEXT);
  set_string (self, &self->note, assessment->note, PROP_NOTE);
  if (self->result != assessment->result)
    {
      self->result = assessment->result;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
xd_assessment_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XdAssessmentItem *self = XD_ASSESSMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_DOSSIER_ID:
      g_value_set_int64 (value, self->dossier_id);
      break;
    case PROP_CRITERION_ID:
      g_value_set_int64 (value, self->criterion_id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RESULT:
      g_value_set_int (value, self->result);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_assessment_item_finalize (GObject *object)
{
  XdAssessmentItem *self = XD_ASSESSMENT_ITEM (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (xd_assessment_item_parent_class)->finalize (object);
}

static void
xd_assessment_item_class_init (XdAssessmentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xd_assessment_item_get_property;
  object_class->finalize = xd_assessment_item_finalize;

  properties[PROP_DOSSIER_ID] =
    g_param_spec_int64 ("dossier-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CRITERION_ID] =
    g_param_spec_int64 ("criterion-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, "", flags);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", flags);
  /* An XdAssessmentResult: core registers no enum types. */
  properties[PROP_RESULT] =
    g_param_spec_int ("result", NULL, NULL, XD_ASSESSMENT_NOT_ASSESSED, XD_ASSESSMENT_NOT_MET,
                      XD_ASSESSMENT_NOT_ASSESSED, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xd_assessment_item_init (XdAssessmentItem *self)
{
  self->code = g_strdup ("");
  self->text = g_strdup ("");
  self->note = g_strdup ("");
}

XdAssessmentItem *
xd_assessment_item_new (const XdCriterion  *criterion,
                        const XdAssessment *assessment)
{
  XdAssessmentItem *self;

  g_return_val_if_fail (criterion != NULL, NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (criterion->id == assessment->criterion_id, NULL);

  self = g_object_new (XD_TYPE_ASSESSMENT_ITEM, NULL);
  self->dossier_id = assessment->dossier_id;
  self->criterion_id = criterion->id;
  update (self, criterion, assessment);

  return self;
}

gint64
xd_assessment_item_get_dossier_id (XdAssessmentItem *self)
{
  g_return_val_if_fail (XD_IS_ASSESSMENT_ITEM (self), 0);

  return self->dossier_id;
}

gint64
xd_assessment_item_get_criterion_id (XdAssessmentItem *self)
{
  g_return_val_if_fail (XD_IS_ASSESSMENT_ITEM (self), 0);

  return self->criterion_id;
}

const char *
xd_assessment_item_get_code (XdAssessmentItem *self)
{
  g_return_val_if_fail (XD_IS_ASSESSMENT_ITEM (self), NULL);

  return self->code;
}

const char *
xd_assessment_item_get_text (XdAssessmentItem *self)
{
  g_return_val_if_fail (XD_IS_ASSESSMENT_ITEM (self), NULL);

  return self->text;
}

XdAssessmentResult
xd_assessment_item_get_result (XdAssessmentItem *self)
{
  g_return_val_if_fail (XD_IS_ASSESSMENT_ITEM (self), XD_ASSESSMENT_NOT_ASSESSED);

  return self->result;
}

const char *
xd_assessment_item_get_note (XdAssessmentItem *self)
{
  g_return_val_if_fail (XD_IS_ASSESSMENT_ITEM (self), NULL);

  return self->note;
}

gboolean
xd_assessment_items_load (GListStore  *list,
                          XdStore     *store,
                          gint64       dossier_id,
                          GError     **error)
{
  g_autoptr(XdDossier) dossier = NULL;
  g_autoptr(XdMeeting) meeting = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old;
  gboolean same;

  g_return_val_if_fail (G_IS_LIST_STORE (list), FALSE);
  g_return_val_if_fail (g_list_model_get_item_type (G_LIST_MODEL (list)) == XD_TYPE_ASSESSMENT_ITEM,
                        FALSE);
  g_return_val_if_fail (XD_IS_STORE (store), FALSE);

  dossier = xd_store_get_dossier (store, dossier_id, error);
  if (dossier == NULL)
    return FALSE;
  meeting = xd_store_get_meeting (store, dossier->meeting_id, error);
  if (meeting == NULL)
    return FALSE;

  if (meeting->criteria_set_id != 0)
    {
      criteria = xd_store_list_criteria (store, meeting->criteria_set_id, error);
      if (criteria == NULL)
        return FALSE;
      assessments = xd_store_list_assessments (store, dossier_id, error);
      if (assessments == NULL)
        return FALSE;
    }
  else
    {
      criteria = g_ptr_array_new ();
      assessments = g_ptr_array_new ();
    }

  /* The assessments come in the set's order, one per criterion; the
   * criteria give the code and text. */
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < criteria->len; i++)
    {
      XdCriterion *c = g_ptr_array_index (criteria, i);

      g_hash_table_insert (by_id, &c->id, c);
    }

  n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  same = n_old == assessments->len;
  for (guint i = 0; same && i < assessments->len; i++)
    {
      g_autoptr(XdAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      XdAssessment *a = g_ptr_array_index (assessments, i);

      same = item->criterion_id == a->criterion_id && item->dossier_id == dossier_id;
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      XdAssessment *a = g_ptr_array_index (assessments, i);
      XdCriterion *c = g_hash_table_lookup (by_id, &a->criterion_id);

      g_assert (c != NULL);
      if (same)
        {
          g_autoptr(XdAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

          update (item, c, a);
        }
      else
        g_ptr_array_add (rows, xd_assessment_item_new (c, a));
    }

  if (!same)
    g_list_store_splice (list, 0, n_old, rows->pdata, rows->len);

  return TRUE;
}
