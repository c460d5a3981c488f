#!/usr/bin/env bash
# Builds the fuzz preset (clang's libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer)
# and runs each fuzz target for SECONDS seconds (default 60), one after the other, each on a copy
# of its committed seed corpus in build/fuzz/corpus, so the repository is never changed. Fails
# when any target finds a crash, leak, timeout or out-of-memory, and says where each input that
# caused one is.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_missing
cd "$ROOT"

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_session fuzz_cli_options fuzz_explanation)

build_preset fuzz
build="$ROOT/build/fuzz"
fuzz="$ROOT/tests/fuzz"

# The seed directories, dictionary and largest input of each target. The session targets also
# replay tests/data/malformed, so that a regression file added there is a seed at once.
seeds_of() {
    case "$1" in
        fuzz_session) echo "$fuzz/corpus/fuzz_session $ROOT/tests/data/malformed" ;;
        fuzz_explanation)
            echo "$fuzz/corpus/fuzz_explanation $fuzz/corpus/fuzz_session $ROOT/tests/data/malformed"
            ;;
        fuzz_cli_options) echo "$fuzz/corpus/fuzz_cli_options" ;;
    esac
}
dict_of() {
    case "$1" in
        fuzz_cli_options) echo "$fuzz/cli_options.dict" ;;
        *) echo "$fuzz/session.dict" ;;
    esac
}
max_len_of() {
    case "$1" in
        fuzz_cli_options) echo 4096 ;;
        *) echo 65536 ;;  # session files of the largest network, and more
    esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    rm -rf "$corpus" "$artifacts"
    mkdir -p "$corpus" "$artifacts"
    for seeds in $(seeds_of "$target"); do
        find "$seeds" -maxdepth 1 -type f -exec cp -t "$corpus" {} +
    done
    log="$build/$target.log"
    echo "== $target: ${seconds} s on $(ls "$corpus" | wc -l) seeds (log: $log)"
    status=0
    "$build/tests/fuzz/$target" "$corpus" -dict="$(dict_of "$target")" \
        -max_total_time="$seconds" -max_len="$(max_len_of "$target")" -rss_limit_mb=2048 \
        -timeout=10 -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E "^#[0-9]+ +DONE|^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" || true
    if [ "$status" -ne 0 ] || [ -n "$(ls -A "$artifacts")" ]; then
        grep -E "ERROR: |SUMMARY: |fuzz: invariant broken|runtime error" "$log" | head -n 5 || true
        echo "$target FAILED (exit $status). The input that caused it:"
        ls -1 "$artifacts"/* 2>/dev/null | sed 's/^/  /'  || true
        echo "Reproduce: $build/tests/fuzz/$target FILE; full report in $log"
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing FAILED: ${failed[*]}. Once fixed, add each input as a regression file"
    echo "(tests/data/malformed/ for a file the session reader must refuse)."
    exit 1
fi
echo "fuzzing: no findings"
