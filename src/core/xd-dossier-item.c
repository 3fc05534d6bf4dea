/* xd-dossier-item.c — one row of the dossiers list, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-dossier-item"

#include "config.h"

#include "xd-dossier-item.h"

struct _XdDossierItem
{
  GObject parent_instance;

  gint64 id;
  char *unit_name;
  XdUnitType unit_type;
  char *reference;
  XdDossierState state;
};

G_DEFINE_FINAL_TYPE (XdDossierItem, xd_dossier_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UNIT_NAME,
  PROP_UNIT_TYPE,
  PROP_UNIT_TYPE_LABEL,
  PROP_REFERENCE,
  PROP_STATE,
  PROP_STATE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (XdDossierItem  *self,
            char          **field,
            const char     *value,
            int             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
xd_dossier_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XdDossierItem *self = XD_DOSSIER_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;
    case PROP_UNIT_TYPE:
      g_value_set_int (value, self->unit_type);
      break;
    case PROP_UNIT_TYPE_LABEL:
      g_value_set_string (value, xd_dossier_item_get_unit_type_label (self));
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, xd_dossier_item_get_state_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_dossier_item_finalize (GObject *object)
{
  XdDossierItem *self = XD_DOSSIER_ITEM (object);

  g_clear_pointer (&self->unit_name, g_free);
  g_clear_pointer (&self->reference, g_free);

  G_OBJECT_CLASS (xd_dossier_item_parent_class)->finalize (object);
}

static void
xd_dossier_item_class_init (XdDossierItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xd_dossier_item_get_property;
  object_class->finalize = xd_dossier_item_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, "", flags);
  /* XdUnitType and XdDossierState as plain ints: core registers no enum
   * types, and the labels below are what rows show. */
  properties[PROP_UNIT_TYPE] =
    g_param_spec_int ("unit-type", NULL, NULL, XD_UNIT_WARD, XD_UNIT_OTHER, XD_UNIT_WARD, flags);
  properties[PROP_UNIT_TYPE_LABEL] =
    g_param_spec_string ("unit-type-label", NULL, NULL, "", flags);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, "", flags);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, XD_DOSSIER_RECEIVED, XD_DOSSIER_VOTED,
                      XD_DOSSIER_RECEIVED, flags);
  properties[PROP_STATE_LABEL] =
    g_param_spec_string ("state-label", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xd_dossier_item_init (XdDossierItem *self)
{
  self->unit_name = g_strdup ("");
  self->reference = g_strdup ("");
}

XdDossierItem *
xd_dossier_item_new (const XdDossier *dossier)
{
  XdDossierItem *self;

  g_return_val_if_fail (dossier != NULL, NULL);

  self = g_object_new (XD_TYPE_DOSSIER_ITEM, NULL);
  self->id = dossier->id;
  g_free (self->unit_name);
  self->unit_name = g_strdup (dossier->unit_name);
  self->unit_type = dossier->unit_type;
  g_free (self->reference);
  self->reference = g_strdup (dossier->reference);
  self->state = dossier->state;

  return self;
}

void
xd_dossier_item_update (XdDossierItem   *self,
                        const XdDossier *dossier)
{
  g_return_if_fail (XD_IS_DOSSIER_ITEM (self));
  g_return_if_fail (dossier != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->id != dossier->id)
    {
      self->id = dossier->id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }

  set_string (self, &self->unit_name, dossier->unit_name, PROP_UNIT_NAME);
  set_string (self, &self->reference, dossier->reference, PROP_REFERENCE);
  if (self->unit_type != dossier->unit_type)
    {
      self->unit_type = dossier->unit_type;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_TYPE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_TYPE_LABEL]);
    }
  if (self->state != dossier->state)
    {
      self->state = dossier->state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_LABEL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
xd_dossier_item_get_id (XdDossierItem *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ITEM (self), 0);

  return self->id;
}

const char *
xd_dossier_item_get_unit_name (XdDossierItem *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ITEM (self), NULL);

  return self->unit_name;
}

XdUnitType
xd_dossier_item_get_unit_type (XdDossierItem *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ITEM (self), XD_UNIT_OTHER);

  return self->unit_type;
}

const char *
xd_dossier_item_get_unit_type_label (XdDossierItem *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ITEM (self), NULL);

  return xd_unit_type_get_label (self->unit_type);
}

const char *
xd_dossier_item_get_reference (XdDossierItem *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ITEM (self), NULL);

  return self->reference;
}

XdDossierState
xd_dossier_item_get_state (XdDossierItem *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ITEM (self), XD_DOSSIER_RECEIVED);

  return self->state;
}

const char *
xd_dossier_item_get_state_label (XdDossierItem *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_ITEM (self), NULL);

  return xd_dossier_state_get_label (self->state);
}
