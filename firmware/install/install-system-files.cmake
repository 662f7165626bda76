# SPDX-License-Identifier: Apache-2.0
# Installs the files that name other installed files (the systemd units, the
# sync script, the default config), with those names following the install
# prefix. Run by `cmake --install` and by cpack through install(SCRIPT) in
# firmware/CMakeLists.txt, which sets NEWSTICKER_INSTALL_SOURCE (this folder)
# and NEWSTICKER_INSTALL_STAGING (a folder in the build tree) before it.
#
# Prefix /usr (the .deb): the files are installed as they are written, naming
# /usr/bin/newsticker, /usr/share/newsticker/ and /etc/newsticker/, the units in
# /lib/systemd/system. Another prefix P (cmake --install --prefix /usr/local):
# P/bin/newsticker, P/share/newsticker/ and P/etc/newsticker/, the units in
# P/lib/systemd/system.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(etc_dir "/etc/newsticker")
  # Where Debian 12 packages put their units (/lib is /usr/lib on a merged-/usr
  # system, but dpkg must see the path packages use).
  set(unit_dir "/lib/systemd/system")
else()
  set(etc_dir "${CMAKE_INSTALL_PREFIX}/etc/newsticker")
  set(unit_dir "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
endif()

function(newsticker_install_edited file destination)
  file(READ "${NEWSTICKER_INSTALL_SOURCE}/${file}" text)
  string(REPLACE "/usr/bin/newsticker" "${CMAKE_INSTALL_PREFIX}/bin/newsticker" text "${text}")
  string(REPLACE "/usr/share/newsticker/" "${CMAKE_INSTALL_PREFIX}/share/newsticker/" text "${text}")
  string(REPLACE "/etc/newsticker/" "${etc_dir}/" text "${text}")
  file(WRITE "${NEWSTICKER_INSTALL_STAGING}/${file}" "${text}")
  file(INSTALL "${NEWSTICKER_INSTALL_STAGING}/${file}" DESTINATION "${destination}" ${ARGN})
endfunction()

foreach(unit newsticker.service newsticker-sync.service newsticker-sync.timer newsticker-fetch.service
             newsticker-fetch.timer)
  newsticker_install_edited(${unit} "${unit_dir}")
endforeach()
newsticker_install_edited(newsticker-sync "${CMAKE_INSTALL_PREFIX}/bin" FILE_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
newsticker_install_edited(sync.conf "${CMAKE_INSTALL_PREFIX}/share/newsticker")
# The udev rule that gives DRM cards a systemd device unit (the display unit
# waits for dev-dri-card0.device): beside the units' /lib.
get_filename_component(lib_dir "${unit_dir}/../.." ABSOLUTE)
file(INSTALL "${NEWSTICKER_INSTALL_SOURCE}/70-newsticker-drm.rules" DESTINATION "${lib_dir}/udev/rules.d")
# The default config: a dpkg conffile in the .deb (an edited one survives
# upgrades); never overwritten by `cmake --install`.
if(NOT EXISTS "$ENV{DESTDIR}${etc_dir}/config.yaml")
  file(INSTALL "${NEWSTICKER_INSTALL_SOURCE}/config.yaml" DESTINATION "${etc_dir}")
endif()
