#!/bin/bash
# check-desktop.sh BUILDDIR — the desktop sees the app as it is installed.
#
# Validates the .desktop file, the AppStream metainfo and the MIME type
# with their own tools, installs into a temporary DESTDIR and checks every
# file lands where the desktop looks, then asks the MIME database (through
# xdg-mime, as a file manager does) what a database we created is.
set -uo pipefail
build=$(cd "${1:?usage: check-desktop.sh BUILDDIR}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok ()     { n=$((n+1)); echo "ok $n - $1"; }
not_ok () { n=$((n+1)); echo "not ok $n - $1"; shift; printf '# %s\n' "$@"; }
skip ()   { n=$((n+1)); echo "ok $n - $1 # SKIP $2"; }
check ()  { local what=$1; shift; local out; if out=$("$@" 2>&1); then ok "$what"; else not_ok "$what" "$out"; fi; }
echo "1..9"

desktop=$build/data/io.github.xetduyet.XetDuyet.desktop
metainfo=$build/data/io.github.xetduyet.XetDuyet.metainfo.xml
mime=$(dirname "$0")/../data/io.github.xetduyet.XetDuyet.mime.xml

check "desktop-file-validate" desktop-file-validate "$desktop"
if command -v appstreamcli >/dev/null; then
  check "appstreamcli validate" appstreamcli validate --no-net "$metainfo"
else
  check "appstream-util validate-relax" appstream-util validate-relax --nonet "$metainfo"
fi
check "MIME definition is well-formed XML" xmllint --noout "$mime"

# The translated name and comment reach the .desktop file.
if grep -q '^Comment\[vi\]=' "$desktop" && grep -q '^GenericName\[vi\]=' "$desktop"; then
  ok "the desktop file carries the Vietnamese comment and generic name"
else
  not_ok "the desktop file carries the Vietnamese comment and generic name" "no [vi] keys"
fi

# Install as a package would (any prefix, DESTDIR) and look for each file.
prefix=/usr
if out=$(DESTDIR="$tmp/dest" meson install -C "$build" --no-rebuild --quiet 2>&1); then
  root=$tmp/dest$(meson introspect "$build" --buildoptions | python3 -c \
    'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
  missing=""
  for f in bin/xetduyet bin/xetduyet-cli \
           share/applications/io.github.xetduyet.XetDuyet.desktop \
           share/metainfo/io.github.xetduyet.XetDuyet.metainfo.xml \
           share/mime/packages/io.github.xetduyet.XetDuyet.mime.xml \
           share/icons/hicolor/scalable/apps/io.github.xetduyet.XetDuyet.svg \
           share/icons/hicolor/symbolic/apps/io.github.xetduyet.XetDuyet-symbolic.svg \
           share/glib-2.0/schemas/io.github.xetduyet.XetDuyet.gschema.xml \
           share/locale/vi/LC_MESSAGES/xetduyet.mo; do
    [ -e "$root/$f" ] || missing="$missing $f"
  done
  if [ -z "$missing" ]; then ok "meson install puts every file where the desktop expects it"
  else not_ok "meson install puts every file where the desktop expects it" "missing:$missing"; fi
  prefix=$root
else
  not_ok "meson install puts every file where the desktop expects it" "$out"
fi

# The MIME database built from our definition recognises our files by
# content (magic + application_id) and by name, and not a foreign SQLite file.
data=$tmp/xdg
mkdir -p "$data/mime/packages"
cp "$mime" "$data/mime/packages/"
cp /usr/share/mime/packages/freedesktop.org.xml "$data/mime/packages/" 2>/dev/null
if ! update-mime-database "$data/mime" >/dev/null 2>&1; then
  not_ok "update-mime-database accepts the definition" "update-mime-database failed"
  skip "xdg-mime recognises a database by its content" "no MIME database"
  skip "a foreign SQLite file is not taken for ours" "no MIME database"
  skip "xdg-mime recognises the .xetduyet extension" "no MIME database"
  exit 0
fi
ok "update-mime-database accepts the definition"

"$build/src/cli/xetduyet-cli" init --db "$tmp/hoi-nghi.db" >/dev/null
cp "$tmp/hoi-nghi.db" "$tmp/hoi-nghi.xetduyet"
sqlite3_bin=$(command -v sqlite3 || true)
query () { XDG_DATA_HOME=$data XDG_DATA_DIRS=$data XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$1" 2>/dev/null; }
got=$(query "$tmp/hoi-nghi.db")
[ "$got" = application/x-xetduyet ] && ok "xdg-mime recognises a database by its content" \
  || not_ok "xdg-mime recognises a database by its content" "got '$got'"
if [ -n "$sqlite3_bin" ]; then
  "$sqlite3_bin" "$tmp/other.db" "CREATE TABLE t (x)"
  got=$(query "$tmp/other.db")
  [ "$got" != application/x-xetduyet ] && ok "a foreign SQLite file is not taken for ours ($got)" \
    || not_ok "a foreign SQLite file is not taken for ours" "got '$got'"
else
  skip "a foreign SQLite file is not taken for ours" "no sqlite3 shell"
fi
got=$(query "$tmp/hoi-nghi.xetduyet")
[ "$got" = application/x-xetduyet ] && ok "xdg-mime recognises the .xetduyet extension" \
  || not_ok "xdg-mime recognises the .xetduyet extension" "got '$got'"
