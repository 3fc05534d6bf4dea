/* test-minutes.c — the minutes: what they say, and the ODT and flat ODT
 * files that carry them
 *
 * The schema check and LibreOffice's reading of the files are in
 * check-odf.sh; here the words, their order, the package's layout and
 * that hostile text stays well-formed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "xd-cleanups.h"
#include "xd-minutes.h"
#include "xd-odf-writer.h"
#include "xd-output.h"
#include "xd-test-minutes.h"
#include "xd-test-util.h"

#define ODT_MIMETYPE_FOR_TEST "application/vnd.oasis.opendocument.text"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

/* The shared fixture, under the name the tests below use. */
typedef XdTestStore Fixture;

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      { \
        g_test_message ("%s", (haystack)); \
        g_error ("“%s” not found in the text above", (needle)); \
      } \
  } G_STMT_END

static gsize
position_of (const char *text,
             const char *needle)
{
  const char *p = strstr (text, needle);

  if (p == NULL)
    g_error ("“%s” not found in the minutes", needle);
  return (gsize) (p - text);
}

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* ── The model ──────────────────────────────────────────────────────────── */

/* The sample reads as minutes-example.md says, in Mẫu 1.9's order. */
static void
test_sample_content (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(XdMinutes) minutes = xd_test_build_sample_minutes (f);
  g_autofree char *text = xd_minutes_to_text (minutes);
  const char *units[] = { "Phường Bãi Cháy", "Phường Cao Thắng", "Phường Hồng Gai",
                          "Xã Đồng Lâm", "Xã Quảng La" };
  const char *order[] = {
    "THÀNH ỦY HẠ LONG", "BAN CHỈ ĐẠO XÂY DỰNG MÔ HÌNH AN NINH CƠ SỞ", "Số: 01/BB-BCĐ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "BIÊN BẢN\nHội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2021\n",
    "Thời gian bắt đầu: 08 giờ 00, ngày 09 tháng 01 năm 2022.\n",
    "Địa điểm: Hội trường Thành ủy Hạ Long.\n",
    "Thành phần tham dự:\n",
    "- Chủ trì: đồng chí Vũ Văn Diện, Bí thư Thành ủy, Chủ tịch HĐND thành phố, "
      "Trưởng Ban Chỉ đạo;\n",
    "- Thành viên Ban Chỉ đạo có mặt: 8/9 đồng chí, gồm:\n",
    "+ Vũ Văn Diện, Bí thư Thành ủy",
    "+ Vũ Thị L, Chủ tịch Hội Liên hiệp Phụ nữ thành phố, Thành viên Ban Chỉ đạo;\n",
    "- Vắng mặt: 1 đồng chí (Hoàng Thị H — có lý do: đi công tác);\n",
    "- Khách mời:\n",
    "+ Ngô Văn P, Phóng viên, Trung tâm Truyền thông và Văn hóa thành phố Hạ Long.\n",
    "Chủ trì (chủ tọa): đồng chí Vũ Văn Diện.\n",
    "Thư ký (người ghi biên bản): đồng chí Nguyễn Văn A, Chuyên viên Văn phòng Thành ủy, "
      "Thư ký Ban Chỉ đạo.\n",
    "Nội dung:\n",
    "Đồng chí Vũ Văn Diện, Bí thư Thành ủy, Chủ tịch HĐND thành phố, Trưởng Ban Chỉ đạo "
      "khai mạc hội nghị",
    "1. Căn cứ:\n",
    "- Thông tư số 124/2021/TT-BCA ngày 28/12/2021",
    "Quảng La.\n",
    "2. Kết quả thẩm tra hồ sơ: Hội nghị đã thẩm tra hồ sơ của 05 đơn vị:\n",
    "STT | Đơn vị | Số tiêu chí đạt | Kết luận thẩm tra\n",
    "1 | Phường Bãi Cháy | 4/4 | Đủ điều kiện đề nghị công nhận\n",
    "5 | Xã Quảng La | 4/4 | Đủ điều kiện đề nghị công nhận\n",
    "3. Kết quả biểu quyết:\n",
    "Phường Bãi Cháy: biểu quyết công khai. Tán thành 8/9 thành viên (88,9%), không tán "
      "thành 0, không biểu quyết 0 — đạt quá nửa tổng số thành viên. Kết quả: công nhận.\n",
    "Xã Quảng La: biểu quyết công khai. Tán thành 7/9 thành viên (77,8%), không tán "
      "thành 0, không biểu quyết 1 — đạt quá nửa tổng số thành viên. Kết quả: công nhận.\n",
    "Tổng hợp: 5/5 đơn vị được công nhận đạt chuẩn mô hình An ninh cơ sở năm 2021: "
      "Phường Bãi Cháy, Phường Cao Thắng, Phường Hồng Gai, Xã Đồng Lâm, Xã Quảng La; "
      "không công nhận: không có.\n",
    "4. Ý kiến thảo luận:\n",
    "Các thành viên Ban Chỉ đạo thống nhất",
    "5. Kết luận của chủ trì:\n",
    "Mô hình An ninh cơ sở trên địa bàn",
    "gắn với xây dựng đô thị văn minh.\n",
    "Cuộc họp kết thúc vào 10 giờ 30, ngày 09 tháng 01 năm 2022./.\n",
    "THƯ KÝ Nguyễn Văn A | CHỦ TỌA Vũ Văn Diện\n",
    "Nơi nhận:\n- Thường trực Thành ủy;\n- Các thành viên Ban Chỉ đạo;\n"
      "- Công an thành phố;\n- Lưu: VT, Hồ sơ.\n",
  };
  gsize last = 0;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    assert_contains (text, units[i]);
  assert_contains (text, "8/9");
  assert_contains (text, "Tán thành 7/9 thành viên (77,8%)");
  assert_contains (text, "10 giờ 30, ngày 09 tháng 01 năm 2022");
  assert_contains (text, "Số: 01/BB-BCĐ");

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      gsize at = position_of (text, order[i]);

      if (at < last)
        g_error ("“%s” comes too early in:\n%s", order[i], text);
      last = at;
    }

  /* The user's own "Lưu" line ends the list, once; nothing follows it. */
  g_assert_cmpuint (count_of (text, "Lưu:"), ==, 1);
  g_assert_true (g_str_has_suffix (text, "- Lưu: VT, Hồ sơ.\n"));
  /* Every legal basis line but the last ends with ";". */
  g_assert_cmpuint (count_of (text, "thành phố Hạ Long;\n"), ==, 2);
  g_assert_cmpuint (count_of (text, "trật tự”;\n"), ==, 1);
}

