# ctest: `cmake --install` into a scratch prefix puts the binary, the config
# and the packs where the README says.
set(prefix "${BUILD_DIR}/install-check")
file(REMOVE_RECURSE "${prefix}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(f bin/plainsight etc/plainsight/plainsight.toml share/plainsight/patterns/jobs.toml
          share/plainsight/patterns/adult.toml share/plainsight/gazetteer.tsv
          lib/systemd/system/plainsight.service lib/systemd/system/plainsight.timer)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "missing after install: ${f}")
  endif()
endforeach()
execute_process(COMMAND "${prefix}/bin/plainsight" --version OUTPUT_VARIABLE version RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT version MATCHES "^plainsight ")
  message(FATAL_ERROR "installed binary does not run: ${version}")
endif()
file(REMOVE_RECURSE "${prefix}")
