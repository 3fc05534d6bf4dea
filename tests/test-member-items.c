/* test-member-items.c — list rows for members and guests: values, change
 * notifications, the two orders, and syncing with the store's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-member-items"

#include "config.h"

#include <locale.h>

#include "xd-guest-item.h"
#include "xd-member-item.h"


static XdMember *
make_member (gint64       id,
             const char  *name,
             XdRole       role,
             int          position)
{
  XdMember *m = xd_member_new ();

  m->id = id;
  m->meeting_id = 1;
  g_free (m->full_name);
  m->full_name = g_strdup (name);
  m->role = role;
  m->voting = role != XD_ROLE_SECRETARY;
  m->position = position;
  return m;
}

static XdGuest *
make_guest (gint64      id,
            const char *name,
            int         position)
{
  XdGuest *g = xd_guest_new ();

  g->id = id;
  g->meeting_id = 1;
  g_free (g->full_name);
  g->full_name = g_strdup (name);
  g->position = position;
  return g;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Frozen notifications come out in no promised order: compare the set of
 * names, then start a new log. */
static void
assert_notified (GString    *log,
                 const char *expected)
{
  g_auto(GStrv) names = g_strsplit (log->str, ";", -1);
  g_autofree char *joined = NULL;
  guint n = g_strv_length (names);

  /* the last element is the empty string after the final ";" */
  if (n > 0)
    {
      g_free (names[n - 1]);
      names[n - 1] = NULL;
      n--;
    }
  g_qsort_with_data (names, n, sizeof (char *), compare_strings, NULL);
  joined = g_strjoinv (";", names);
  g_assert_cmpstr (joined, ==, expected);
  g_string_truncate (log, 0);
}

static void
test_member_item_values (void)
{
  g_autoptr(XdMember) m = make_member (7, "Nguyễn Văn An", XD_ROLE_DEPUTY, 2);
  g_autoptr(XdMemberItem) item = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_label = NULL;
  g_autofree char *reason = NULL;
  gint64 id;
  int role, attendance;
  gboolean voting, absent;

  g_free (m->title);
  m->title = g_strdup ("Phó Chủ tịch");
  g_free (m->organisation);
  m->organisation = g_strdup ("UBND thành phố");
  m->attendance = XD_ATTENDANCE_EXCUSED;
  g_free (m->absence_reason);
  m->absence_reason = g_strdup ("Đi công tác");

  item = xd_member_item_new (m);
  /* the item keeps its own copy */
  g_free (m->full_name);
  m->full_name = g_strdup ("changed");

  g_object_get (item, "id", &id, "full-name", &name, "role", &role, "role-label", &role_label,
                "voting", &voting, "attendance", &attendance, "absent", &absent,
                "absence-reason", &reason, NULL);
  g_assert_cmpint (id, ==, 7);
  g_assert_cmpstr (name, ==, "Nguyễn Văn An");
  g_assert_cmpint (role, ==, XD_ROLE_DEPUTY);
  g_assert_cmpstr (role_label, ==, "Deputy chair");
  g_assert_true (voting);
  g_assert_cmpint (attendance, ==, XD_ATTENDANCE_EXCUSED);
  g_assert_true (absent);
  g_assert_cmpstr (reason, ==, "Đi công tác");
  g_assert_cmpstr (xd_member_item_get_title (item), ==, "Phó Chủ tịch");
  g_assert_cmpstr (xd_member_item_get_organisation (item), ==, "UBND thành phố");
  g_assert_cmpint (xd_member_item_get_position (item), ==, 2);
  g_assert_cmpstr (xd_member_item_get_member (item)->full_name, ==, "Nguyễn Văn An");
}

static void
test_member_item_notify (void)
{
  g_autoptr(XdMember) m = make_member (1, "Lê Văn Bình", XD_ROLE_MEMBER, 1);
  g_autoptr(XdMemberItem) item = xd_member_item_new (m);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *old_key = g_strdup (xd_member_item_get_sort_key (item));

  g_signal_connect (item, "notify", G_CALLBACK (on_notify_cb), log);

  /* the same record: nothing to say, nothing moved */
  g_assert_false (xd_member_item_update (item, m));
  assert_notified (log, "");

  /* attendance and reason: notified, but the row does not move */
  m->attendance = XD_ATTENDANCE_ABSENT;
  g_free (m->absence_reason);
  m->absence_reason = g_strdup ("Ốm");
  g_assert_false (xd_member_item_update (item, m));
  assert_notified (log, "absence-reason;absent;attendance;attendance-label");

  /* absent → excused stays "absent" */
  m->attendance = XD_ATTENDANCE_EXCUSED;
  g_assert_false (xd_member_item_update (item, m));
  assert_notified (log, "attendance;attendance-label");

  /* name, role and position move it */
  g_free (m->full_name);
  m->full_name = g_strdup ("Lê Văn Bảo");
  g_assert_true (xd_member_item_update (item, m));
  assert_notified (log, "full-name;sort-key");
  g_assert_cmpstr (xd_member_item_get_sort_key (item), !=, old_key);

  m->role = XD_ROLE_CHAIR;
  g_assert_true (xd_member_item_update (item, m));
  assert_notified (log, "role;role-label");

  m->position = 5;
  g_assert_true (xd_member_item_update (item, m));
  assert_notified (log, "position");

  m->voting = FALSE;
  g_free (m->title);
  m->title = g_strdup ("Trưởng ban");
  g_assert_false (xd_member_item_update (item, m));
  assert_notified (log, "title;voting");
}

