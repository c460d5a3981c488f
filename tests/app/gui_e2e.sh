#!/usr/bin/env bash
# End to end: starts the real backprop-lab under Xvfb, presses Right three times with xdotool
# and checks, through the state file the program keeps, that three iterations ran; then types a
# learning rate into its field (Alt+L) and presses Right there: the rate is taken and the key
# still steps. Whatever QT_QPA_PLATFORM the caller has, the program runs on the X server.
# Usage: gui_e2e.sh PATH/TO/backprop-lab. Exits 77 (skipped) without xvfb-run or xdotool.
set -euo pipefail
binary="$1"
for tool in xvfb-run xdotool; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -m 0700 "$work/runtime"
export XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config" DBUS_SESSION_BUS_ADDRESS="disabled:"
state="$work/state.json"

cat > "$work/drive.sh" <<'DRIVE'
set -euo pipefail
binary="$1"; state="$2"
QT_QPA_PLATFORM=xcb "$binary" --state-file "$state" &
pid=$!
# Waits until the state file contains `$1`, for up to 30 s (a loaded machine is slow).
wait_for() {
    for _ in $(seq 300); do
        grep -q "$1" "$state" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "the state never showed $1: $(cat "$state" 2>/dev/null)"; return 1
}
window=""
for _ in $(seq 300); do
    window="$(xdotool search --onlyvisible --name "Backprop Lab" 2>/dev/null | head -n 1 || true)"
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || { echo "no window appeared"; kill "$pid"; exit 1; }
wait_for '"iteration": 0,'
# There is no window manager: give the window the keyboard focus, wait until Qt has made it the
# active window (shortcuts act only there), then press real keys.
for _ in $(seq 50); do
    xdotool windowfocus --sync "$window" 2>/dev/null && break
    sleep 0.1
done
wait_for '"active": true'
for count in 1 2 3; do
    xdotool key Right
    wait_for "\"iteration\": $count,"
done
# In the rate field: type a rate, then Right commits it, gives the keys back and steps.
xdotool key alt+l
xdotool key ctrl+a
xdotool type 2
xdotool key Right
wait_for '"iteration": 4,'
grep -q '"learning_rate": 2,' "$state" || { echo "the typed rate was not taken: $(cat "$state")"; exit 1; }
xdotool key Right
wait_for '"iteration": 5,'
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "Ctrl+Q did not quit"; kill "$pid"; exit 1; fi
DRIVE

xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/drive.sh" "$binary" "$state"
grep -q '"iteration": 5,' "$state" || { echo "expected iteration 5, got: $(cat "$state")"; exit 1; }
echo "Right stepped, in the window and in the rate field: $(cat "$state")"
