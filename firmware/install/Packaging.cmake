# SPDX-License-Identifier: Apache-2.0
# The .deb: `cpack -G DEB` in a build folder makes newsticker_<version>-1_<arch>.deb
# (amd64 natively, arm64 from the cross build), installing under /usr and /etc
# with the maintainer scripts of this folder's debian/ (docs/deployment.md).
# Included by the top CMakeLists.txt after every target is defined.
# Maintainer: the project's name and its maintainers' role address. The
# address is in the reserved .invalid domain (RFC 2606) until the project has
# one of its own, so no mail meant for the maintainers reaches a stranger; a
# distributor sets theirs with -DNEWSTICKER_PACKAGE_CONTACT="Name <address>"
# (docs/packaging.md).
if(NEWSTICKER_PACKAGE_CONTACT STREQUAL "newsticker maintainers <newsticker@localhost>")
  unset(NEWSTICKER_PACKAGE_CONTACT CACHE)  # the former default, kept in older build folders; lintian rejects it
endif()
set(NEWSTICKER_PACKAGE_CONTACT "newsticker maintainers <maintainers@newsticker.invalid>" CACHE STRING
  "Maintainer field of the .deb")
# /usr/share/doc/newsticker: the machine-readable (DEP-5) copyright file,
# which lists every part of the tree and the licences of what it builds on;
# the Debian changelog (this folder's debian/changelog) and CHANGELOG.md, both
# compressed with gzip -9n as Debian policy asks.
install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/copyright" DESTINATION share/doc/newsticker)
# Lintian tags reviewed and overridden, each with its reason.
install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/lintian-overrides" DESTINATION share/lintian/overrides
  RENAME newsticker)
set(newsticker_package_docs "${PROJECT_BINARY_DIR}/package-docs")
function(newsticker_gzip source output)
  add_custom_command(OUTPUT "${output}"
    COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" gzip "${source}" "${output}"
    DEPENDS "${source}" VERBATIM)
endfunction()
newsticker_gzip("${CMAKE_CURRENT_LIST_DIR}/debian/changelog" "${newsticker_package_docs}/changelog.Debian.gz")
newsticker_gzip("${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${newsticker_package_docs}/changelog.gz")
file(MAKE_DIRECTORY "${newsticker_package_docs}")
install(FILES "${newsticker_package_docs}/changelog.Debian.gz" "${newsticker_package_docs}/changelog.gz"
  DESTINATION share/doc/newsticker)
# Manual pages (this folder's man/, with the project's version filled in),
# gzip -9n compressed into share/man/man1 and man5;
# tests/install/man_pages_test.sh keeps them in step with --help and Config.cpp.
foreach(page newsticker.1 newsticker-sync.1 newsticker.yaml.5)
  configure_file("${CMAKE_CURRENT_LIST_DIR}/man/${page}.in" "${newsticker_package_docs}/${page}" @ONLY)
  newsticker_gzip("${newsticker_package_docs}/${page}" "${newsticker_package_docs}/${page}.gz")
  string(REGEX MATCH "[0-9]$" section "${page}")
  install(FILES "${newsticker_package_docs}/${page}.gz" DESTINATION share/man/man${section})
  list(APPEND newsticker_man_pages "${newsticker_package_docs}/${page}.gz")
endforeach()
add_custom_target(newsticker_package_docs ALL DEPENDS
  "${newsticker_package_docs}/changelog.Debian.gz" "${newsticker_package_docs}/changelog.gz" ${newsticker_man_pages})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME newsticker)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${NEWSTICKER_PACKAGE_CONTACT}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "kiosk news ticker for lobby and booth screens")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Shows headline cards from a folder of Markdown posts full screen on a display
without a desktop (KMS/DRM), with Chinese, Japanese and Korean typography, and
follows a git or rsync feed with newsticker-sync, which checks each revision
before it reaches the screen, or RSS and Atom feeds with newsticker fetch.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# The version is the project's (CMake project()); the Debian changelog's
# newest entry must name it (tests/install/deb_lintian_test.sh fails otherwise).
file(STRINGS "${CMAKE_CURRENT_LIST_DIR}/debian/changelog" newsticker_changelog_head LIMIT_COUNT 1)
set(newsticker_package_version "${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")
if(NOT newsticker_changelog_head MATCHES "^newsticker \\(${newsticker_package_version}\\)")
  message(WARNING "firmware/install/debian/changelog: the newest entry is not ${newsticker_package_version} "
    "(the project's version): add one (dch -c firmware/install/debian/changelog -v ${newsticker_package_version})")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${CMAKE_CURRENT_LIST_DIR}/debian/postinst"
  "${CMAKE_CURRENT_LIST_DIR}/debian/prerm"
  "${CMAKE_CURRENT_LIST_DIR}/debian/postrm"
  "${CMAKE_CURRENT_LIST_DIR}/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Depends: the libraries the program links come from dpkg-shlibdeps, for both
# architectures (it reads the shlibs and symbols files of the installed
# packages that hold them: the :arm64 ones of install-deps.sh --arm64 for the
# cross build). The rest are what no ELF header names:
# - SDL's KMSDRM driver (a board without a desktop) dlopens libgbm.so.1,
#   libEGL.so.1 and libGLESv2.so.2 and needs a Mesa DRI driver behind EGL
#   (v3d/vc4 on a Raspberry Pi, kms_swrast elsewhere), even for the software
#   renderer: without them it cannot open a window;
# - the fonts of the default chain (fonts/FontChain.cpp), and adduser for postinst.
# tests/install/deb_depends_test.sh checks both parts against the built .deb.
set(NEWSTICKER_PACKAGE_RUNTIME_DEPENDS "libegl1, libgles2, libgbm1, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, ${NEWSTICKER_PACKAGE_RUNTIME_DEPENDS}, \
fonts-noto-cjk, fonts-noto-color-emoji, fonts-dejavu-core, fonts-symbola, fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(CMAKE_CROSSCOMPILING)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
  # dpkg-shlibdeps looks in the host architecture's library folders
  # (/usr/lib/aarch64-linux-gnu) and runs aarch64-linux-gnu-objdump when
  # DEB_HOST_ARCH says the package is for another architecture; cpack reads
  # this file before it runs it.
  set(newsticker_cpack_project_config "${PROJECT_BINARY_DIR}/CPackProjectConfig.cmake")
  file(WRITE "${newsticker_cpack_project_config}" "set(ENV{DEB_HOST_ARCH} arm64)\n")
  set(CPACK_PROJECT_CONFIG_FILE "${newsticker_cpack_project_config}")
endif()
# Hyphenation patterns for words wider than a line (render/Hyphenator.cpp;
# libhyphen0 itself comes from the ELF headers). Without them such a word is
# cut between letters, as before.
set(NEWSTICKER_HYPHENATION_PACKAGES "hyphen-de, hyphen-en-us, hyphen-en-gb, hyphen-fr, hyphen-es, hyphen-it, \
hyphen-nl, hyphen-pt-pt, hyphen-pt-br, hyphen-sv, hyphen-da, hyphen-no, hyphen-pl, hyphen-cs, hyphen-hu, hyphen-ru, \
hyphen-uk, hyphen-ta, hyphen-hi, hyphen-bn")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, ${NEWSTICKER_HYPHENATION_PACKAGES}")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS rsync)
include(CPack)
