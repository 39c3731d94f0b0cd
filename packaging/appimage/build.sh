#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Natter-<version>-<arch>.AppImage with linuxdeploy and its Qt plugin.
#   bash packaging/appimage/build.sh                   → build/appimage/Natter-*.AppImage
#   BUILD_DIR=… TOOLS_DIR=… QMAKE=… bash packaging/appimage/build.sh
#   bash packaging/appimage/build.sh --appdir-only     stage build/appimage/AppDir, no download
# Needs network the first time (linuxdeploy and linuxdeploy-plugin-qt from their GitHub
# "continuous" releases, cached in TOOLS_DIR) and the build dependencies of .ci/deps. Build on
# the oldest distribution you want to support: the AppImage carries Qt and QtKeychain but uses
# the host's glibc. Runs without FUSE (APPIMAGE_EXTRACT_AND_RUN).
set -euo pipefail
cd "$(dirname "$0")/../.."

arch=$(uname -m)
build=${BUILD_DIR:-build/appimage}
tools=$(realpath -m "${TOOLS_DIR:-$build/tools}")
appdir=$build/AppDir
app_id=io.github.natter.Natter

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build/cmake" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNATTER_BUILD_TESTS=OFF \
  -DCMAKE_INSTALL_PREFIX=/usr "${launcher[@]}" >/dev/null
cmake --build "$build/cmake" -j "$(nproc)"
rm -rf "$appdir"
DESTDIR="$PWD/$appdir" cmake --install "$build/cmake" >/dev/null
echo "Staged $appdir"
[ "${1:-}" = "--appdir-only" ] && exit 0

mkdir -p "$tools"
base=https://github.com/linuxdeploy
for tool in linuxdeploy/linuxdeploy-$arch.AppImage \
            linuxdeploy-plugin-qt/linuxdeploy-plugin-qt-$arch.AppImage; do
  file=$tools/$(basename "$tool")
  if [ ! -x "$file" ]; then
    curl -fL --retry 3 -o "$file.part" "$base/${tool%%/*}/releases/download/continuous/${tool#*/}"
    chmod +x "$file.part" && mv "$file.part" "$file"
  fi
done

# linuxdeploy-plugin-qt finds Qt through qmake; Debian/Ubuntu install Qt 6's as qmake6.
export QMAKE=${QMAKE:-$(command -v qmake6 || command -v qmake)}
# Plugins Natter loads without linking them: the SQLite driver comes with QtSql and the image
# formats with QtGui; the SVG icon engine needs the svg module named; Wayland besides xcb.
export EXTRA_QT_MODULES="svg" EXTRA_QT_PLUGINS="svg"
export EXTRA_PLATFORM_PLUGINS="libqwayland-egl.so;libqwayland-generic.so"
export APPIMAGE_EXTRACT_AND_RUN=1
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/cmake/CMakeCache.txt")
export LINUXDEPLOY_OUTPUT_VERSION=$version
export LDAI_OUTPUT="Natter-$version-$arch.AppImage" OUTPUT="Natter-$version-$arch.AppImage"

(cd "$build" && PATH="$tools:$PATH" "$tools/linuxdeploy-$arch.AppImage" \
  --appdir AppDir \
  --executable AppDir/usr/bin/natter --executable AppDir/usr/bin/natter-cli \
  --desktop-file "AppDir/usr/share/applications/$app_id.desktop" \
  --icon-file "AppDir/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
  --plugin qt --output appimage)
echo "Built $build/$LDAI_OUTPUT"
echo "The CLI is inside: $LDAI_OUTPUT --appimage-extract, then squashfs-root/usr/bin/natter-cli"
