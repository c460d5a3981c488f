#!/usr/bin/env bash
# Installs what is missing, builds Backprop Lab and runs the whole test suite.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
install_missing
cd "$ROOT"
build_preset default
ctest --preset default -j "$(nproc)"
