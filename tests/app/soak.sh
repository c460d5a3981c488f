#!/usr/bin/env bash
# Soak test of the real window: random clicks, double clicks, drags, wheel turns and keys over
# every control for a bounded time under Xvfb, then a long stretch of full-speed play of mazur.
# Fails on a crash, a sanitizer report, a hang (the state file stops changing and a probe key
# does not move it) or memory that keeps growing during the full-speed stretch (VmRSS sampled).
#
# Usage: soak.sh PATH/TO/backprop-lab   (CI runs it on the ASan build for crashes and sanitizer
# reports, and on the release build, fast enough for the memory budget to matter)
# Environment:
#   SOAK_SECONDS  length of the run, default 150: first random events (the storm), then
#                 full-speed play with gentle events (hover, wheel, pins)
#   SOAK_STORM_SECONDS  length of the storm, default a third of the run
#   SOAK_SEED     seed of the event generator (printed; set it to replay a run's events)
#   SOAK_MAX_GROWTH_MB  most the RSS may rise during the full-speed stretch, default 64 (the
#                 record's and the loss curve's budgets and a margin)
#   SOAK_HANG_SECONDS   how long a probe may wait for the state file, default 20
#   SOAK_FAULT    test the test: "stop" (SIGSTOP the program midway: must fail as a hang) or
#                 "segv" (SIGSEGV midway: must fail as a crash)
#   SOAK_KEEP=1   keep the temporary directory (logs, state file, RSS samples)
# Exits 0 on success, 1 on failure, 77 (skipped) without Xvfb or xdotool.
set -euo pipefail

if [ "${1:-}" != "--inside" ]; then
    binary="$(realpath "${1:?usage: soak.sh PATH/TO/backprop-lab}")"
    self="$(realpath "$0")"
    for tool in Xvfb xdotool; do
        command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
    done
    work="$(mktemp -d)"
    [ "${SOAK_KEEP:-0}" = 0 ] || echo "work directory: $work"
    # Whatever a random event saves or remembers stays in the temporary directory.
    mkdir -m 0700 "$work/runtime" "$work/home" "$work/config" "$work/data" "$work/cache"
    export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config" \
        XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" DBUS_SESSION_BUS_ADDRESS="disabled:"
    cd "$work/home"
    # An X server of its own on a display it picks itself (-displayfd): no race with other
    # xvfb-run -a on a shared machine.
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
    server=$!
    trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; [ "${SOAK_KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT
    for _ in $(seq 100); do
        [ -s "$work/display" ] && break
        sleep 0.1
    done
    [ -s "$work/display" ] || { echo "Xvfb did not start: $(cat "$work/xvfb.log")"; exit 1; }
    DISPLAY=":$(head -n 1 "$work/display")" bash "$self" --inside "$binary" "$work"
    exit 0
fi

# ---- Inside the X server from here on. ----
binary="$2"
work="$3"
seconds="${SOAK_SECONDS:-150}"
seed="${SOAK_SEED:-$(($(date +%s%N) % 32768))}"
max_growth_mb="${SOAK_MAX_GROWTH_MB:-64}"
hang_seconds="${SOAK_HANG_SECONDS:-20}"
fault="${SOAK_FAULT:-}"
state="$work/state.json"
errors="$work/stderr.log"
actions="$work/actions.log"
samples="$work/rss.tsv"
RANDOM="$seed"
for _ in $(seq 50); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.2
done
xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "no X server on $DISPLAY"; exit 1; }
echo "soak: $seconds s, seed $seed (SOAK_SEED=$seed replays the events), binary $binary"

# A small quarantine: ASan's default (256 MB) would fill for minutes and look like growth. The
# caller's options come last and win.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:quarantine_size_mb=16${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
QT_QPA_PLATFORM=xcb "$binary" --state-file "$state" --size 1280x800 2>"$errors" &
pid=$!

