# SPDX-License-Identifier: GPL-3.0-or-later
# Install rules for the desktop app and the CLI, and the icons they need.
#   Linux:   GNUInstallDirs — bin/, share/applications, share/metainfo, share/icons/hicolor,
#            share/doc/natter. Qt comes from the distribution (the DEB/RPM depend on it).
#   macOS:   Natter.app at the top of the prefix, natter-cli inside Contents/MacOS, Qt deployed
#            into the bundle by macdeployqt.
#   Windows: bin/ with both programs, Qt deployed next to them by windeployqt, doc/.
# Included from the top-level CMakeLists.txt after the targets exist.
include(GNUInstallDirs)

set(NATTER_APP_ID "io.github.natter.Natter")
set(NATTER_ICON_SVG "${PROJECT_SOURCE_DIR}/resources/icons/natter.svg")
set(natter_pkg_dir "${PROJECT_SOURCE_DIR}/packaging")
set(natter_icon_dir "${PROJECT_BINARY_DIR}/packaging/icons")

# --- Icons, rendered from the SVG at build time -------------------------------------------------
# natter-icontool is a host tool (QSvgRenderer). A cross build passes a natively built one with
# -DNATTER_ICON_TOOL=/path/to/natter-icontool.
set(NATTER_ICON_TOOL "" CACHE FILEPATH "A host natter-icontool (for cross builds)")
if(NATTER_ICON_TOOL)
    set(natter_icontool "${NATTER_ICON_TOOL}")
else()
    add_executable(natter-icontool "${natter_pkg_dir}/icontool/main.cpp")
    target_link_libraries(natter-icontool PRIVATE Qt6::Gui Qt6::Svg)
    target_compile_definitions(natter-icontool PRIVATE QT_NO_CAST_FROM_ASCII)
    set(natter_icontool "$<TARGET_FILE:natter-icontool>")
endif()

set(NATTER_ICON_SIZES 16 24 32 48 64 128 256 512)
set(natter_icon_outputs "")
foreach(size IN LISTS NATTER_ICON_SIZES)
    set(png "${natter_icon_dir}/hicolor/${size}x${size}/apps/${NATTER_APP_ID}.png")
    add_custom_command(OUTPUT "${png}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${natter_icon_dir}/hicolor/${size}x${size}/apps"
        COMMAND ${natter_icontool} "${NATTER_ICON_SVG}" "${png}" ${size}
        DEPENDS "${NATTER_ICON_SVG}" ${natter_icontool}
        COMMENT "Rendering the ${size}x${size} app icon" VERBATIM)
    list(APPEND natter_icon_outputs "${png}")
endforeach()
if(WIN32)
    set(natter_ico "${natter_icon_dir}/natter.ico")
    add_custom_command(OUTPUT "${natter_ico}"
        COMMAND ${natter_icontool} "${NATTER_ICON_SVG}" "${natter_ico}"
        DEPENDS "${NATTER_ICON_SVG}" ${natter_icontool} VERBATIM)
    list(APPEND natter_icon_outputs "${natter_ico}")
elseif(APPLE)
    set(natter_icns "${natter_icon_dir}/natter.icns")
    add_custom_command(OUTPUT "${natter_icns}"
        COMMAND ${natter_icontool} "${NATTER_ICON_SVG}" "${natter_icns}"
        DEPENDS "${NATTER_ICON_SVG}" ${natter_icontool} VERBATIM)
    list(APPEND natter_icon_outputs "${natter_icns}")
endif()
add_custom_target(natter-icons ALL DEPENDS ${natter_icon_outputs})
if(WIN32 OR APPLE)
    add_dependencies(natter natter-icons) # the .ico / .icns is compiled into the app
endif()

# --- Platform metadata compiled into the app ----------------------------------------------------
# natter is defined in src/app; source properties are per directory, hence TARGET_DIRECTORY.
if(WIN32)
    # The executable's icon (Explorer, taskbar, Start menu shortcut) and version resource.
    configure_file("${natter_pkg_dir}/windows/natter.rc.in" "${natter_icon_dir}/natter.rc" @ONLY)
    target_sources(natter PRIVATE "${natter_icon_dir}/natter.rc")
    set_source_files_properties("${natter_icon_dir}/natter.rc" TARGET_DIRECTORY natter
        PROPERTIES OBJECT_DEPENDS "${natter_ico}")