/* The shape renderers walk: tables, keeps, runs. */
static void
test_sample_blocks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(XdMinutes) minutes = xd_test_build_sample_minutes (f);
  XdMinutesBlock *first = g_ptr_array_index (minutes->blocks, 0);
  XdMinutesBlock *last = g_ptr_array_index (minutes->blocks, minutes->blocks->len - 1);
  XdMinutesBlock *signature = g_ptr_array_index (minutes->blocks, minutes->blocks->len - 2);
  XdMinutesBlock *closing = g_ptr_array_index (minutes->blocks, minutes->blocks->len - 3);
  guint headings = 0;
  guint italic_basis = 0;
  guint tables = 0;

  g_assert_cmpstr (minutes->title, ==, "Hội nghị xét duyệt, công nhận mô hình An ninh cơ sở năm 2021");

  g_assert_cmpint (first->kind, ==, XD_MINUTES_BLOCK_HEADER);
  g_assert_false (first->borders);
  g_assert_cmpuint (first->rows->len, ==, 1);
  g_assert_cmpuint (((XdMinutesRow *) g_ptr_array_index (first->rows, 0))->cells->len, ==, 2);

  g_assert_cmpint (signature->kind, ==, XD_MINUTES_BLOCK_SIGNATURE);
  g_assert_true (signature->keep_together);
  g_assert_true (signature->keep_with_next);
  g_assert_cmpint (closing->kind, ==, XD_MINUTES_BLOCK_PARAGRAPH);
  g_assert_true (closing->keep_with_next);
  g_assert_cmpint (last->kind, ==, XD_MINUTES_BLOCK_RECIPIENTS);

  for (guint i = 0; i < minutes->blocks->len; i++)
    {
      XdMinutesBlock *block = g_ptr_array_index (minutes->blocks, i);

      if (block->kind == XD_MINUTES_BLOCK_HEADING)
        {
          g_assert_true (block->keep_with_next);
          headings++;
        }
      if (block->rows != NULL)
        {
          double width = 0;

          tables++;
          for (guint c = 0; c < block->column_widths->len; c++)
            width += g_array_index (block->column_widths, double, c);
          g_assert_cmpfloat_with_epsilon (width, XD_MINUTES_TEXT_WIDTH, 0.01);
          for (guint r = 0; r < block->rows->len; r++)
            g_assert_cmpuint (((XdMinutesRow *) g_ptr_array_index (block->rows, r))->cells->len,
                              ==, block->column_widths->len);
        }
      if (block->kind == XD_MINUTES_BLOCK_LIST_ITEM)
        {
          XdMinutesParagraph *p = g_ptr_array_index (block->paragraphs, 0);
          XdMinutesRun *run = g_ptr_array_index (p->runs, 0);

          g_assert_nonnull (block->bullet);
          if (g_str_has_prefix (run->text, "Thông tư số 124") ||
              g_str_has_prefix (run->text, "Quy chế hoạt động"))
            {
              g_assert_true (run->flags & XD_MINUTES_RUN_ITALIC);
              italic_basis++;
            }
        }
    }
  /* Thành phần tham dự, Nội dung and the five numbered parts. */
  g_assert_cmpuint (headings, ==, 7);
  g_assert_cmpuint (italic_basis, ==, 2);
  g_assert_cmpuint (tables, ==, 3);

  /* The style table is complete and its names are unique. */
  for (guint i = 0; i < XD_MINUTES_N_STYLES; i++)
    {
      const XdMinutesStyleInfo *info = xd_minutes_style_get_info (i);

      g_assert_nonnull (info->name);
      g_assert_cmpfloat (info->font_size, >=, 11);
      g_assert_cmpfloat (info->font_size, <=, 14);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (info->name, !=, xd_minutes_style_get_info (j)->name);
    }
  g_assert_true (xd_minutes_style_get_info (XD_MINUTES_STYLE_HEADING)->keep_with_next);
  g_assert_true (xd_minutes_style_get_info (XD_MINUTES_STYLE_RECIPIENTS_TITLE)->bold);
  g_assert_true (xd_minutes_style_get_info (XD_MINUTES_STYLE_RECIPIENTS_TITLE)->italic);
  g_assert_cmpfloat (xd_minutes_style_get_info (XD_MINUTES_STYLE_RECIPIENTS_TITLE)->font_size, ==, 12);
  g_assert_cmpfloat (xd_minutes_style_get_info (XD_MINUTES_STYLE_NATIONAL_NAME)->font_size, ==, 13);
  g_assert_cmpfloat (xd_minutes_style_get_info (XD_MINUTES_STYLE_MOTTO)->font_size, ==, 14);
}

