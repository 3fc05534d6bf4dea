/* test-pdf.c — the minutes on A4 pages: page breaks and the PDF export
 *
 * What the pages look like to a reader (the words with their diacritics,
 * the fonts, the paper size, LibreOffice's page count) is checked on the
 * PDF itself by check-odf.sh with poppler; here the page breaks are
 * checked through the layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-pdf"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xd-cleanups.h"
#include "xd-minutes.h"
#include "xd-output.h"
#include "xd-page-renderer.h"
#include "xd-test-minutes.h"
#include "xd-test-util.h"

/* The shared fixture, under the name the tests below use. */
typedef XdTestStore Fixture;

static char *
make_long_name (guint n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%u ", n);
  while (g_utf8_strlen (text->str, -1) < 2000)
    g_string_append (text, "Đơn vị hành chính đặc biệt Quảng Ninh ");
  return g_utf8_substring (text->str, 0, 2000);
}

/* A meeting of 60 dossiers whose units, the meeting and its bodies have
 * 2,000-character names; the signers have ordinary ones. */
static gint64
add_long_meeting (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = make_long_name (0);
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (f->store, &error);
  const char *names[] = { "Vũ Văn Diện", "Nguyễn Văn A", "Trần Văn B" };
  gint64 id;

  g_assert_no_error (error);
  g_free (m->title); m->title = g_strdup (long_name);
  g_free (m->issuing_body); m->issuing_body = g_strdup (long_name);
  g_free (m->place); m->place = g_strdup (long_name);
  m->number = 3;
  m->starts_at = g_strdup ("2022-03-05T07:05");
  m->ends_at = g_strdup ("2022-03-05T11:45");
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  id = xd_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(XdMember) member = xd_member_new ();

      member->meeting_id = id;
      g_free (member->full_name); member->full_name = g_strdup (names[i]);
      g_free (member->title); member->title = g_strdup (long_name);
      member->role = i == 0 ? XD_ROLE_CHAIR : i == 1 ? XD_ROLE_SECRETARY : XD_ROLE_MEMBER;
      member->voting = i != 1;
      member->attendance = XD_ATTENDANCE_PRESENT;
      member->position = i;
      xd_store_add_member (f->store, member, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(XdDossier) d = xd_dossier_new ();

      d->meeting_id = id;
      g_free (d->unit_name); d->unit_name = make_long_name (i + 1);
      g_free (d->conclusion); d->conclusion = g_strdup ("Đủ điều kiện đề nghị công nhận");
      xd_store_add_dossier (f->store, d, &error);
      g_assert_no_error (error);
    }
  for (XdSectionKind kind = XD_SECTION_OPENING; kind <= XD_SECTION_RECIPIENTS; kind++)
    {
      g_assert_true (xd_store_set_section (f->store, id, kind, long_name, &error));
      g_assert_no_error (error);
    }
  return id;
}

static int
find_block (const XdMinutes    *minutes,
            XdMinutesBlockKind  kind)
{
  for (guint i = 0; i < minutes->blocks->len; i++)
    if (((XdMinutesBlock *) g_ptr_array_index (minutes->blocks, i))->kind == kind)
      return i;
  return -1;
}

/* No page ends with a heading, and every block kept with the next shares
 * its last page with the next block's first; the signatures are on one
 * page. */
static void
assert_page_breaks (const XdMinutes *minutes,
                    XdPageLayout    *layout)
{
  int n_pages = xd_page_layout_get_n_pages (layout);
  int signature = find_block (minutes, XD_MINUTES_BLOCK_SIGNATURE);
  int first;
  int last;

  for (int page = 0; page < n_pages; page++)
    {
      guint first_block;
      guint last_block;
      const XdMinutesBlock *block;

      g_assert_true (xd_page_layout_get_page_blocks (layout, page, &first_block, &last_block));
      g_assert_cmpuint (first_block, <=, last_block);
      block = g_ptr_array_index (minutes->blocks, last_block);
      if (page + 1 < n_pages && block->kind == XD_MINUTES_BLOCK_HEADING)
        g_error ("page %d ends with a heading (block %u)", page + 1, last_block);
    }
  g_assert_false (xd_page_layout_get_page_blocks (layout, n_pages, NULL, NULL));

  for (guint b = 0; b + 1 < minutes->blocks->len; b++)
    {
      const XdMinutesBlock *block = g_ptr_array_index (minutes->blocks, b);
      int next_first;

      if (block->kind != XD_MINUTES_BLOCK_HEADING || !block->keep_with_next)
        continue;
      g_assert_true (xd_page_layout_get_block_pages (layout, b, NULL, &last));
      g_assert_true (xd_page_layout_get_block_pages (layout, b + 1, &next_first, NULL));
      g_assert_cmpint (last, ==, next_first);
    }

  g_assert_cmpint (signature, >, 0);
  g_assert_true (xd_page_layout_get_block_pages (layout, signature, &first, &last));
  g_assert_cmpint (first, ==, last);
  g_assert_false (xd_page_layout_get_block_pages (layout, minutes->blocks->len, NULL, NULL));
}

