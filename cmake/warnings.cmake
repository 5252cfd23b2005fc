# Warnings are set per target (never in global flags) so third-party code is
# untouched; CI turns them into errors with -DPLAINSIGHT_WERROR=ON.
function(plainsight_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  # Locks: GUARDED_BY/REQUIRES (core/thread_annotations.h) are checked by clang.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    target_compile_options(${target} PRIVATE -Wthread-safety)
  endif()
  if(PLAINSIGHT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
    # GCC 12 at -O3 reports std::string inserts as overlapping memcpy (GCC
    # bug 105651, a false positive inside libstdc++): a warning, not an error.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-error=restrict)
    endif()
  endif()
endfunction()

# One library per module: plainsight_<name>, aliased plainsight::<name>.
# Sources are the module folder's *.cc files.
function(plainsight_module name)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  list(FILTER sources EXCLUDE REGEX "_test\\.cc$")
  if(NOT sources)
    set(sources ${PROJECT_SOURCE_DIR}/cmake/empty.cc)
  endif()
  add_library(plainsight_${name} STATIC ${sources})
  add_library(plainsight::${name} ALIAS plainsight_${name})
  target_include_directories(plainsight_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  plainsight_warnings(plainsight_${name})
endfunction()