static gint64
add_meeting (XdStore    *store,
             const char *title)
{
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (store, &error);
  gint64 id;

  g_assert_no_error (error);
  g_free (m->title);
  m->title = g_strdup (title);
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  id = xd_store_add_meeting (store, m, &error);
  g_assert_no_error (error);
  return id;
}

/* A meeting with only a title: dotted gaps to fill by hand, no crash. */
static void
test_missing_data (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_meeting (f->store, "Hội nghị");
  g_autoptr(XdMinutes) minutes = xd_minutes_build (f->store, id, &error);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) fodt = NULL;

  g_assert_no_error (error);
  text = xd_minutes_to_text (minutes);
  assert_contains (text, "Số:    /BB | ");
  assert_contains (text, "Thời gian bắt đầu: …… giờ ……, ngày …… tháng …… năm …….\n");
  assert_contains (text, "- Chủ trì: đồng chí ………………;\n");
  assert_contains (text, "Địa điểm: ……………….\n");
  assert_contains (text, "- Thành viên có mặt: ……………… đồng chí.\n");
  assert_contains (text, "Chủ trì (chủ tọa): đồng chí ……………….\n");
  assert_contains (text, "Thư ký (người ghi biên bản): đồng chí ……………….\n");
  assert_contains (text, "2. Kết quả thẩm tra hồ sơ: Hội nghị không có hồ sơ đề nghị công nhận.\n");
  assert_contains (text, "Cuộc họp kết thúc vào …… giờ ……, ngày …… tháng …… năm ……/.\n");
  assert_contains (text, "THƯ KÝ ……………… | CHỦ TỌA ………………\n");
  g_assert_true (g_str_has_suffix (text, "Nơi nhận:\n- Lưu: VT, Hồ sơ.\n"));

  /* The gap for the number survives as spaces ODF does not collapse. */
  fodt = xd_minutes_to_fodt (minutes, &error);
  g_assert_no_error (error);
  {
    g_autofree char *xml = g_strndup (g_bytes_get_data (fodt, NULL), g_bytes_get_size (fodt));
    assert_contains (xml, "Số: <text:s text:c=\"3\"/>/BB");
  }

  g_assert_null (xd_minutes_build (f->store, id + 100, &error));
  g_assert_error (error, XD_STORE_ERROR, XD_STORE_ERROR_NOT_FOUND);
}

