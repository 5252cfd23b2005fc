# ctest: `cmake --install` into a scratch prefix puts the binary, the config,
# the packs and the demo data where the README says; the installed binary
# runs its demo from there alone; and the binary links no test farm.
set(prefix "${BUILD_DIR}/install-check")
file(REMOVE_RECURSE "${prefix}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(f bin/plainsight etc/plainsight/plainsight.toml share/plainsight/patterns/jobs.toml
          share/plainsight/patterns/adult.toml share/plainsight/gazetteer.tsv
          share/plainsight/demo/sites.toml
          lib/systemd/system/plainsight.service lib/systemd/system/plainsight.timer)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "missing after install: ${f}")
  endif()
endforeach()
# Every site in the demo catalogue has its pages installed.
file(STRINGS "${prefix}/share/plainsight/demo/sites.toml" site_lines REGEX "^name = ")
if(NOT site_lines)
  message(FATAL_ERROR "share/plainsight/demo/sites.toml names no site")
endif()
foreach(line IN LISTS site_lines)
  string(REGEX REPLACE "^name = \"(.*)\"$" "\\1" site "${line}")
  if(NOT EXISTS "${prefix}/share/plainsight/demo/${site}/robots.txt")
    message(FATAL_ERROR "demo site ${site} not installed (no share/plainsight/demo/${site}/robots.txt)")
  endif()
endforeach()
execute_process(COMMAND "${prefix}/bin/plainsight" --version OUTPUT_VARIABLE version RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT version MATCHES "^plainsight ")
  message(FATAL_ERROR "installed binary does not run: ${version}")
endif()
# The installed demo must need nothing from the source or build tree: run it
# where there is no config/plainsight.toml, with no overrides in the
# environment, so the packs, gazetteer and sites all come from the prefix.
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=PLAINSIGHT_CONFIG --unset=PLAINSIGHT_DEMO_DATA
                        "${prefix}/bin/plainsight" -q demo --delay-ms 0 --db "${prefix}/demo-store"
                WORKING_DIRECTORY "${prefix}"
                OUTPUT_VARIABLE demo_out ERROR_VARIABLE demo_err RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT demo_out MATCHES "LEAD +SCORE" OR NOT demo_out MATCHES "\nL-")
  message(FATAL_ERROR "installed `plainsight demo` failed (${result}):\n${demo_out}\n${demo_err}")
endif()
file(REMOVE_RECURSE "${prefix}")

# The shipped binary links nothing from tests/ (issue 14 item 5). The link
# step is in link.txt with Makefiles, in build.ninja with Ninja.
set(link_line "")
if(EXISTS "${BUILD_DIR}/cli/CMakeFiles/plainsight.dir/link.txt")
  file(READ "${BUILD_DIR}/cli/CMakeFiles/plainsight.dir/link.txt" link_line)
elseif(EXISTS "${BUILD_DIR}/build.ninja")
  file(READ "${BUILD_DIR}/build.ninja" ninja)
  # The edge that links the binary: its explicit inputs (before any " | " or
  # " || ", which list build order only) and its LINK_LIBRARIES.
  string(REGEX MATCH "\nbuild plainsight: CXX_EXECUTABLE_LINKER[^\n]*\n([ ]+[^\n]*\n)*" edge "${ninja}")
  string(REGEX MATCH "^\nbuild plainsight: [^|\n]*" inputs "${edge}")
  string(REGEX MATCH "\n +LINK_LIBRARIES = [^\n]*" libraries "${edge}")
  set(link_line "${inputs}${libraries}")
endif()
if(NOT link_line MATCHES "plainsight_core")
  message(FATAL_ERROR "cannot find how ${BUILD_DIR}/plainsight is linked (no link.txt, no build.ninja edge)")
endif()
if(link_line MATCHES "farm|tests/")
  message(FATAL_ERROR "the plainsight binary links test code:\n${link_line}")
endif()
# And no farm code reached it by another route.
find_program(NM nm)
if(NM)
  execute_process(COMMAND "${NM}" -C "${BUILD_DIR}/plainsight" OUTPUT_VARIABLE symbols RESULT_VARIABLE result)
  if(result EQUAL 0 AND symbols MATCHES "plainsight::farm::")
    message(FATAL_ERROR "the plainsight binary holds plainsight::farm symbols")
  endif()
endif()