# Few processes per event: the machine running this is often loaded, and every fork costs.
now_ms() { NOW=$((${EPOCHREALTIME/./} / 1000)); }
now_ms
started=$NOW
elapsed() { echo $(((${EPOCHREALTIME/./} / 1000 - started) / 1000)); }
seconds_in() { now_ms; ELAPSED=$(((NOW - started) / 1000)); }
log() { seconds_in; echo "[${ELAPSED}s] $*" >>"$actions"; }
exec {never}<> <(:)
pause() { read -rt "$1" -u "$never" || true; }

# The sanitizer's report, or the tail of the program's error output.
show_errors() {
    if grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:' "$errors"; then
        echo "---- sanitizer report (from $errors) ----"
        sed -n '/ERROR: \|runtime error:/,$p' "$errors" | head -n 120
    else
        echo "---- last lines of the program's error output ----"
        tail -n 30 "$errors"
    fi
}

fail() {
    echo "SOAK FAILED after $(elapsed) s (seed $seed): $*"
    echo "---- last actions ----"
    tail -n 25 "$actions" 2>/dev/null || true
    print_samples
    if kill -0 "$pid" 2>/dev/null; then
        kill -CONT "$pid" 2>/dev/null || true
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    show_errors
    exit 1
}

# Whether the program is still running (a zombie or a stopped process counts as running here;
# a stop shows as a hang).
alive() {
    local _name process_state
    kill -0 "$pid" 2>/dev/null || return 1
    read -r _ _name process_state _ <"/proc/$pid/stat" 2>/dev/null || return 1
    [ "$process_state" != Z ]
}

check_alive() {
    alive && return 0
    local code=0
    wait "$pid" || code=$?
    if [ "$code" -eq 0 ]; then fail "the window closed by itself during the soak"; fi
    if [ "$code" -gt 128 ]; then fail "the program died of signal $((code - 128))"; fi
    fail "the program exited with status $code"
}

# The state file's modification time in nanoseconds, or 0.
state_time() { stat -c %.9Y "$state" 2>/dev/null | tr -d . || echo 0; }
# The state file's line, read without a process.
state_line() { STATE=""; read -r STATE <"$state" 2>/dev/null || true; }
iteration() { sed -n 's/.*"iteration": \([0-9]*\),.*/\1/p' "$state" 2>/dev/null || true; }

