/* test-dossier-list.c — the dossiers list model, criteria rows and attached files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-assessment-item.h"
#include "xd-dossier-list.h"
#include "xd-file.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  char *path;
  XdStore *store;
  gint64 meeting_id;        /* the sample meeting */
} Fixture;

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = xd_test_make_dir ();
  f->path = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (f->path, &error);
  g_assert_no_error (error);
  f->meeting_id = xd_store_load_sample (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->meeting_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(XdDossierItem) item = g_list_model_get_item (model, position);
  char *name = NULL;

  g_assert_nonnull (item);
  g_object_get (item, "unit-name", &name, NULL);
  return name;
}

static gint64
add_dossier (XdStore    *store,
             gint64      meeting_id,
             const char *name)
{
  g_autoptr(XdDossier) d = xd_dossier_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  d->meeting_id = meeting_id;
  g_free (d->unit_name);
  d->unit_name = g_strdup (name);
  d->position = 100;
  id = xd_store_add_dossier (store, d, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_counts_and_search (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossierList) list = xd_dossier_list_new (f->store, f->meeting_id, &error);
  GListModel *model = G_LIST_MODEL (list);
  g_autofree char *first = NULL;
  g_autofree char *only = NULL;

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (model) == XD_TYPE_DOSSIER_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_null (g_list_model_get_item (model, 5));
  first = name_at (model, 0);
  g_assert_cmpstr (first, ==, "Phường Bãi Cháy");

  g_assert_true (xd_dossier_list_set_query (list, "hong gai", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  only = name_at (model, 0);
  g_assert_cmpstr (only, ==, "Phường Hồng Gai");
  g_assert_cmpstr (xd_dossier_list_get_query (list), ==, "hong gai");

  g_assert_true (xd_dossier_list_set_query (list, "Hồng Gai", &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (xd_dossier_list_set_query (list, "phuong", &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (xd_dossier_list_set_query (list, "ĐỒNG LÂM", &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (xd_dossier_list_set_query (list, "hà nội", &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (xd_dossier_list_set_query (list, "", &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_true (xd_dossier_list_set_query (list, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_no_error (error);
}

/* The ids come from the same query as the records. */
static void
test_ids_match_records (Fixture       *f,
                        gconstpointer  data)
{
  const char *queries[] = { "", "hong gai", "phuong", "xa", "ca", "03/TTr", "%", "\"", "zzz" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = xd_store_search_dossiers (f->store, f->meeting_id,
                                                               queries[q], &error);
      g_autoptr(GArray) ids = xd_store_search_dossier_ids (f->store, f->meeting_id,
                                                           queries[q], &error);

      g_assert_no_error (error);
      g_test_message ("query “%s”", queries[q]);
      g_assert_cmpuint (ids->len, ==, records->len);
      for (guint i = 0; i < ids->len; i++)
        g_assert_cmpint (g_array_index (ids, gint64, i), ==,
                         ((XdDossier *) g_ptr_array_index (records, i))->id);
    }
}

static void on_notify_cb (GObject    *object,
                          GParamSpec *pspec,
                          GString    *log);

/* Every item shows the dossier the store finds at its place. */
static void
assert_matches_store (XdDossierList *list,
                      XdStore       *store,
                      gint64         meeting_id,
                      const char    *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = xd_store_search_dossiers (store, meeting_id, query, &error);
  GListModel *model = G_LIST_MODEL (list);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      XdDossier *d = g_ptr_array_index (records, i);
      g_autoptr(XdDossierItem) item = g_list_model_get_item (model, i);

      g_assert_cmpint (xd_dossier_item_get_id (item), ==, d->id);
      g_assert_cmpint (xd_dossier_list_get_id (list, i), ==, d->id);
      g_assert_cmpuint (xd_dossier_list_find (list, d->id), ==, i);
      g_assert_cmpstr (xd_dossier_item_get_unit_name (item), ==, d->unit_name);
      g_assert_cmpstr (xd_dossier_item_get_reference (item), ==, d->reference);
      g_assert_cmpint (xd_dossier_item_get_unit_type (item), ==, d->unit_type);
      g_assert_cmpint (xd_dossier_item_get_state (item), ==, d->state);
    }
  g_assert_null (g_list_model_get_item (model, records->len));
}

static void
on_reloaded_cb (XdDossierList *list,
                guint         *count)
{
  (*count)++;
}

/* Items are places: a search only adds or removes places at the end, so
 * a list view keeps its rows. */
static void
test_items_changed_ranges (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossierList) list = xd_dossier_list_new (f->store, f->meeting_id, &error);
  Change change = { 0 };
  guint reloaded = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  g_signal_connect (list, "reloaded", G_CALLBACK (on_reloaded_cb), &reloaded);

  /* Five become three: the last two places go. */
  g_assert_true (xd_dossier_list_set_query (list, "phuong", &error));
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (reloaded, ==, 1);
  assert_matches_store (list, f->store, f->meeting_id, "phuong");

  /* Hồng Gai, the last ward, is shown at the first place. */
  g_assert_true (xd_dossier_list_set_query (list, "hong gai", &error));
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (reloaded, ==, 2);
  assert_matches_store (list, f->store, f->meeting_id, "hong gai");

  /* The same result again is no change at all. */
  g_assert_true (xd_dossier_list_set_query (list, "HỒNG GAI", &error));
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (reloaded, ==, 2);

  /* As many dossiers, other ones: no places come or go, but the list
   * says it changed. */
  g_assert_true (xd_dossier_list_set_query (list, "dong lam", &error));
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (reloaded, ==, 3);
  assert_matches_store (list, f->store, f->meeting_id, "dong lam");

  g_assert_true (xd_dossier_list_set_query (list, "", &error));
  g_assert_cmpuint (change.count, ==, 3);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 4);
  g_assert_cmpuint (reloaded, ==, 4);
  assert_matches_store (list, f->store, f->meeting_id, "");

  /* Nothing found: every place goes. */
  g_assert_true (xd_dossier_list_set_query (list, "hà nội", &error));
  g_assert_cmpuint (change.count, ==, 4);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 5);
  g_assert_cmpuint (change.added, ==, 0);
  assert_matches_store (list, f->store, f->meeting_id, "hà nội");
  g_assert_no_error (error);
}

static void
test_items_are_cached (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossierList) list = xd_dossier_list_new (f->store, f->meeting_id, &error);
  g_autoptr(XdDossierItem) a = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_autoptr(XdDossierItem) b = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_autoptr(XdDossierItem) c = NULL;
  g_autoptr(XdDossierItem) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *type_label = NULL;
  g_autofree char *state_label = NULL;
  g_autofree char *reference = NULL;
  gint64 id = 0, first_id;
  int state = -1, unit_type = -1;

  g_assert_true (a == b);
  g_object_get (a, "id", &id, "unit-type", &unit_type, "unit-type-label", &type_label,
                "state", &state, "state-label", &state_label, "reference", &reference, NULL);
  g_assert_cmpint (id, ==, xd_dossier_item_get_id (a));
  g_assert_cmpint (unit_type, ==, XD_UNIT_WARD);
  g_assert_cmpstr (type_label, ==, xd_unit_type_get_label (XD_UNIT_WARD));
  g_assert_cmpint (state, ==, XD_DOSSIER_VOTED);
  g_assert_cmpstr (state_label, ==, xd_dossier_state_get_label (XD_DOSSIER_VOTED));
  g_assert_cmpstr (reference, ==, "03/TTr-UBND");
  g_assert_cmpuint (xd_dossier_list_find (list, id), ==, 2);
  g_assert_cmpint (xd_dossier_list_get_id (list, 2), ==, id);
  first_id = xd_dossier_item_get_id (first);

  /* After a search the item of a place stays the same object, pointed at
   * the dossier now shown there, and says so. */
  g_signal_connect (first, "notify", G_CALLBACK (on_notify_cb), log);
  g_assert_true (xd_dossier_list_set_query (list, "hong", &error));
  g_assert_no_error (error);
  c = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (c == first);
  g_assert_cmpint (xd_dossier_item_get_id (c), ==, id);
  g_assert_cmpint (xd_dossier_item_get_id (c), !=, first_id);
  g_assert_nonnull (strstr (log->str, "id;"));
  g_assert_nonnull (strstr (log->str, "unit-name;"));
  g_assert_nonnull (strstr (log->str, "reference;"));
  assert_matches_store (list, f->store, f->meeting_id, "hong");
  g_assert_cmpuint (xd_dossier_list_find (list, id), ==, 0);
  g_assert_cmpuint (xd_dossier_list_find (list, first_id), ==, G_MAXUINT);
  g_assert_cmpuint (xd_dossier_list_find (list, id + 1000), ==, G_MAXUINT);

  /* A place the search took away gives up its item; held, it keeps the
   * dossier it last showed. */
  g_assert_cmpint (xd_dossier_item_get_id (a), ==, id);
  g_clear_object (&c);
  g_assert_true (xd_dossier_list_set_query (list, "", &error));
  assert_matches_store (list, f->store, f->meeting_id, "");
  c = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (c == first);
  g_assert_cmpint (xd_dossier_item_get_id (c), ==, first_id);
  g_clear_object (&c);
  c = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_true (c != a);
  g_assert_cmpint (xd_dossier_item_get_id (c), ==, id);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdDossierList) list = xd_dossier_list_new (f->store, f->meeting_id, &error);
  g_autoptr(XdDossierItem) item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(XdDossierItem) again = NULL;
  g_autoptr(XdDossier) d = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  Change change = { 0 };
  gint64 other_meeting, new_id;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  g_signal_connect (item, "notify", G_CALLBACK (on_notify_cb), log);

  /* An edit updates the row's object in place: no items-changed. */
  d = xd_store_get_dossier (f->store, xd_dossier_item_get_id (item), &error);
  g_free (d->unit_name);
  d->unit_name = g_strdup ("Phường Bãi Cháy mới");
  d->state = XD_DOSSIER_MEETS;
  g_assert_true (xd_store_update_dossier (f->store, d, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xd_dossier_item_get_unit_name (item), ==, "Phường Bãi Cháy mới");
  g_assert_cmpint (xd_dossier_item_get_state (item), ==, XD_DOSSIER_MEETS);
  /* Exactly what changed is notified, each once (in any order). */
  g_assert_nonnull (strstr (log->str, "unit-name;"));
  g_assert_nonnull (strstr (log->str, "state;"));
  g_assert_nonnull (strstr (log->str, "state-label;"));
  g_assert_cmpuint (log->len, ==, strlen ("unit-name;state;state-label;"));
  g_assert_cmpuint (change.count, ==, 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == item);

  /* A new dossier appears at its place, at the end. */
  new_id = add_dossier (f->store, f->meeting_id, "Thị trấn Trới");
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 5);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (xd_dossier_list_find (list, new_id), ==, 5);

  /* A rename that stops matching the search takes it out. */
  xd_dossier_list_set_query (list, "troi", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_clear_pointer (&d, xd_dossier_free);
  d = xd_store_get_dossier (f->store, new_id, &error);
  g_free (d->unit_name);
  d->unit_name = g_strdup ("Thị trấn Hoành Bồ");
  g_assert_true (xd_store_update_dossier (f->store, d, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  /* Shown again, it has its new name, not the one read before. */
  xd_dossier_list_set_query (list, "", &error);
  {
    g_autofree char *renamed = name_at (G_LIST_MODEL (list), xd_dossier_list_find (list, new_id));

    g_assert_cmpstr (renamed, ==, "Thị trấn Hoành Bồ");
  }

  /* Other meetings' dossiers are not ours. */
  other_meeting = xd_store_load_sample (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other_meeting, !=, f->meeting_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  /* A deleted dossier goes. */
  g_assert_true (xd_store_delete_dossier (f->store, new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_cmpuint (change.position, ==, 5);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (xd_dossier_list_find (list, new_id), ==, G_MAXUINT);

  /* And the meeting going takes them all. */
  g_assert_true (xd_store_delete_meeting (f->store, f->meeting_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_assessment_items (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (XD_TYPE_ASSESSMENT_ITEM);
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (f->store, f->meeting_id, &error);
  g_autoptr(XdAssessmentItem) first = NULL;
  g_autoptr(XdAssessmentItem) still = NULL;
  g_autoptr(XdAssessment) a = xd_assessment_new ();
  g_autoptr(XdMeeting) meeting = NULL;
  XdDossier *d = g_ptr_array_index (dossiers, 0);
  Change change = { 0 };

  g_assert_true (xd_assessment_items_load (rows, f->store, d->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 4);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_cmpstr (xd_assessment_item_get_code (first), ==, "1");
  g_assert_true (g_str_has_prefix (xd_assessment_item_get_text (first), "Trong quý I hằng năm"));
  g_assert_cmpint (xd_assessment_item_get_result (first), ==, XD_ASSESSMENT_MET);
  g_assert_true (g_str_has_prefix (xd_assessment_item_get_note (first), "Nghị quyết số 05"));

  /* A change of result updates the same rows. */
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  a->dossier_id = d->id;
  a->criterion_id = xd_assessment_item_get_criterion_id (first);
  a->result = XD_ASSESSMENT_NOT_MET;
  g_free (a->note);
  a->note = g_strdup ("Thiếu nghị quyết");
  g_assert_true (xd_store_set_assessment (f->store, a, &error));
  g_assert_true (xd_assessment_items_load (rows, f->store, d->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.count, ==, 0);
  still = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (still == first);
  g_assert_cmpint (xd_assessment_item_get_result (first), ==, XD_ASSESSMENT_NOT_MET);
  g_assert_cmpstr (xd_assessment_item_get_note (first), ==, "Thiếu nghị quyết");

  /* Another dossier's rows replace them. */
  g_assert_true (xd_assessment_items_load (rows, f->store,
                                           ((XdDossier *) g_ptr_array_index (dossiers, 1))->id,
                                           &error));
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 4);

  /* A meeting without a criteria set has no rows. */
  meeting = xd_store_get_meeting (f->store, f->meeting_id, &error);
  meeting->criteria_set_id = 0;
  g_assert_true (xd_store_update_meeting (f->store, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (xd_assessment_items_load (rows, f->store, d->id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 0);

  /* A dossier that does not exist is an error; the rows stay. */
  g_assert_false (xd_assessment_items_load (rows, f->store, 999999, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
}

static void
test_file_sha256 (void)
{
  g_autofree char *dir = xd_test_make_dir ();
  g_autofree char *small = g_build_filename (dir, "abc.txt", NULL);
  g_autofree char *large = g_build_filename (dir, "scan.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *short_hash = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 200 * 1024 + 17;   /* several blocks and a partial one */

  g_assert_true (g_file_set_contents (small, "abc", 3, NULL));
  hash = xd_file_sha256 (small, &error);
  g_assert_no_error (error);
  /* FIPS 180-2's example. */
  g_assert_cmpstr (hash, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  short_hash = xd_file_short_hash (hash);
  g_assert_cmpstr (short_hash, ==, "ba7816bf");
  g_clear_pointer (&hash, g_free);

  big = g_malloc (size);
  for (gsize i = 0; i < size; i++)
    big[i] = (char) (i * 31 + 7);
  g_assert_true (g_file_set_contents (large, big, size, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) big, size);
  hash = xd_file_sha256 (large, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, expected);
  g_clear_pointer (&hash, g_free);

  hash = xd_file_sha256 (missing, &error);
  g_assert_null (hash);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.pdf"));
  g_clear_error (&error);

  hash = xd_file_sha256 (dir, &error);
  g_assert_null (hash);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null (xd_file_short_hash (NULL));
  xd_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/dossier-list/counts-and-search", Fixture, NULL,
              fixture_set_up, test_counts_and_search, fixture_tear_down);
  g_test_add ("/core/dossier-list/ids-match-records", Fixture, NULL,
              fixture_set_up, test_ids_match_records, fixture_tear_down);
  g_test_add ("/core/dossier-list/items-changed-ranges", Fixture, NULL,
              fixture_set_up, test_items_changed_ranges, fixture_tear_down);
  g_test_add ("/core/dossier-list/items-are-cached", Fixture, NULL,
              fixture_set_up, test_items_are_cached, fixture_tear_down);
  g_test_add ("/core/dossier-list/follows-store", Fixture, NULL,
              fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add ("/core/assessment-items/load", Fixture, NULL,
              fixture_set_up, test_assessment_items, fixture_tear_down);
  g_test_add_func ("/core/file/sha256", test_file_sha256);

  return g_test_run ();
}
