/* test-text.c — Vietnamese text: clean-up, search keys, name ordering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "xd-text.h"

typedef struct {
  const char *input;
  const char *expected;
} Case;

/* The same text decomposed (NFD); asserts it really differs from @nfc so a
 * test cannot silently compare a string with itself. */
static char *
decompose (const char *nfc)
{
  char *nfd = g_utf8_normalize (nfc, -1, G_NORMALIZE_NFD);

  g_assert_nonnull (nfd);
  g_assert_cmpstr (nfd, !=, nfc);
  return nfd;
}

static void
test_normalize (void)
{
  static const Case cases[] = {
    { "Nguyễn Văn An", "Nguyễn Văn An" },
    { "  Nguyễn   Văn\tAn \n", "Nguyễn Văn An" },
    { "Hạ\u00a0Long", "Hạ Long" },                 /* no-break space */
    { "Hạ\u2028Long", "Hạ Long" },                 /* line separator */
    { "Quảng\u200bLa", "QuảngLa" },                /* zero-width space */
    { "\ufeffBãi Cháy", "Bãi Cháy" },              /* BOM */
    { "Cao\x01 Thắng\x7f", "Cao Thắng" },           /* controls */
    /* Text already normal is given back as it is; these are its edges. */
    { "Bãi Cháy ", "Bãi Cháy" },
    { " Bãi Cháy", "Bãi Cháy" },
    { "Bãi  Cháy", "Bãi Cháy" },
    { "Bãi\xc2\x85" "Cháy", "BãiCháy" },           /* next line: a C1 control */
    { "Bãi\xc2\x90" "Cháy", "BãiCháy" },           /* a C1 control */
    { "Lê\u00adVăn", "Lê\u00adVăn" },              /* soft hyphen stays */
    { "“Xã” – 124/2021/TT-BCA…", "“Xã” – 124/2021/TT-BCA…" },
    { "", "" },
    { "   ", "" },
    { "\t\n", "" },
    { "a", "a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = xd_text_normalize (cases[i].input);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_normalize_composes (void)
{
  g_autofree char *nfd = decompose ("Phường Hồng Gai");
  g_autofree char *result = xd_text_normalize (nfd);
  g_autofree char *again = xd_text_normalize (result);
  /* A control between a letter and its mark must not keep them apart. */
  g_autofree char *split = xd_text_normalize ("Ho\x01\xcc\x82\xcc\x80ng");

  g_assert_cmpstr (result, ==, "Phường Hồng Gai");
  g_assert_cmpstr (again, ==, result);
  g_assert_cmpstr (split, ==, "Hồng");
}

/* The letters normalize copies without composing must be the ones NFC
 * leaves alone: every code point of those blocks, alone, after a letter
 * and before a combining mark, gives what GLib's NFC gives. */
static void
test_normalize_fast_path (void)
{
  static const gunichar ranges[][2] = {
    { 0x0021, 0x024F }, { 0x1E00, 0x1EFF }, { 0x2010, 0x2027 },
  };
  guint checked = 0;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
      {
        char one[8] = { 0 };
        char *words[3];

        if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_CONTROL ||
            g_unichar_type (c) == G_UNICODE_FORMAT)
          continue;
        g_unichar_to_utf8 (c, one);
        words[0] = g_strdup (one);
        words[1] = g_strconcat ("a", one, NULL);
        words[2] = g_strconcat (one, "\xcc\x81", NULL);   /* + COMBINING ACUTE */
        for (guint i = 0; i < G_N_ELEMENTS (words); i++)
          {
            g_autofree char *ours = xd_text_normalize (words[i]);
            g_autofree char *glib = g_utf8_normalize (words[i], -1, G_NORMALIZE_DEFAULT_COMPOSE);

            g_assert_cmpstr (ours, ==, glib);
            g_free (words[i]);
          }
        checked++;
      }
  g_assert_cmpuint (checked, >, 800);
}

static void
test_normalize_bad_input (void)
{
  g_autofree char *null = xd_text_normalize (NULL);
  g_autofree char *bad = xd_text_normalize ("H\xff\xfe\xe1\xbb\x93ng  Gai\xc3");
  g_autofree char *overlong = xd_text_normalize ("a\xc0\xafz");
  g_autofree char *surrogate = xd_text_normalize ("a\xed\xa0\x80z");

  g_assert_cmpstr (null, ==, "");
  g_assert_cmpstr (bad, ==, "Hồng Gai");
  g_assert_cmpstr (overlong, ==, "az");
  g_assert_cmpstr (surrogate, ==, "az");
}

static void
test_fold (void)
{
  static const Case cases[] = {
    { "Phường Hồng Gai", "phuong hong gai" },
    { "ĐỒNG LÂM", "dong lam" },
    { "Đồng Lâm", "dong lam" },
    { "đ Đ", "d d" },
    { "Bãi Cháy", "bai chay" },
    { "Cao Thắng", "cao thang" },
    { "Quảng La", "quang la" },
    { "QUẢNG LA", "quang la" },
    { "Nguyễn Văn Đức", "nguyen van duc" },
    { "Trần Thị Ánh", "tran thi anh" },
    { "ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư", "a a e o o u a a e o o u" },
    { "Ð", "d" },                                 /* eth, typed for Đ */
    { "  Bãi   Cháy\t\n", "bai chay" },
    { "Hạ\u00a0Long", "ha long" },
    { "Hạ\u200bLong", "halong" },
    { "\uff28\uff41 Long", "ha long" },           /* full-width */
    { "ﬁ", "fi" },
    { "Müller Ørsted Łódź Straße", "muller orsted lodz strasse" },
    { "ABC xyz 123", "abc xyz 123" },
    { "Tờ trình số 01/TTr-BCĐ", "to trinh so 01/ttr-bcd" },
    { "", "" },
    { " ", "" },
    { "\xcc\x81", "" },                            /* a lone combining acute */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = xd_text_fold (cases[i].input);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_fold_all_vowels (void)
{
  /* Every vowel with every tone, lower and upper case. */
  static const char lower[] =
    "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị "
    "oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ";
  static const char upper[] =
    "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ "
    "OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ";
  static const char expected[] =
    "aaaaaa aaaaaa aaaaaa eeeeee eeeeee iiiiii "
    "oooooo oooooo oooooo uuuuuu uuuuuu yyyyyy";
  g_autofree char *folded_lower = xd_text_fold (lower);
  g_autofree char *folded_upper = xd_text_fold (upper);
  g_autofree char *nfd = decompose (upper);
  g_autofree char *folded_nfd = xd_text_fold (nfd);

  g_assert_cmpstr (folded_lower, ==, expected);
  g_assert_cmpstr (folded_upper, ==, expected);
  g_assert_cmpstr (folded_nfd, ==, expected);
}

static void
test_fold_nfd (void)
{
  static const char *names[] = {
    "Phường Hồng Gai", "ĐỒNG LÂM", "Nguyễn Thị Ngọc Ánh", "Lưu Quang Vũ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *nfd = decompose (names[i]);
      g_autofree char *from_nfc = xd_text_fold (names[i]);
      g_autofree char *from_nfd = xd_text_fold (nfd);

      g_assert_cmpstr (from_nfd, ==, from_nfc);
    }
}

static void
test_fold_bad_input (void)
{
  g_autofree char *null = xd_text_fold (NULL);
  g_autofree char *bad = xd_text_fold ("H\xff\xe1\xbb\x92NG\xfe GAI");
  g_autofree char *truncated = xd_text_fold ("Gai\xe1\xbb");
  g_autofree char *only_bad = xd_text_fold ("\x80\x81\xff");
  g_autofree char *too_big = xd_text_fold ("a\xf4\x90\x80\x80z");

  g_assert_cmpstr (null, ==, "");
  g_assert_cmpstr (bad, ==, "hong gai");
  g_assert_cmpstr (truncated, ==, "gai");
  g_assert_cmpstr (only_bad, ==, "");
  g_assert_cmpstr (too_big, ==, "az");
  g_assert_true (g_utf8_validate (bad, -1, NULL));
}

static void
test_matches (void)
{
  g_autofree char *nfd = decompose ("Phường Hồng Gai");

  g_assert_true (xd_text_matches ("Phường Hồng Gai", "hong gai"));
  g_assert_true (xd_text_matches ("Phường Hồng Gai", "Hồng Gai"));
  g_assert_true (xd_text_matches ("Phường Hồng Gai", "HONG"));
  g_assert_true (xd_text_matches ("Phường Hồng Gai", "  hong   gai "));
  g_assert_true (xd_text_matches ("Phường Hồng Gai", "ng ho"));
  g_assert_true (xd_text_matches (nfd, "hồng gai"));
  g_assert_true (xd_text_matches ("Phường Hồng Gai", nfd));
  g_assert_true (xd_text_matches ("Xã Đồng Lâm", "dong lam"));
  g_assert_true (xd_text_matches ("Xa Dong Lam", "Đồng Lâm"));
  g_assert_true (xd_text_matches ("Phường Hồng Gai", ""));
  g_assert_true (xd_text_matches ("Phường Hồng Gai", NULL));
  g_assert_true (xd_text_matches (NULL, NULL));

  g_assert_false (xd_text_matches ("Phường Hồng Gai", "gai hong"));
  g_assert_false (xd_text_matches ("Phường Hồng Gai", "honggai"));
  g_assert_false (xd_text_matches ("Phường Bãi Cháy", "hong gai"));
  g_assert_false (xd_text_matches (NULL, "a"));
  g_assert_false (xd_text_matches ("", "a"));
}

/* Each name sorts strictly before the next, by both the key and the compare
 * function, and the comparison is antisymmetric. */
static void
assert_strict_order (const char * const *names,
                     gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    for (gsize j = 0; j < n_names; j++)
      {
        g_autofree char *key_i = xd_text_name_sort_key (names[i]);
        g_autofree char *key_j = xd_text_name_sort_key (names[j]);
        int cmp = xd_text_compare_names (names[i], names[j]);
        int key_cmp = strcmp (key_i, key_j);

        if (i < j && !(cmp < 0 && key_cmp < 0))
          g_error ("expected “%s” before “%s”", names[i], names[j]);
        if (i > j && !(cmp > 0 && key_cmp > 0))
          g_error ("expected “%s” after “%s”", names[i], names[j]);
        if (i == j)
          g_assert_cmpint (cmp, ==, 0);
      }
}

#define assert_order(...) G_STMT_START {                                  \
    static const char * const names_[] = { __VA_ARGS__ };               \
    assert_strict_order (names_, G_N_ELEMENTS (names_));                \
  } G_STMT_END

static void
test_sort_given_name_first (void)
{
  assert_order ("Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình");
  /* Middle words decide before the family name. */
  assert_order ("Trần Anh Bình", "Lê Văn Bình");
  assert_order ("Lê Văn An", "Nguyễn Văn An", "Trần Văn An");
  assert_order ("Vũ Văn Diện", "Nguyễn Văn Dũng");
}

static void
test_sort_alphabet (void)
{
  /* d < đ: Dũng before Đức whatever the family name. */
  assert_order ("Đỗ Văn Dũng", "Đặng Văn Đức");
  assert_order ("Đặng Văn Dũng", "Đỗ Văn Đức");
  assert_order ("Dz", "Đa", "E");
  assert_order ("An", "Ăn", "Ân", "Bân");
  assert_order ("Nguyễn Văn An", "Nguyễn Văn Ăn", "Nguyễn Văn Ân");
  assert_order ("O", "Ô", "Ơ", "P");
  assert_order ("Oanh", "Ôn", "Ơn");
  assert_order ("Bo", "Boz", "Bô", "Bơ");
  assert_order ("E", "Ez", "Ê", "F", "G");
  /* A plain ASCII ordering would interleave these. */
  assert_order ("Thu", "Thuy", "Thủy", "Thư", "Thương");
  assert_order ("Lê", "Lễ", "Lên");
  assert_order ("Chi", "Cúc", "Dung", "Đào", "Giang", "Hà", "Khánh", "Lan",
                "Mai", "Nga", "Oanh", "Phúc", "Quế", "Sơn", "Tâm", "Uyên",
                "Vân", "Xuân", "Yến");
  /* Foreign letters where the Latin alphabet has them. */
  assert_order ("Ê", "Fanny", "Giang");
  assert_order ("Ivy", "Jack", "Kim");
  assert_order ("Vy", "Wendy", "Xuân");
  assert_order ("Yến", "Zoe");
  assert_order ("1", "9", "A");
}

static void
test_sort_tones (void)
{
  /* The conventional tone order: none, huyền, sắc, hỏi, ngã, nặng… */
  assert_order ("Ma", "Mà", "Má", "Mả", "Mã", "Mạ");
  assert_order ("Lê Văn Anh", "Lê Văn Ánh", "Lê Văn Ảnh", "Lê Văn Ạnh");
  /* …but only when the letters are equal everywhere. */
  assert_order ("Mạ", "Mac", "Mác");
  assert_order ("Nguyễn Văn Ánh", "Trần Văn Anh");
  assert_order ("Lê Văn Ánh", "Lê Văn Ảnh");
  assert_order ("Tâm", "Tầm", "Tấm", "Tẩm", "Tẫm", "Tậm", "Tân");
  assert_order ("Ơn", "Ờn", "Ớn", "Ởn", "Ỡn", "Ợn");
  /* Tones of the given name weigh before those of the family name. */
  assert_order ("Hà Văn Anh", "Ha Văn Ánh");
}

static void
test_sort_case (void)
{
  /* Case is the last difference: lower case first. */
  assert_order ("nguyễn văn an", "Nguyễn Văn An", "NGUYỄN VĂN AN");
  assert_order ("an", "An", "AN");
  /* A tone outweighs case. */
  assert_order ("nguyễn văn an", "NGUYỄN VĂN AN", "nguyễn văn án");
  assert_order ("Đ", "đa");
}

static void
test_sort_word_count (void)
{
  /* No family name first, then no middle name, then by middle words. */
  assert_order ("An", "Lê An", "Nguyễn An", "Lê Văn An", "Nguyễn Văn An");
  assert_order ("Bình", "Lê Văn Bình");
  assert_order ("Trần Thị An", "Nguyễn Thị Minh An", "Nguyễn Văn An");
  assert_order ("Nguyễn Thị An", "Nguyễn Thị Minh An", "Nguyễn Thị Ngọc An");
  assert_order ("Tôn Nữ Thị Hà", "Nguyễn Thị Hà");
}

static void
test_sort_equivalent (void)
{
  static const char *names[] = {
    "Nguyễn Văn An", "Đỗ Văn Đức", "Trần Thị Ngọc Ánh", "Lưu Quang Vũ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *nfd = decompose (names[i]);
      g_autofree char *spaced = g_strdup_printf ("  %s \t", names[i]);
      g_autofree char *key = xd_text_name_sort_key (names[i]);
      g_autofree char *key_nfd = xd_text_name_sort_key (nfd);
      g_autofree char *key_spaced = xd_text_name_sort_key (spaced);

      g_assert_cmpstr (key_nfd, ==, key);
      g_assert_cmpstr (key_spaced, ==, key);
      g_assert_cmpint (xd_text_compare_names (nfd, names[i]), ==, 0);
      g_assert_cmpint (xd_text_compare_names (spaced, names[i]), ==, 0);
    }

  g_assert_cmpint (xd_text_compare_names ("Nguyễn  Văn   An", "Nguyễn Văn An"), ==, 0);
  g_assert_cmpint (xd_text_compare_names ("Nguyễn\u00a0Văn An", "Nguyễn Văn An"), ==, 0);
  g_assert_cmpint (xd_text_compare_names ("Nguyễn Văn An", "Nguyễn Văn An"), ==, 0);
}

static void
test_sort_punctuation (void)
{
  /* Punctuation does not move a name among letters, only breaks the tie. */
  assert_order ("Lê Văn (An)", "Lê Văn An", "Nguyễn Văn An");
  assert_order ("O'Brien", "OBrien", "Ôn");
  /* A spacing accent (old input methods) does not split a word. */
  assert_order ("Lê Văn An", "Nguy\u00b4ên Văn An", "Phạm Văn An");
  /* A lone dash is not a middle name. */
  assert_order ("Lê - An", "Lê An", "Nguyễn An", "Lê Văn An");
  /* Nor a given or a family name. */
  assert_order ("Trần Văn A", "Lê Văn An", "Lê Văn An -", "– Lê Văn An", "Nguyễn Văn An");
}

static void
test_sort_key_form (void)
{
  static const char *names[] = {
    "Nguyễn Văn An", "An", "", "Müller Ørsted", "李小龍", "Ñoño", "O'Brien",
    "123", "Nguyễn Thị Minh Khai",
  };
  g_autofree char *key = xd_text_name_sort_key ("Nguyễn Văn An");
  g_autofree char *key_an = xd_text_name_sort_key ("An");

  /* The exact layout: given, empty-or-middle, family; then tones, case and
   * the name itself.  Pinned so that a change is a deliberate one: keys are
   * stored in the database. */
  g_assert_cmpstr (key, ==,
                   "AR" "\x02" "]BR" "\x02" "RK[`IR"
                   "\x01" "00" "000" "000040"
                   "\x01" "10" "100" "100000"
                   "\x01" "Nguyễn Văn An");
  g_assert_cmpstr (key_an, ==, "AR\x01" "00\x01" "10\x01" "An");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *k = xd_text_name_sort_key (names[i]);
      g_assert_true (g_utf8_validate (k, -1, NULL));
    }
}

static void
test_sort_bad_input (void)
{
  g_autofree char *null = xd_text_name_sort_key (NULL);
  g_autofree char *empty = xd_text_name_sort_key ("");
  g_autofree char *blank = xd_text_name_sort_key ("   ");
  g_autofree char *bad = xd_text_name_sort_key ("Nguy\xff\xe1\xbb\x85n V\xc4\x83n An\xc3");
  g_autofree char *good = xd_text_name_sort_key ("Nguyễn Văn An");

  g_assert_cmpstr (null, ==, "\x01\x01\x01");
  g_assert_cmpstr (empty, ==, null);
  g_assert_cmpstr (blank, ==, null);
  g_assert_cmpstr (bad, ==, good);
  g_assert_true (g_utf8_validate (bad, -1, NULL));

  g_assert_cmpint (xd_text_compare_names (NULL, NULL), ==, 0);
  g_assert_cmpint (xd_text_compare_names (NULL, ""), ==, 0);
  g_assert_cmpint (xd_text_compare_names (NULL, "An"), <, 0);
  g_assert_cmpint (xd_text_compare_names ("An", NULL), >, 0);
  g_assert_cmpint (xd_text_compare_names ("\xff\xfe", ""), ==, 0);
  /* Anything the alphabet does not know sorts after it, and stays stable. */
  assert_order ("Zoe", "Ωmega", "李小龍");
}

/* A council's member list, shuffled; the expected order by given name. */
static const char *council[] = {
  "Vũ Văn Diện", "Trần Thị Bích", "Nguyễn Văn A", "Đỗ Văn Đức",
  "Đặng Văn Dũng", "Lê Thị Ánh", "Phạm Văn An", "Hoàng Ân", "Bùi Thị Ơn",
  "Ngô Văn Ôn", "Lý Văn On", "Trịnh Thị Thư", "Mai Văn Thu", "Dương Thị Thủy",
  "Đinh Văn Bình", "Cao Thị Ánh",
};

static const char *council_sorted[] = {
  "Nguyễn Văn A", "Phạm Văn An", "Cao Thị Ánh", "Lê Thị Ánh", "Hoàng Ân",
  "Trần Thị Bích", "Đinh Văn Bình", "Vũ Văn Diện", "Đặng Văn Dũng",
  "Đỗ Văn Đức", "Lý Văn On", "Ngô Văn Ôn", "Bùi Thị Ơn", "Mai Văn Thu",
  "Dương Thị Thủy", "Trịnh Thị Thư",
};

static int
compare_names_cb (gconstpointer a,
                  gconstpointer b)
{
  return xd_text_compare_names (*(const char * const *) a, *(const char * const *) b);
}

static void
assert_council_sorted (void)
{
  const char *names[G_N_ELEMENTS (council)];

  memcpy (names, council, sizeof council);
  qsort (names, G_N_ELEMENTS (names), sizeof names[0], compare_names_cb);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (names[i], ==, council_sorted[i]);
}

static void
test_sort_list (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (council) == G_N_ELEMENTS (council_sorted));

  assert_council_sorted ();
  assert_strict_order (council_sorted, G_N_ELEMENTS (council_sorted));
}

static void
test_sort_locale_independent (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *key_c = NULL;
  g_autofree char *key_vi = NULL;
  const char *vi = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  assert_council_sorted ();
  key_c = xd_text_name_sort_key ("Đặng Thị Ánh");

  if (setlocale (LC_ALL, "vi_VN.UTF-8") != NULL)
    vi = "vi_VN.UTF-8";
  else if (setlocale (LC_ALL, "vi_VN.utf8") != NULL)
    vi = "vi_VN.utf8";

  if (vi != NULL)
    {
      assert_council_sorted ();
      key_vi = xd_text_name_sort_key ("Đặng Thị Ánh");
      g_assert_cmpstr (key_vi, ==, key_c);
    }

  setlocale (LC_ALL, saved);
  if (vi == NULL)
    g_test_skip ("locale vi_VN.UTF-8 is not installed; only C.UTF-8 was checked");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/text/normalize", test_normalize);
  g_test_add_func ("/core/text/normalize/composes", test_normalize_composes);
  g_test_add_func ("/core/text/normalize/bad-input", test_normalize_bad_input);
  g_test_add_func ("/core/text/normalize/fast-path", test_normalize_fast_path);
  g_test_add_func ("/core/text/fold", test_fold);
  g_test_add_func ("/core/text/fold/all-vowels", test_fold_all_vowels);
  g_test_add_func ("/core/text/fold/nfd", test_fold_nfd);
  g_test_add_func ("/core/text/fold/bad-input", test_fold_bad_input);
  g_test_add_func ("/core/text/matches", test_matches);
  g_test_add_func ("/core/text/sort/given-name-first", test_sort_given_name_first);
  g_test_add_func ("/core/text/sort/alphabet", test_sort_alphabet);
  g_test_add_func ("/core/text/sort/tones", test_sort_tones);
  g_test_add_func ("/core/text/sort/case", test_sort_case);
  g_test_add_func ("/core/text/sort/word-count", test_sort_word_count);
  g_test_add_func ("/core/text/sort/equivalent", test_sort_equivalent);
  g_test_add_func ("/core/text/sort/punctuation", test_sort_punctuation);
  g_test_add_func ("/core/text/sort/key-form", test_sort_key_form);
  g_test_add_func ("/core/text/sort/bad-input", test_sort_bad_input);
  g_test_add_func ("/core/text/sort/list", test_sort_list);
  g_test_add_func ("/core/text/sort/locale-independent", test_sort_locale_independent);

  return g_test_run ();
}
