#!/bin/bash
# check-install-open.sh BUILDDIR — an installed copy opens a .xetduyet file.
#
# Installs into a temporary DESTDIR, builds the MIME, desktop and schema
# caches there as a distribution's triggers would, points the desktop
# (XDG_DATA_HOME/XDG_DATA_DIRS, PATH) at that prefix and asks `gio open`
# to open a database the CLI created — exactly what a double click in a
# file manager does.  Checks that the installed xetduyet started with that
# file and that its window appeared on the (virtual) display, then stops it.
# Skipped, with the reason, when gio or the X tools are missing.
set -uo pipefail
build=$(cd "${1:?usage: check-install-open.sh BUILDDIR}" && pwd)
tmp=$(mktemp -d)
app_pid=
cleanup () {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
n=0
ok ()     { n=$((n+1)); echo "ok $n - $1"; }
not_ok () { n=$((n+1)); echo "not ok $n - $1"; shift; printf '# %s\n' "$@"; }
skip_all () { echo "1..0 # SKIP $1"; exit 0; }

command -v gio >/dev/null || skip_all "gio is not installed (libglib2.0-bin)"
[ -n "${DISPLAY:-}" ] || skip_all "no X display (run under xvfb-run)"
for tool in xwininfo xprop; do
  command -v $tool >/dev/null || skip_all "$tool is not installed (x11-utils)"
done
for tool in dbus-run-session update-mime-database update-desktop-database glib-compile-schemas; do
  command -v $tool >/dev/null || skip_all "$tool is not installed"
done

echo "1..5"

# 1. Install as a package would.
prefix=$(meson introspect "$build" --buildoptions | python3 -c \
  'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
if ! out=$(DESTDIR="$tmp/dest" meson install -C "$build" --no-rebuild --quiet 2>&1); then
  not_ok "meson install into a temporary DESTDIR" "$out"
  exit 0
fi
root=$tmp/dest$prefix
share=$root/share
# The triggers a package manager runs after installing.
update-mime-database "$share/mime" >/dev/null 2>&1
update-desktop-database "$share/applications" >/dev/null 2>&1
glib-compile-schemas "$share/glib-2.0/schemas" >/dev/null 2>&1
if [ -x "$root/bin/xetduyet" ] && [ -f "$share/mime/mime.cache" ] \
   && [ -f "$share/applications/mimeinfo.cache" ] && [ -f "$share/glib-2.0/schemas/gschemas.compiled" ]; then
  ok "installed into $prefix under a DESTDIR, with the MIME, desktop and schema caches"
else
  not_ok "installed into $prefix under a DESTDIR, with the MIME, desktop and schema caches" \
    "$(cd "$root" && find . -maxdepth 4 | sort | head -40)"
fi

file="$tmp/Hội nghị xét duyệt.xetduyet"
"$root/bin/xetduyet-cli" init --db "$file" >/dev/null

# The session as the desktop would set it up for the installed copy.
export XDG_DATA_HOME=$share
export XDG_DATA_DIRS=$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
export XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export PATH=$root/bin:$PATH
export GSETTINGS_SCHEMA_DIR=$share/glib-2.0/schemas GSETTINGS_BACKEND=memory
export XETDUYET_LOCALEDIR=$share/locale
export LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8
export GTK_A11Y=none NO_AT_BRIDGE=1 G_DEBUG=
unset DBUS_SESSION_BUS_ADDRESS
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

# 2. The desktop resolves the file to our app.
type=$(gio info -a standard::content-type "$file" 2>/dev/null | sed -n 's/^ *standard::content-type: //p')
handler=$(gio mime "${type:-application/x-xetduyet}" 2>/dev/null | sed -n 's/^Default application for .*: //p')
if [ "$type" = application/x-xetduyet ] && [ "$handler" = io.github.xetduyet.XetDuyet.desktop ]; then
  ok "gio sees $type, opened by $handler"
else
  not_ok "gio sees application/x-xetduyet, opened by io.github.xetduyet.XetDuyet.desktop" \
    "type '$type', handler '$handler'" "$(gio mime application/x-xetduyet 2>&1)"
fi

# 3-5. Open it as a double click does, in a fresh session bus (the app is
# single-instance per bus).  The session script reports the app's pid and
# its window, then stops it before the bus goes away.
report=$tmp/report
dbus-run-session -- bash -c '
  file=$1 report=$2 bin=$3
  gio open "$file" > "$report.gio" 2>&1; echo "gio=$?" > "$report"
  pid=
  for _ in $(seq 60); do
    for p in /proc/[0-9]*; do
      [ -r "$p/cmdline" ] || continue
      mapfile -d "" argv < "$p/cmdline" 2>/dev/null || continue
      [ "${argv[0]:-}" = "$bin" ] || [ "${argv[0]:-}" = xetduyet ] || continue
      for a in "${argv[@]:1}"; do
        if [ "$a" = "$file" ] || [ "$a" = "file://$file" ] || [ "$(gio info -a standard::name "$a" 2>/dev/null | sed -n "s/^ *standard::name: //p")" = "${file##*/}" ]; then
          pid=${p#/proc/}; break 2
        fi
      done
    done
    sleep 0.5
  done
  echo "pid=$pid" >> "$report"
  echo "cmdline=$( [ -n "$pid" ] && tr "\0" " " < /proc/$pid/cmdline)" >> "$report"
  window=
  if [ -n "$pid" ]; then
    for _ in $(seq 60); do
      for id in $(xwininfo -root -tree 2>/dev/null | sed -n "s/^ *\(0x[0-9a-f]*\) \"Xét duyệt\".*/\1/p"); do
        if xprop -id "$id" _NET_WM_PID 2>/dev/null | grep -q "= $pid\$"; then window=$id; break 2; fi
      done
      sleep 0.5
    done
  fi
  echo "window=$window" >> "$report"
  echo "tree=$(xwininfo -root -tree 2>/dev/null | grep -c "Xét duyệt")" >> "$report"
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  fi
' check-install-open "$file" "$tmp/report" "$root/bin/xetduyet" >/dev/null 2>"$tmp/session.log"

get () { sed -n "s/^$1=//p" "$report" 2>/dev/null | head -1; }
if [ "$(get gio)" = 0 ]; then
  ok "gio open accepts the file"
else
  not_ok "gio open accepts the file" "$(cat "$report.gio" 2>/dev/null)"
fi
pid=$(get pid)
if [ -n "$pid" ]; then
  ok "the installed xetduyet started with the file (pid $pid: $(get cmdline))"
else
  not_ok "the installed xetduyet started with the file" "no process of $root/bin/xetduyet with it" \
    "$(tail -20 "$tmp/session.log")"
fi
if [ -n "$(get window)" ]; then
  ok "its window “Xét duyệt” appeared on the display ($(get window))"
else
  not_ok "its window “Xét duyệt” appeared on the display" \
    "windows named Xét duyệt: $(get tree)" "$(tail -20 "$tmp/session.log")"
fi
