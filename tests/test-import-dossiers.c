/* test-import-dossiers.c — units' dossiers imported into an open meeting:
 * duplicates found by unit and reference, replaced or skipped as the user
 * chose, and all or nothing across every file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "xd-exchange.h"
#include "xd-record.h"
#include "xd-store.h"
#include "xd-test-util.h"

typedef struct {
  char *dir;
  XdStore *store;
  gint64 meeting_id;     /* the sample: five dossiers, all voted on */
  char *package;         /* the sample's own exchange file */
  char *unit_package;    /* a fixed Bãi Cháy (typed differently) and a new unit */
} Fixture;

static char *
write_file (Fixture    *f,
            const char *name,
            const char *content)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *text = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;

  f->dir = xd_test_make_dir ();
  db = g_build_filename (f->dir, "council.xetduyet", NULL);
  f->store = xd_store_open (db, &error);
  g_assert_no_error (error);
  f->meeting_id = xd_store_load_sample (f->store, &error);
  g_assert_no_error (error);

  exported = xd_exchange_export (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  f->package = write_file (f, "sample.xml", text);

  /* Bãi Cháy sends its dossier again, its name typed in lower case with a
   * double space, with a new conclusion and a first criterion not met;
   * Quảng La's place is taken by a unit the meeting does not have. */
  step1 = replace_once (text, "<unitName>Phường Bãi Cháy</unitName>",
                        "<unitName>phường  BÃI CHÁY</unitName>");
  step2 = replace_once (step1, "<conclusion>Đủ điều kiện đề nghị công nhận</conclusion>",
                        "<conclusion>Bổ sung hồ sơ lần 2</conclusion>");
  step3 = replace_once (step2, "criterion=\"1\" result=\"met\">Nghị quyết số 05-NQ/ĐU",
                        "criterion=\"1\" result=\"not-met\">Thiếu nghị quyết");
  g_free (step1);
  step1 = replace_once (step3, "<unitName>Xã Quảng La</unitName>",
                        "<unitName>Xã Bằng Cả</unitName>");
  f->unit_package = write_file (f, "units.xml", step1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  xd_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->package);
  g_free (f->unit_package);
}

/* "unit | reference | conclusion" of every dossier, in the list's order. */
static char *
describe_dossiers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (f->store, f->meeting_id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);

      g_string_append_printf (text, "%s | %s | %s\n", d->unit_name, d->reference, d->conclusion);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static XdDossier *
find_dossier (Fixture    *f,
              const char *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dossiers = xd_store_list_dossiers (f->store, f->meeting_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < dossiers->len; i++)
    {
      XdDossier *d = g_ptr_array_index (dossiers, i);

      if (g_str_equal (d->unit_name, unit))
        return g_ptr_array_steal_index (dossiers, i);
    }
  return NULL;
}

static XdAssessment *
first_assessment (Fixture *f,
                  gint64   dossier_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xd_store_list_assessments (f->store, dossier_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >, 0);
  return g_ptr_array_steal_index (list, 0);
}

/* Without a choice, nothing is imported and every duplicate is named. */
static void
test_ask (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(XdDossierImport) result = { 0 };
  g_autofree char *before = describe_dossiers (f);
  g_autofree char *after = NULL;
  const char *paths[] = { f->unit_package, NULL };

  g_assert_false (xd_exchange_import_dossiers (f->store, f->meeting_id, paths,
                                               XD_DUPLICATES_ASK, &result, &error));
  g_assert_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_DUPLICATES);
  g_assert_cmpuint (result.duplicates->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (result.duplicates, 0), ==,
                   "phường  BÃI CHÁY (no. 286/TTr-UBND)");
  g_assert_cmpstr (g_ptr_array_index (result.duplicates, 3), ==,
                   "Xã Đồng Lâm (no. 02/TTr-UBND)");
  g_assert_cmpuint (result.added, ==, 0);

  after = describe_dossiers (f);
  g_assert_cmpstr (after, ==, before);
}

/* Skipping keeps the meeting's dossiers and adds the new unit at the end,
 * its assessments matched to the meeting's criteria by code. */
static void
test_skip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(XdDossierImport) result = { 0 };
  g_autoptr(XdDossier) bai_chay = NULL;
  g_autoptr(XdDossier) bang_ca = NULL;
  g_autoptr(XdAssessment) first = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) dossiers = NULL;
  const char *paths[] = { f->unit_package, NULL };

  g_assert_true (xd_exchange_import_dossiers (f->store, f->meeting_id, paths,
                                              XD_DUPLICATES_SKIP, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 4);
  g_assert_cmpuint (result.replaced, ==, 0);

  bai_chay = find_dossier (f, "Phường Bãi Cháy");
  g_assert_cmpstr (bai_chay->conclusion, ==, "Đủ điều kiện đề nghị công nhận");
  first = first_assessment (f, bai_chay->id);
  g_assert_cmpint (first->result, ==, XD_ASSESSMENT_MET);

  dossiers = xd_store_list_dossiers (f->store, f->meeting_id, &error);
  g_assert_cmpuint (dossiers->len, ==, 6);
  bang_ca = find_dossier (f, "Xã Bằng Cả");
  g_assert_nonnull (bang_ca);
  g_assert_cmpint (((XdDossier *) g_ptr_array_index (dossiers, 5))->id, ==, bang_ca->id);
  /* Voted on at the unit's meeting, not in this one. */
  g_assert_cmpint (bang_ca->state, ==, XD_DOSSIER_CHECKING);
  g_clear_pointer (&first, xd_assessment_free);
  first = first_assessment (f, bang_ca->id);
  g_assert_cmpint (first->result, ==, XD_ASSESSMENT_MET);
  g_assert_cmpstr (first->note, !=, "");
  documents = xd_store_list_documents (f->store, bang_ca->id, &error);
  g_assert_cmpuint (documents->len, >, 0);
}

