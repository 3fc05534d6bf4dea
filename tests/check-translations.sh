#!/bin/bash
# check-translations.sh SRCDIR — every translatable string is in po/vi.po.
#
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when vi.po lacks (or has fuzzy) any message of
# today's sources: a Vietnamese user would see English there.
set -euo pipefail
src=${1:?usage: check-translations.sh SRCDIR}
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..3"

missing=$(find src resources -name '*.c' -o -name '*.ui' | sort |
  xargs grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(|translatable="yes"' |
  while read -r f; do grep -qxF "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then
  echo "not ok 1 - POTFILES.in lists every file with translatable strings"
  printf '# missing: %s\n' $missing
else
  echo "ok 1 - POTFILES.in lists every file with translatable strings"
fi

grep -v '^\s*#' po/POTFILES.in > "$tmp/files"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 -f "$tmp/files" -o "$tmp/x.pot"
msgmerge -q --no-fuzzy-matching po/vi.po "$tmp/x.pot" -o "$tmp/vi.po"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/vi.po" 2>&1)
case $stats in
  *untranslated*|*fuzzy*) echo "not ok 2 - vi.po covers today's sources"; echo "# $stats" ;;
  *) echo "ok 2 - vi.po covers today's sources"; echo "# $stats" ;;
esac

if msgfmt --check -o /dev/null po/vi.po 2>"$tmp/err"; then
  echo "ok 3 - vi.po passes msgfmt --check"
else
  echo "not ok 3 - vi.po passes msgfmt --check"; sed 's/^/# /' "$tmp/err"
fi