# Memory: one sample "seconds RSS_kB iteration" every few seconds.
last_sample=-100
sample() {
    local key value rss=0
    seconds_in
    [ $((ELAPSED - last_sample)) -ge 3 ] || return 0
    last_sample=$ELAPSED
    while read -r key value _; do
        [ "$key" != "VmRSS:" ] || rss=$value
    done <"/proc/$pid/status"
    state_line
    [[ $STATE =~ \"iteration\":\ ([0-9]+) ]] || true
    echo "$ELAPSED $rss ${BASH_REMATCH[1]:-}" >>"$samples"
}
print_samples() {
    [ -s "$samples" ] || return 0
    echo "---- RSS samples: seconds, MB, iteration ----"
    awk '{printf "%5d s %8.1f MB  iteration %s\n", $1, $2 / 1024, $3}' "$samples"
}

# ---- The window and where its controls are (for 1280x800; scaled to the real geometry). ----
window=""
for _ in $(seq 600); do
    check_alive
    window="$(xdotool search --onlyvisible --pid "$pid" --name "Backprop Lab" 2>/dev/null | head -n 1 || true)"
    [ -n "$window" ] && break
    pause 0.1
done
[ -n "$window" ] || fail "no window appeared in 60 s"
eval "$(xdotool getwindowgeometry --shell "$window")"
window_width=$WIDTH
window_height=$HEIGHT
echo "window $window: ${window_width}x$window_height"

# name x y jitter-x jitter-y, measured on the 1280x800 window.
targets=(
    "preset 258 14 40 4" "networkButton 346 14 25 4" "back 420 14 20 4" "step 483 14 20 4"
    "granularity 560 14 30 4" "play 627 14 15 4" "reset 690 14 20 4" "speed 867 14 70 3"
    "rateSlider 305 44 200 3" "rateField 570 44 30 4" "rateUp 624 39 2 2" "rateDown 624 50 2 2"
    "momentum 890 44 15 4" "samples 1058 44 100 4" "digits 1240 44 10 4" "digitsUp 1268 39 2 2"
    "digitsDown 1268 50 2 2"
    "network 560 250 550 185" "i1 50 102 15 15" "i2 50 257 15 15" "h1 497 102 15 15"
    "h2 497 257 15 15" "o1 942 102 15 15" "o2 942 257 15 15" "b1 273 393 12 12"
    "b2 718 393 12 12" "w1 273 101 60 10" "w8 720 264 60 10" "table 1210 160 65 90"
    "splitterTop 640 442 400 1" "splitterBottom 640 545 400 1" "splitterSide 1137 250 1 150"
    "formula 600 490 590 45" "copy 1248 457 20 5" "logScale 12 558 4 4" "follow 142 558 40 6"
    "pin 227 558 25 6" "pinned 301 558 35 6" "plot 660 670 600 90" "status 300 789 290 5"
    "timeline 870 788 175 3"
)
# Spots where a click does nothing (to close a popup that ignores Escape).
quiet_spots=("300 789" "600 520" "1100 789")

# Sets X and Y to a random point of target `$1` (or of any target when empty).
point() {
    local entry name x y jx jy
    if [ -z "${1:-}" ]; then
        entry="${targets[RANDOM % ${#targets[@]}]}"
    else
        for entry in "${targets[@]}"; do [ "${entry%% *}" = "$1" ] && break; done
    fi
    read -r name x y jx jy <<<"$entry"
    x=$((x + RANDOM % (2 * jx + 1) - jx))
    y=$((y + RANDOM % (2 * jy + 1) - jy))
    X=$((x * window_width / 1280))
    Y=$((y * window_height / 800))
    [ "$X" -ge 0 ] || X=0
    [ "$Y" -ge 0 ] || Y=0
    [ "$X" -lt "$window_width" ] || X=$((window_width - 1))
    [ "$Y" -lt "$window_height" ] || Y=$((window_height - 1))
    TARGET="$name"
}

# xdotool, its failures ignored; in a chain of its commands `key` and `type` must come last.
xdo() { xdotool "$@" >/dev/null 2>&1 || true; }
# Sets PICK to one of the arguments, at random.
pick() {
    local choices=("$@")
    PICK="${choices[RANDOM % ${#choices[@]}]}"
}
focus_window() { xdo windowfocus "$window"; }

# Sets STRAYS to the program's visible windows besides the main one: menus, combo lists, dialogs.
find_strays() {
    STRAYS="$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | grep -vx "$window" || true)"
}

# A random event inside the Network dialog `$1` (its own controls: choosers, boxes, the seed).
poke_dialog() {
    eval "$(xdotool getwindowgeometry --shell "$1" 2>/dev/null || echo "X=0 Y=0 WIDTH=1 HEIGHT=1")"
    case $((RANDOM % 4)) in
    0 | 1) xdo mousemove $((X + RANDOM % WIDTH)) $((Y + RANDOM % HEIGHT)) click 1 ;;
    2)
        pick Tab Up Down space 1 7 BackSpace
        xdo key "$PICK"
        ;;
    3) xdo type "$((RANDOM % 100))" ;;
    esac
}

# Closes what is open besides the main window, then gives the main window the keyboard (without
# a window manager, closing a dialog leaves the keyboard to no one). A Network dialog may first
# get a few random events of its own; a file dialog none, so nothing is ever saved or opened.
close_strays() {
    local stray tries name spot sx sy sw sh
    for tries in 1 2 3 4 5 6 7 8; do
        find_strays
        stray="${STRAYS%%$'\n'*}"
        [ -n "$stray" ] || break
        name="$(xdotool getwindowname "$stray" 2>/dev/null || true)"
        if [ "$name" = "Network" ] && [ "$tries" = 1 ] && [ $((RANDOM % 2)) = 0 ]; then
            log "in the Network dialog"
            for _ in 1 2 3; do
                poke_dialog "$stray"
                pause 0.1
            done
        fi
        log "close '$name' (try $tries)"
        if [ "$tries" -le 3 ]; then
            xdo windowfocus "$stray" key Escape
        else
            # Some popups ignore Escape (a field's context menu): a click outside closes them.
            eval "$(xdotool getwindowgeometry --shell "$stray" 2>/dev/null || echo "X=-1 Y=-1 WIDTH=0 HEIGHT=0")"
            sx=$X sy=$Y sw=$WIDTH sh=$HEIGHT
            for spot in "${quiet_spots[@]}"; do
                read -r X Y <<<"$spot"
                if [ "$X" -lt "$sx" ] || [ "$X" -ge $((sx + sw)) ] || [ "$Y" -lt "$sy" ] ||
                    [ "$Y" -ge $((sy + sh)) ]; then
                    xdo mousemove "$X" "$Y" click 1
                    break
                fi
            done
        fi
        pause 0.3
    done
    [ -z "$stray" ] || log "still open: $stray"
    focus_window
}

