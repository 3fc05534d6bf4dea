#!/bin/bash
# check-valgrind.sh CLI SUPPRESSIONS — the CLI's export under memcheck
#
# Exports the sample meeting's minutes as PDF, ODT and FODT under
# valgrind --leak-check=full: no invalid access, no definite or possible
# leak.  Only third-party caches are suppressed (valgrind.supp).  Skipped
# when valgrind is not installed.
set -uo pipefail
cli=${1:?usage: check-valgrind.sh CLI SUPPRESSIONS}
supp=${2:?usage: check-valgrind.sh CLI SUPPRESSIONS}
formats="pdf odt fodt"
n=0
echo "1..3"

skip_all ()
{
  for f in $formats; do
    n=$((n+1)); echo "ok $n - export $f under valgrind # SKIP $1"
  done
  exit 0
}
command -v valgrind >/dev/null || skip_all "valgrind is not installed"
# A sanitizer build has its own allocator; valgrind cannot run it.
if ldd "$cli" 2>/dev/null | grep -q 'libasan\|libtsan\|libmsan'; then
  skip_all "built with a sanitizer"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/sample.xetduyet
if ! out=$("$cli" sample --db "$db" 2>&1); then
  echo "Bail out! cannot create the sample database: $out"
  exit 1
fi

# GSlice (GLib < 2.76) hides frees from valgrind unless told not to.
export G_SLICE=always-malloc
for f in $formats; do
  n=$((n+1))
  log=$tmp/valgrind-$f.log
  if valgrind --leak-check=full --errors-for-leak-kinds=definite,possible \
       --error-exitcode=9 --suppressions="$supp" --log-file="$log" \
       "$cli" export 1 --format "$f" -o "$tmp/bien-ban.$f" --db "$db" >/dev/null 2>"$tmp/err"; then
    echo "ok $n - export $f under valgrind"
    grep -E "definitely lost:|ERROR SUMMARY" "$log" | sed 's/^==[0-9]*== */# /'
  else
    echo "not ok $n - export $f under valgrind"
    sed 's/^/# /' "$tmp/err" "$log"
  fi
done
