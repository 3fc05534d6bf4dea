/* xd-guest-item.c — one guest of a meeting as a list row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-guest-item"

#include "config.h"

#include <string.h>

#include "xd-guest-item.h"
#include "xd-text.h"

struct _XdGuestItem
{
  GObject parent_instance;

  XdGuest *guest;
  char *sort_key;
  char *description;
};

G_DEFINE_FINAL_TYPE (XdGuestItem, xd_guest_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_DESCRIPTION,
  PROP_POSITION,
  PROP_SORT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static XdGuest *
guest_copy (const XdGuest *g)
{
  XdGuest *copy = xd_guest_new ();

  copy->id = g->id;
  copy->meeting_id = g->meeting_id;
  g_free (copy->full_name);
  copy->full_name = g_strdup (g->full_name != NULL ? g->full_name : "");
  g_free (copy->title);
  copy->title = g_strdup (g->title != NULL ? g->title : "");
  g_free (copy->organisation);
  copy->organisation = g_strdup (g->organisation != NULL ? g->organisation : "");
  copy->position = g->position;

  return copy;
}

static char *
make_description (const XdGuest *g)
{
  if (*g->title != '\0' && *g->organisation != '\0')
    return g_strconcat (g->title, " · ", g->organisation, NULL);
  return g_strdup (*g->title != '\0' ? g->title : g->organisation);
}

static void
xd_guest_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XdGuestItem *self = XD_GUEST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->guest->id);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->guest->full_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->guest->title);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->guest->organisation);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->guest->position);
      break;
    case PROP_SORT_KEY:
      g_value_set_string (value, self->sort_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_guest_item_finalize (GObject *object)
{
  XdGuestItem *self = XD_GUEST_ITEM (object);

  g_clear_pointer (&self->guest, xd_guest_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (xd_guest_item_parent_class)->finalize (object);
}

static void
xd_guest_item_class_init (XdGuestItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xd_guest_item_get_property;
  object_class->finalize = xd_guest_item_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, "", flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xd_guest_item_init (XdGuestItem *self)
{
}

XdGuestItem *
xd_guest_item_new (const XdGuest *guest)
{
  XdGuestItem *self;

  g_return_val_if_fail (guest != NULL, NULL);

  self = g_object_new (XD_TYPE_GUEST_ITEM, NULL);
  self->guest = guest_copy (guest);
  self->sort_key = xd_text_name_sort_key (self->guest->full_name);
  self->description = make_description (self->guest);

  return self;
}

gboolean
xd_guest_item_update (XdGuestItem   *self,
                      const XdGuest *guest)
{
  g_autoptr(XdGuest) old = NULL;
  g_autofree char *old_description = NULL;
  XdGuest *g;
  gboolean moved = FALSE;

  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), FALSE);
  g_return_val_if_fail (guest != NULL, FALSE);
  g_return_val_if_fail (guest->id == self->guest->id, FALSE);

  old = g_steal_pointer (&self->guest);
  self->guest = guest_copy (guest);
  g = self->guest;
  old_description = g_steal_pointer (&self->description);
  self->description = make_description (g);

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (old->full_name, g->full_name) != 0)
    {
      g_free (self->sort_key);
      self->sort_key = xd_text_name_sort_key (g->full_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
      moved = TRUE;
    }
  if (g_strcmp0 (old->title, g->title) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (g_strcmp0 (old->organisation, g->organisation) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
  if (g_strcmp0 (old_description, self->description) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  if (old->position != g->position)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
      moved = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  return moved;
}

const XdGuest *
xd_guest_item_get_guest (XdGuestItem *self)
{
  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), NULL);

  return self->guest;
}

gint64
xd_guest_item_get_id (XdGuestItem *self)
{
  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), 0);

  return self->guest->id;
}

const char *
xd_guest_item_get_full_name (XdGuestItem *self)
{
  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), NULL);

  return self->guest->full_name;
}

const char *
xd_guest_item_get_title (XdGuestItem *self)
{
  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), NULL);

  return self->guest->title;
}

const char *
xd_guest_item_get_organisation (XdGuestItem *self)
{
  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), NULL);

  return self->guest->organisation;
}

const char *
xd_guest_item_get_description (XdGuestItem *self)
{
  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), NULL);

  return self->description;
}

const char *
xd_guest_item_get_sort_key (XdGuestItem *self)
{
  g_return_val_if_fail (XD_IS_GUEST_ITEM (self), NULL);

  return self->sort_key;
}

int
xd_guest_item_compare_by_entry_order (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      user_data)
{
  const XdGuest *ga = XD_GUEST_ITEM ((gpointer) a)->guest;
  const XdGuest *gb = XD_GUEST_ITEM ((gpointer) b)->guest;

  if (ga->position != gb->position)
    return ga->position < gb->position ? -1 : 1;
  if (ga->id != gb->id)
    return ga->id < gb->id ? -1 : 1;
  return 0;
}

int
xd_guest_item_compare_by_name (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  int cmp = strcmp (XD_GUEST_ITEM ((gpointer) a)->sort_key,
                    XD_GUEST_ITEM ((gpointer) b)->sort_key);

  if (cmp != 0)
    return cmp;
  return xd_guest_item_compare_by_entry_order (a, b, NULL);
}

gboolean
xd_guest_items_sync (GListStore *list,
                     GPtrArray  *guests)
{
  g_autoptr(GHashTable) by_id = NULL;
  gboolean resort = FALSE;
  guint n;

  g_return_val_if_fail (G_IS_LIST_STORE (list), FALSE);
  g_return_val_if_fail (guests != NULL, FALSE);

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < guests->len; i++)
    {
      XdGuest *g = g_ptr_array_index (guests, i);
      g_hash_table_insert (by_id, &g->id, g);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(XdGuestItem) item = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
      XdGuest *g = g_hash_table_lookup (by_id, &item->guest->id);

      if (g == NULL)
        {
          g_list_store_remove (list, i - 1);
          continue;
        }
      if (xd_guest_item_update (item, g))
        resort = TRUE;
      g_hash_table_remove (by_id, &g->id);
    }

  for (guint i = 0; i < guests->len; i++)
    {
      XdGuest *g = g_ptr_array_index (guests, i);

      if (g_hash_table_contains (by_id, &g->id))
        {
          g_autoptr(XdGuestItem) item = xd_guest_item_new (g);
          g_list_store_append (list, item);
        }
    }

  return resort;
}
