# `cmake --build <dir> --target format` rewrites every C++ file with the checked-in .clang-format;
# `format-check` fails when a file is not formatted (used by scripts/test).
find_program(CLANG_FORMAT_EXECUTABLE NAMES clang-format clang-format-14)
if(NOT CLANG_FORMAT_EXECUTABLE)
  return()
endif()

file(GLOB_RECURSE USHER_FORMAT_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/common/*.h ${CMAKE_SOURCE_DIR}/common/*.cpp
  ${CMAKE_SOURCE_DIR}/server/*.h ${CMAKE_SOURCE_DIR}/server/*.cpp
  ${CMAKE_SOURCE_DIR}/client-qt/*.h ${CMAKE_SOURCE_DIR}/client-qt/*.cpp
  ${CMAKE_SOURCE_DIR}/tests/*.h ${CMAKE_SOURCE_DIR}/tests/*.cpp)

add_custom_target(format
  COMMAND ${CLANG_FORMAT_EXECUTABLE} -i ${USHER_FORMAT_SOURCES}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Formatting C++ sources with clang-format"
  VERBATIM)

add_custom_target(format-check
  COMMAND ${CLANG_FORMAT_EXECUTABLE} --dry-run --Werror ${USHER_FORMAT_SOURCES}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  COMMENT "Checking C++ formatting with clang-format"
  VERBATIM)
