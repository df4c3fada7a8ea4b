# usher_add_qtest(<name> SOURCES <files...> [LIBRARIES <targets...>])
# One Qt Test executable per component, registered with CTest under its own name.
function(usher_add_qtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE Qt6::Test Usher::settings ${ARG_LIBRARIES})
  target_compile_definitions(${name} PRIVATE
    USHER_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    QT_NO_KEYWORDS)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