elseif(APPLE)
    target_sources(natter PRIVATE "${natter_icns}")
    set_source_files_properties("${natter_icns}" TARGET_DIRECTORY natter
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources GENERATED TRUE)
    set_target_properties(natter PROPERTIES
        OUTPUT_NAME Natter
        MACOSX_BUNDLE_INFO_PLIST "${natter_pkg_dir}/macos/Info.plist.in"
        MACOSX_BUNDLE_BUNDLE_NAME Natter
        MACOSX_BUNDLE_GUI_IDENTIFIER "${NATTER_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_ICON_FILE natter.icns
        MACOSX_BUNDLE_COPYRIGHT "© the Natter contributors, GPL-3.0-or-later"
        MACOSX_BUNDLE_INFO_STRING "Natter ${PROJECT_VERSION}")
endif()

# --- Install rules -------------------------------------------------------------------------------
if(APPLE)
    install(TARGETS natter BUNDLE DESTINATION . RUNTIME DESTINATION .)
    install(TARGETS natter-cli RUNTIME DESTINATION Natter.app/Contents/MacOS)
    install(FILES LICENSE README.md DESTINATION Natter.app/Contents/Resources)
elseif(WIN32)
    install(TARGETS natter natter-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    # Non-Qt DLLs (QtKeychain); windeployqt below brings Qt itself and its plugins.
    install(FILES $<TARGET_RUNTIME_DLLS:natter> $<TARGET_RUNTIME_DLLS:natter-cli>
        DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES LICENSE README.md DESTINATION doc)
else()
    install(TARGETS natter natter-cli
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        BUNDLE DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES "${natter_pkg_dir}/linux/${NATTER_APP_ID}.desktop"
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
    install(FILES "${natter_pkg_dir}/linux/${NATTER_APP_ID}.metainfo.xml"
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
    install(DIRECTORY "${natter_icon_dir}/hicolor" DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons)
    install(FILES "${NATTER_ICON_SVG}" RENAME "${NATTER_APP_ID}.svg"
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps)
    install(FILES LICENSE README.md "${natter_pkg_dir}/linux/copyright"
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/natter)
endif()

# --- Qt runtime deployment (macOS bundle, Windows bin/) -----------------------------------------
# Qt 6.4's qt_generate_deploy_app_script() (technical preview) writes a script that calls
# qt_deploy_runtime_dependencies() for the app alone; natter-cli must be fixed up in the same
# macdeployqt/windeployqt run, so this writes the same script with ADDITIONAL_EXECUTABLES.
# Linux packages use the distribution's Qt; the AppImage and Flatpak bring their own.
if((APPLE OR WIN32) AND QT_DEPLOY_SUPPORT)
    set(natter_deploy_script "${PROJECT_BINARY_DIR}/packaging/deploy-natter.cmake")
    if(APPLE)
        file(GENERATE OUTPUT "${natter_deploy_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE Natter.app
    ADDITIONAL_EXECUTABLES Natter.app/Contents/MacOS/natter-cli)
")
    else()
        file(GENERATE OUTPUT "${natter_deploy_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:natter>
    ADDITIONAL_EXECUTABLES \${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:natter-cli>
    GENERATE_QT_CONF)
")
    endif()
    install(SCRIPT "${natter_deploy_script}")
elseif(APPLE OR WIN32)
    message(WARNING "QT_DEPLOY_SUPPORT is not set: deploy Qt by hand after installing "
        "(packaging/README.md: macdeployqt / windeployqt)")
endif()

# --- Tests of the packaging metadata (Linux) ----------------------------------------------------
if(NATTER_BUILD_TESTS AND UNIX AND NOT APPLE)
    string(REPLACE ";" "," natter_sizes_csv "${NATTER_ICON_SIZES}")
    add_test(NAME natter_packaging_install
        COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR}
            -DPREFIX=${PROJECT_BINARY_DIR}/packaging/test-prefix -DAPP_ID=${NATTER_APP_ID}
            -DVERSION=${PROJECT_VERSION} -DSIZES=${natter_sizes_csv}
            -P ${natter_pkg_dir}/tests/check-install.cmake)
    find_program(NATTER_DESKTOP_FILE_VALIDATE desktop-file-validate)
    if(NATTER_DESKTOP_FILE_VALIDATE)
        add_test(NAME natter_packaging_desktop_file COMMAND ${NATTER_DESKTOP_FILE_VALIDATE}
            "${natter_pkg_dir}/linux/${NATTER_APP_ID}.desktop")
        # It exits 0 on warnings and hints; those count as failures here.
        set_tests_properties(natter_packaging_desktop_file PROPERTIES
            FAIL_REGULAR_EXPRESSION "warning|error|hint")
    endif()
    find_program(NATTER_APPSTREAMCLI appstreamcli)
    if(NATTER_APPSTREAMCLI)
        add_test(NAME natter_packaging_metainfo COMMAND ${NATTER_APPSTREAMCLI} validate --no-net
            "${natter_pkg_dir}/linux/${NATTER_APP_ID}.metainfo.xml")
    endif()
endif()