/* Replacing gives the meeting's dossier the file's content; it keeps its
 * id, its place and its vote. */
static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(XdDossierImport) result = { 0 };
  g_autoptr(XdDossier) before = find_dossier (f, "Phường Bãi Cháy");
  g_autoptr(XdDossier) after = NULL;
  g_autoptr(XdAssessment) first = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  gboolean vote_kept = FALSE;
  const char *paths[] = { f->unit_package, NULL };

  g_assert_true (xd_exchange_import_dossiers (f->store, f->meeting_id, paths,
                                              XD_DUPLICATES_REPLACE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.replaced, ==, 4);

  after = find_dossier (f, "phường  BÃI CHÁY");
  g_assert_nonnull (after);
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpint (after->position, ==, before->position);
  g_assert_cmpstr (after->conclusion, ==, "Bổ sung hồ sơ lần 2");
  g_assert_cmpint (after->state, ==, XD_DOSSIER_VOTED);
  first = first_assessment (f, after->id);
  g_assert_cmpint (first->result, ==, XD_ASSESSMENT_NOT_MET);
  g_assert_cmpstr (first->note, ==, "Thiếu nghị quyết ngày 15/02/2021 của Đảng ủy phường; "
                   "Kế hoạch số 21/KH-UBND ngày 22/02/2021; mô hình “Khu phố du lịch an toàn” "
                   "duy trì hoạt động.");

  questions = xd_store_list_questions (f->store, f->meeting_id, &error);
  for (guint i = 0; i < questions->len; i++)
    {
      XdQuestion *q = g_ptr_array_index (questions, i);

      if (q->dossier_id == after->id && q->state == XD_QUESTION_CLOSED)
        vote_kept = TRUE;
    }
  g_assert_true (vote_kept);
}

/* Two files bringing the same new unit: the second is a duplicate of the
 * first, within the same import. */
static void
test_duplicates_across_files (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(XdDossierImport) result = { 0 };
  const char *paths[] = { f->unit_package, f->unit_package, NULL };

  g_assert_true (xd_exchange_import_dossiers (f->store, f->meeting_id, paths,
                                              XD_DUPLICATES_SKIP, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 9);
}

/* One bad file among good ones: nothing at all is imported, and the
 * message names the bad file. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(XdDossierImport) result = { 0 };
  g_autofree char *before = describe_dossiers (f);
  g_autofree char *after = NULL;
  g_autofree char *broken = write_file (f, "broken.xml", "<?xml version=\"1.0\"?><xetduyet");
  g_autofree char *missing = g_build_filename (f->dir, "missing.xml", NULL);
  const char *with_broken[] = { f->unit_package, broken, NULL };
  const char *with_missing[] = { f->unit_package, missing, NULL };

  g_assert_false (xd_exchange_import_dossiers (f->store, f->meeting_id, with_broken,
                                               XD_DUPLICATES_REPLACE, &result, &error));
  g_assert_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "broken.xml"));
  g_clear_error (&error);

  g_assert_false (xd_exchange_import_dossiers (f->store, f->meeting_id, with_missing,
                                               XD_DUPLICATES_REPLACE, &result, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing.xml"));

  after = describe_dossiers (f);
  g_assert_cmpstr (after, ==, before);
}

/* A meeting without a criteria set cannot take assessed dossiers (their
 * assessments would be lost); a finalised one takes nothing. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(XdDossierImport) result = { 0 };
  g_autoptr(XdMeeting) bare = xd_meeting_new ();
  g_autoptr(GPtrArray) dossiers = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *paths[] = { f->package, NULL };
  gint64 bare_id;

  g_free (bare->title);
  bare->title = g_strdup ("Hội nghị chưa chọn bộ tiêu chí");
  bare_id = xd_store_add_meeting (f->store, bare, &error);
  g_assert_no_error (error);
  g_assert_false (xd_exchange_import_dossiers (f->store, bare_id, paths,
                                               XD_DUPLICATES_ASK, &result, &error));
  g_assert_error (error, XD_EXCHANGE_ERROR, XD_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sample.xml, line"));
  g_clear_error (&error);
  dossiers = xd_store_list_dossiers (f->store, bare_id, &error);
  g_assert_cmpuint (dossiers->len, ==, 0);

  g_assert_true (xd_store_finalize_meeting (f->store, f->meeting_id, &error));
  g_assert_no_error (error);
  before = describe_dossiers (f);
  paths[0] = f->unit_package;
  g_assert_false (xd_exchange_import_dossiers (f->store, f->meeting_id, paths,
                                               XD_DUPLICATES_SKIP, &result, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_FINALISED);
  after = describe_dossiers (f);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import-dossiers/ask", test_ask);
  ADD ("/import-dossiers/skip", test_skip);
  ADD ("/import-dossiers/replace", test_replace);
  ADD ("/import-dossiers/duplicates-across-files", test_duplicates_across_files);
  ADD ("/import-dossiers/all-or-nothing", test_all_or_nothing);
  ADD ("/import-dossiers/refused", test_refused);

#undef ADD

  return g_test_run ();
}
