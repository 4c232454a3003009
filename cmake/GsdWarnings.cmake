# Warning set and sanitizers shared by every gsd target, after Google Benchmark's
# CMake: the flags live on an INTERFACE target that each library links PRIVATE.
add_library(gsd_build_flags INTERFACE)
add_library(gsd::build_flags ALIAS gsd_build_flags)
target_compile_options(gsd_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wfloat-equal -Wold-style-cast -Wnon-virtual-dtor)
# GCC 12 at -O2/-O3 reports -Wrestrict inside libstdc++'s std::string
# operator+ for ordinary code (GCC bug 105651, fixed in GCC 13); it is a false
# positive in the library, not in ours, so it is silenced on GCC 12 only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(gsd_build_flags INTERFACE -Wno-restrict)
endif()
if(GSD_WERROR)
  target_compile_options(gsd_build_flags INTERFACE -Werror)
endif()
if(GSD_SANITIZE)
  target_compile_options(gsd_build_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(gsd_build_flags INTERFACE -fsanitize=address,undefined)
endif()

if(GSD_TSAN)
  if(GSD_SANITIZE)
    message(FATAL_ERROR "GSD_TSAN and GSD_SANITIZE (ASan) cannot be combined")
  endif()
  target_compile_options(gsd_build_flags INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(gsd_build_flags INTERFACE -fsanitize=thread)
endif()
if(GSD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "GSD_FUZZ needs Clang (libFuzzer): CXX=clang++ cmake ... -DGSD_FUZZ=ON")
  endif()
  # Coverage instrumentation goes on the libraries only (gsd_add_library), the
  # code the harnesses reach; the tests and the command line that share this
  # build (CI's one Clang build for both) are compiled without it.
endif()

# Dependency headers are SYSTEM so that their warnings never trip -Werror.
