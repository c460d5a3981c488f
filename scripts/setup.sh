# Sourced by run.sh and test.sh: installs what is missing on Debian 12, then builds a preset.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# clang and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) build the fuzz preset.
# qt6-svg-dev writes the SVG exports (QSvgGenerator); texlive-latex-base (pdflatex) and
# poppler-utils (pdftotext) check the handouts and the PDF exports.
# dpkg-dev and file serve CPack's Debian package (dpkg-shlibdeps); lintian, desktop-file-utils
# and appstream check it. libeigen3-dev (Eigen 3.4, header-only) solves the symmetric
# eigenproblems of the loss's curvature in core/ (core/curvature.cpp, core/lanczos.cpp).
PACKAGES=(g++ cmake make libgtest-dev libbenchmark-dev qt6-base-dev libqcustomplot-dev
          libxkbcommon-dev fonts-dejavu-core xvfb xauth xdotool clang libclang-rt-14-dev
          dpkg-dev file lintian desktop-file-utils appstream libeigen3-dev
          qt6-svg-dev texlive-latex-base poppler-utils)

# apt-get install for every package of PACKAGES that is not installed yet (sudo unless root).
install_missing() {
    local missing=()
    for package in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures and builds one of CMakePresets.json's presets.
build_preset() {
    cmake -S "$ROOT" --preset "$1" >/dev/null
    cmake --build --preset "$1" -j "$(nproc)"
}
