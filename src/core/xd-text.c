/* xd-text.c — Vietnamese text: clean-up, search keys, name ordering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xd-text"

#include "config.h"

#include <string.h>

#include "xd-text.h"

/* Bytes of a name sort key.  The separators sort below every weight, so a
 * shorter word, section or level sorts first; LEVEL < GROUP < WORD makes an
 * empty middle name sort before any middle name and "Thị" before "Thị Minh".
 * Every byte is ASCII except the UTF-8 that follows KEY_OTHER, so the key is
 * valid UTF-8. */
#define KEY_LEVEL      '\x01'  /* between primary, secondary, tertiary, identical */
#define KEY_GROUP      '\x02'  /* between given name, middle words, family name */
#define KEY_WORD       '\x03'  /* between middle words */
#define KEY_DIGIT      '0'     /* '0'…'9': digits sort before letters */
#define KEY_LETTER     'A'     /* 'A' + position in the alphabet below */
#define KEY_OTHER      '\x7f'  /* followed by the character's UTF-8: after all letters */
#define KEY_NO_TONE    '0'     /* '0' + tone, see tones[] */
#define KEY_LOWER      '0'     /* lower case first, as in the UCA */
#define KEY_UPPER      '1'

#define MARK_GRAVE      0x0300  /* huyền */
#define MARK_ACUTE      0x0301  /* sắc */
#define MARK_CIRCUMFLEX 0x0302  /* â ê ô */
#define MARK_TILDE      0x0303  /* ngã */
#define MARK_BREVE      0x0306  /* ă */
#define MARK_HOOK       0x0309  /* hỏi */
#define MARK_HORN       0x031B  /* ơ ư */
#define MARK_DOT_BELOW  0x0323  /* nặng */

#define LATIN_D_STROKE  0x0111  /* đ */
#define LATIN_ETH       0x00F0  /* ð: old Vietnamese encodings typed it for đ */

/* The Vietnamese alphabet, with f j w z where the Latin alphabet has them.
 * A letter is a base (lowercase, decomposed) plus at most one vowel mark. */
static const struct {
  gunichar base;
  gunichar mark;
} alphabet[] = {
  { 'a', 0 }, { 'a', MARK_BREVE }, { 'a', MARK_CIRCUMFLEX },
  { 'b', 0 }, { 'c', 0 }, { 'd', 0 }, { LATIN_D_STROKE, 0 },
  { 'e', 0 }, { 'e', MARK_CIRCUMFLEX }, { 'f', 0 }, { 'g', 0 }, { 'h', 0 },
  { 'i', 0 }, { 'j', 0 }, { 'k', 0 }, { 'l', 0 }, { 'm', 0 }, { 'n', 0 },
  { 'o', 0 }, { 'o', MARK_CIRCUMFLEX }, { 'o', MARK_HORN },
  { 'p', 0 }, { 'q', 0 }, { 'r', 0 }, { 's', 0 }, { 't', 0 },
  { 'u', 0 }, { 'u', MARK_HORN }, { 'v', 0 }, { 'w', 0 }, { 'x', 0 },
  { 'y', 0 }, { 'z', 0 },
};

/* The conventional tone order: unmarked, huyền, sắc, hỏi, ngã, nặng. */
static const gunichar tones[] = {
  MARK_GRAVE, MARK_ACUTE, MARK_HOOK, MARK_TILDE, MARK_DOT_BELOW,
};

typedef struct {
  GString *primary;
  GString *secondary;
  GString *tertiary;
} NameWord;

static void
name_word_clear (NameWord *word)
{
  g_string_free (word->primary, TRUE);
  g_string_free (word->secondary, TRUE);
  g_string_free (word->tertiary, TRUE);
}

/* Copy of @text with every byte that is not part of valid UTF-8 dropped:
 * a stray Latin-1 byte in a pasted name must not lose the whole name. */
static char *
make_valid (const char *text)
{
  GString *out;
  const char *p = text;
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  while (!g_utf8_validate (p, -1, &end))
    {
      g_string_append_len (out, p, end - p);
      p = end + 1;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

#define TYPE_BIT(type) (1u << (type))

#define MARK_TYPES (TYPE_BIT (G_UNICODE_NON_SPACING_MARK) | \
                    TYPE_BIT (G_UNICODE_SPACING_MARK) | \
                    TYPE_BIT (G_UNICODE_ENCLOSING_MARK))

/* Controls, zero-width spaces, soft hyphens, BOMs: they sneak in from word
 * processors and must not make two names or search keys differ. */
#define INVISIBLE_TYPES (TYPE_BIT (G_UNICODE_CONTROL) | \
                         TYPE_BIT (G_UNICODE_FORMAT))