static void
assert_is_pdf (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  g_assert_nonnull (g_strstr_len (data + size - 64, 64, "%%EOF"));
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMinutes) minutes = xd_test_build_sample_minutes (f);
  g_autoptr(XdPageLayout) layout = xd_page_layout_new (minutes, NULL);
  g_autoptr(XdPageLayout) again = xd_page_layout_new (minutes, NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = g_build_filename (f->dir, "bien-ban.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  int signature = find_block (minutes, XD_MINUTES_BLOCK_SIGNATURE);
  int closing_page;
  int recipients_page;
  int signature_page;

  g_assert_cmpint (xd_page_layout_get_n_pages (layout), >, 1);
  g_assert_cmpint (xd_page_layout_get_n_pages (again), ==, xd_page_layout_get_n_pages (layout));
  assert_page_breaks (minutes, layout);

  /* The closing line, the signatures and "Nơi nhận" share a page. */
  g_assert_true (xd_page_layout_get_block_pages (layout, signature, &signature_page, NULL));
  g_assert_true (xd_page_layout_get_block_pages (layout, signature - 1, NULL, &closing_page));
  g_assert_true (xd_page_layout_get_block_pages (layout, signature + 1, NULL, &recipients_page));
  g_assert_cmpint (closing_page, ==, signature_page);
  g_assert_cmpint (recipients_page, ==, signature_page);

  pdf = xd_minutes_to_pdf (minutes, &error);
  g_assert_no_error (error);
  assert_is_pdf (pdf);

  g_assert_true (xd_minutes_write_pdf (minutes, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (memcmp (contents, "%PDF-", 5) == 0);
}

/* The renderer draws on any cairo surface, pages out of range are refused. */
static void
test_render_pages (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(XdMinutes) minutes = xd_test_build_sample_minutes (f);
  g_autoptr(XdPageLayout) layout = xd_page_layout_new (minutes, NULL);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  g_autoptr(cairo_t) cr = cairo_create (surface);

  for (int page = 0; page < xd_page_layout_get_n_pages (layout); page++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      xd_page_layout_render_page (layout, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }

  if (g_test_undefined ())
    {
      g_test_expect_message ("xd-page-renderer", G_LOG_LEVEL_CRITICAL, "*page*");
      xd_page_layout_render_page (layout, cr, xd_page_layout_get_n_pages (layout));
      g_test_assert_expected_messages ();
    }
}

static void
test_long_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_long_meeting (f);
  g_autoptr(XdMinutes) minutes = xd_minutes_build (f->store, id, &error);
  g_autoptr(XdPageLayout) layout = NULL;
  g_autoptr(XdPageLayout) again = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_assert_no_error (error);
  layout = xd_page_layout_new (minutes, NULL);
  again = xd_page_layout_new (minutes, NULL);
  /* 60 rows of about 40 lines each cannot take fewer. */
  g_assert_cmpint (xd_page_layout_get_n_pages (layout), >, 60);
  g_assert_cmpint (xd_page_layout_get_n_pages (again), ==, xd_page_layout_get_n_pages (layout));
  assert_page_breaks (minutes, layout);

  pdf = xd_minutes_to_pdf (minutes, &error);
  g_assert_no_error (error);
  assert_is_pdf (pdf);
}

static void
test_save_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMinutes) minutes = xd_test_build_sample_minutes (f);
  g_autofree char *path = g_build_filename (f->dir, "no", "such", "folder", "x.pdf", NULL);

  g_assert_false (xd_minutes_write_pdf (minutes, path, &error));
  g_assert_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_NO_FOLDER);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, xd_test_store_set_up, func, xd_test_store_tear_down)
  ADD ("/core/pdf/sample", test_sample);
  ADD ("/core/pdf/render-pages", test_render_pages);
  ADD ("/core/pdf/long-names", test_long_names);
  ADD ("/core/pdf/save-error", test_save_error);
#undef ADD

  return g_test_run ();
}