/* Secret ballots, a failed vote, a dossier never voted on, a tie. */
static void
test_votes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_meeting (f->store, "Hội nghị xét duyệt");
  const char *units[] = { "Phường A", "Phường B", "Xã C" };
  gint64 dossiers[G_N_ELEMENTS (units)];
  gint64 members[5];
  g_autoptr(XdMinutes) minutes = NULL;
  g_autofree char *text = NULL;
  XdTally t = { 0 };
  gint64 q;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(XdMember) m = xd_member_new ();

      m->meeting_id = id;
      g_free (m->full_name);
      m->full_name = g_strdup_printf ("Thành viên %u", i + 1);
      m->role = i == 0 ? XD_ROLE_CHAIR : XD_ROLE_MEMBER;
      m->attendance = XD_ATTENDANCE_PRESENT;
      m->position = i;
      members[i] = xd_store_add_member (f->store, m, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(XdDossier) d = xd_dossier_new ();

      d->meeting_id = id;
      g_free (d->unit_name);
      d->unit_name = g_strdup (units[i]);
      d->position = i;
      dossiers[i] = xd_store_add_dossier (f->store, d, &error);
      g_assert_no_error (error);
    }

  /* A: open vote, 4 of 5. */
  q = xd_store_ensure_dossier_question (f->store, dossiers[0], &error);
  g_assert_true (xd_store_open_question (f->store, q, FALSE, &error));
  for (guint i = 0; i < 4; i++)
    g_assert_true (xd_store_set_vote (f->store, q, members[i], XD_CHOICE_YES, &error));
  g_assert_true (xd_store_set_vote (f->store, q, members[4], XD_CHOICE_NO, &error));
  g_assert_true (xd_store_close_question (f->store, q, FALSE, &error));
  g_assert_no_error (error);

  /* B: secret ballot, 1 of 5. */
  q = xd_store_ensure_dossier_question (f->store, dossiers[1], &error);
  g_assert_true (xd_store_set_question_mode (f->store, q, XD_VOTE_MODE_SECRET, &error));
  g_assert_true (xd_store_open_question (f->store, q, FALSE, &error));
  t.question_id = q;
  t.ballots_issued = 5;
  t.ballots_valid = 4;
  t.ballots_invalid = 1;
  t.yes = 1;
  t.no = 3;
  g_assert_true (xd_store_set_tally (f->store, &t, &error));
  g_assert_true (xd_store_close_question (f->store, q, FALSE, &error));
  g_assert_no_error (error);

  minutes = xd_minutes_build (f->store, id, &error);
  g_assert_no_error (error);
  text = xd_minutes_to_text (minutes);

  assert_contains (text, "- Thành viên có mặt: 5/5 đồng chí, gồm:\n");
  assert_contains (text, "- Vắng mặt: không có.\n");
  assert_contains (text, "Phường A: biểu quyết công khai. Tán thành 4/5 thành viên (80,0%), "
                         "không tán thành 1, không biểu quyết 0 — đạt quá nửa tổng số thành viên. "
                         "Kết quả: công nhận.\n");
  assert_contains (text, "Phường B: bỏ phiếu kín; số phiếu phát ra 5, số phiếu hợp lệ 4, số phiếu "
                         "không hợp lệ 1. Tán thành 1/5 thành viên (20,0%), không tán thành 3, "
                         "không biểu quyết 0 — không đạt quá nửa tổng số thành viên. "
                         "Kết quả: không công nhận.\n");
  assert_contains (text, "Xã C: chưa biểu quyết.\n");
  assert_contains (text, "Tổng hợp: 1/3 đơn vị được công nhận đạt chuẩn “Xã, phường, thị trấn an "
                         "toàn về an ninh, trật tự”: Phường A; không công nhận: Phường B; "
                         "chưa có kết quả: Xã C.\n");
  assert_contains (text, "1 | Phường A | 0/4 | \n");
}

/* ── The files ──────────────────────────────────────────────────────────── */

static xmlDoc *
parse (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = xmlReadMemory (data, (int) length, "part.xml", NULL, XML_PARSE_NONET);

  if (doc == NULL)
    g_error ("not well-formed XML");
  return doc;
}

static GBytes *
read_entry (zip_t      *archive,
            const char *name)
{
  zip_stat_t st;
  zip_file_t *file;
  guint8 *data;

  g_assert_cmpint (zip_stat (archive, name, 0, &st), ==, 0);
  file = zip_fopen (archive, name, 0);
  g_assert_nonnull (file);
  data = g_malloc (st.size + 1);
  g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (file);
  return g_bytes_new_take (data, st.size);
}

