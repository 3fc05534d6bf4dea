#!/usr/bin/python3
# check-a11y.py APP DATABASE — the window as a screen reader sees it.
#
# Starts APP (the xetduyet binary) on DATABASE, finds it on the AT-SPI bus,
# opens each view through the view switcher's own accessible actions and
# walks the accessible tree of the window.  Fails (TAP) on:
#   - an interactive control (button, check box, entry, …) with no name;
#   - an interactive control whose name carries a mnemonic underscore
#     ("_Thêm hồ sơ") or says its label twice ("Thêm hồ sơ Thêm hồ sơ"), as
#     GTK 4.8 names buttons with mnemonics unless the app corrects it;
#   - an accessible name, description or label text that is English (a
#     whole word from a list of common English UI words that cannot be
#     Vietnamese), unless it is on the allow-list of proper names and data.
#     The toolkit's own words count too (window buttons, About and shortcuts
#     windows): the user hears them all the same.
# Each offender is printed as a TAP diagnostic with its role and path.
#
# Run it under its own D-Bus session (tests/check-a11y.sh does) with the
# environment the app needs (LANG, XETDUYET_LOCALEDIR, GSETTINGS_*).  When
# the accessibility bus cannot be reached every test is skipped with the
# reason — never passed.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import signal
import subprocess
import sys
import time
import warnings

n = 0
# TAP goes to $TAP_FD when set: the bus daemons this session starts write
# their chatter to stdout, which check-a11y.sh sends to stderr instead.
tap = os.fdopen(int(os.environ.get("TAP_FD", "1")), "w", buffering=1)


def ok(what):
    global n
    n += 1
    print(f"ok {n} - {what}", file=tap, flush=True)


def not_ok(what, lines):
    global n
    n += 1
    print(f"not ok {n} - {what}", file=tap, flush=True)
    for line in lines:
        print(f"# {line}", file=tap, flush=True)


def skip_all(reason):
    """Skip what is left, with the reason; the whole test when nothing ran."""
    global n
    if n == 0:
        print(f"1..0 # SKIP {reason}", file=tap, flush=True)
        sys.exit(0)
    n += 1
    print(f"ok {n} - the remaining checks # SKIP {reason}", file=tap, flush=True)


APP_ID = "io.github.xetduyet.XetDuyet"
APP_PATH = "/io/github/xetduyet/XetDuyet"

# The plan comes last: the number of views is read from the switcher.
VIEWS = 4

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, Gio
except (ImportError, ValueError) as e:
    skip_all(f"no Atspi introspection data for Python ({e})")
    sys.exit(0)

if len(sys.argv) != 3:
    print("usage: check-a11y.py APP DATABASE", file=sys.stderr)
    sys.exit(2)
app_path, db_path = sys.argv[1], sys.argv[2]

# Roles a user operates; each must say what it is.
INTERACTIVE = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT, Atspi.Role.SPIN_BUTTON, Atspi.Role.SLIDER,
    Atspi.Role.MENU_ITEM, Atspi.Role.CHECK_MENU_ITEM,
    Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.LINK, Atspi.Role.PAGE_TAB,
}
if hasattr(Atspi.Role, "SWITCH"):
    INTERACTIVE.add(Atspi.Role.SWITCH)

# Common English UI words that are not Vietnamese syllables: no "in", "do",
# "me", "to", "an", "a" or "con", which are.  ("the", a rare Vietnamese
# word, never appears in our UI.)
ENGLISH = set("""
the and or of for with from your you this that these are is was not no yes
add delete remove edit new open save cancel close search find select show hide
back next previous meeting meetings member members dossier dossiers vote votes
voting overview criteria criterion name date time place title settings menu
main help about quit keyboard shortcuts sample all none create export import
print file files minutes attendance present absent chair secretary guest
agency unit passed failed result results document documents preferences
details credits legal license version website developers translators copy
paste text window minimize maximize restore found try different what
support questions report issue troubleshooting debugging information
""".split())

# Proper names, codes and data that may look like English.
ALLOW = {
    "Xét duyệt", "BB-BCĐ", "TTr-UBND", "PDF", "ODT", "ODF", "FODT", "GNU",
    "GNU General Public License", "GPL", "SQLite", "GTK", "Libadwaita",
    "AT-SPI", "Ctrl", "Alt", "Shift",
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_words(text):
    for a in sorted(ALLOW, key=len, reverse=True):
        text = text.replace(a, " ")
    return sorted({w for w in WORD.findall(text) if w.lower() in ENGLISH})


def role_name(acc):
    try:
        return acc.get_role_name()
    except Exception:
        return "?"


def safe(call, default=""):
    try:
        v = call()
        return default if v is None else v
    except Exception:
        return default


def label_text(acc):
    """The visible text of a label (GTK exposes it through Text)."""
    try:
        return Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc)) or ""
    except Exception:
        return ""