/* Punctuation and symbols ("O'Brien", "Lê-Văn") take no part in the letter
 * order; they only break ties at the identical level. */
#define IGNORABLE_TYPES (INVISIBLE_TYPES | \
                         TYPE_BIT (G_UNICODE_CONNECT_PUNCTUATION) | \
                         TYPE_BIT (G_UNICODE_DASH_PUNCTUATION) | \
                         TYPE_BIT (G_UNICODE_CLOSE_PUNCTUATION) | \
                         TYPE_BIT (G_UNICODE_FINAL_PUNCTUATION) | \
                         TYPE_BIT (G_UNICODE_INITIAL_PUNCTUATION) | \
                         TYPE_BIT (G_UNICODE_OTHER_PUNCTUATION) | \
                         TYPE_BIT (G_UNICODE_OPEN_PUNCTUATION) | \
                         TYPE_BIT (G_UNICODE_CURRENCY_SYMBOL) | \
                         TYPE_BIT (G_UNICODE_MODIFIER_SYMBOL) | \
                         TYPE_BIT (G_UNICODE_MATH_SYMBOL) | \
                         TYPE_BIT (G_UNICODE_OTHER_SYMBOL) | \
                         TYPE_BIT (G_UNICODE_LINE_SEPARATOR) | \
                         TYPE_BIT (G_UNICODE_PARAGRAPH_SEPARATOR) | \
                         TYPE_BIT (G_UNICODE_SPACE_SEPARATOR))

static gboolean
is_mark (gunichar c)
{
  return (TYPE_BIT (g_unichar_type (c)) & MARK_TYPES) != 0;
}

static gboolean
is_invisible (gunichar c)
{
  return (TYPE_BIT (g_unichar_type (c)) & INVISIBLE_TYPES) != 0;
}

static gboolean
is_ignorable (gunichar c)
{
  return (TYPE_BIT (g_unichar_type (c)) & IGNORABLE_TYPES) != 0;
}

/* Appends @word in NFC.  GLib's composition moves the rest of its buffer
 * for every letter it composes, so one long string costs the square of its
 * length (the minutes' list of ten thousand units took most of an export):
 * words are short.  Composition never crosses a space (a starter that
 * composes with nothing), so word by word gives the same text. */
/* Precomposed Latin letters (what Vietnamese is typed in) and common
 * punctuation: none decomposes canonically or composes with a neighbour,
 * so text made only of them is in NFC for certain.  A combining mark, or
 * anything from another block, is not one of them. */
static gboolean
is_plain_latin_char (gunichar c)
{
  return c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x2027);
}

/* TRUE when @word is already in NFC for certain. */
static gboolean
is_plain_latin (const GString *word)
{
  for (const char *p = word->str; p < word->str + word->len; p = g_utf8_next_char (p))
    if (!is_plain_latin_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
append_composed (GString    *out,
                 GString    *word)
{
  g_autofree char *composed = NULL;

  if (word->len == 0)
    return;
  if (is_plain_latin (word))
    {
      /* Nearly every word of a record: no allocation, no table walk. */
      g_string_append_len (out, word->str, word->len);
      g_string_truncate (word, 0);
      return;
    }
  composed = g_utf8_normalize (word->str, word->len, G_NORMALIZE_DEFAULT_COMPOSE);
  g_string_append (out, composed);
  g_string_truncate (word, 0);
}

/* TRUE when xd_text_normalize () would give @text back as it is, as it
 * does for nearly every string of a record (ten thousand units' minutes
 * normalise some 100,000): valid UTF-8, single spaces between words and
 * none at either end, and nothing but printable ASCII and
 * is_plain_latin_char ().  No control, no other kind of space (U+00A0 is
 * left out on purpose), no combining mark. */
static gboolean
is_already_normal (const char *text)
{
  const char *p = text;
  gboolean after_space = TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  while (*p != '\0')
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          if (b == ' ' && after_space)
            return FALSE;
          if (b != ' ' && (b < 0x21 || b == 0x7F))
            return FALSE;
          after_space = b == ' ';
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);

          /* Below U+00A1: the C1 controls and the no-break space. */
          if (c < 0xA1 || !is_plain_latin_char (c))
            return FALSE;
          after_space = FALSE;
          p = g_utf8_next_char (p);
        }
    }
  return p == text || !after_space;
}

