# Installation layout and CPack (.deb) configuration for SockScope.
#
# Included from the top-level CMakeLists.txt *before* the targets are created:
# CMAKE_SKIP_INSTALL_RPATH must be set in the directory scope the executable
# inherits, and app/CMakeLists.txt uses the GNUInstallDirs variables.
#
#   cmake --build build && (cd build && cpack -G DEB)
#
# See packaging/README.md for the checks and for Windows/macOS notes.

include(GNUInstallDirs)

# qt_standard_project_setup() sets an install RUNPATH of $ORIGIN:$ORIGIN/../lib.
# A .deb installs into /usr and uses the system Qt: no RUNPATH at all.
set(CMAKE_SKIP_INSTALL_RPATH ON)

set(SOCKSCOPE_APP_ID "io.github.sockscope.SockScope")
set(_pkg_dir "${CMAKE_CURRENT_LIST_DIR}/../packaging")
cmake_path(NORMAL_PATH _pkg_dir)
set(_icon_dir "${PROJECT_SOURCE_DIR}/resources/icons")
# GNUInstallDirs' DOCDIR is share/doc/${PROJECT_NAME} ("SockScope"); Debian
# wants the package name.
set(_doc_dir "${CMAKE_INSTALL_DATADIR}/doc/sockscope")

# The AppStream release list is written by hand (release notes); make sure it
# names the current project version so a version bump is not forgotten.
file(READ "${_pkg_dir}/${SOCKSCOPE_APP_ID}.metainfo.xml" _metainfo)
if(NOT _metainfo MATCHES "<release version=\"${PROJECT_VERSION}\"")
    message(WARNING "packaging/${SOCKSCOPE_APP_ID}.metainfo.xml has no <release> for "
                    "version ${PROJECT_VERSION}: add one (the packaging_deb test checks it).")
endif()
unset(_metainfo)

install(FILES "${_pkg_dir}/${SOCKSCOPE_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${_pkg_dir}/${SOCKSCOPE_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
foreach(_size IN ITEMS 16 32 48 64 128 256)
    install(FILES "${_icon_dir}/hicolor/${_size}x${_size}/apps/sockscope.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps")
endforeach()
install(FILES "${_icon_dir}/sockscope.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION "${_doc_dir}")
# Debian policy: the licence lives in /usr/share/doc/<package>/copyright.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE"
        DESTINATION "${_doc_dir}" RENAME copyright)

# ---------------------------------------------------------------- CPack
set(CPACK_PACKAGE_NAME "sockscope")
set(CPACK_PACKAGE_VENDOR "The SockScope developers")
set(CPACK_PACKAGE_CONTACT "The SockScope developers <sockscope@example.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "TCP/UDP network debugging assistant (English/Chinese)")
set(CPACK_PACKAGE_DESCRIPTION
"SockScope is a network debugging assistant with an English and Simplified
Chinese user interface. It acts as a TCP server, TCP client or UDP peer and
shows every byte sent and received as text (UTF-8, GBK, ...) or hex, with
framing, checksums, auto-reply rules and send sequences.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "SockScope")
set(CPACK_PACKAGE_EXECUTABLES "sockscope" "SockScope")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    set(CPACK_GENERATOR "DEB")
endif()
# 0755 directories even under a restrictive umask (lintian: non-standard-dir-perm).
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Debian specifics
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)        # sockscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_NAME "sockscope")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# dpkg-shlibdeps computes libc6, libstdc++6, libqt6core6, libqt6widgets6, ...
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# ... but cannot see what Qt loads at run time: the xcb/wayland platform
# plugins (qt6-qpa-plugins) and the SVG image plugin for the icons (libqt6svg6).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# Without a CJK font the Chinese UI renders as boxes.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei | fonts-noto-cjk")

include(CPack)

unset(_pkg_dir)
unset(_icon_dir)
unset(_doc_dir)
