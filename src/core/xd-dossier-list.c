/* xd-dossier-list.c — the dossiers of a meeting matching a search, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-dossier-list"

#include "config.h"

#include "xd-dossier-list.h"

struct _XdDossierList
{
  GObject parent_instance;

  XdStore *store;
  gint64 meeting_id;
  char *query;

  GArray *ids;              /* gint64, the rows in order */
  GHashTable *positions;    /* id → position + 1, for find () */
  /* XdDossierItem or NULL (not read yet), one per position.  An item is a
   * place in the list: a search points it at the dossier now shown there
   * rather than replacing it.  GTK 4.8's list view rebuilds the row of
   * every item that an ::items-changed removes — up to two hundred rows
   * per keystroke — but keeps the rows of items that stay. */
  GPtrArray *slots;
  /* id → XdDossier without its long texts: what rows show, read once and
   * kept until the store says it changed, as one search after another
   * shows the same units again. */
  GHashTable *records;
  XdDossier *blank;         /* what a row gets when a read fails */
};

static void xd_dossier_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XdDossierList, xd_dossier_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      xd_dossier_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FAILED,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers
 * ======= */

/* For the slots' array: places not read yet are NULL. */
static void
unref_slot (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* The dossier @id as a row shows it, owned by the list. */
static const XdDossier *
lookup_dossier (XdDossierList *self,
                gint64         id)
{
  XdDossier *dossier = g_hash_table_lookup (self->records, &id);

  if (dossier != NULL)
    return dossier;

  dossier = xd_store_get_dossier (self->store, id, NULL);
  /* A row must get an object even if the read fails (the disk went away
   * between two calls): a blank one, not kept, so read again next time. */
  if (dossier == NULL)
    {
      g_clear_pointer (&self->blank, xd_dossier_free);
      self->blank = xd_dossier_new ();
      self->blank->id = id;
      return self->blank;
    }

  g_clear_pointer (&dossier->summary, g_free);
  g_clear_pointer (&dossier->conclusion, g_free);
  g_clear_pointer (&dossier->verified_by, g_free);
  g_clear_pointer (&dossier->received_on, g_free);
  g_hash_table_insert (self->records, &dossier->id, dossier);
  return dossier;
}

/* Whether anyone but the list holds @item: a row on screen, a selection.
 * Nobody else sees an item held only by the list, so it can be dropped
 * and read again when asked for, rather than read now. */
static gboolean
is_held_elsewhere (XdDossierItem *item)
{
  return g_atomic_int_get (&G_OBJECT (item)->ref_count) > 1;
}

static gboolean
reload (XdDossierList *self,
        const char    *query,
        gint64         changed_id,
        GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) old = NULL;
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (guint));
  guint common;
  gboolean moved = FALSE;

  ids = xd_store_search_dossier_ids (self->store, self->meeting_id, query, error);
  if (ids == NULL)
    return FALSE;

  if (g_strcmp0 (self->query, query) != 0)
    {
      g_free (self->query);
      self->query = g_strdup (query != NULL ? query : "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
    }

  old = g_steal_pointer (&self->ids);
  self->ids = g_steal_pointer (&ids);

  if (changed_id == 0)
    g_hash_table_remove_all (self->records);
  else if (changed_id > 0)
    g_hash_table_remove (self->records, &changed_id);

  g_hash_table_remove_all (self->positions);
  for (guint i = 0; i < self->ids->len; i++)
    g_hash_table_insert (self->positions,
                         &g_array_index (self->ids, gint64, i), GUINT_TO_POINTER (i + 1));

  /* The places both lists have keep their items: those now showing
   * another dossier, or one the store changed, are read again (after the
   * loop, as a row's notify handler may ask for items). */
  common = MIN (old->len, self->ids->len);
  for (guint i = 0; i < common; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      XdDossierItem *item = g_ptr_array_index (self->slots, i);
      gboolean other = id != g_array_index (old, gint64, i);

      moved |= other;
      if (item == NULL || !(other || changed_id == 0 || changed_id == id))
        continue;
      if (is_held_elsewhere (item))
        g_array_append_val (stale, i);
      else
        g_clear_object (&self->slots->pdata[i]);
    }
  g_ptr_array_set_size (self->slots, self->ids->len);

  for (guint i = 0; i < stale->len; i++)
    {
      guint position = g_array_index (stale, guint, i);
      XdDossierItem *item = g_ptr_array_index (self->slots, position);

      if (item != NULL)
        xd_dossier_item_update (item, lookup_dossier (self, g_array_index (self->ids, gint64,
                                                                           position)));
    }

  /* Only the end of the list comes or goes as places. */
  if (old->len != self->ids->len)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), common,
                                  old->len - common, self->ids->len - common);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      moved = TRUE;
    }
  if (moved)
    g_signal_emit (self, signals[RELOADED], 0);

  return TRUE;
}

/* Signal callbacks
 * ================ */

