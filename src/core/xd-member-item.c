/* xd-member-item.c — one council member as a list row, and counting members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-member-item"

#include "config.h"

#include <string.h>

#include "xd-member-item.h"
#include "xd-text.h"

struct _XdMemberItem
{
  GObject parent_instance;

  XdMember *member;
  char *sort_key;
};

G_DEFINE_FINAL_TYPE (XdMemberItem, xd_member_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_ROLE,
  PROP_ROLE_LABEL,
  PROP_VOTING,
  PROP_ATTENDANCE,
  PROP_ATTENDANCE_LABEL,
  PROP_ABSENT,
  PROP_ABSENCE_REASON,
  PROP_POSITION,
  PROP_SORT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static XdMember *
member_copy (const XdMember *m)
{
  XdMember *copy = xd_member_new ();

  copy->id = m->id;
  copy->meeting_id = m->meeting_id;
  g_free (copy->full_name);
  copy->full_name = g_strdup (m->full_name != NULL ? m->full_name : "");
  g_free (copy->title);
  copy->title = g_strdup (m->title != NULL ? m->title : "");
  g_free (copy->organisation);
  copy->organisation = g_strdup (m->organisation != NULL ? m->organisation : "");
  copy->role = m->role;
  copy->voting = m->voting;
  copy->attendance = m->attendance;
  g_free (copy->absence_reason);
  copy->absence_reason = g_strdup (m->absence_reason != NULL ? m->absence_reason : "");
  copy->position = m->position;

  return copy;
}

static gboolean
is_absent (XdAttendance attendance)
{
  return attendance == XD_ATTENDANCE_ABSENT || attendance == XD_ATTENDANCE_EXCUSED;
}

/* The council's own order puts roles in this rank, as the minutes list
 * them; it must match COUNCIL_ORDER in xd-store-members.c. */
static int
role_rank (XdRole role)
{
  switch (role)
    {
    case XD_ROLE_CHAIR:
      return 0;
    case XD_ROLE_DEPUTY:
      return 1;
    case XD_ROLE_MEMBER:
      return 2;
    case XD_ROLE_SECRETARY:
      return 3;
    default:
      return 4;
    }
}

static void
xd_member_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XdMemberItem *self = XD_MEMBER_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->member->id);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->member->full_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->member->title);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->member->organisation);
      break;
    case PROP_ROLE:
      g_value_set_int (value, self->member->role);
      break;
    case PROP_ROLE_LABEL:
      g_value_set_string (value, xd_role_get_label (self->member->role));
      break;
    case PROP_VOTING:
      g_value_set_boolean (value, self->member->voting);
      break;
    case PROP_ATTENDANCE:
      g_value_set_int (value, self->member->attendance);
      break;
    case PROP_ATTENDANCE_LABEL:
      g_value_set_string (value, xd_attendance_get_label (self->member->attendance));
      break;
    case PROP_ABSENT:
      g_value_set_boolean (value, is_absent (self->member->attendance));
      break;
    case PROP_ABSENCE_REASON:
      g_value_set_string (value, self->member->absence_reason);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->member->position);
      break;
    case PROP_SORT_KEY:
      g_value_set_string (value, self->sort_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xd_member_item_finalize (GObject *object)
{
  XdMemberItem *self = XD_MEMBER_ITEM (object);

  g_clear_pointer (&self->member, xd_member_free);
  g_clear_pointer (&self->sort_key, g_free);

  G_OBJECT_CLASS (xd_member_item_parent_class)->finalize (object);
}

static void
xd_member_item_class_init (XdMemberItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xd_member_item_get_property;
  object_class->finalize = xd_member_item_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, "", flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, "", flags);
  /* XdRole and XdAttendance have no GType: core records stay plain C. */
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL,
                      XD_ROLE_CHAIR, XD_ROLE_SECRETARY, XD_ROLE_MEMBER, flags);
  properties[PROP_ROLE_LABEL] =
    g_param_spec_string ("role-label", NULL, NULL, "", flags);
  properties[PROP_VOTING] =
    g_param_spec_boolean ("voting", NULL, NULL, TRUE, flags);
  properties[PROP_ATTENDANCE] =
    g_param_spec_int ("attendance", NULL, NULL,
                      XD_ATTENDANCE_UNKNOWN, XD_ATTENDANCE_EXCUSED, XD_ATTENDANCE_UNKNOWN, flags);
  properties[PROP_ATTENDANCE_LABEL] =
    g_param_spec_string ("attendance-label", NULL, NULL, "", flags);
  /* Absent or excused: the two states that take a reason. */
  properties[PROP_ABSENT] =
    g_param_spec_boolean ("absent", NULL, NULL, FALSE, flags);
  properties[PROP_ABSENCE_REASON] =
    g_param_spec_string ("absence-reason", NULL, NULL, "", flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xd_member_item_init (XdMemberItem *self)
{
}

XdMemberItem *
xd_member_item_new (const XdMember *member)
{
  XdMemberItem *self;

  g_return_val_if_fail (member != NULL, NULL);

  self = g_object_new (XD_TYPE_MEMBER_ITEM, NULL);
  self->member = member_copy (member);
  self->sort_key = xd_text_name_sort_key (self->member->full_name);

  return self;
}

gboolean
xd_member_item_update (XdMemberItem   *self,
                       const XdMember *member)
{
  g_autoptr(XdMember) old = NULL;
  XdMember *m;
  gboolean moved = FALSE;

  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (member->id == self->member->id, FALSE);

  old = g_steal_pointer (&self->member);
  self->member = member_copy (member);
  m = self->member;

  /* Notify only what changed: a row whose reason field is being typed in
   * must not hear about its own save as a change. */
  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (old->full_name, m->full_name) != 0)
    {
      g_free (self->sort_key);
      self->sort_key = xd_text_name_sort_key (m->full_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
      moved = TRUE;
    }
  if (g_strcmp0 (old->title, m->title) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (g_strcmp0 (old->organisation, m->organisation) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
  if (old->role != m->role)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_LABEL]);
      moved = TRUE;
    }
  if (old->voting != m->voting)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTING]);
  if (old->attendance != m->attendance)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDANCE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDANCE_LABEL]);
      if (is_absent (old->attendance) != is_absent (m->attendance))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ABSENT]);
    }
  if (g_strcmp0 (old->absence_reason, m->absence_reason) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ABSENCE_REASON]);
  if (old->position != m->position)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
      moved = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  return moved;
}

