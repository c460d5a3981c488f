#!/usr/bin/env bash
# Installs what is missing, builds Backprop Lab and opens its window (on a machine without a
# screen it prints the worked example in the terminal instead).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_missing
cd "$ROOT"
build_preset default
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No screen here: the worked example in the terminal instead."
    exec build/default/app/backprop-lab-cli --explain
fi
exec build/default/app/backprop-lab "$@"