# The program's shortcuts and keys its controls take; not Ctrl+Q (quits) nor Alt+F (the File
# menu, whose Quit a following random key could choose).
keys=(space space space Right Right Right Right Left Left Left r Escape Escape Return Tab Tab
    shift+Tab Up Down Prior Next Home End alt+l alt+l ctrl+a ctrl+z ctrl+c BackSpace Delete
    0 1 2 5 9 period minus e x a F1 Menu shift+F10 ctrl+o ctrl+s ctrl+e ctrl+shift+e
    ctrl+shift+c ctrl+l ctrl+d ctrl+equal ctrl+equal ctrl+minus ctrl+0
    # The presentation layout and the quiz dock, each left again (the storm's places are the
    # window's own), with a moment in between for events to land in them.
    "F5 sleep 0.3 key F5" "ctrl+k sleep 0.3 key ctrl+k")
texts=(0.5 0.001 1000 2 0 -3 1e9 abc 0.05 7 "" 12 999999)

# Drags from target $1 to a point of target $2 (anywhere when empty), in steps.
drag() {
    local steps x0 y0 i from
    point "$1"
    x0=$X y0=$Y from="$TARGET"
    point "${2:-}"
    steps=$((3 + RANDOM % 8))
    log "drag $from ($x0,$y0) -> $TARGET ($X,$Y)"
    local moves=(mousemove "$x0" "$y0" mousedown 1)
    for i in $(seq "$steps"); do
        moves+=(sleep 0.03 mousemove $((x0 + (X - x0) * i / steps)) $((y0 + (Y - y0) * i / steps)))
    done
    xdo "${moves[@]}"
    # Now and then Escape in the middle of a drag (it cancels a learning-rate drag).
    [ $((RANDOM % 8)) -ne 0 ] || xdo key Escape
    xdo mouseup 1
}

# One random event of the storm.
storm_action() {
    local kind=$((RANDOM % 100)) key
    if [ "$kind" -lt 30 ]; then
        point
        log "click $TARGET ($X,$Y)"
        xdo mousemove "$X" "$Y" click 1
    elif [ "$kind" -lt 36 ]; then
        point
        log "double click $TARGET ($X,$Y)"
        xdo mousemove "$X" "$Y" click --repeat 2 --delay 60 1
    elif [ "$kind" -lt 40 ]; then
        point
        log "right click $TARGET ($X,$Y)"
        xdo mousemove "$X" "$Y" click 3
    elif [ "$kind" -lt 54 ]; then
        pick speed rateSlider rateSlider timeline timeline plot network table splitterTop \
            splitterBottom splitterSide h1 o2 ""
        drag "$PICK"
    elif [ "$kind" -lt 60 ]; then
        pick plot plot network timeline rateSlider speed digits table formula
        point "$PICK"
        pick 4 5
        log "wheel $TARGET ($X,$Y) button $PICK"
        xdo mousemove "$X" "$Y" click --repeat $((1 + RANDOM % 5)) "$PICK"
    elif [ "$kind" -lt 88 ]; then
        pick "${keys[@]}"
        log "key $PICK"
        # shellcheck disable=SC2086 # an entry may hold several keys and a pause
        xdo key $PICK
    elif [ "$kind" -lt 95 ]; then
        pick Return Right Escape Tab space
        key="$PICK"
        pick "${texts[@]}"
        log "type '$PICK' into the rate field, then $key"
        xdo key alt+l ctrl+a
        [ -z "$PICK" ] || xdo type "$PICK"
        xdo key "$key"
    elif [ "$kind" -lt 98 ]; then
        pick network plot table
        point "$PICK"
        log "hover $TARGET"
        xdo mousemove "$X" "$Y"
    else
        full_speed
    fi
}