static GPtrArray *
item_array (GPtrArray *members)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (items, xd_member_item_new (g_ptr_array_index (members, i)));
  return items;
}

static void
test_member_orders (void)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_member_free);
  g_autoptr(GPtrArray) items = NULL;
  const char *by_name[] = {
    "Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình", "Đặng Văn Dũng", "Đỗ Văn Đức",
  };
  const char *by_council[] = {
    "Đỗ Văn Đức",      /* chair */
    "Lê Văn Bình",     /* deputy */
    "Nguyễn Văn An",   /* member, position 1 */
    "Trần Thị Ánh",    /* member, position 3 */
    "Vũ Thị Dung",     /* member, position 3, larger id */
    "Đặng Văn Dũng",   /* secretary */
  };

  g_ptr_array_add (members, make_member (1, "Đặng Văn Dũng", XD_ROLE_SECRETARY, 0));
  g_ptr_array_add (members, make_member (2, "Trần Thị Ánh", XD_ROLE_MEMBER, 3));
  g_ptr_array_add (members, make_member (3, "Đỗ Văn Đức", XD_ROLE_CHAIR, 9));
  g_ptr_array_add (members, make_member (4, "Nguyễn Văn An", XD_ROLE_MEMBER, 1));
  g_ptr_array_add (members, make_member (5, "Lê Văn Bình", XD_ROLE_DEPUTY, 4));
  g_ptr_array_add (members, make_member (6, "Vũ Thị Dung", XD_ROLE_MEMBER, 3));
  items = item_array (members);

  {
    /* Through a GListStore, as the view's sort model uses them.  "Dung"
     * comes before "Dũng" (tone), both before "Đức" (đ after d). */
    g_autoptr(GListStore) store = g_list_store_new (XD_TYPE_MEMBER_ITEM);

    for (guint i = 0; i < items->len; i++)
      g_list_store_append (store, g_ptr_array_index (items, i));

    g_list_store_sort (store, xd_member_item_compare_by_name, NULL);
    {
      const char *expected[] = {
        "Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình", "Vũ Thị Dung", "Đặng Văn Dũng",
        "Đỗ Văn Đức",
      };
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          g_autoptr(XdMemberItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
          g_assert_cmpstr (xd_member_item_get_full_name (item), ==, expected[i]);
        }
    }

    g_list_store_sort (store, xd_member_item_compare_by_council_order, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (by_council); i++)
      {
        g_autoptr(XdMemberItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
        g_assert_cmpstr (xd_member_item_get_full_name (item), ==, by_council[i]);
      }
  }

  /* the five names of the issue, without "Dung" */
  {
    g_autoptr(GListStore) store = g_list_store_new (XD_TYPE_MEMBER_ITEM);

    for (guint i = 0; i < items->len; i++)
      if (!g_str_equal (xd_member_item_get_full_name (g_ptr_array_index (items, i)), "Vũ Thị Dung"))
        g_list_store_insert (store, 0, g_ptr_array_index (items, i));
    g_list_store_sort (store, xd_member_item_compare_by_name, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (by_name); i++)
      {
        g_autoptr(XdMemberItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
        g_assert_cmpstr (xd_member_item_get_full_name (item), ==, by_name[i]);
      }
  }

  /* same name: council order decides, so the order is total */
  {
    g_autoptr(XdMember) a = make_member (10, "Nguyễn Văn An", XD_ROLE_MEMBER, 2);
    g_autoptr(XdMember) b = make_member (11, "Nguyễn Văn An", XD_ROLE_MEMBER, 1);
    g_autoptr(XdMemberItem) ia = xd_member_item_new (a);
    g_autoptr(XdMemberItem) ib = xd_member_item_new (b);

    g_assert_cmpint (xd_member_item_compare_by_name (ia, ib, NULL), >, 0);
    g_assert_cmpint (xd_member_item_compare_by_name (ib, ia, NULL), <, 0);
    g_assert_cmpint (xd_member_item_compare_by_name (ia, ia, NULL), ==, 0);
  }
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_member_sync (void)
{
  g_autoptr(GListStore) store = g_list_store_new (XD_TYPE_MEMBER_ITEM);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_member_free);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(XdMemberItem) kept = NULL;
  XdMember *m;

  g_ptr_array_add (members, make_member (1, "Nguyễn Văn An", XD_ROLE_CHAIR, 0));
  g_ptr_array_add (members, make_member (2, "Lê Văn Bình", XD_ROLE_MEMBER, 1));
  g_ptr_array_add (members, make_member (3, "Trần Thị Ánh", XD_ROLE_MEMBER, 2));
  g_assert_false (xd_member_items_sync (store, members));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  kept = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpstr (xd_member_item_get_full_name (kept), ==, "Lê Văn Bình");

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed_cb), log);

  /* attendance changes: the same objects, no items-changed */
  m = g_ptr_array_index (members, 1);
  m->attendance = XD_ATTENDANCE_PRESENT;
  g_assert_false (xd_member_items_sync (store, members));
  assert_notified (log, "");
  g_assert_cmpint (xd_member_item_get_attendance (kept), ==, XD_ATTENDANCE_PRESENT);

  /* a removal and an addition */
  g_ptr_array_remove_index (members, 0);
  g_ptr_array_add (members, make_member (4, "Đỗ Văn Đức", XD_ROLE_SECRETARY, 3));
  g_assert_false (xd_member_items_sync (store, members));
  g_assert_cmpstr (log->str, ==, "0-1+0;2-0+1;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  {
    g_autoptr(XdMemberItem) first = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_autoptr(XdMemberItem) last = g_list_model_get_item (G_LIST_MODEL (store), 2);

    g_assert_true (first == kept);
    g_assert_cmpint (xd_member_item_get_id (last), ==, 4);
  }

  /* a rename asks sorted views to sort again */
  m = g_ptr_array_index (members, 0);
  g_free (m->full_name);
  m->full_name = g_strdup ("Lê Văn Bảo");
  g_assert_true (xd_member_items_sync (store, members));
  g_assert_cmpstr (xd_member_item_get_full_name (kept), ==, "Lê Văn Bảo");

  /* everyone gone */
  g_ptr_array_set_size (members, 0);
  xd_member_items_sync (store, members);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_guest_items (void)
{
  g_autoptr(GListStore) store = g_list_store_new (XD_TYPE_GUEST_ITEM);
  g_autoptr(GPtrArray) guests = g_ptr_array_new_with_free_func ((GDestroyNotify) xd_guest_free);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(XdGuestItem) first = NULL;
  XdGuest *g;

  g_ptr_array_add (guests, make_guest (1, "Đỗ Văn Đức", 0));
  g_ptr_array_add (guests, make_guest (2, "Trần Thị Ánh", 1));
  g_ptr_array_add (guests, make_guest (3, "Nguyễn Văn An", 2));
  g = g_ptr_array_index (guests, 0);
  g_free (g->title);
  g->title = g_strdup ("Phó Giám đốc");
  g_free (g->organisation);
  g->organisation = g_strdup ("Công an tỉnh");
  g = g_ptr_array_index (guests, 1);
  g_free (g->organisation);
  g->organisation = g_strdup ("Báo Quảng Ninh");

  g_assert_false (xd_guest_items_sync (store, guests));
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (xd_guest_item_get_description (first), ==, "Phó Giám đốc · Công an tỉnh");
  {
    g_autoptr(XdGuestItem) second = g_list_model_get_item (G_LIST_MODEL (store), 1);
    g_autoptr(XdGuestItem) third = g_list_model_get_item (G_LIST_MODEL (store), 2);

    g_assert_cmpstr (xd_guest_item_get_description (second), ==, "Báo Quảng Ninh");
    g_assert_cmpstr (xd_guest_item_get_description (third), ==, "");
  }

  g_list_store_sort (store, xd_guest_item_compare_by_name, NULL);
  {
    const char *expected[] = { "Nguyễn Văn An", "Trần Thị Ánh", "Đỗ Văn Đức" };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(XdGuestItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
        g_assert_cmpstr (xd_guest_item_get_full_name (item), ==, expected[i]);
      }
  }
  g_list_store_sort (store, xd_guest_item_compare_by_entry_order, NULL);
  {
    g_autoptr(XdGuestItem) item = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_assert_true (item == first);
  }

  /* an edit of the title notifies title and description, nothing else */
  g_signal_connect (first, "notify", G_CALLBACK (on_notify_cb), log);
  g = g_ptr_array_index (guests, 0);
  g_free (g->title);
  g->title = g_strdup ("Giám đốc");
  g_assert_false (xd_guest_items_sync (store, guests));
  assert_notified (log, "description;title");
  g_assert_cmpstr (xd_guest_item_get_description (first), ==, "Giám đốc · Công an tỉnh");

  g_ptr_array_remove_index (guests, 1);
  xd_guest_items_sync (store, guests);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/member-item/values", test_member_item_values);
  g_test_add_func ("/core/member-item/notify", test_member_item_notify);
  g_test_add_func ("/core/member-item/orders", test_member_orders);
  g_test_add_func ("/core/member-item/sync", test_member_sync);
  g_test_add_func ("/core/guest-item/values-order-sync", test_guest_items);

  return g_test_run ();
}