char *
xd_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) word = NULL;
  gboolean pending_space = FALSE;

  if (text != NULL && is_already_normal (text))
    return g_strdup (text);

  valid = make_valid (text);
  out = g_string_sized_new (strlen (valid));
  word = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          append_composed (out, word);
          pending_space = out->len > 0;
          continue;
        }
      if (g_unichar_type (c) == G_UNICODE_CONTROL || c == 0x200B || c == 0xFEFF)
        continue;

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      /* Composed after the clean-up, so that dropping a control between a
       * letter and its mark still yields the composed letter. */
      g_string_append_unichar (word, c);
    }
  append_composed (out, word);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
xd_text_fold (const char *text)
{
  g_autofree char *valid = make_valid (text);
  /* Compatibility decomposition also folds full-width letters, ligatures
   * and no-break spaces, which people paste but never type in a search. */
  g_autofree char *decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) out = g_string_sized_new (strlen (decomposed));
  gboolean pending_space = FALSE;

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (is_mark (c) || is_invisible (c))
        continue;

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;

      /* Letters with a stroke or a ligature do not decompose in Unicode. */
      c = g_unichar_tolower (c);
      switch (c)
        {
        case LATIN_D_STROKE:
        case LATIN_ETH:
          g_string_append_c (out, 'd');
          break;
        case 0x00F8: /* ø */
          g_string_append_c (out, 'o');
          break;
        case 0x0142: /* ł */
          g_string_append_c (out, 'l');
          break;
        case 0x00DF: /* ß */
          g_string_append (out, "ss");
          break;
        case 0x00E6: /* æ */
          g_string_append (out, "ae");
          break;
        case 0x0153: /* œ */
          g_string_append (out, "oe");
          break;
        default:
          g_string_append_unichar (out, c);
          break;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
xd_text_matches (const char *text,
                 const char *query)
{
  g_autofree char *folded_text = xd_text_fold (text);
  g_autofree char *folded_query = xd_text_fold (query);

  return strstr (folded_text, folded_query) != NULL;
}

static int
tone_of (gunichar mark)
{
  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    if (tones[i] == mark)
      return i + 1;

  return 0;
}

/* One letter (or digit, or other character) with the marks that follow it,
 * appended at all three levels of @word. */
static void
name_word_add (NameWord *word,
               gunichar  c,
               gunichar *marks,
               guint     n_marks)
{
  gunichar lower = g_unichar_tolower (c);
  gboolean upper = g_unichar_isupper (c) || g_unichar_istitle (c);
  int digit = g_unichar_digit_value (c);
  int letter = -1;
  int tone = 0;

  if (is_ignorable (c))
    return;

  if (lower == LATIN_ETH)
    lower = LATIN_D_STROKE;

  if (digit >= 0)
    {
      g_string_append_c (word->primary, KEY_DIGIT + digit);
    }
  else
    {
      /* A vowel mark makes a different letter (a ă â), so it is consumed
       * here; whatever marks remain are tones or foreign accents. */
      for (guint i = 0; i < G_N_ELEMENTS (alphabet) && letter < 0; i++)
        {
          if (alphabet[i].base != lower || alphabet[i].mark == 0)
            continue;
          for (guint j = 0; j < n_marks; j++)
            if (marks[j] == alphabet[i].mark)
              {
                letter = i;
                marks[j] = 0;
                break;
              }
        }
      for (guint i = 0; i < G_N_ELEMENTS (alphabet) && letter < 0; i++)
        if (alphabet[i].base == lower && alphabet[i].mark == 0)
          letter = i;

      if (letter >= 0)
        {
          g_string_append_c (word->primary, KEY_LETTER + letter);
        }
      else
        {
          g_string_append_c (word->primary, KEY_OTHER);
          g_string_append_unichar (word->primary, lower);
        }
    }

  for (guint j = 0; j < n_marks && tone == 0; j++)
    if ((tone = tone_of (marks[j])) > 0)
      marks[j] = 0;
  g_string_append_c (word->secondary, KEY_NO_TONE + tone);
  /* Foreign accents (ü, ç) sort after the plain letter with the same tone. */
  for (guint j = 0; j < n_marks; j++)
    if (marks[j] != 0)
      {
        g_string_append_c (word->secondary, KEY_OTHER);
        g_string_append_unichar (word->secondary, marks[j]);
      }

  g_string_append_c (word->tertiary, upper ? KEY_UPPER : KEY_LOWER);
}

static void
name_word_init (NameWord   *word,
                const char *text)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gunichar base = 0;

  word->primary = g_string_new (NULL);
  word->secondary = g_string_new (NULL);
  word->tertiary = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        {
          /* A mark with nothing before it has nothing to modify. */
          if (base != 0)
            g_array_append_val (marks, c);
          continue;
        }
      if (is_invisible (c))
        continue;

      if (base != 0)
        name_word_add (word, base, (gunichar *) marks->data, marks->len);
      g_array_set_size (marks, 0);
      base = c;
    }
  if (base != 0)
    name_word_add (word, base, (gunichar *) marks->data, marks->len);
}

