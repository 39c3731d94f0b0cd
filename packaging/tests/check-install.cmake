# SPDX-License-Identifier: GPL-3.0-or-later
# ctest natter_packaging_install: installs the build into a scratch prefix and checks the Linux
# layout and that the desktop metadata agrees with itself and with the project.
#   cmake -DBUILD_DIR=… -DPREFIX=… -DAPP_ID=… -DVERSION=… -DSIZES=16,24,…
#         -P check-install.cmake
foreach(var BUILD_DIR PREFIX APP_ID VERSION SIZES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check-install.cmake: ${var} is not set")
    endif()
endforeach()
string(REPLACE "," ";" SIZES "${SIZES}")

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
    RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()

set(errors "")
macro(fail text)
    list(APPEND errors "${text}")
endmacro()

set(share "${PREFIX}/share")
set(expected
    bin/natter bin/natter-cli
    share/applications/${APP_ID}.desktop
    share/metainfo/${APP_ID}.metainfo.xml
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/doc/natter/LICENSE share/doc/natter/README.md share/doc/natter/copyright)
foreach(size IN LISTS SIZES)
    list(APPEND expected share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
foreach(path IN LISTS expected)
    if(NOT EXISTS "${PREFIX}/${path}")
        fail("missing ${path}")
    endif()
endforeach()

# Every PNG is the size its directory names (IHDR width and height, big-endian, bytes 16..23).
foreach(size IN LISTS SIZES)
    set(png "${share}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png")
    if(EXISTS "${png}")
        file(READ "${png}" header LIMIT 24 HEX)
        string(SUBSTRING "${header}" 0 16 magic)
        string(SUBSTRING "${header}" 32 8 width_hex)
        string(SUBSTRING "${header}" 40 8 height_hex)
        math(EXPR width "0x${width_hex}")
        math(EXPR height "0x${height_hex}")
        if(NOT magic STREQUAL "89504e470d0a1a0a")
            fail("${png} is not a PNG")
        elseif(NOT width EQUAL size OR NOT height EQUAL size)
            fail("the ${size}x${size} icon is ${width}x${height}")
        endif()
    endif()
endforeach()

# Desktop entry: the icon and the Exec line name what is installed.
set(desktop "${share}/applications/${APP_ID}.desktop")
if(EXISTS "${desktop}")
    file(STRINGS "${desktop}" icon_line REGEX "^Icon=")
    file(STRINGS "${desktop}" exec_line REGEX "^Exec=")
    if(NOT icon_line STREQUAL "Icon=${APP_ID}")
        fail("the desktop file says ${icon_line}, not Icon=${APP_ID}")
    endif()
    string(REGEX REPLACE "^Exec=([^ ]+).*" "\\1" exec_name "${exec_line}")
    if(NOT EXISTS "${PREFIX}/bin/${exec_name}")
        fail("the desktop file's Exec ${exec_name} is not installed")
    endif()
endif()

# Metainfo: id, launchable and the newest release match the app id and the project version.
set(metainfo "${share}/metainfo/${APP_ID}.metainfo.xml")
if(EXISTS "${metainfo}")
    file(READ "${metainfo}" xml)
    set(needles "<id>${APP_ID}</id>"
        "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>"
        "<binary>natter</binary>" "<binary>natter-cli</binary>")
    foreach(needle IN LISTS needles)
        string(FIND "${xml}" "${needle}" at)
        if(at EQUAL -1)
            fail("the metainfo lacks ${needle}")
        endif()
    endforeach()
    string(REGEX MATCH "<release version=\"([^\"]+)\"" first_release "${xml}")
    if(NOT "${CMAKE_MATCH_1}" STREQUAL "${VERSION}")
        fail("the newest metainfo release is '${CMAKE_MATCH_1}', not ${VERSION}: add a <release>")
    endif()
endif()

if(errors)
    list(JOIN errors "\n  " text)
    message(FATAL_ERROR "Install layout problems:\n  ${text}")
endif()
list(LENGTH expected count)
message(STATUS "Install layout ok: ${count} files under ${PREFIX}")