const XdMember *
xd_member_item_get_member (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), NULL);

  return self->member;
}

gint64
xd_member_item_get_id (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), 0);

  return self->member->id;
}

const char *
xd_member_item_get_full_name (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), NULL);

  return self->member->full_name;
}

const char *
xd_member_item_get_title (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), NULL);

  return self->member->title;
}

const char *
xd_member_item_get_organisation (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), NULL);

  return self->member->organisation;
}

XdRole
xd_member_item_get_role (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), XD_ROLE_MEMBER);

  return self->member->role;
}

gboolean
xd_member_item_get_voting (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), FALSE);

  return self->member->voting;
}

XdAttendance
xd_member_item_get_attendance (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), XD_ATTENDANCE_UNKNOWN);

  return self->member->attendance;
}

const char *
xd_member_item_get_absence_reason (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), NULL);

  return self->member->absence_reason;
}

int
xd_member_item_get_position (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), 0);

  return self->member->position;
}

const char *
xd_member_item_get_sort_key (XdMemberItem *self)
{
  g_return_val_if_fail (XD_IS_MEMBER_ITEM (self), NULL);

  return self->sort_key;
}

int
xd_member_item_compare_by_council_order (gconstpointer a,
                                         gconstpointer b,
                                         gpointer      user_data)
{
  const XdMember *ma = XD_MEMBER_ITEM ((gpointer) a)->member;
  const XdMember *mb = XD_MEMBER_ITEM ((gpointer) b)->member;
  int ra = role_rank (ma->role);
  int rb = role_rank (mb->role);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (ma->position != mb->position)
    return ma->position < mb->position ? -1 : 1;
  if (ma->id != mb->id)
    return ma->id < mb->id ? -1 : 1;
  return 0;
}

int
xd_member_item_compare_by_name (gconstpointer a,
                                gconstpointer b,
                                gpointer      user_data)
{
  XdMemberItem *ia = XD_MEMBER_ITEM ((gpointer) a);
  XdMemberItem *ib = XD_MEMBER_ITEM ((gpointer) b);
  int cmp = strcmp (ia->sort_key, ib->sort_key);

  /* Two people of the same name keep a stable, meaningful order. */
  if (cmp != 0)
    return cmp;
  return xd_member_item_compare_by_council_order (a, b, NULL);
}

gboolean
xd_member_items_sync (GListStore *list,
                      GPtrArray  *members)
{
  g_autoptr(GHashTable) by_id = NULL;
  gboolean resort = FALSE;
  guint n;

  g_return_val_if_fail (G_IS_LIST_STORE (list), FALSE);
  g_return_val_if_fail (members != NULL, FALSE);

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < members->len; i++)
    {
      XdMember *m = g_ptr_array_index (members, i);
      g_hash_table_insert (by_id, &m->id, m);
    }

  /* Backwards, so removing an item does not shift the ones still to visit. */
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(XdMemberItem) item = g_list_model_get_item (G_LIST_MODEL (list), i - 1);
      XdMember *m = g_hash_table_lookup (by_id, &item->member->id);

      if (m == NULL)
        {
          g_list_store_remove (list, i - 1);
          continue;
        }
      if (xd_member_item_update (item, m))
        resort = TRUE;
      g_hash_table_remove (by_id, &m->id);
    }

  /* New members in one splice: one items-changed, so a sorted view of the
   * list sorts once rather than once per member (a council of 31 opening). */
  {
    g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < members->len; i++)
      {
        XdMember *m = g_ptr_array_index (members, i);

        if (g_hash_table_contains (by_id, &m->id))
          g_ptr_array_add (added, xd_member_item_new (m));
      }
    if (added->len > 0)
      g_list_store_splice (list, g_list_model_get_n_items (G_LIST_MODEL (list)), 0,
                           added->pdata, added->len);
  }

  return resort;
}

void
xd_members_count_quorum (GPtrArray *members,
                         int       *present,
                         int       *total)
{
  int p = 0;
  int t = 0;

  g_return_if_fail (members != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const XdMember *m = g_ptr_array_index (members, i);

      if (!m->voting)
        continue;
      t++;
      if (m->attendance == XD_ATTENDANCE_PRESENT)
        p++;
    }

  if (present != NULL)
    *present = p;
  if (total != NULL)
    *total = t;
}
