# Warning set and sanitizers shared by every gsd target, after Google Benchmark's
# CMake: the flags live on an INTERFACE target that each library links PRIVATE.
add_library(gsd_build_flags INTERFACE)
add_library(gsd::build_flags ALIAS gsd_build_flags)
target_compile_options(gsd_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wfloat-equal -Wold-style-cast -Wnon-virtual-dtor)
if(GSD_WERROR)
  target_compile_options(gsd_build_flags INTERFACE -Werror)
endif()
if(GSD_SANITIZE)
  target_compile_options(gsd_build_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(gsd_build_flags INTERFACE -fsanitize=address,undefined)
endif()

# Dependency headers are SYSTEM so that their warnings never trip -Werror.