# One gentle event of the full-speed stretch: nothing that pauses, resets or rewinds the run.
gentle_action() {
    local kind=$((RANDOM % 10))
    case $kind in
    0 | 1 | 2) pick network plot table formula ;;
    3 | 4 | 5) pick plot plot digits ;;
    6) pick plot ;;
    *) pick i1 i2 h1 h2 o1 o2 b1 b2 w1 w8 network logScale follow pin copy ;;
    esac
    point "$PICK"
    case $kind in
    0 | 1 | 2)
        log "hover $TARGET"
        xdo mousemove "$X" "$Y"
        ;;
    3 | 4 | 5)
        pick 4 5
        log "wheel $TARGET button $PICK"
        xdo mousemove "$X" "$Y" click "$PICK"
        ;;
    6)
        log "double click $TARGET"
        xdo mousemove "$X" "$Y" click --repeat 2 --delay 60 1
        ;;
    7 | 8)
        log "click $TARGET"
        xdo mousemove "$X" "$Y" click 1
        ;;
    9)
        log "key Tab"
        xdo key Tab
        ;;
    esac
}

# Waits up to `$1` seconds for the state file's time to differ from `$2`; false when it never does.
expect_change() {
    local deadline=$((${EPOCHREALTIME/./} / 1000 + $1 * 1000))
    while now_ms && [ "$NOW" -lt "$deadline" ]; do
        check_alive
        [ "$(state_time)" = "$2" ] || return 0
        pause 0.2
    done
    return 1
}

# The state file stopped changing: close what is open, step once (Right) and then reset (R);
# either must show in the state file, or the program hangs.
probe() {
    local before
    log "probe: the state file has not changed for a while"
    close_strays
    before="$(state_time)"
    xdo key Escape Right
    expect_change 5 "$before" && return 0
    close_strays
    xdo key r
    expect_change "$hang_seconds" "$before" ||
        fail "hang: the state file has not changed for $hang_seconds s after a probe (Right, then R)"
}

# Plays at full speed: the speed slider to its end (a click gives it the keys, End goes to the
# fastest) and Play unless the run is already moving.
full_speed() {
    local first tries
    log "full speed"
    # Again while it does not train at least 1,000 iterations a second: a loaded machine can
    # lose the End key to a popup the storm left closing.
    for tries in 1 2 3; do
        close_strays
        point speed
        xdo mousemove "$X" "$Y" click 1 key End Escape
        first="$(iteration)"
        pause 1
        [ "$(iteration)" != "$first" ] || xdo key space
        first="$(iteration)"
        pause 1
        [ $(($(iteration) - ${first:-0})) -lt 1000 ] || return 0
        log "not at full speed (try $tries)"
    done
}

# Fresh mazur at its own rate, then full speed: the run whose record must stay bounded.
start_stretch() {
    local at before rate
    close_strays
    log "preset mazur, rate 0.5, reset"
    point preset
    # End, then Home: mazur loads even when the chooser shows it already (after an edit of it,
    # whose shape the storm may have grown).
    xdo mousemove "$X" "$Y" click 1 sleep 0.5 key Escape End sleep 0.3 key Home
    close_strays
    xdo key alt+l ctrl+a
    xdo type 0.5
    xdo key Return
    pause 0.3
    focus_window
    xdo key Escape r
    full_speed
    # The speed reached, for the log.
    before="$(iteration)"
    now_ms
    at=$NOW
    pause 4
    rate=$((($(iteration) - ${before:-0}) * 1000 / (${EPOCHREALTIME/./} / 1000 - at)))
    echo "full-speed stretch from $(elapsed) s: $rate iterations/s, $(cat "$state")"
    [ "$rate" -gt 1000 ] || fail "could not start full-speed play (speed slider not found?)"
}

