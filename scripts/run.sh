#!/usr/bin/env bash
# Installs what is missing, builds Backprop Lab and starts it.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_missing
cd "$ROOT"
build_preset default
exec build/default/app/backprop-lab-cli --explain "$@"
