# Install rules: the public headers, the one library, a CMake package exporting xipy::xipy
# (find_package(xipy)) and a pkg-config file (xipy.pc).
include(CMakePackageConfigHelpers)

set(XIPY_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/xipy)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/xipy DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(TARGETS xipy EXPORT xipyTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT xipyTargets NAMESPACE xipy:: DESTINATION ${XIPY_CMAKE_PACKAGE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/xipyConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/package/xipyConfig.cmake
                              INSTALL_DESTINATION ${XIPY_CMAKE_PACKAGE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/xipyConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/package/xipyConfig.cmake
              ${PROJECT_BINARY_DIR}/package/xipyConfigVersion.cmake
        DESTINATION ${XIPY_CMAKE_PACKAGE_DIR})

# pkg-config: a static archive needs the C++ runtime on a C host's link line (Libs.private,
# which `pkg-config --static` adds); the shared library records it itself.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(XIPY_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(XIPY_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(XIPY_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(XIPY_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/xipy.pc.in ${PROJECT_BINARY_DIR}/package/xipy.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/package/xipy.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