# ---- The run. ----
for _ in $(seq 300); do
    check_alive
    grep -q '"iteration": 0,' "$state" 2>/dev/null && break
    pause 0.1
done
focus_window
sample
storm_end="${SOAK_STORM_SECONDS:-$((seconds / 3))}"
state_line
last_state="$STATE"
now_ms
last_change_at=$NOW
stretch_started=0
stretch_from=$seconds
faulted=0
count=0
while seconds_in && [ "$ELAPSED" -lt "$seconds" ]; do
    check_alive
    sample
    if [ "$ELAPSED" -ge $((seconds / 2)) ] && [ -n "$fault" ] && [ "$faulted" = 0 ]; then
        faulted=1
        echo "injecting a fault at $ELAPSED s: $fault"
        case "$fault" in
        stop) kill -STOP "$pid" ;;
        segv) kill -SEGV "$pid" ;;
        esac
    fi
    # Dialogs and menus the last event opened: closed, the main window gets the keyboard again.
    find_strays
    [ -z "$STRAYS" ] || close_strays
    count=$((count + 1))
    if [ "$ELAPSED" -lt "$storm_end" ]; then
        storm_action
        pause "0.$((RANDOM % 2))$((RANDOM % 10))"
    else
        if [ "$stretch_started" = 0 ]; then
            stretch_started=1
            echo "storm over at $ELAPSED s ($count events); the full-speed stretch"
            start_stretch
            seconds_in
            stretch_from=$ELAPSED
        fi
        gentle_action
        pause "0.$((3 + RANDOM % 7))"
    fi
    # A state file that stopped changing: while playing it changes every frame; in the storm a
    # pause is normal, so a probe asks for a change.
    state_line
    now_ms
    if [ "$STATE" != "$last_state" ]; then
        last_state="$STATE"
        last_change_at=$NOW
    elif [ $((NOW - last_change_at)) -gt 5000 ]; then
        probe
        [ "$stretch_started" = 0 ] || full_speed
        state_line
        last_state="$STATE"
        now_ms
        last_change_at=$NOW
    fi
done
sample
echo "$count events, $(grep -c '^\[' "$actions") logged"

# ---- Memory: what full-speed play adds must stay within the program's budgets: the run's
# record (32 MiB) and its loss curve (2^20 points, 16 MiB), plus a margin for ASan's quarantine
# (16 MB) and the allocator. An unbounded record (about 155 bytes per 1,000 iterations) passes
# that within a minute or two of release-build play. ----
print_samples
verdict="$(awk -v from="$stretch_from" -v most="$max_growth_mb" '
    $1 >= from { n++; t[n] = $1; m[n] = $2 / 1024; it[n] = $3; if (m[n] > top) top = m[n] }
    END {
        if (n < 3) { print "ok too few samples to judge (" n ")"; exit }
        rise = top - m[1]
        runs = it[n] - it[1]
        verdict = (rise > most) ? "fail" : "ok"
        perk = runs > 0 ? rise * 1048576 / runs * 1000 : 0
        printf "%s RSS %.1f MB at %d s, at most %.1f MB until %d s: a rise of %.1f MB (at most %s MB allowed) over %.0f iterations (%.0f bytes per 1000)\n",
            verdict, m[1], t[1], top, t[n], rise, most, runs, perk
    }' "$samples")"
echo "memory: ${verdict#* }"
[ "${verdict%% *}" = ok ] || fail "full-speed play took more memory than the budgets allow: ${verdict#* }"

# ---- A normal quit: Ctrl+Q, exit status 0, no sanitizer report. ----
close_strays
xdo key ctrl+q
for _ in $(seq 1200); do
    alive || break
    pause 0.1
done
alive && fail "Ctrl+Q did not quit within 120 s"
code=0
wait "$pid" || code=$?
[ "$code" -eq 0 ] || fail "the program exited with status $code after Ctrl+Q"
if grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:' "$errors"; then
    fail "a sanitizer report"
fi
echo "soak passed in $(elapsed) s, seed $seed, final state $(cat "$state")"
