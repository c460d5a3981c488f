#!/usr/bin/env bash
# Builds the Debian package of Backprop Lab and prints the path of the .deb on standard output
# (everything else goes to standard error).
# Usage: scripts/package.sh [BUILD_DIR]
#   Without BUILD_DIR: a Release build of its own in build/package (installed under /usr).
#   With one, e.g. build/default after scripts/test.sh: packages that build as it is, after
#   building what is missing in it (the package installs under /usr whatever its prefix).
# The binaries are stripped either way. Then: sudo apt install ./build/package/deb/*.deb
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec 3>&1 1>&2
install_missing
cd "$ROOT"

build_dir="${1:-build/package}"
if [ $# -eq 0 ]; then
    # Debian's compiler and linker flags, with all its hardening (bindnow, fortify, ...).
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all
    cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
        -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
        -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" \
        -DBACKPROP_BUILD_TESTS=OFF -DBACKPROP_BUILD_BENCHMARKS=OFF >/dev/null
elif [ ! -f "$build_dir/CMakeCache.txt" ]; then
    echo "package.sh: $build_dir is not a configured build directory" >&2
    exit 2
fi
cmake --build "$build_dir" -j "$(nproc)"

# cpack installs the build into a staging tree, strips it, asks dpkg-shlibdeps for the
# dependencies and writes the .deb into $build_dir/deb.
output="$build_dir/deb"
rm -f "$output"/*.deb
cpack --config "$build_dir/CPackConfig.cmake" -B "$output"
deb="$(find "$output" -maxdepth 1 -name 'backprop-lab_*.deb' -print -quit)"
[ -n "$deb" ] || { echo "package.sh: cpack wrote no .deb into $output" >&2; exit 1; }
echo "$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")" >&3