def walk(acc, path, out, depth=0, seen=None):
    if seen is None:
        seen = [0]
    seen[0] += 1
    if depth > 80 or seen[0] > 20000:
        return
    states = safe(acc.get_state_set, None)
    if states is not None and not states.contains(Atspi.StateType.VISIBLE):
        return
    out.append((acc, path))
    count = safe(acc.get_child_count, 0)
    for i in range(count):
        child = safe(lambda: acc.get_child_at_index(i), None)
        if child is None:
            continue
        name = safe(child.get_name)
        walk(child, f"{path} > {role_name(child)}" + (f" “{name}”" if name else ""),
             out, depth + 1, seen)


def short(path):
    """The window's name and the last steps: enough to find the widget."""
    steps = path.split(" > ")
    if len(steps) <= 5:
        return path
    return " > ".join(steps[:1] + ["…"] + steps[-4:])


# An underscore that starts a word: "_Hủy", "Thêm _vấn đề"; not the one
# inside a file name ("hoi_dong").  A mid-word mnemonic shows up doubled.
MNEMONIC = re.compile(r"(?:^|\s)_[^\W\d_]", re.UNICODE)


def mnemonic_or_doubled(name):
    """True for "_Add Member", "Add Member Add Member" and both at once."""
    if MNEMONIC.search(name):
        return True
    words = name.replace("_", "").split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def check_tree(frames, label, unnamed, english, badnames):
    """Collect offenders of every window of the app."""
    for frame in frames:
        nodes = []
        walk(frame, f"{role_name(frame)} “{safe(frame.get_name)}”", nodes)
        for acc, path in nodes:
            role = safe(acc.get_role, None)
            name = safe(acc.get_name)
            desc = safe(acc.get_description)
            # GTK 4.8 sets no "showing" state below the window, and keeps
            # every page of a stack in the tree: all of it is checked.
            # GTK 4.8 names a button with a mnemonic "_Label Label": read
            # aloud with the underscore and twice (xd-toolkit-fixes.c).
            if role in INTERACTIVE and mnemonic_or_doubled(name):
                badnames.add(f"“{name}” ({role_name(acc)} at {short(path)})")
            if role in INTERACTIVE and not name.strip():
                unnamed.add(f"unnamed {role_name(acc)} at {short(path)}")
            texts = [name, desc]
            if role == Atspi.Role.LABEL:
                texts.append(label_text(acc))
            for text in texts:
                words = english_words(text)
                if words:
                    english.add(f"English {', '.join(words)} in “{text}” "
                                f"({role_name(acc)} at {short(path)})")


def app_frames(app):
    frames = []
    for i in range(safe(app.get_child_count, 0)):
        c = safe(lambda: app.get_child_at_index(i), None)
        if c is not None:
            frames.append(c)
    return frames


def close(frame):
    """Close a window through the window.close action GTK exposes on it."""
    for i in range(safe(lambda: Atspi.Action.get_n_actions(frame), 0)):
        with warnings.catch_warnings():
            # Deprecated for get_name, which Atspi 2.46 (Debian 12) lacks.
            warnings.simplefilter("ignore", DeprecationWarning)
            name = safe(lambda: Atspi.Action.get_action_name(frame, i))
        if name == "window.close":
            safe(lambda: Atspi.Action.do_action(frame, i), None)
            time.sleep(0.5)
            return


def find(acc, pred, depth=0):
    if depth > 80:
        return []
    found = [acc] if pred(acc) else []
    for i in range(safe(acc.get_child_count, 0)):
        c = safe(lambda: acc.get_child_at_index(i), None)
        if c is not None:
            found += find(c, pred, depth + 1)
    return found


def check_the_checks():
    """The checks themselves must catch what they are for."""
    wrong = []
    for name in ("_Thêm hồ sơ Thêm hồ sơ", "_Hủy", "Thêm hồ sơ Thêm hồ sơ"):
        if not mnemonic_or_doubled(name):
            wrong.append(f"“{name}” passes the mnemonic check")
    for name in ("Thêm hồ sơ", "Tán thành", "Đóng cửa sổ", "hoi_dong.xetduyet"):
        if mnemonic_or_doubled(name):
            wrong.append(f"“{name}” fails the mnemonic check")
    for text in ("Close the window", "Keyboard Shortcuts", "Details", "Legal", "Search Results"):
        if not english_words(text):
            wrong.append(f"“{text}” passes the English check")
    for text in ("Đóng cửa sổ", "Giới thiệu Xét duyệt", "Phím tắt", "In biên bản", "Ctrl"):
        if english_words(text):
            wrong.append(f"“{text}” fails the English check")
    if wrong:
        not_ok("the checks recognise English and mnemonic names", wrong)
    else:
        ok("the checks recognise English and mnemonic names")


