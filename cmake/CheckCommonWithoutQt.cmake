# cmake -DSOURCE_DIR=<repo> -DBINARY_DIR=<dir> -P CheckCommonWithoutQt.cmake
# Configures, builds and tests common/ with Qt hidden from CMake, proving that the domain core and
# its Qt-free checks (layout tool, benchmarks' smoke runs) need no Qt at all.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed (${result}): ${ARGN}")
  endif()
endfunction()

run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G Ninja
    -DCMAKE_BUILD_TYPE=Debug -DUSHER_WARNINGS_AS_ERRORS=ON
    -DUSHER_BUILD_CLIENT=OFF -DUSHER_BUILD_SERVER=OFF
    -DUSHER_BUILD_TESTS=ON -DUSHER_BUILD_BENCHMARKS=ON
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON)
run(${CMAKE_COMMAND} --build "${BINARY_DIR}" -j 2)
run(${CMAKE_CTEST_COMMAND} --test-dir "${BINARY_DIR}" --output-on-failure -E "format_check|common_layering")