static int
count_xpath (xmlDoc     *doc,
             const char *expression)
{
  static const char *ns[][2] = {
    { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
    { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
    { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
    { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
    { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
    { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
    { "dc", "http://purl.org/dc/elements/1.1/" },
    { "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
  };
  g_autoptr(xmlXPathContext) ctx = xmlXPathNewContext (doc);
  g_autoptr(xmlXPathObject) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
    xmlXPathRegisterNs (ctx, BAD_CAST ns[i][0], BAD_CAST ns[i][1]);
  result = xmlXPathEvalExpression (BAD_CAST expression, ctx);
  g_assert_nonnull (result);
  return result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
}

static char *
serialize_first (xmlDoc     *doc,
                 const char *expression)
{
  g_autoptr(xmlXPathContext) ctx = xmlXPathNewContext (doc);
  g_autoptr(xmlXPathObject) result = NULL;
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();

  xmlXPathRegisterNs (ctx, BAD_CAST "office", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, ctx);
  g_assert_nonnull (result);
  g_assert_nonnull (result->nodesetval);
  g_assert_cmpint (result->nodesetval->nodeNr, ==, 1);
  xmlNodeDump (buffer, doc, result->nodesetval->nodeTab[0], 0, 0);
  return g_strdup ((const char *) xmlBufferContent (buffer));
}

static char *
document_text (xmlDoc *doc)
{
  xmlChar *content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

/* The package: mimetype first, stored, no extra field; every part listed;
 * every part well-formed ODF 1.3; the same styles and body as the flat
 * file. */
static void
test_sample_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(XdMinutes) minutes = xd_test_build_sample_minutes (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *odt_path = g_build_filename (f->dir, "bien-ban.odt", NULL);
  g_autofree char *fodt_path = g_build_filename (f->dir, "bien-ban.fodt", NULL);
  g_autofree char *raw = NULL;
  gsize raw_length = 0;
  g_autoptr(zip_t) archive = NULL;
  g_autoptr(GBytes) mimetype = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) meta = NULL;
  g_autoptr(xmlDoc) manifest = NULL;
  g_autoptr(xmlDoc) flat = NULL;
  zip_stat_t st;
  int zerr = 0;

  g_assert_true (xd_minutes_write_odt (minutes, odt_path, &error));
  g_assert_no_error (error);
  g_assert_true (xd_minutes_write_fodt (minutes, fodt_path, &error));
  g_assert_no_error (error);

  /* Local header: name length at 26, extra length at 28, name at 30. */
  g_assert_true (g_file_get_contents (odt_path, &raw, &raw_length, NULL));
  g_assert_cmpuint (raw_length, >, 38 + 39);
  g_assert_cmpint (memcmp (raw, "PK\003\004", 4), ==, 0);
  g_assert_cmpint ((guint8) raw[28] | (guint8) raw[29] << 8, ==, 0);
  g_assert_cmpint (memcmp (raw + 30, "mimetype" ODT_MIMETYPE_FOR_TEST, 8 + 39), ==, 0);

  archive = zip_open (odt_path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  g_assert_nonnull (archive);
  g_assert_cmpstr (zip_get_name (archive, 0, 0), ==, "mimetype");
  g_assert_cmpint (zip_stat_index (archive, 0, 0, &st), ==, 0);
  g_assert_cmpint (st.comp_method, ==, ZIP_CM_STORE);
  mimetype = read_entry (archive, "mimetype");
  g_assert_cmpmem (g_bytes_get_data (mimetype, NULL), g_bytes_get_size (mimetype),
                   ODT_MIMETYPE_FOR_TEST, strlen (ODT_MIMETYPE_FOR_TEST));

  {
    g_autoptr(GBytes) bytes = read_entry (archive, "content.xml");
    content = parse (bytes);
  }
  {
    g_autoptr(GBytes) bytes = read_entry (archive, "styles.xml");
    styles = parse (bytes);
  }
  {
    g_autoptr(GBytes) bytes = read_entry (archive, "meta.xml");
    meta = parse (bytes);
  }
  {
    g_autoptr(GBytes) bytes = read_entry (archive, "META-INF/manifest.xml");
    manifest = parse (bytes);
  }
  flat = xmlReadFile (fodt_path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (flat);

  g_assert_cmpint (count_xpath (manifest, "/manifest:manifest[@manifest:version='1.3']"
                                "/manifest:file-entry[@manifest:full-path='/' and "
                                "@manifest:media-type='application/vnd.oasis.opendocument.text']"), ==, 1);
  for (guint i = 0; i < zip_get_num_entries (archive, 0); i++)
    {
      const char *name = zip_get_name (archive, i, 0);
      g_autofree char *query = g_strdup_printf ("//manifest:file-entry[@manifest:full-path='%s']", name);

      if (g_str_equal (name, "mimetype") || g_str_equal (name, "META-INF/manifest.xml"))
        continue;
      g_assert_cmpint (count_xpath (manifest, query), ==, 1);
    }

  g_assert_cmpint (count_xpath (content, "/office:document-content[@office:version='1.3']"), ==, 1);
  g_assert_cmpint (count_xpath (styles, "/office:document-styles[@office:version='1.3']"), ==, 1);
  g_assert_cmpint (count_xpath (meta, "/office:document-meta[@office:version='1.3']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "/office:document[@office:version='1.3' and "
                                "@office:mimetype='application/vnd.oasis.opendocument.text']"), ==, 1);

  /* The layout of Nghị định 30/2020, as named styles. */
  g_assert_cmpint (count_xpath (flat, "//style:font-face[@style:name='Times New Roman' and "
                                "@svg:font-family=\"'Times New Roman'\" and "
                                "@style:font-family-generic='roman']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//style:page-layout-properties[@fo:page-width='210.00mm' and "
                                "@fo:page-height='297.00mm' and @fo:margin-bottom='20.00mm' and "
                                "@fo:margin-left='30.00mm' and @fo:margin-right='15.00mm']"), ==, 2);
  g_assert_cmpint (count_xpath (flat, "//style:page-layout-properties[@fo:margin-top='20.00mm']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "/office:document/office:styles/style:default-style"
                                "/style:text-properties[@style:font-name='Times New Roman' and "
                                "@fo:font-size='14pt' and @fo:language='vi']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "/office:document/office:styles/style:style[@style:name='XD_Body']"
                                "/style:paragraph-properties[@fo:text-align='justify' and "
                                "@fo:text-indent='10.00mm' and @fo:margin-bottom='6.00pt']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "/office:document/office:styles/style:style[@style:name='XD_Heading']"
                                "/style:paragraph-properties[@fo:keep-with-next='always']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//style:master-page[@style:name='First_20_Page' and "
                                "@style:next-style-name='Standard' and not(style:header)]"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//style:master-page[@style:name='Standard']/style:header"
                                "/text:p/text:page-number"), ==, 1);
  /* The first page starts with the header table, on the first-page master. */
  g_assert_cmpint (count_xpath (flat, "//style:style[@style:family='table' and "
                                "@style:master-page-name='First_20_Page']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//office:text/*[1][self::table:table and "
                                "@table:style-name='XD_Table1']"), ==, 1);
  /* The signature table does not break. */
  g_assert_cmpint (count_xpath (flat, "//style:style[@style:name='XD_Table3']/style:table-properties"
                                "[@style:may-break-between-rows='false']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//text:p[@text:style-name='XD_Line_Motto']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//text:p[@text:style-name='XD_Line_Issuer']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//text:p[@text:style-name='XD_Line_Title']"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//table:table-header-rows/table:table-row"), ==, 1);
  g_assert_cmpint (count_xpath (flat, "//dc:title[.='Hội nghị xét duyệt, công nhận mô hình "
                                "An ninh cơ sở năm 2021']"), ==, 1);

  /* One writer behind both: the styles and the body are the same bytes. */
  {
    g_autofree char *a = serialize_first (flat, "/office:document/office:body");
    g_autofree char *b = serialize_first (content, "/office:document-content/office:body");
    g_autofree char *c = serialize_first (flat, "/office:document/office:styles");
    g_autofree char *d = serialize_first (styles, "/office:document-styles/office:styles");
    g_autofree char *e = serialize_first (flat, "/office:document/office:master-styles");
    g_autofree char *g = serialize_first (styles, "/office:document-styles/office:master-styles");

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (c, ==, d);
    g_assert_cmpstr (e, ==, g);
  }

  {
    g_autofree char *text = document_text (flat);
    assert_contains (text, "Tán thành 7/9 thành viên (77,8%)");
    assert_contains (text, "Cuộc họp kết thúc vào 10 giờ 30, ngày 09 tháng 01 năm 2022./.");
  }

  /* Nothing but the two files was left in the folder. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "bien-ban.") || g_str_has_prefix (name, "minutes.xetduyet"));
  }
}

/* Every field full of XML's special characters and 2,000-character text. */
#define EVIL "<b>Tên & “x”</b> \"quoted\" 'apos' ]]> &amp; <!-- --> \001\002\x7f \xef\xbf\xbe"

static char *
make_long_name (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);

  while (g_utf8_strlen (long_text->str, -1) < 2000)
    g_string_append (long_text, "Ưu <tiên> & \"đặc\" 'biệt' ");
  return g_utf8_substring (long_text->str, 0, 2000);
}

/* A meeting with XML's special characters, control characters, U+FFFE and
 * 2,000-character text in every field the minutes show. */
static gint64
add_hostile_meeting (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  const char *evil = EVIL;
  g_autofree char *long_name = make_long_name ();
  g_autofree char *both = g_strconcat (evil, " ", long_name, NULL);
  g_autoptr(XdMeeting) m = xd_meeting_new ();
  g_autoptr(GPtrArray) sets = xd_store_list_criteria_sets (f->store, &error);
  gint64 id;
  gint64 member_ids[3];
  gint64 dossier_id;
  gint64 q;

  g_free (m->title); m->title = g_strdup (both);
  g_free (m->kind); m->kind = g_strdup (evil);
  g_free (m->legal_basis); m->legal_basis = g_strconcat (evil, "\n", long_name, "\n\n", evil, NULL);
  m->number = 12;
  g_free (m->number_suffix); m->number_suffix = g_strdup (evil);
  g_free (m->issuing_body); m->issuing_body = g_strdup (both);
  g_free (m->parent_body); m->parent_body = g_strdup (both);
  g_free (m->place); m->place = g_strdup (both);
  m->starts_at = g_strdup ("2022-03-05T07:05");
  m->ends_at = g_strdup ("2022-03-05T11:45");
  m->criteria_set_id = ((XdCriteriaSet *) g_ptr_array_index (sets, 0))->id;
  id = xd_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (member_ids); i++)
    {
      g_autoptr(XdMember) member = xd_member_new ();

      member->meeting_id = id;
      g_free (member->full_name); member->full_name = g_strdup_printf ("%u %s", i, both);
      g_free (member->title); member->title = g_strdup (both);
      g_free (member->organisation); member->organisation = g_strdup (evil);
      member->role = i == 0 ? XD_ROLE_CHAIR : i == 1 ? XD_ROLE_SECRETARY : XD_ROLE_MEMBER;
      member->voting = i != 1;
      member->attendance = i == 2 ? XD_ATTENDANCE_EXCUSED : XD_ATTENDANCE_PRESENT;
      g_free (member->absence_reason); member->absence_reason = g_strdup (both);
      member->position = i;
      member_ids[i] = xd_store_add_member (f->store, member, &error);
      g_assert_no_error (error);
    }
  {
    g_autoptr(XdGuest) guest = xd_guest_new ();

    guest->meeting_id = id;
    g_free (guest->full_name); guest->full_name = g_strdup (both);
    g_free (guest->title); guest->title = g_strdup (evil);
    g_free (guest->organisation); guest->organisation = g_strdup (long_name);
    xd_store_add_guest (f->store, guest, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(XdDossier) d = xd_dossier_new ();

    d->meeting_id = id;
    g_free (d->unit_name); d->unit_name = g_strdup (both);
    g_free (d->conclusion); d->conclusion = g_strdup (both);
    dossier_id = xd_store_add_dossier (f->store, d, &error);
    g_assert_no_error (error);
  }
  q = xd_store_ensure_dossier_question (f->store, dossier_id, &error);
  g_assert_no_error (error);
  g_assert_true (xd_store_open_question (f->store, q, TRUE, &error));
  g_assert_true (xd_store_set_vote (f->store, q, member_ids[0], XD_CHOICE_YES, &error));
  g_assert_true (xd_store_close_question (f->store, q, TRUE, &error));
  g_assert_no_error (error);
  for (XdSectionKind kind = XD_SECTION_OPENING; kind <= XD_SECTION_RECIPIENTS; kind++)
    {
      g_autofree char *body = g_strconcat (both, "\n  \n", evil, "\n- Lưu: ", evil, NULL);

      g_assert_true (xd_store_set_section (f->store, id, kind, body, &error));
      g_assert_no_error (error);
    }

  return id;
}

/* Every field full of XML's special characters and 2,000-character text:
 * the words come back out of the XML as they went in. */
static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = make_long_name ();
  g_autoptr(XdMinutes) minutes = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autoptr(GBytes) fodt = NULL;
  g_autofree char *odt_path = g_build_filename (f->dir, "a.odt", NULL);
  g_autofree char *fodt_path = g_build_filename (f->dir, "a.fodt", NULL);
  gint64 id = add_hostile_meeting (f);

  minutes = xd_minutes_build (f->store, id, &error);
  g_assert_no_error (error);

  /* No control characters and no U+FFFE reach the document. */
  {
    g_autofree char *text = xd_minutes_to_text (minutes);

    g_assert_true (g_utf8_validate (text, -1, NULL));
    g_assert_null (strchr (text, '\001'));
    g_assert_null (strstr (text, "\xef\xbf\xbe"));
    assert_contains (text, "<b>Tên & “x”</b> \"quoted\" 'apos' ]]> &amp; <!-- -->");
    assert_contains (text, "Thời gian bắt đầu: 07 giờ 05, ngày 05 tháng 3 năm 2022.");
    assert_contains (text, "Cuộc họp kết thúc vào 11 giờ 45, ngày 05 tháng 3 năm 2022./.");
    /* The user's "Lưu" line closes the recipients, once. */
    const char *recipients = strstr (text, "Nơi nhận:\n");

    g_assert_nonnull (recipients);
    g_assert_cmpuint (count_of (recipients, "- Lưu: "), ==, 1);
    g_assert_nonnull (strstr (recipients, "\n- Lưu: <b>Tên & “x”</b>"));
    g_assert_true (g_str_has_suffix (text, "<!-- -->.\n"));
  }

  g_assert_true (xd_minutes_write_odt (minutes, odt_path, &error));
  g_assert_no_error (error);
  g_assert_true (xd_minutes_write_fodt (minutes, fodt_path, &error));
  g_assert_no_error (error);

  odt = xd_minutes_to_odt (minutes, &error);
  g_assert_no_error (error);
  fodt = xd_minutes_to_fodt (minutes, &error);
  g_assert_no_error (error);
  {
    g_autoptr(xmlDoc) flat = parse (fodt);
    g_autofree char *text = document_text (flat);
    g_autofree char *dc_title = NULL;

    /* The words come back out of the XML as they went in. */
    assert_contains (text, "<b>Tên & “x”</b> \"quoted\" 'apos' ]]> &amp; <!-- -->");
    assert_contains (text, long_name);
    dc_title = g_strdup_printf ("//dc:title[string-length(.) = %ld]",
                                g_utf8_strlen (minutes->title, -1));
    g_assert_cmpint (count_xpath (flat, dc_title), ==, 1);
  }
  {
    zip_source_t *source = zip_source_buffer_create (g_bytes_get_data (odt, NULL),
                                                     g_bytes_get_size (odt), 0, NULL);
    g_autoptr(zip_t) archive = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, NULL);
    const char *parts[] = { "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml" };

    g_assert_nonnull (archive);
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autoptr(GBytes) bytes = read_entry (archive, parts[i]);
        g_autoptr(xmlDoc) doc = parse (bytes);
      }
  }
}

/* The same meeting through the OASIS schema, with the validator the build
 * names in XD_VALIDATE_ODF and the schemas in ODF_SCHEMA_DIR; skipped, not
 * passed, when they are missing (check-odf.sh does the same for the
 * sample). */
static void
test_hostile_text_schema (Fixture       *f,
                          gconstpointer  data)
{
  const char *validator = g_getenv ("XD_VALIDATE_ODF");
  const char *schema = g_getenv ("ODF_SCHEMA_DIR");
  const char *tools[] = { "bash", "jing", "xmllint", "unzip", "python3" };
  g_autofree char *rng = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XdMinutes) minutes = NULL;
  g_autofree char *odt_path = g_build_filename (f->dir, "hostile.odt", NULL);
  g_autofree char *fodt_path = g_build_filename (f->dir, "hostile.fodt", NULL);
  const char *paths[] = { odt_path, fodt_path };

  if (validator == NULL || !g_file_test (validator, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no validate-odf script (XD_VALIDATE_ODF)");
      return;
    }
  rng = g_build_filename (schema != NULL ? schema : "", "OpenDocument-v1.3-schema.rng", NULL);
  if (schema == NULL || !g_file_test (rng, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no ODF 1.3 schema (ODF_SCHEMA_DIR)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);

      if (found == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed", tools[i]);
          g_test_skip (message);
          return;
        }
    }

  minutes = xd_minutes_build (f->store, add_hostile_meeting (f), &error);
  g_assert_no_error (error);
  g_assert_true (xd_minutes_write_odt (minutes, odt_path, &error));
  g_assert_true (xd_minutes_write_fodt (minutes, fodt_path, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *argv[] = { "bash", validator, paths[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    &out, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        {
          g_test_message ("%s%s", out, err);
          g_test_fail ();
        }
    }
}

/* A failed save leaves the old file, or none, and says why in words. */
static void
test_save_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(XdMinutes) minutes = xd_test_build_sample_minutes (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.odt", NULL);
  g_autofree char *target = g_build_filename (f->dir, "bien-ban.fodt", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "x.odt", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_false (xd_minutes_write_odt (minutes, missing, &error));
  g_assert_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_NO_FOLDER);
  assert_contains (error->message, "no-such-folder");
  g_clear_error (&error);

  g_assert_false (xd_minutes_write_fodt (minutes, f->dir, &error));
  g_assert_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_IS_FOLDER);
  g_clear_error (&error);

  /* Replacing: the old contents go, the old mode stays. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_true (xd_minutes_write_fodt (minutes, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  if (geteuid () == 0)
    g_test_message ("running as root: folder permissions are not enforced, not tested");
  else
    {
      g_assert_false (xd_minutes_write_odt (minutes, in_locked, &error));
      g_assert_error (error, XD_OUTPUT_ERROR, XD_OUTPUT_ERROR_PERMISSION);
      assert_contains (error->message, "locked");
      g_clear_error (&error);
      g_assert_false (g_file_test (in_locked, G_FILE_TEST_EXISTS));
    }

  /* No temporary file is left behind by any of it. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (name[0] == '.');
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, xd_test_store_set_up, func, xd_test_store_tear_down)
  ADD ("/core/minutes/sample-content", test_sample_content);
  ADD ("/core/minutes/sample-blocks", test_sample_blocks);
  ADD ("/core/minutes/missing-data", test_missing_data);
  ADD ("/core/minutes/votes", test_votes);
  ADD ("/core/minutes/sample-files", test_sample_files);
  ADD ("/core/minutes/hostile-text", test_hostile_text);
  ADD ("/core/minutes/hostile-text-schema", test_hostile_text_schema);
  ADD ("/core/minutes/save-errors", test_save_errors);
#undef ADD

  return g_test_run ();
}
