# cmake -DSOURCE_DIR=<repo> -P CheckCommonLayering.cmake
# common/ is the domain core: no Qt, no Boost.Asio/Beast, no pqxx, no file, console or socket I/O,
# and no reading of clocks or the environment (callers pass `now` and configuration in).
file(GLOB_RECURSE sources "${SOURCE_DIR}/common/*.h" "${SOURCE_DIR}/common/*.cpp" "${SOURCE_DIR}/common/*.in")
set(forbidden_include "#[ \t]*include[ \t]*[<\"](Q[A-Za-z]+|boost/asio|boost/beast|pqxx|fstream|filesystem|cstdio|iostream|ctime|thread)")
set(forbidden_call "(_clock::now|getenv|std::time\\(|rand\\(\\))")
set(offenders "")
foreach(file IN LISTS sources)
  file(STRINGS "${file}" lines REGEX "${forbidden_include}|${forbidden_call}")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
    string(APPEND offenders "  ${relative}: ${line}\n")
  endforeach()
endforeach()
if(offenders)
  message(FATAL_ERROR "common/ must not include Qt, Asio, Beast, pqxx or I/O headers, nor read clocks or the environment:\n${offenders}")
endif()
list(LENGTH sources count)
message(STATUS "common/ layering ok: ${count} files checked")