char *
xd_text_name_sort_key (const char *full_name)
{
  g_autofree char *normal = xd_text_normalize (full_name);
  g_auto(GStrv) split = g_strsplit (normal, " ", -1);
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (NameWord));
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GString *key;

  g_array_set_clear_func (words, (GDestroyNotify) name_word_clear);
  for (guint i = 0; split[i] != NULL; i++)
    {
      /* Decomposed word by word: a compatibility decomposition may add
       * spaces (U+00B4 ´ → space + acute) that must not split the word. */
      g_autofree char *decomposed = g_utf8_normalize (split[i], -1, G_NORMALIZE_ALL);
      NameWord word;

      name_word_init (&word, decomposed);
      /* A lone "-" or "(" is not a name part: it must not shift the family
       * name into the middle. */
      if (word.primary->len == 0)
        name_word_clear (&word);
      else
        g_array_append_val (words, word);
    }

  /* Given name first, then the middle words in order, then the family. */
  if (words->len > 0)
    g_ptr_array_add (order, &g_array_index (words, NameWord, words->len - 1));
  for (guint i = 1; i + 1 < words->len; i++)
    g_ptr_array_add (order, &g_array_index (words, NameWord, i));
  if (words->len > 1)
    g_ptr_array_add (order, &g_array_index (words, NameWord, 0));

  key = g_string_new (NULL);
  for (guint i = 0; i < order->len; i++)
    {
      NameWord *word = g_ptr_array_index (order, i);

      /* given GROUP middle WORD middle … GROUP family: with two words the
       * middle group is there but empty. */
      if (i == 1 || (i > 1 && i + 1 == order->len))
        g_string_append_c (key, KEY_GROUP);
      else if (i > 1)
        g_string_append_c (key, KEY_WORD);
      if (i == 1 && order->len == 2)
        g_string_append_c (key, KEY_GROUP);
      g_string_append_len (key, word->primary->str, word->primary->len);
    }

  /* Equal primaries have the same number of letters in the same places, so
   * the other levels need no separators inside. */
  g_string_append_c (key, KEY_LEVEL);
  for (guint i = 0; i < order->len; i++)
    {
      NameWord *word = g_ptr_array_index (order, i);
      g_string_append_len (key, word->secondary->str, word->secondary->len);
    }
  g_string_append_c (key, KEY_LEVEL);
  for (guint i = 0; i < order->len; i++)
    {
      NameWord *word = g_ptr_array_index (order, i);
      g_string_append_len (key, word->tertiary->str, word->tertiary->len);
    }

  /* Names that differ only in punctuation still need a stable order. */
  g_string_append_c (key, KEY_LEVEL);
  g_string_append (key, normal);

  return g_string_free (key, FALSE);
}

int
xd_text_compare_names (const char *a,
                       const char *b)
{
  g_autofree char *key_a = xd_text_name_sort_key (a);
  g_autofree char *key_b = xd_text_name_sort_key (b);
  int cmp = strcmp (key_a, key_b);

  return (cmp > 0) - (cmp < 0);
}
