#!/usr/bin/env bash
# End to end: starts the real backprop-lab under Xvfb, presses Right three times with xdotool
# and checks, through the state file the program keeps, that three iterations ran; then types a
# learning rate into its field (Alt+L) and presses Right there: the rate is taken and the key
# still steps. Then double-clicks w5's label, types 0.9 and Enter, and checks the state file;
# presses Ctrl+Z and checks again, and Ctrl+Shift+Z. Whatever QT_QPA_PLATFORM the caller has, the program runs on the X server.
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
# Double-click w5's label (where the state file says it is), type 0.9 and Enter: the run starts
# again from iteration 5's state with w5 = 0.9; Ctrl+Z gives back iteration 5 and its w5.
w5_before="$(grep -o '"w5": [-0-9.e]*,' "$state" | head -n 1)"
read -r x y < <(grep -o '"w5": \[[0-9]*, [0-9]*\]' "$state" | tr -dc '0-9 ' | awk '{print $2, $3}')
[ -n "$x" ] || { echo "no label of w5 in the state: $(cat "$state")"; exit 1; }
# A loaded machine may open the editor late: the double-click is tried again, up to three times,
# until the state shows the typed value.
typed=""
for attempt in 1 2 3; do
    xdotool mousemove --window "$window" "$x" "$y"
    sleep 0.3
    xdotool click --repeat 2 --delay 80 1
    sleep $((attempt))
    xdotool key ctrl+a
    xdotool type 0.9
    xdotool key Return
    for _ in $(seq $((50 * attempt))); do
        grep -q '"w5": 0.90000000000000002,' "$state" 2>/dev/null && { typed=yes; break; }
        sleep 0.1
    done
    [ -n "$typed" ] && break
    xdotool key Escape
done
[ -n "$typed" ] || { echo "typing 0.9 over w5 never took: $(cat "$state")"; exit 1; }
grep -q '"iteration": 0,' "$state" || { echo "the edit did not start over: $(cat "$state")"; exit 1; }
xdotool key ctrl+z
wait_for "$w5_before"
grep -q '"iteration": 5,' "$state" || { echo "undo did not go back to iteration 5: $(cat "$state")"; exit 1; }
xdotool key ctrl+shift+z
wait_for '"w5": 0.90000000000000002,'
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "Ctrl+Q did not quit"; kill "$pid"; exit 1; fi
DRIVE

xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/drive.sh" "$binary" "$state"
grep -q '"w5": 0.90000000000000002,' "$state" || { echo "expected w5 = 0.9 redone, got: $(cat "$state")"; exit 1; }
echo "Right stepped, in the window and in the rate field; w5 typed over, undone, redone: $(head -c 300 "$state")"