def main():
    try:
        if Atspi.init() not in (0, 1):
            raise RuntimeError("Atspi.init failed")
        desktop = Atspi.get_desktop(0)
        desktop.get_child_count()
    except Exception as e:
        skip_all(f"the AT-SPI bus cannot be reached ({e})")
        return 0

    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    proc = subprocess.Popen([app_path, db_path], env=env)
    try:
        app = None
        deadline = time.monotonic() + 60
        while app is None and time.monotonic() < deadline:
            if proc.poll() is not None:
                not_ok("the app starts and joins the accessibility bus",
                       [f"{app_path} exited with status {proc.returncode}"])
                skip_all("the app did not start")
                return 0
            for i in range(safe(desktop.get_child_count, 0)):
                c = safe(lambda: desktop.get_child_at_index(i), None)
                if c is not None and safe(c.get_process_id, -1) == proc.pid \
                        and safe(c.get_child_count, 0) > 0:
                    app = c
                    break
            time.sleep(0.5)
        if app is None:
            # The bus works (we reached the registry) but the app never
            # showed up: GTK was built without AT-SPI or cannot reach it.
            skip_all("the app did not appear on the AT-SPI bus within 60 s")
            return 0
        ok(f"the app joins the accessibility bus as “{safe(app.get_name)}”")
        check_the_checks()
        time.sleep(2)

        frames = app_frames(app)
        # The view switcher's buttons: toggle buttons that activate a view
        # of the meeting (the window opens on the remembered meeting).
        switchers = []
        for f in frames:
            for sw in find(f, lambda a: safe(a.get_role, None) == Atspi.Role.PAGE_TAB_LIST
                           or "ViewSwitcher" in safe(a.get_accessible_id, "")):
                switchers += find(sw, lambda a: safe(a.get_role, None) in
                                  (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PAGE_TAB,
                                   Atspi.Role.RADIO_BUTTON))
        if len(switchers) >= VIEWS:
            ok(f"the window shows the meeting with {len(switchers)} views in the switcher")
        else:
            names = [safe(s.get_name) for s in switchers]
            not_ok("the window shows the meeting with its views in the switcher",
                   [f"found {len(switchers)} switcher buttons: {names}"])

        # GTK keeps every page of a stack in the tree, so each walk sees
        # the whole window; activating the views lets each build what it
        # builds on demand.  Offenders are collected once, by their path.
        unnamed, english, badnames = set(), set(), set()
        for v in range(max(VIEWS, len(switchers))):
            if v >= len(switchers):
                not_ok(f"view {v + 1} opens from the view switcher", ["no switcher button"])
                continue
            label = f"view “{safe(switchers[v].get_name)}”"
            try:
                Atspi.Action.do_action(switchers[v], 0)
                time.sleep(1.5)
                states = switchers[v].get_state_set()
                if states.contains(Atspi.StateType.SELECTED) \
                        or states.contains(Atspi.StateType.CHECKED):
                    ok(f"{label} opens from the view switcher")
                else:
                    not_ok(f"{label} opens from the view switcher",
                           ["its tab is neither selected nor checked after its action"])
            except Exception as e:
                not_ok(f"{label} opens from the view switcher", [str(e)])
            check_tree(app_frames(app), label, unnamed, english, badnames)
        # The windows of the app menu, opened through the actions the app
        # exports on the session bus (what the menu and F1 activate).
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        app_actions = Gio.DBusActionGroup.get(bus, APP_ID, APP_PATH)
        win_actions = Gio.DBusActionGroup.get(bus, APP_ID, APP_PATH + "/window/1")
        # The windows' titles under LANG=vi_VN.UTF-8: ours, not the toolkit's.
        for group, action, what, title in (
                (app_actions, "help", "the help window (F1)", "Trợ giúp"),
                (app_actions, "about", "the About window", "Giới thiệu Xét duyệt"),
                (win_actions, "show-help-overlay", "the keyboard shortcuts window",
                 "Phím tắt")):
            before_names = [safe(f.get_name) for f in app_frames(app)]
            before = len(before_names)
            group.activate_action(action, None)
            bus.flush_sync(None)
            deadline = time.monotonic() + 10
            while len(app_frames(app)) <= before and time.monotonic() < deadline:
                time.sleep(0.3)
            time.sleep(1)
            frames = app_frames(app)
            if len(frames) > before:
                new = [safe(f.get_name) for f in frames]
                for name in before_names:
                    if name in new:
                        new.remove(name)
                if new == [title]:
                    ok(f"{what} opens as “{title}”")
                else:
                    not_ok(f"{what} opens as “{title}”", [f"new windows: {new}"])
            else:
                not_ok(f"{what} opens", [f"no new window after {action}"])
            check_tree(frames, what, unnamed, english, badnames)
            # Close what opened, so the next window is told apart.
            for frame in frames:
                if safe(frame.get_name) not in before_names:
                    close(frame)

        if unnamed:
            not_ok("every interactive control has an accessible name", sorted(unnamed))
        else:
            ok("every interactive control has an accessible name")
        if english:
            not_ok("no English in accessible names, descriptions and labels", sorted(english))
        else:
            ok("no English in accessible names, descriptions and labels")
        if badnames:
            not_ok("no control's name shows a mnemonic underscore or says its label twice",
                   sorted(badnames))
        else:
            ok("no control's name shows a mnemonic underscore or says its label twice")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return 0


status = main()
print(f"1..{n}", file=tap, flush=True)
sys.exit(status)
