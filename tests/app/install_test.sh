#!/usr/bin/env bash
# Installs Backprop Lab into a temporary root and checks it as a user would meet it: every file
# in its place, the desktop file and the metainfo valid (desktop-file-validate, appstreamcli;
# skipped with a message when missing), session files recognised by their MIME type (with gio),
# and both installed programs running from there, far from the source tree:
# backprop-lab-cli --explain prints the worked example's numbers, backprop-lab --help answers
# without a display and backprop-lab --screenshot renders the window offscreen.
# Usage: install_test.sh BUILD_DIR      DESTDIR=ROOT cmake --install BUILD_DIR --prefix /usr
#        install_test.sh --deb FILE.deb  dpkg -x FILE.deb ROOT: the Debian package's contents
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR | --deb FILE.deb" >&2; exit 2; }
id=io.github.backprop_lab.BackpropLab

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
if [ "$1" = --deb ]; then
    deb=yes
    dpkg -x "$2" "$root"
else
    deb=no
    DESTDIR="$root" cmake --install "$1" --prefix /usr >"$work/install.log" ||
        { cat "$work/install.log"; exit 1; }
fi
usr="$root/usr"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Every file of the installation.
expected=(bin/backprop-lab bin/backprop-lab-cli
          "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml"
          "share/mime/packages/$id.xml" "share/icons/hicolor/scalable/apps/$id.svg"
          share/man/man1/backprop-lab.1.gz share/man/man1/backprop-lab-cli.1.gz
          share/doc/backprop-lab/copyright)
for size in 16 32 48 64 128 256; do
    expected+=("share/icons/hicolor/${size}x$size/apps/$id.png")
done
for file in "${expected[@]}"; do
    [ -s "$usr/$file" ] || fail "missing or empty: usr/$file"
done
for program in backprop-lab backprop-lab-cli; do
    [ -x "$usr/bin/$program" ] || fail "not executable: usr/bin/$program"
done
# The package alone has a changelog, and strips its programs.
if [ "$deb" = yes ]; then
    [ -s "$usr/share/doc/backprop-lab/changelog.gz" ] || fail "the package has no changelog"
    for program in backprop-lab backprop-lab-cli; do
        ! readelf -S "$usr/bin/$program" | grep -q '\.debug_info' ||
            fail "usr/bin/$program is not stripped"
    done
else
    [ ! -e "$usr/share/doc/backprop-lab/changelog.gz" ] ||
        fail "the Debian package's changelog was installed by cmake --install"
fi
grep -q '^Exec=backprop-lab %f$' "$usr/share/applications/$id.desktop" ||
    fail "the desktop file does not open a file with backprop-lab %f"
grep -q '^MimeType=application/x-backprop-lab-session;$' "$usr/share/applications/$id.desktop" ||
    fail "the desktop file does not name the session MIME type"
for page in backprop-lab backprop-lab-cli; do
    gzip -dc "$usr/share/man/man1/$page.1.gz" | grep -q "^\.TH ${page^^} 1 " ||
        fail "usr/share/man/man1/$page.1.gz is not a man page of section 1"
done

# The validators, where they are installed.
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$usr/share/applications/$id.desktop" || fail "desktop-file-validate"
else
    echo "skipped: desktop-file-validate is not installed (Debian: desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$usr/share/metainfo/$id.metainfo.xml" ||
        fail "appstreamcli validate"
else
    echo "skipped: appstreamcli is not installed (Debian: appstream)"
fi

# A *.bplab.json file, and a session saved as plain *.json, are sessions; other JSON is not.
system_mime=/usr/share/mime/packages/freedesktop.org.xml
if command -v update-mime-database >/dev/null && command -v gio >/dev/null &&
    [ -f "$system_mime" ]; then
    mkdir -p "$work/data/mime/packages" "$work/files"
    cp "$system_mime" "$usr/share/mime/packages/$id.xml" "$work/data/mime/packages/"
    update-mime-database "$work/data/mime" 2>"$work/mime.log" || { cat "$work/mime.log"; exit 1; }
    "$usr/bin/backprop-lab-cli" --steps 0 --save "$work/files/lesson.bplab.json" >/dev/null
    cp "$work/files/lesson.bplab.json" "$work/files/saved-as.json"
    echo '{"format": "something else"}' >"$work/files/other.json"
    content_type() {
        XDG_DATA_HOME="$work/data" XDG_DATA_DIRS="$work/data" \
            gio info -a standard::content-type "$1" | sed -n 's/.*content-type: //p'
    }
    for file in lesson.bplab.json saved-as.json other.json; do
        want=application/x-backprop-lab-session
        [ "$file" = other.json ] && want=application/json
        got="$(content_type "$work/files/$file")"
        [ "$got" = "$want" ] || fail "$file has the MIME type $got, expected $want"
    done
else
    echo "skipped: the MIME type check (needs update-mime-database, gio and $system_mime)"
fi

# The installed programs, run from elsewhere: they carry their presets inside.
mkdir -p "$work/elsewhere" && cd "$work/elsewhere"
explanation="$("$usr/bin/backprop-lab-cli" --explain)" || fail "backprop-lab-cli --explain"
for line in "net_h1 = w1 * i1 + w2 * i2 + b1 * 1 = 0.15 * 0.05 + 0.2 * 0.1 + 0.35 * 1 = 0.3775" \
            "out_h1 = 1/(1 + e^(-net_h1)) = 1/(1 + e^(-0.3775)) = 0.593269992"; do
    grep -qF -- "$line" <<<"$explanation" || fail "backprop-lab-cli --explain lacks: $line"
done
help="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$usr/bin/backprop-lab" --help)" ||
    fail "backprop-lab --help without a display"
grep -q -- --screenshot <<<"$help" || fail "backprop-lab --help does not list --screenshot"
mkdir -m 0700 "$work/runtime"
XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config" QT_QPA_PLATFORM=offscreen \
    "$usr/bin/backprop-lab" --steps 3 --screenshot out.png || fail "backprop-lab --screenshot"
png_signature="$(head -c 8 out.png 2>/dev/null | od -An -tx1 | tr -d ' \n')"
if [ ! -s out.png ] || [ "$png_signature" != 89504e470d0a1a0a ]; then
    fail "backprop-lab --screenshot wrote no PNG"
fi

[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
echo "installed into $root: every file in place, valid, and both programs run from there"
