# gsd_add_library(NAME SOURCES...): one folder, one namespace, one target.
# Creates gsd_NAME with the alias gsd::NAME (exported as gsd::NAME), public
# headers in NAME/include (installed under include/), the project's warning
# flags in the build tree only, and an install rule into the gsdTargets export.
include(GNUInstallDirs)

function(gsd_add_library name)
  set(target gsd_${name})
  add_library(${target} ${ARGN})
  add_library(gsd::${name} ALIAS ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name} OUTPUT_NAME gsd_${name})
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:gsd::build_flags>)
  if(GSD_FUZZ)
    # libFuzzer's coverage instrumentation (GsdWarnings.cmake): the harnesses
    # link these libraries with -fsanitize=fuzzer.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
  install(TARGETS ${target} EXPORT gsdTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/include)
    install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  endif()
endfunction()