static void
on_store_changed_cb (XdStore       *store,
                     const char    *entity,
                     gint64         id,
                     XdDossierList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  gint64 changed_id;

  if (g_str_equal (entity, "dossier"))
    changed_id = id;
  else if (g_str_equal (entity, "*") || (g_str_equal (entity, "meeting") && id == self->meeting_id))
    changed_id = 0;
  else
    return;

  query = g_strdup (self->query);
  if (!reload (self, query, changed_id, &error))
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

/* GListModel
 * ========== */

static GType
xd_dossier_list_get_item_type (GListModel *model)
{
  return XD_TYPE_DOSSIER_ITEM;
}

static guint
xd_dossier_list_get_n_items (GListModel *model)
{
  XdDossierList *self = XD_DOSSIER_LIST (model);

  return self->ids->len;
}

static gpointer
xd_dossier_list_get_item (GListModel *model,
                          guint       position)
{
  XdDossierList *self = XD_DOSSIER_LIST (model);
  XdDossierItem *item;

  if (position >= self->ids->len)
    return NULL;

  item = g_ptr_array_index (self->slots, position);
  if (item == NULL)
    {
      item = xd_dossier_item_new (lookup_dossier (self, g_array_index (self->ids, gint64,
                                                                       position)));
      self->slots->pdata[position] = item;
    }

  return g_object_ref (item);
}

static void
xd_dossier_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = xd_dossier_list_get_item_type;
  iface->get_n_items = xd_dossier_list_get_n_items;
  iface->get_item = xd_dossier_list_get_item;
}

/* GObject
 * ======= */

static void
xd_dossier_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XdDossierList *self = XD_DOSSIER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_dossier_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XdDossierList *self = XD_DOSSIER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_dossier_list_constructed (GObject *object)
{
  XdDossierList *self = XD_DOSSIER_LIST (object);

  G_OBJECT_CLASS (xd_dossier_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
xd_dossier_list_dispose (GObject *object)
{
  XdDossierList *self = XD_DOSSIER_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_ptr_array_set_size (self->slots, 0);

  G_OBJECT_CLASS (xd_dossier_list_parent_class)->dispose (object);
}

static void
xd_dossier_list_finalize (GObject *object)
{
  XdDossierList *self = XD_DOSSIER_LIST (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->blank, xd_dossier_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (xd_dossier_list_parent_class)->finalize (object);
}

static void
xd_dossier_list_class_init (XdDossierListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xd_dossier_list_get_property;
  object_class->set_property = xd_dossier_list_set_property;
  object_class->constructed = xd_dossier_list_constructed;
  object_class->dispose = xd_dossier_list_dispose;
  object_class->finalize = xd_dossier_list_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, XD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XdDossierList::failed:
   * @message: why, for the user
   *
   * Following a store change failed (the list stays as it was); the view
   * shows @message.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * XdDossierList::reloaded:
   *
   * The list read its ids again and a dossier now stands at another place
   * (after ::items-changed, if the length changed).  Items are places, so
   * whoever keeps a position — a selection — finds its dossier again with
   * xd_dossier_list_find ().
   */
  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
xd_dossier_list_init (XdDossierList *self)
{
  self->query = g_strdup ("");
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->slots = g_ptr_array_new_with_free_func (unref_slot);
  self->records = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                         (GDestroyNotify) xd_dossier_free);
}

/* Public API
 * ========== */

XdDossierList *
xd_dossier_list_new (XdStore  *store,
                     gint64    meeting_id,
                     GError  **error)
{
  g_autoptr(XdDossierList) self = NULL;

  g_return_val_if_fail (XD_IS_STORE (store), NULL);

  self = g_object_new (XD_TYPE_DOSSIER_LIST,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
  if (!reload (self, "", 0, error))
    return NULL;

  return g_steal_pointer (&self);
}

XdStore *
xd_dossier_list_get_store (XdDossierList *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_LIST (self), NULL);

  return self->store;
}

gint64
xd_dossier_list_get_meeting_id (XdDossierList *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_LIST (self), 0);

  return self->meeting_id;
}

gboolean
xd_dossier_list_set_query (XdDossierList  *self,
                           const char     *query,
                           GError        **error)
{
  g_return_val_if_fail (XD_IS_DOSSIER_LIST (self), FALSE);

  return reload (self, query != NULL ? query : "", -1, error);
}

const char *
xd_dossier_list_get_query (XdDossierList *self)
{
  g_return_val_if_fail (XD_IS_DOSSIER_LIST (self), NULL);

  return self->query;
}

gboolean
xd_dossier_list_refresh (XdDossierList  *self,
                         GError        **error)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (XD_IS_DOSSIER_LIST (self), FALSE);

  query = g_strdup (self->query);
  return reload (self, query, 0, error);
}

guint
xd_dossier_list_find (XdDossierList *self,
                      gint64         dossier_id)
{
  guint position;

  g_return_val_if_fail (XD_IS_DOSSIER_LIST (self), G_MAXUINT);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, &dossier_id));
  return position > 0 ? position - 1 : G_MAXUINT;
}

gint64
xd_dossier_list_get_id (XdDossierList *self,
                        guint          position)
{
  g_return_val_if_fail (XD_IS_DOSSIER_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}
