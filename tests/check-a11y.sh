#!/bin/bash
# check-a11y.sh BUILDDIR — walk the running window's AT-SPI tree (TAP).
#
# Creates a database with the sample meeting through the CLI, remembers
# that meeting in a keyfile GSettings backend so the window opens on it,
# then runs check-a11y.py in Vietnamese under its own D-Bus session: GTK
# asks that bus for org.a11y.Bus, which starts at-spi-bus-launcher.
# Skips, with the reason, when the tools are missing.
set -uo pipefail
build=$(cd "${1:?usage: check-a11y.sh BUILDDIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

skip () { echo "1..0 # SKIP $1"; exit 0; }

command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed (dbus)"
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || skip "no display (run under xvfb-run)"
# The distribution's Python has the gi bindings; a pyenv one usually not.
python=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || skip "python3-gi and gir1.2-atspi-2.0 are not installed"
locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$' || skip "the vi_VN.UTF-8 locale is not generated"

db=$tmp/hoi-dong.xetduyet
cli=$build/src/cli/xetduyet-cli
"$cli" init --db "$db" >/dev/null && "$cli" sample --db "$db" >/dev/null \
  || { echo "1..1"; echo "not ok 1 - the CLI creates the sample database"; exit 0; }
meeting=$("$cli" meetings --db "$db" | awk 'NR==1 && $1 ~ /^[0-9]+$/ {print $1}')
meeting=${meeting:-1}

mkdir -p "$tmp/config/glib-2.0/settings"
cat > "$tmp/config/glib-2.0/settings/keyfile" <<EOF
[io/github/xetduyet/XetDuyet]
last-meetings={'$db': int64 $meeting}
EOF

unset GTK_A11Y NO_AT_BRIDGE DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
export LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 LANGUAGE=vi
export XETDUYET_LOCALEDIR=$build/po
export GSETTINGS_SCHEMA_DIR=$build/data GSETTINGS_BACKEND=keyfile
export XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data
export G_DEBUG=  # the app's own warnings must not abort the walk
# TAP on fd 3; the daemons' chatter on stdout goes to stderr.
exec 3>&1
TAP_FD=3 exec dbus-run-session -- "$python" "$here/check-a11y.py" "$build/src/xetduyet" "$db" >&2
