# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: DEB and RPM on Linux, an NSIS installer on Windows, a DragNDrop DMG on macOS. The
# install rules (cmake/NatterInstall.cmake) decide what goes in; this file only describes the
# packages. Build, then from the build directory:  cpack -G DEB   (or RPM, NSIS, DragNDrop).
include_guard(GLOBAL)

set(CPACK_PACKAGE_NAME natter)
set(CPACK_PACKAGE_VENDOR "The Natter contributors")
set(CPACK_PACKAGE_CONTACT "The Natter contributors <natter@natter.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop messenger for MoreliaTalk, mode WS and DisTet servers")
set(CPACK_PACKAGE_DESCRIPTION
    "Natter is a native Qt desktop messenger. One client core talks to MoreliaTalk (both protocol \
dialects), the mode WebSocket server and the DisTet HTTP API, with a local full-text-searchable \
cache, an outbox that survives restarts and sessions kept in the system keychain. The package \
also ships natter-cli, a command-line client for the same servers.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Natter)
set(CPACK_PACKAGE_EXECUTABLES natter Natter)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/" "/\\\\.cache/" "\\\\.swp$")

if(NOT CPACK_GENERATOR)
    if(WIN32)
        set(CPACK_GENERATOR NSIS)
    elseif(APPLE)
        set(CPACK_GENERATOR DragNDrop)
    else()
        set(CPACK_GENERATOR DEB)
        find_program(NATTER_RPMBUILD rpmbuild)
        if(NATTER_RPMBUILD)
            list(APPEND CPACK_GENERATOR RPM)
        endif()
    endif()
endif()

# --- DEB (Debian 12 / Ubuntu 22.04+) -------------------------------------------------------------
# dpkg-shlibdeps computes the libraries natter links (Qt 6, QtKeychain, libc…). Qt loads some of
# what it needs as plugins, which no ELF dependency shows: the platform plugins (xcb/wayland),
# the SQLite driver, the SVG icon engine and image formats (avatars, pictures).
set(CPACK_DEBIAN_PACKAGE_NAME natter)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qt6-qpa-plugins, libqt6sql6-sqlite, qt6-image-formats-plugins, libqt6svg6")
# A Secret Service provider keeps the session secret; Wayland sessions want the Qt plugin.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | libkf5wallet-bin | keepassxc, qt6-wayland")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# --- RPM (Fedora 38+) ----------------------------------------------------------------------------
# rpmbuild's automatic requirements find the linked libraries (libQt6*.so.6, libqt6keychain.so.1);
# the packages below name them for readers and add the plugin packages.
set(CPACK_RPM_PACKAGE_NAME natter)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES
    "qt6-qtbase >= 6.4, qt6-qtbase-gui >= 6.4, qt6-qtwebsockets >= 6.4, qt6-qtsvg >= 6.4, qt6-qtimageformats, qtkeychain-qt6")
set(CPACK_RPM_PACKAGE_SUGGESTS "gnome-keyring, qt6-qtwayland")
set(natter_rpm_owned_dirs
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps)
foreach(size IN LISTS NATTER_ICON_SIZES)
    list(APPEND natter_rpm_owned_dirs
        /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION ${natter_rpm_owned_dirs})

# --- NSIS (Windows) ------------------------------------------------------------------------------
# windeployqt runs as part of the install step (cmake/NatterInstall.cmake), so the installer
# carries Qt. CPACK_PACKAGE_EXECUTABLES gives the Start menu shortcut; NSIS always writes an
# uninstaller and lists it under "Apps & features".
set(CPACK_NSIS_PACKAGE_NAME Natter)
set(CPACK_NSIS_DISPLAY_NAME "Natter ${PROJECT_VERSION}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\natter.exe")
set(CPACK_NSIS_MUI_ICON "${PROJECT_BINARY_DIR}/packaging/icons/natter.ico")
set(CPACK_NSIS_MUI_UNIICON "${PROJECT_BINARY_DIR}/packaging/icons/natter.ico")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_BRANDING_TEXT "Natter ${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY Natter)
set(CPACK_NSIS_CREATE_ICONS_EXTRA
    "CreateShortCut '$DESKTOP\\\\Natter.lnk' '$INSTDIR\\\\bin\\\\natter.exe'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$DESKTOP\\\\Natter.lnk'")
# PATH editing in CPack's NSIS script truncates long PATH values; natter-cli is run by full path
# ("C:\Program Files\Natter\bin\natter-cli.exe") or added to PATH by hand.
set(CPACK_NSIS_MODIFY_PATH OFF)

# --- DragNDrop DMG (macOS) -----------------------------------------------------------------------
# Natter.app (deployed by macdeployqt during install) next to an /Applications link.
set(CPACK_DMG_VOLUME_NAME Natter)
set(CPACK_DMG_FORMAT UDBZ)
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
if(APPLE)
    set(CPACK_PACKAGE_ICON "${PROJECT_BINARY_DIR}/packaging/icons/natter.icns")
endif()

include(CPack)
